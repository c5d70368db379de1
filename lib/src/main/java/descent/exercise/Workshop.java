package descent.exercise;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.data.Standardizer;
import descent.linalg.HessianSpectrum;
import descent.linalg.LeastSquares;
import descent.loss.MeanSquaredError;
import descent.optim.Momentum;
import descent.plot.Plots;
import descent.plot.Show;
import descent.train.Descent;
import descent.train.History;
import descent.train.Init;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Checks for notebook 3, the workshop on learning rate and iterations: 50 points of y = 8 + 6x + noise
 * (seed 2024) with the bias column, batch gradient descent from w = 0 on J = MSE. The stability bound
 * η &lt; 2/λ_max and the best fixed step 2/(λ_max + λ_min) are from Nocedal &amp; Wright, Numerical
 * Optimization, §3.3; the workshop follows the course's lecture on learning rate and iterations.
 */
public final class Workshop {
    /** Batch descent from w = 0 for some iterations: the weights after every iteration. */
    @FunctionalInterface
    public interface FittedLines {
        List<double[]> run(Dataset xb, double eta, int iterations);
    }

    /** A search for the η where descent starts to diverge, between a converging lo and a diverging hi. */
    @FunctionalInterface
    public interface ThresholdSearch {
        double find(DoublePredicate diverges, double lo, double hi);
    }

    /** The number of iterations after which J − J* &lt; 10⁻⁶ first holds, or −1 if it never does. */
    @FunctionalInterface
    public interface IterationCount {
        int of(double eta);
    }

    /** A convergence test on two successive costs. */
    @FunctionalInterface
    public interface StopRule {
        boolean stop(double previousJ, double currentJ);
    }

    /** The learning rates of task 2's chart. */
    public static final double[] TASK2_RATES = {0.005, 0.05, 0.3, 0.6};
    private static final Dataset DATA = Datasets.linear(50, 2024);
    private static final Dataset XB = DATA.withBias();
    private static final MeanSquaredError MSE = MeanSquaredError.mean();
    private static final double BEST = MSE.value(XB, LeastSquares.solve(XB));
    private static final HessianSpectrum SPECTRUM = HessianSpectrum.of(MSE, XB);
    private static final int BUDGET = 5000;

    private Workshop() {}

    /** The workshop's data with its bias column. */
    public static Dataset data() { return XB; }

    /** J* = J at the normal equation's weights. */
    public static double best() { return BEST; }

    // ---------------------------------------------------------------- task 1: the fitted line, step by step

    /** The student's loop against the library's batch descent (η = 0.1, 10 iterations); then the figure. */
    public static void checkFittedLines(FittedLines loop) {
        assessFittedLines(loop).print();
    }

