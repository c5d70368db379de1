package descent.exercise;

import descent.plot.Plots;
import descent.plot.Show;
import java.util.ArrayList;
import java.util.List;
import static descent.exercise.WorkshopData.*;

/** Workshop task 1: the student's loop of batch descent against the library's, line by line; then the figure. */
final class WorkshopLines {
    private WorkshopLines() {}

    static Feedback assessFittedLines(Workshop.FittedLines loop) {
        return Exercise.report("write the body of the loop (gradient, update, remember the line)", () -> {
            if (Exercise.isTodo(loop)) return Feedback.notDone("write the loop body");
            List<double[]> mine = loop.run(XB, 0.1, 10);
            List<double[]> reference = reference(0.1, 10);
            if (mine == null || mine.size() != 10) {
                return Feedback.wrong("count", "10 iterations should give 10 lines, yours gave "
                        + (mine == null ? "null" : mine.size()) + ": add w once per iteration"
                        + (mine != null && mine.isEmpty() ? " (is the lines.add line missing?)" : ""));
            }
            if (matches(mine, reference)) {
                return Feedback.done("your 10 lines match the library's batch descent to 1e-12; below, your loop for four "
                        + "η: too small, good, and two too large, just below and just above 2/λ_max").then(() -> figure(loop));
            }
            if (mine.get(0) == mine.get(9) || Compare.close(mine.get(0), reference.get(9), 1e-9)
                    && Compare.close(mine.get(0), mine.get(9), 0)) {
                return Feedback.wrong("same-array", "all 10 lines are the last one: you added the array w itself, which "
                        + "the next updates keep changing. Add a copy: lines.add(w.clone())");
            }
            if (Compare.close(mine.get(0), new double[XB.cols()], 0) && matches(mine.subList(1, 10), reference.subList(0, 9))) {
                return Feedback.wrong("off-by-one", "your first line is the start w = 0 and the last update is missing: "
                        + "in each iteration the order is gradient, update, then lines.add — yours adds the line before "
                        + "the update, or updates before the gradient is computed (with g still 0)");
            }
            Feedback first = firstUpdate(mine.get(0), reference.get(0), 0.1);
            if (first != null) return first;
            double start = MSE.value(XB, new double[XB.cols()]);
            double after = MSE.value(XB, mine.get(9));
            if (!(after < start)) {
                return Feedback.wrong("ascends", "J went from " + Exercise.num(start) + " to " + Exercise.num(after)
                        + ": your loop climbs. Step against the gradient: w_j ← w_j − η g_j");
            }
            return Feedback.wrong("other", "after one iteration your w is " + vector(mine.get(0)) + ", the library's "
                    + vector(reference.get(0)) + ": compute g at the current w, then w_j ← w_j − η g_j");
        });
    }

    /**
     * What the first update from w = 0 says, compared with the reference's −η·∇J(0) coordinate by coordinate:
     * nothing moved; one weight left out; every weight off by one factor; the same step whatever the gradient.
     */
    static Feedback firstUpdate(double[] mine, double[] reference, double eta) {
        int moved = 0, leftOut = -1;
        for (int j = 0; j < mine.length; j++) {
            if (mine[j] != 0) moved++;
            else if (reference[j] != 0) leftOut = j;
        }
        if (moved == 0) {
            return Feedback.wrong("no-step", "your w never moves from 0: the gradient is never computed (g stays 0), "
                    + "or the update line w_j ← w_j − η g_j is missing");
        }
        if (leftOut >= 0 && moved == mine.length - 1) {
            String which = leftOut == 0 ? "the first weight, w_0 (the bias)" : leftOut == mine.length - 1
                    ? "the last weight, w_" + leftOut : "w_" + leftOut;
            return Feedback.wrong("weight-skipped", "after one iteration " + which + " is still 0 while the others "
                    + "moved: your loop over j skips it. Run j from 0 while j < w.length");
        }
        double k = Compare.factor(mine, reference);
        if (Compare.close(k, -1, 1e-9)) {
            return Feedback.wrong("sign", "your first update has the opposite sign: it steps uphill, along the "
                    + "gradient. w_j ← w_j − η g_j");
        }
        if (Compare.close(k, 1 / eta, 1e-9)) {
            return Feedback.wrong("no-eta", "your first update is g itself, 1/η = " + Exercise.num(1 / eta) + " times "
                    + "the step: the factor η is missing, w_j ← w_j − η g_j");
        }
        if (Double.isFinite(k) && !Compare.close(k, 1, 1e-9)) {
            return Feedback.wrong("factor", "your first update is " + Exercise.num(k) + " times the right one"
                    + (Compare.close(k, 2, 1e-9) ? ", twice its size: one factor 2 too many" : ": a factor is off")
                    + " in w_j ← w_j − η g_j");
        }
        boolean flat = true;
        for (double d : mine) flat &= Compare.close(d, -eta, 1e-12);
        if (flat) {
            return Feedback.wrong("no-gradient", "every weight moved by −η whatever its gradient: g_j is missing as a "
                    + "factor, w_j ← w_j − η g_j");
        }
        return null;
    }

    private static void figure(Workshop.FittedLines loop) {
        double bound = SPECTRUM.stabilityBound();
        // the lecture's small and good rates; its 0.5 leaves this data's window at once, so the too-large
        // pair sits either side of this data's bound: one rings and settles, one rings and grows
        double[][] rates = {{0.02}, {0.1}, {0.95 * bound}, {1.05 * bound}};
        String[] names = {"too small", "good", "too large: 0.95 × 2/λ_max, rings", "too large: 1.05 × 2/λ_max, diverges"};
        for (int k = 0; k < rates.length; k++) {
            double eta = rates[k][0];
            List<double[]> lines = loop.run(XB, eta, 10);
            System.out.println("η = " + Exercise.num(eta) + " (" + names[k] + "): after 10 iterations J − J* = "
                    + Exercise.num(MSE.value(XB, lines.get(lines.size() - 1)) - BEST));
            Show.image(Plots.fittedLines(DATA, lines, new double[] {0, 2, 8, 22}),
                    "fitted lines, η = " + Exercise.num(eta));
        }
    }

    private static List<double[]> reference(double eta, int iterations) {
        double[] w = new double[XB.cols()], g = new double[XB.cols()];
        List<double[]> lines = new ArrayList<>();
        for (int t = 0; t < iterations; t++) {
            MSE.valueAndGradient(XB, w, g);
            for (int i = 0; i < w.length; i++) w[i] -= eta * g[i];
            lines.add(w.clone());
        }
        return lines;
    }

    private static boolean matches(List<double[]> mine, List<double[]> reference) {
        if (mine.size() != reference.size()) return false;
        for (int k = 0; k < mine.size(); k++) {
            if (mine.get(k) == null || !Compare.close(mine.get(k), reference.get(k), 1e-12)) return false;
        }
        return true;
    }

    private static String vector(double[] v) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) s.append(i == 0 ? "" : ", ").append(Exercise.num(v[i]));
        return s.append(")").toString();
    }
}
