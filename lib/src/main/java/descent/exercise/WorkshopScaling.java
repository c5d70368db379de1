package descent.exercise;

import descent.data.Dataset;
import descent.data.Standardizer;
import descent.linalg.HessianSpectrum;
import descent.linalg.LeastSquares;
import descent.plot.Show;
import descent.train.Descent;
import descent.train.History;
import descent.train.Init;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import static descent.exercise.WorkshopData.*;

/** Workshop task 5: how feature scaling moves λ_max and 2/λ_max, predicted and measured. */
final class WorkshopScaling {
    private WorkshopScaling() {}

    /**
     * The reasoned answer is 100: every entry of H = (2/m) X_bᵀX_b is a mean of products of two columns, so
     * x·10 multiplies the x·x entry by 10² = 100, the bias·x entries by 10 and the bias·bias entry by 1. In
     * matrices H₁₀ = S H S with S = diag(1, 10), so λ_max(H₁₀) ≤ 100 λ_max(H) and λ_max(H₁₀) ≥ λ_max(H): the
     * factor lies in [1, 100]. It is exactly 100 when x is centred and its entry is the larger one (x
     * standardised); on the workshop's x (mean 1.05) the bias·x entry couples the columns and lifts λ_max
     * above the x·x entry before scaling, and the measured factor is 63. Both are right answers: the reasoned
     * 100, the measured factor, and anything between. Below, a measured factor read roughly (60, or
     * 0.43/0.0069 = 62 from rounded bounds) still passes: down to 0.9 times the measurement.
     */
    static Feedback assessScalingPrediction(double factor) {
        return Exercise.report("set myFactor", () -> NearMiss.explain(judgeScalingPrediction(factor), "myFactor", factor,
                x -> judgeScalingPrediction(x).passed()));
    }

    private static Feedback judgeScalingPrediction(double factor) {
        if (Exercise.isTodo(factor)) return Feedback.notDone("set myFactor to a number");
        Dataset tenfold = scaled(DATA, 10).withBias();
        HessianSpectrum scaled = HessianSpectrum.of(MSE, tenfold);
        double measured = scaled.lambdaMax() / SPECTRUM.lambdaMax();
        double[] h = hessianEntries(XB), h10 = hessianEntries(tenfold);
        if (!(factor > 0) || Double.isInfinite(factor)) {
            return Feedback.wrong("not-positive", Exercise.num(factor) + " is not a factor: give how many times "
                    + "larger λ_max gets, a positive number");
        }
        if (factor >= 0.9 * measured && factor <= 100) {
            String lead;
            if (factor >= 95) {
                lead = (factor >= 99.5 ? "100" : "about 100, your " + Exercise.num(factor) + ",")
                        + " is what H's entries say: its x·x entry, 2·mean(x²), grows exactly "
                        + "10² = 100-fold (" + Exercise.num(h[2]) + " → " + Exercise.num(h10[2]) + "). Measured, λ_max "
                        + "grows " + Exercise.num(measured) + "-fold";
            } else if (factor <= 1.1 * measured) {
                lead = Exercise.num(factor) + " is the measurement: λ_max grows " + Exercise.num(measured) + "-fold";
            } else {
                lead = Exercise.num(factor) + " lies between the measurement and the 100 of H's x·x entry: λ_max "
                        + "grows " + Exercise.num(measured) + "-fold";
            }
            String reasoned = factor >= 95 ? "" : ". From H's entries one predicts 100: its x·x entry, 2·mean(x²), "
                    + "grows exactly 10² = 100-fold (" + Exercise.num(h[2]) + " → " + Exercise.num(h10[2]) + ")";
            return Feedback.done(lead + " (" + Exercise.num(SPECTRUM.lambdaMax()) + " → "
                    + Exercise.num(scaled.lambdaMax()) + "), so 2/λ_max shrinks from "
                    + Exercise.num(SPECTRUM.stabilityBound()) + " to " + Exercise.num(scaled.stabilityBound()) + reasoned
                    + ". The measurement is below 100 because before scaling λ_max is more than the x·x entry: the "
                    + "bias·x entry, 2·mean(x) = " + Exercise.num(h[1]) + ", couples the bias column to x and lifts "
                    + "λ_max from " + Exercise.num(h[2]) + " to " + Exercise.num(SPECTRUM.lambdaMax()) + "; after "
                    + "scaling the x·x entry is nearly all of λ_max (" + Exercise.num(h10[2]) + " of "
                    + Exercise.num(scaled.lambdaMax()) + "). So the factor is about 100 × " + Exercise.num(h[2]) + "/"
                    + Exercise.num(SPECTRUM.lambdaMax()) + " ≈ " + Math.round(100 * h[2] / SPECTRUM.lambdaMax())
                    + ". With x standardised (mean 0, no coupling) it is exactly 100: see the first table")
                    .then(() -> {
                        System.out.println("\nH = (2/m) X_bᵀX_b entry by entry, and how much λ_max grows with x · 10:");
                        Show.table(hessianTable());
                        System.out.println("What the scale does to descent:");
                        Show.table(scalingTable());
                    });
        }
        if (factor > 100) {
            return Feedback.wrong("beyond-100", "λ_max cannot grow more than 100-fold: each entry of H = (2/m) X_bᵀX_b "
                    + "is a mean of products of two columns, so x · 10 multiplies the x·x entry by 10² = 100, the bias·x "
                    + "entries by 10 and the bias·bias entry by 1 — no direction of H grows by more than 100");
        }
        if (factor < 1) {
            return Feedback.wrong("inverted", "λ_max grows when x does (steeper walls), so the factor is above 1: give "
                    + "how many times larger λ_max gets, which is how many times smaller 2/λ_max gets. If you meant "
                    + "that 2/λ_max keeps " + Exercise.num(factor) + " of its size, the factor is 1/" + Exercise.num(factor)
                    + " = " + Exercise.num(1 / factor));
        }
        if (factor < 1.5) {
            return Feedback.wrong("unchanged", "scaling does change H: its x·x entry, 2·mean(x²), is multiplied by "
                    + "10² = 100 and its bias·x entries by 10; only the bias·bias entry stays. λ_max grows with them");
        }
        if (factor >= 5 && factor <= 20) {
            return Feedback.wrong("linear", "not " + Exercise.num(factor) + ": λ_max scales with the square of the "
                    + "feature's scale, not in proportion: the entries of H = (2/m) X_bᵀX_b hold Σx², so x · 10 "
                    + "multiplies the x·x "
                    + "entry by 10² = 100 (the bias·x entries, Σx, only by 10)");
        }
        return Feedback.wrong("other", Exercise.num(factor) + " is not what H says: which entries of "
                + "H = (2/m) X_bᵀX_b change when x is multiplied by 10, and by how much? Each is a mean of products "
                + "of two columns: bias·bias, bias·x and x·x");
    }

