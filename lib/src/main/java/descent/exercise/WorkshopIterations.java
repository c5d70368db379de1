package descent.exercise;

import descent.plot.Show;
import descent.train.History;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import static descent.exercise.WorkshopData.*;

/** Workshop task 4: iterations to J − J* < 10⁻⁶ against η, counted by the student's loop, as a table. */
final class WorkshopIterations {
    private WorkshopIterations() {}

    /**
     * The student's count against the reference loop at six rates; a wrong count is read for its pattern: 0
     * everywhere (the comparison turned round), −1 everywhere, the reference's at 2η or η/2 (a factor in the
     * update), one more or fewer at every rate.
     */
    static Feedback assessIterationCount(Workshop.IterationCount count) {
        return Exercise.report("write the test and the update inside the loop", () -> {
            if (Exercise.isTodo(count)) return Feedback.notDone("write the loop body");
            double[] rates = rates();
            int[] mine = new int[rates.length], reference = new int[rates.length];
            boolean allMinusOne = true;
            for (int k = 0; k < rates.length; k++) {
                mine[k] = count.of(rates[k]);
                reference[k] = iterationsToReach(rates[k]);
                allMinusOne &= mine[k] == -1;
            }
            if (java.util.Arrays.equals(mine, reference)) {
                return Feedback.done("your counts match the reference at all " + rates.length + " rates; the table below "
                        + "is built from them").then(() -> Show.table(sweepTable(rates, mine)));
            }
            int star = indexOf(rates, SPECTRUM.optimalStep());
            boolean allZero = true;
            for (int m : mine) allZero &= m == 0;
            if (allZero) {
                return Feedback.wrong("comparison", "you report 0 iterations at every η, though at w = 0 J − J* = "
                        + Exercise.num(MSE.value(XB, new double[XB.cols()]) - BEST) + ": your test returns while J − J* is "
                        + "still larger than 1e-6 — the comparison is the wrong way round, J − J* < 1e-6");
            }
            if (allMinusOne) {
                return Feedback.wrong("never", "your count never reaches the target, even at η* where " + reference[star]
                        + " iterations do: compare J − J* (not J: J* = " + Exercise.num(BEST) + ") with 1e-6, and update "
                        + "every weight, from the first (j = 0) to the last, against the gradient by the factor η times g_j");
            }
            for (double scale : new double[] {2, 0.5}) {
                boolean scaled = true;
                for (int k = 0; k < rates.length; k++) scaled &= mine[k] == iterationsToReach(scale * rates[k]);
                if (scaled) {
                    return Feedback.wrong("factor", "your counts are the reference's at " + Exercise.num(scale) + "·η for "
                            + "every η: your update steps by " + Exercise.num(scale) + "·η·g, "
                            + (scale == 2 ? "twice the step: one factor 2 too many" : "half the step: a factor 2 missing"));
                }
            }
            boolean offByOne = true;
            for (int k = 0; k < rates.length; k++) {
                offByOne &= reference[k] < 0 ? mine[k] < 0 : Math.abs(mine[k] - reference[k]) == 1;
            }
            int shift = 0;
            for (int k = 0; k < rates.length; k++) if (reference[k] >= 0) shift = mine[k] - reference[k];
            if (offByOne && shift == 1) {
                boolean everywhere = true;
                for (int k = 0; k < rates.length; k++) everywhere &= reference[k] < 0 || mine[k] == reference[k] + 1;
                if (everywhere) {
                    return Feedback.wrong("off-by-one", "at every rate you count one more than the reference (at η* "
                            + mine[star] + ", not " + reference[star] + "): test J − J* before the update, and then t "
                            + "is already the number of updates made so far — return t, not t + 1");
                }
            }
            if (offByOne) {
                return Feedback.wrong("off-by-one", "at η* you count " + mine[star] + ", the reference " + reference[star]
                        + ": test J − J* before the update, so that t is the number of updates made so far");
            }
            for (int k = 0; k < rates.length; k++) {
                if (reference[k] < 0 && mine[k] >= 0) {
                    return Feedback.wrong("divergent-counted", "η = " + Exercise.num(rates[k]) + " diverges, yet you report "
                            + mine[k] + " iterations: return −1 when the target is never reached");
                }
            }
            return Feedback.wrong("other", "at η* = " + Exercise.num(rates[star]) + " you count " + mine[star]
                    + " iterations, the reference " + reference[star]);
        });
    }

    private static double[] rates() {
        return new double[] {0.01, 0.03, 0.1, 0.3, SPECTRUM.optimalStep(), 1.05 * SPECTRUM.stabilityBound()};
    }

    private static int indexOf(double[] values, double v) {
        for (int k = 0; k < values.length; k++) if (values[k] == v) return k;
        return -1;
    }

    private static Table sweepTable(double[] rates, int[] counts) {
        StringColumn eta = StringColumn.create("η"), diverged = StringColumn.create("diverged?");
        StringColumn iterations = StringColumn.create("iterations to J − J* < 1e-6");
        StringColumn gap = StringColumn.create("J − J* after 200 iterations");
        for (int k = 0; k < rates.length; k++) {
            History h = run(rates[k], 200);
            eta.append(Exercise.num(rates[k]));
            iterations.append(counts[k] >= 0 ? String.valueOf(counts[k]) : "not within " + BUDGET);
            gap.append(h.diverged() ? "diverged" : Exercise.gap(h.finalLoss() - BEST));
            diverged.append(h.diverged() ? "yes" : "no");
        }
        return Table.create("iterations against η").addColumns(eta, iterations, gap, diverged);
    }
}