    static Feedback assessFittedLines(FittedLines loop) {
        return Exercise.report("write the body of the loop (gradient, update, remember the line)", () -> {
            if (Exercise.isTodo(loop)) return Feedback.notDone("write the loop body");
            List<double[]> mine = loop.run(XB, 0.1, 10);
            List<double[]> reference = reference(0.1, 10);
            if (mine == null || mine.size() != 10) {
                return Feedback.wrong("count", "10 iterations should give 10 lines, yours gave "
                        + (mine == null ? "null" : mine.size()) + ": add w once per iteration");
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
                        + "update w first, then add the line");
            }
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

    private static void figure(FittedLines loop) {
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

    // ---------------------------------------------------------------- task 2: predict, then run

    /** The largest of {@link #TASK2_RATES} that converges, predicted before the chart was drawn. */
    public static void checkLargestConverging(double eta) {
        assessLargestConverging(eta).print();
    }

    static Feedback assessLargestConverging(double eta) {
        return Exercise.report("set myPrediction", () -> {
            if (Exercise.isTodo(eta)) return Feedback.notDone("set myPrediction to one of 0.005, 0.05, 0.3, 0.6");
            double answer = Double.NaN;
            for (double r : TASK2_RATES) if (r < SPECTRUM.stabilityBound()) answer = r;
            boolean listed = false;
            for (double r : TASK2_RATES) listed |= r == eta;
            if (!listed) {
                return Feedback.wrong("not-listed", Exercise.num(eta) + " is not one of the four rates: pick 0.005, 0.05, "
                        + "0.3 or 0.6");
            }
            if (eta == answer) {
                return Feedback.done("η = " + Exercise.num(eta) + " is the largest that converges: 2/λ_max = "
                        + Exercise.num(SPECTRUM.stabilityBound()) + " lies between it and the next one");
            }
            if (eta > answer) {
                return Feedback.wrong("too-large", "η = " + Exercise.num(eta) + " diverged in the chart (its curve climbs): "
                        + "it is above 2/λ_max = " + Exercise.num(SPECTRUM.stabilityBound()));
            }
            return Feedback.wrong("too-cautious", "η = " + Exercise.num(eta) + " converges, but so does " + Exercise.num(answer)
                    + " (see its curve): a larger η converges too as long as it stays below 2/λ_max");
        });
    }

    // ---------------------------------------------------------------- task 3: hunt the divergence threshold

    /**
     * The student's search, first against thresholds the check knows (so a hard-coded number fails; it must
     * land within 1e-4 of them), then against real runs, whose result it reports beside 2/λ_max. Every test
     * goes through {@link SearchProbes}, which stops a search whose interval never shrinks and says why.
     */
    public static void checkThresholdSearch(ThresholdSearch search) {
        assessThresholdSearch(search).print();
    }

    static Feedback assessThresholdSearch(ThresholdSearch search) {
        return Exercise.report("write the bisection inside the lambda", () -> {
            if (Exercise.isTodo(search)) return Feedback.notDone("write the search");
            for (double threshold : new double[] {0.123, SPECTRUM.stabilityBound()}) {
                SearchProbes diverges = new SearchProbes(eta -> eta >= threshold, 0.001, 2.0);
                double found;
                try {
                    found = search.find(diverges, 0.001, 2.0);
                } catch (SearchProbes.Exhausted e) {
                    return diverges.diagnosis();
                }
                if (Double.isNaN(found) || found < 0.001 || found > 2.0) {
                    return Feedback.wrong("outside", "your search returned " + found + ", outside the interval [lo, hi] = "
                            + "[0.001, 2] it was given");
                }
                if (Math.abs(found - threshold) > 1e-4) {
                    if (Math.abs(found - 0.001) < 1e-3 || Math.abs(found - 2.0) < 1e-3) {
                        return Feedback.wrong("wrong-half", "your search ended at " + Exercise.num(found) + ", an end of the "
                                + "interval, though the threshold was " + Exercise.num(threshold) + ": when diverges(mid) is "
                                + "true the threshold is below mid, so set hi = mid (else lo = mid)");
                    }
                    return Feedback.wrong("too-coarse", "your search stopped at " + Exercise.num(found) + " after "
                            + diverges.calls() + " runs; the threshold was " + Exercise.num(threshold)
                            + ". Halve [lo, hi] until hi − lo < 1e-5");
                }
            }
            SearchProbes experiment = new SearchProbes(eta -> run(eta, 3000).diverged(), 0.01, 2.0);
            double found;
            try {
                found = search.find(experiment, 0.01, 2.0);
            } catch (SearchProbes.Exhausted e) {
                return experiment.diagnosis();
            }
            double bound = SPECTRUM.stabilityBound();
            return Feedback.done("your search finds divergence starting at η = " + String.format("%.4f", found)
                    + " in " + experiment.calls() + " real runs of 3000 iterations; 2/λ_max = " + String.format("%.4f", bound)
                    + " (off by " + String.format("%.2f", 100 * Math.abs(found - bound) / bound) + "%)");
        });
    }

    // ---------------------------------------------------------------- task 4: iterations against η, as a table

    /** The student's count against a reference loop at five rates, then the table over all of them. */
    public static void checkIterationCount(IterationCount count) {
        assessIterationCount(count).print();
    }

    static Feedback assessIterationCount(IterationCount count) {
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
            if (allMinusOne) {
                return Feedback.wrong("never", "your count never reaches the target, even at η* where " + reference[star]
                        + " iterations do: compare J − J* (not J: J* = " + Exercise.num(BEST) + ") with 1e-6, and step "
                        + "against the gradient");
            }
            boolean offByOne = true;
            for (int k = 0; k < rates.length; k++) {
                offByOne &= reference[k] < 0 ? mine[k] < 0 : Math.abs(mine[k] - reference[k]) == 1;
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

    /** Reference: the first t with J(w_t) − J* &lt; 10⁻⁶, w_t after t batch updates from w = 0. */
    static int iterationsToReach(double eta) {
        double[] w = new double[XB.cols()], g = new double[XB.cols()];
        for (int t = 0; t <= BUDGET; t++) {
            double j = MSE.valueAndGradient(XB, w, g);
            if (!Double.isFinite(j)) return -1;
            if (j - BEST < 1e-6) return t;
            for (int i = 0; i < w.length; i++) w[i] -= eta * g[i];
        }
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

    // ---------------------------------------------------------------- task 5: feature scaling

    /** How many times λ_max grows (and so 2/λ_max shrinks) when x is measured ten times larger (x·10), predicted. */
    public static void checkScalingPrediction(double factor) {
        assessScalingPrediction(factor).print();
    }

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
        return Exercise.report("set myFactor", () -> {
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
        });
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

    /** The data with its one feature multiplied by {@code by}. */
    private static Dataset scaled(Dataset data, double by) {
        double[][] features = new double[data.rows()][1];
        double[] y = new double[data.rows()];
        for (int i = 0; i < data.rows(); i++) {
            features[i][0] = by * data.x(i, 0);
            y[i] = data.y(i);
        }
        return Dataset.of(features, y);
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

    // ---------------------------------------------------------------- task 6: when to stop

    /** |ΔJ| &lt; 10⁻⁴, tried on pairs of costs, then run against a fixed budget of 1000 iterations. */
    public static void checkStopRule(StopRule rule) {
        assessStopRule(rule).print();
    }

    static Feedback assessStopRule(StopRule rule) {
        return Exercise.report("write the test inside the lambda", () -> {
            if (Exercise.isTodo(rule)) return Feedback.notDone("write the stopping test");
            boolean smallFall = rule.stop(1.0, 0.99995), bigFall = rule.stop(1.0, 0.9);
            boolean smallRise = rule.stop(1.0, 1.00005), bigRise = rule.stop(0.9, 1.0);
            boolean tinyNearZero = rule.stop(1e-3, 0.99e-3);
            boolean relative = rule.stop(50.0, 49.9985);   // ΔJ = 0.0015, but only 3e-5 of J
            if (smallFall && !bigFall && smallRise && !bigRise && tinyNearZero && !relative && !rule.stop(1.0, 0.9998)) {
                int stopped = stopAt(rule);
                double gapRule = MSE.value(XB, run(0.1, stopped).weights()) - BEST;
                double gapFixed = run(0.1, 1000).finalLoss() - BEST;
                return Feedback.done("with η = 0.1 your test stops after " + stopped + " iterations at J − J* = "
                        + Exercise.gap(gapRule) + "; a fixed 1000 iterations reach J − J* = " + Exercise.gap(gapFixed)
                        + ". |ΔJ| < 1e-4 saves iterations but stops well before the optimum");
            }
            if (bigFall && !smallFall) {
                return Feedback.wrong("inverted", "your test stops when J falls by 0.1 and not when it falls by 0.00005: it "
                        + "is the wrong way round — stop when the change is small");
            }
            if (bigFall && smallFall && !bigRise) {
                return Feedback.wrong("signed", "your test stops whenever J falls, by however much: J_t − J_{t−1} is "
                        + "negative then, and so below 1e-4. Take the absolute value, |J_t − J_{t−1}| < 1e-4");
            }
            if (smallFall && !bigFall && bigRise) {
                return Feedback.wrong("no-abs", "your test stops when J rises by 0.1: J_{t−1} − J_t is negative then. Take "
                        + "the absolute value, |J_t − J_{t−1}| < 1e-4");
            }
            if (bigFall && bigRise) {
                return Feedback.wrong("always", "your test stops even when J changes by 0.1: compare |ΔJ| with 1e-4");
            }
            if (relative) {
                return Feedback.wrong("relative", "your test looks at the relative change ΔJ/J; this task asks for the "
                        + "absolute change |ΔJ| < 1e-4");
            }
            if (!smallFall && (rule.stop(1.0, 5e-5) || rule.stop(5e-5, 1.0))) {  // J small, its change near 1
                return Feedback.wrong("reads-j", "your test looks at J itself, not at its change: it stops when J jumps"
                        + " between 1 and 0.00005 (a change of almost 1) and not when J changes by 0.00005 near 1. "
                        + "Compare the change, |J_t − J_{t−1}| < 1e-4");
            }
            if (!smallFall) {
                return Feedback.wrong("threshold", "your test does not stop when J changes by 0.00005 (< 1e-4): check the "
                        + "threshold, 1e-4 = 0.0001");
            }
            return Feedback.wrong("other", "your test stops for a change of 0.0002; it should stop only below 1e-4");
        });
    }

    /** The iteration after which the rule says stop, running batch descent with η = 0.1 from w = 0. */
    private static int stopAt(StopRule rule) {
        double[] w = new double[XB.cols()], g = new double[XB.cols()];
        double previous = MSE.valueAndGradient(XB, w, g);
        for (int t = 1; t <= BUDGET; t++) {
            for (int i = 0; i < w.length; i++) w[i] -= 0.1 * g[i];
            double current = MSE.valueAndGradient(XB, w, g);
            if (rule.stop(previous, current)) return t;
            previous = current;
        }
        return BUDGET;
    }

    // ---------------------------------------------------------------- stretch: beat the best fixed step

    /** Momentum (η, μ) that reaches J − J* &lt; 10⁻⁶ from w = 0 in fewer iterations than GD at η*. */
    public static void checkMomentumBeatsBestStep(double eta, double mu) {
        assessMomentumBeatsBestStep(eta, mu).print();
    }

    static Feedback assessMomentumBeatsBestStep(double eta, double mu) {
        return Exercise.report("set myEta and myMu", () -> {
            if (Exercise.isTodo(eta) || Exercise.isTodo(mu)) return Feedback.notDone("set myEta and myMu");
            if (!(eta > 0) || !(mu >= 0 && mu < 1)) {
                return Feedback.wrong("invalid", "η = " + eta + ", μ = " + mu + ": η must be > 0 and μ in [0, 1)");
            }
            int gd = iterationsToReach(SPECTRUM.optimalStep());
            Momentum momentum = new Momentum(eta, mu);
            History h = Descent.of(MSE, XB).optimizer(momentum).init(Init.zeros()).maxIterations(BUDGET).tolerance(0).run();
            int reached = firstWithin(h.epochLoss(), BEST);
            if (h.diverged()) {
                return Feedback.wrong("diverges", "momentum with η = " + Exercise.num(eta) + ", μ = " + Exercise.num(mu)
                        + " diverged: its bound is 2(1 + μ)/λ_max = " + Exercise.num(momentum.stableRateBound(SPECTRUM.lambdaMax())));
            }
            if (reached >= 0 && reached < gd) {
                return Feedback.done("momentum needs " + reached + " iterations, GD at η* needs " + gd
                        + " (try √κ: the heavy-ball optimum is μ = ((√κ − 1)/(√κ + 1))²)");
            }
            return Feedback.wrong("slower", "momentum with these values needs " + (reached < 0 ? "more than " + BUDGET : reached)
                    + " iterations, GD at η* needs " + gd + ": raise μ towards 0.9 and η towards 2(1 + μ)/λ_max");
        });
    }

    // ---------------------------------------------------------------- shared

    /** The first t with J_t − J* &lt; 10⁻⁶ in a batch run's costs (one per iteration), or −1. */
    private static int firstWithin(double[] costs, double best) {
        for (int t = 0; t < costs.length; t++) if (costs[t] - best < 1e-6) return t;
        return -1;
    }

    private static History run(double eta, int iterations) {
        return Descent.of(MSE, XB).optimizer(new descent.optim.GradientDescent(eta)).init(Init.zeros())
                .maxIterations(iterations).tolerance(0).run();
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