    /** The entries of H = (2/m) X_bᵀX_b of a data set with its bias column first: bias·bias, bias·x, x·x. */
    static double[] hessianEntries(Dataset xb) {
        double[] h = new double[3];
        for (int i = 0; i < xb.rows(); i++) {
            h[0] += xb.x(i, 0) * xb.x(i, 0);
            h[1] += xb.x(i, 0) * xb.x(i, 1);
            h[2] += xb.x(i, 1) * xb.x(i, 1);
        }
        for (int k = 0; k < 3; k++) h[k] *= 2.0 / xb.rows();
        return h;
    }

    /** H's entries and λ_max for x and x · 10, as given and standardised: where the factor 63 or 100 comes from. */
    static Table hessianTable() {
        Dataset standardised = Standardizer.fit(DATA).transform(DATA);
        Dataset[][] pairs = {{DATA, scaled(DATA, 10)}, {standardised, scaled(standardised, 10)}};
        String[][] names = {{"x as given", "x · 10"}, {"x standardised", "x standardised · 10"}};
        StringColumn feature = StringColumn.create("feature"), bb = StringColumn.create("bias·bias: 2"),
                bx = StringColumn.create("bias·x: 2·mean(x)"), xx = StringColumn.create("x·x: 2·mean(x²)"),
                lmax = StringColumn.create("λ_max"), grows = StringColumn.create("λ_max grows");
        for (int k = 0; k < pairs.length; k++) {
            double before = HessianSpectrum.of(MSE, pairs[k][0].withBias()).lambdaMax();
            for (int scale = 0; scale < 2; scale++) {
                Dataset xb = pairs[k][scale].withBias();
                double[] h = hessianEntries(xb);
                double l = HessianSpectrum.of(MSE, xb).lambdaMax();
                feature.append(names[k][scale]);
                bb.append(Exercise.num(h[0]));
                bx.append(Exercise.gap(h[1]));
                xx.append(Exercise.num(h[2]));
                lmax.append(Exercise.num(l));
                grows.append(scale == 1 ? Exercise.num(l / before) + "-fold" : "");
            }
        }
        return Table.create("H entry by entry").addColumns(feature, bb, bx, xx, lmax, grows);
    }

    static Table scalingTable() {
        Dataset[] sets = {XB, scaled(DATA, 10).withBias(), Standardizer.fit(DATA).transform(DATA).withBias()};
        String[] names = {"x as given", "x · 10", "x standardised"};
        StringColumn name = StringColumn.create("feature"), lmax = StringColumn.create("λ_max"),
                bound = StringColumn.create("2/λ_max"), cond = StringColumn.create("λ_max/λ_min");
        StringColumn its = StringColumn.create("iterations to J − J* < 1e-6 at η*");
        for (int k = 0; k < sets.length; k++) {
            HessianSpectrum s = HessianSpectrum.of(MSE, sets[k]);
            double best = MSE.value(sets[k], LeastSquares.solve(sets[k]));
            History h = Descent.of(MSE, sets[k]).optimizer(new descent.optim.GradientDescent(s.optimalStep()))
                    .init(Init.zeros()).maxIterations(100_000).tolerance(0).run();
            int reached = firstWithin(h.epochLoss(), best);
            name.append(names[k]);
            lmax.append(Exercise.num(s.lambdaMax()));
            bound.append(Exercise.num(s.stabilityBound()));
            cond.append(Exercise.num(s.conditionNumber()));
            its.append(reached < 0 ? "> 100000" : String.valueOf(reached));
        }
        return Table.create("feature scaling").addColumns(name, lmax, bound, cond, its);
    }
}
