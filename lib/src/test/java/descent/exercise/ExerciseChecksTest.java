package descent.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.loss.LogLoss;
import descent.optim.CustomOptimizer;
import descent.optim.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every check of {@code descent.exercise}: the right answer passes, the stub says "not done yet", and
 * each typical wrong answer gets its own diagnosis. The right answers are written out here from the
 * formulas (not taken from the library), the wrong ones are the slips the checks name.
 */
class ExerciseChecksTest {

    private static void passes(Feedback f) {
        assertEquals(Feedback.Verdict.DONE, f.verdict(), f.toString());
        assertTrue(f.toString().startsWith("✔ "), f.toString());
    }

    private static void notDone(Feedback f) {
        assertEquals(Feedback.Verdict.NOT_DONE, f.verdict(), f.toString());
        assertTrue(f.toString().startsWith("… not done yet"), f.toString());
    }

    private static void wrong(String mistake, Feedback f) {
        assertEquals(Feedback.Verdict.WRONG, f.verdict(), f.toString());
        assertEquals(mistake, f.mistake(), f.toString());
        assertTrue(f.toString().startsWith("✘ "), f.toString());
    }

    private static <T> T stub() {
        throw Exercise.notDone();
    }

    // ---------------------------------------------------------------- 00, 01

    @Test
    void welcome() {
        passes(WelcomeExercises.assessGuess(2.1));
        notDone(WelcomeExercises.assessGuess(Exercise.TODO));
        wrong("too-low", WelcomeExercises.assessGuess(1.8));
        wrong("too-high", WelcomeExercises.assessGuess(2.4));
    }

    @Test
    void slope() {
        double mean = new descent.function.SampleMse(descent.data.Datasets.normalSample(1000, 2.0, 0.3, 42)).mean();
        passes(ErrorCurveExercises.assessSlope(m -> 2 * (m - mean)));
        notDone(ErrorCurveExercises.assessSlope(m -> stub()));
        wrong("sign", ErrorCurveExercises.assessSlope(m -> 2 * (mean - m)));
        wrong("missing-2", ErrorCurveExercises.assessSlope(m -> m - mean));
        wrong("missing-1/m", ErrorCurveExercises.assessSlope(m -> 2000 * (m - mean)));
        wrong("constant", ErrorCurveExercises.assessSlope(m -> 2 * mean));
        wrong("throws", ErrorCurveExercises.assessSlope(m -> new double[(int) m - 5].length));
    }

    @Test
    void step() {
        passes(ErrorCurveExercises.assessStep((m, slope, eta) -> m - eta * slope));
        notDone(ErrorCurveExercises.assessStep((m, slope, eta) -> stub()));
        wrong("sign", ErrorCurveExercises.assessStep((m, slope, eta) -> m + eta * slope));
        wrong("missing-eta", ErrorCurveExercises.assessStep((m, slope, eta) -> m - slope));
        wrong("step-only", ErrorCurveExercises.assessStep((m, slope, eta) -> -eta * slope));
    }

    @Test
    void learningRateOfTheErrorCurve() {
        passes(ErrorCurveExercises.assessLearningRate(0.5));
        passes(ErrorCurveExercises.assessLearningRate(0.3));
        notDone(ErrorCurveExercises.assessLearningRate(Exercise.TODO));
        wrong("diverges", ErrorCurveExercises.assessLearningRate(1.1));
        wrong("oscillates", ErrorCurveExercises.assessLearningRate(1.0));
        wrong("rings", ErrorCurveExercises.assessLearningRate(0.9));
        wrong("crawls", ErrorCurveExercises.assessLearningRate(0.01));
        wrong("not-positive", ErrorCurveExercises.assessLearningRate(-0.1));
    }

    @Test
    void centralDifference() {
        passes(ErrorCurveExercises.assessCentralDifference((f, x, e) -> (f.applyAsDouble(x + e) - f.applyAsDouble(x - e)) / (2 * e)));
        notDone(ErrorCurveExercises.assessCentralDifference((f, x, e) -> stub()));
        wrong("one-sided", ErrorCurveExercises.assessCentralDifference((f, x, e) -> (f.applyAsDouble(x + e) - f.applyAsDouble(x)) / e));
        wrong("missing-2", ErrorCurveExercises.assessCentralDifference((f, x, e) -> (f.applyAsDouble(x + e) - f.applyAsDouble(x - e)) / e));
        wrong("sign", ErrorCurveExercises.assessCentralDifference((f, x, e) -> (f.applyAsDouble(x - e) - f.applyAsDouble(x + e)) / (2 * e)));
        wrong("other", ErrorCurveExercises.assessCentralDifference((f, x, e) -> (1.0 + e - 1.0 + e) / (2 * e) * 3 + e * e));
    }

    // ---------------------------------------------------------------- 02

    private static double residual(Dataset xb, double[] w, int i) {
        double r = -xb.y(i);
        for (int j = 0; j < w.length; j++) r += xb.x(i, j) * w[j];
        return r;
    }

    private static double partial(Dataset xb, double[] w, int j, double factor, boolean withX) {
        double s = 0;
        for (int i = 0; i < xb.rows(); i++) s += residual(xb, w, i) * (withX ? xb.x(i, j) : 1);
        return factor * s;
    }

    @Test
    void partialDerivative() {
        passes(BatchDescentExercises.assessPartial((xb, w, j) -> partial(xb, w, j, 2.0 / xb.rows(), true)));
        notDone(BatchDescentExercises.assessPartial((xb, w, j) -> stub()));
        wrong("sign", BatchDescentExercises.assessPartial((xb, w, j) -> partial(xb, w, j, -2.0 / xb.rows(), true)));
        wrong("missing-2", BatchDescentExercises.assessPartial((xb, w, j) -> partial(xb, w, j, 1.0 / xb.rows(), true)));
        wrong("missing-1/m", BatchDescentExercises.assessPartial((xb, w, j) -> partial(xb, w, j, 2.0, true)));
        wrong("missing-2/m", BatchDescentExercises.assessPartial((xb, w, j) -> partial(xb, w, j, 1.0, true)));
        wrong("missing-x", BatchDescentExercises.assessPartial((xb, w, j) -> partial(xb, w, j, 2.0 / xb.rows(), false)));
    }

    @Test
    void gradient() {
        passes(BatchDescentExercises.assessGradient((xb, w, g) -> {
            for (int j = 0; j < g.length; j++) g[j] = partial(xb, w, j, 2.0 / xb.rows(), true);
        }));
        notDone(BatchDescentExercises.assessGradient((xb, w, g) -> { throw Exercise.notDone(); }));
        wrong("not-cleared", BatchDescentExercises.assessGradient((xb, w, g) -> {
            for (int j = 0; j < g.length; j++) g[j] += partial(xb, w, j, 2.0 / xb.rows(), true);
        }));
        wrong("sign", BatchDescentExercises.assessGradient((xb, w, g) -> {
            for (int j = 0; j < g.length; j++) g[j] = -partial(xb, w, j, 2.0 / xb.rows(), true);
        }));
        wrong("missing-1/m", BatchDescentExercises.assessGradient((xb, w, g) -> {
            for (int j = 0; j < g.length; j++) g[j] = partial(xb, w, j, 2.0, true);
        }));
    }

    @Test
    void iterations() {
        int needed = BatchDescentExercises.fewestIterations();
        assertTrue(needed > 50 && needed < 2000, "needed = " + needed);
        passes(BatchDescentExercises.assessIterations(needed));
        passes(BatchDescentExercises.assessIterations(needed + 2));
        notDone(BatchDescentExercises.assessIterations(Exercise.TODO_COUNT));
        wrong("too-few", BatchDescentExercises.assessIterations(needed - 1));
        wrong("too-many", BatchDescentExercises.assessIterations(1000 + needed));
        wrong("not-positive", BatchDescentExercises.assessIterations(0));
    }

    // ---------------------------------------------------------------- 03

    private static Workshop.FittedLines lines(boolean clone, boolean before, double sign) {
        return (xb, eta, iterations) -> {
            double[] w = new double[xb.cols()], g = new double[xb.cols()];
            List<double[]> out = new ArrayList<>();
            for (int t = 0; t < iterations; t++) {
                if (before) out.add(clone ? w.clone() : w);
                for (int j = 0; j < g.length; j++) g[j] = partial(xb, w, j, 2.0 / xb.rows(), true);
                for (int j = 0; j < w.length; j++) w[j] -= sign * eta * g[j];
                if (!before) out.add(clone ? w.clone() : w);
            }
            return out;
        };
    }

    @Test
    void workshopFittedLines() {
        passes(Workshop.assessFittedLines(lines(true, false, 1)));
        notDone(Workshop.assessFittedLines((xb, eta, k) -> stub()));
        wrong("same-array", Workshop.assessFittedLines(lines(false, false, 1)));
        wrong("off-by-one", Workshop.assessFittedLines(lines(true, true, 1)));
        wrong("sign", Workshop.assessFittedLines(lines(true, false, -1)));
    }

    @Test
    void workshopPrediction() {
        passes(Workshop.assessLargestConverging(0.3));
        notDone(Workshop.assessLargestConverging(Exercise.TODO));
        wrong("too-large", Workshop.assessLargestConverging(0.6));
        wrong("too-cautious", Workshop.assessLargestConverging(0.05));
        wrong("not-listed", Workshop.assessLargestConverging(0.4));
    }

    private static Workshop.ThresholdSearch bisection(double until, boolean swapped) {
        return (diverges, lo, hi) -> {
            while (hi - lo > until) {
                double mid = (lo + hi) / 2;
                if (diverges.test(mid) != swapped) hi = mid; else lo = mid;
            }
            return (lo + hi) / 2;
        };
    }

    @Test
    void workshopThreshold() {
        passes(Workshop.assessThresholdSearch(bisection(1e-6, false)));
        notDone(Workshop.assessThresholdSearch((d, lo, hi) -> stub()));
        wrong("wrong-half", Workshop.assessThresholdSearch(bisection(1e-6, true)));
        wrong("too-coarse", Workshop.assessThresholdSearch(bisection(0.1, false)));
        wrong("too-coarse", Workshop.assessThresholdSearch((d, lo, hi) -> 0.5));
    }

    /** Other correct bisections: another loop test, a count of passes, recursion, two tests per pass, ends tested. */
    @Test
    void workshopThresholdAcceptsOtherBisections() {
        passes(Workshop.assessThresholdSearch((diverges, lo, hi) -> {
            while (hi - lo >= 1e-5) {
                double mid = lo + (hi - lo) / 2;
                if (!diverges.test(mid)) lo = mid; else hi = mid;
            }
            return (lo + hi) / 2;
        }));
        passes(Workshop.assessThresholdSearch((diverges, lo, hi) -> {
            for (int pass = 0; pass < 40; pass++) {
                double mid = (lo + hi) / 2;
                if (diverges.test(mid)) hi = mid; else lo = mid;
            }
            return (lo + hi) / 2;
        }));
        passes(Workshop.assessThresholdSearch(ExerciseChecksTest::recursiveBisection));
        passes(Workshop.assessThresholdSearch((diverges, lo, hi) -> {
            if (diverges.test(lo) || !diverges.test(hi)) throw new IllegalArgumentException("not a bracket");
            do {
                double mid = (lo + hi) / 2;
                if (diverges.test(mid)) hi = mid;
                if (!diverges.test(mid)) lo = mid;
            } while (hi - lo > 1e-9);
            return (lo + hi) / 2;
        }));
    }

    private static double recursiveBisection(java.util.function.DoublePredicate diverges, double lo, double hi) {
        if (hi - lo < 1e-5) return (lo + hi) / 2;
        double mid = (lo + hi) / 2;
        return diverges.test(mid) ? recursiveBisection(diverges, lo, mid) : recursiveBisection(diverges, mid, hi);
    }

    /**
     * Searches that never end are stopped after {@code SearchProbes.LIMIT} tests and told why. Worked by hand on
     * the check's first threshold, 0.123 in [0.001, 2]: without the else, the tests are 1.0005, 0.50075, 0.250875,
     * 0.1259375 (all diverge, hi follows) and then 0.06346875, which converges, moves nothing and is tested again
     * for ever. With lo + hi / 2 the tests are 1.001, 0.5015, 0.25175, 0.126875 (diverge), 0.0644375 (converges:
     * lo = 0.0644375, hi = 0.126875), then 0.0644375 + 0.0634375 = 0.127875, above hi = 0.126875 that diverged.
     */
    @Test
    void workshopThresholdStopsSearchesThatNeverEnd() {
        Feedback noElse = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> Workshop.assessThresholdSearch((diverges, lo, hi) -> {
                    while (hi - lo > 1e-5) {
                        double mid = (lo + hi) / 2;
                        if (diverges.test(mid)) hi = mid;
                    }
                    return (lo + hi) / 2;
                }));
        wrong("interval-stuck", noElse);
        assertTrue(noElse.message().contains("η = 0.06347 again and again"), noElse.message());
        assertTrue(noElse.message().contains("That η converged") && noElse.message().contains("set lo = mid"),
                noElse.message());

        Feedback noIf = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> Workshop.assessThresholdSearch((diverges, lo, hi) -> {
                    while (hi - lo > 1e-5) {
                        double mid = (lo + hi) / 2;
                        if (!diverges.test(mid)) lo = mid;
                    }
                    return (lo + hi) / 2;
                }));
        wrong("interval-stuck", noIf);
        assertTrue(noIf.message().contains("That η diverged") && noIf.message().contains("set hi = mid"),
                noIf.message());

        Feedback precedence = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> Workshop.assessThresholdSearch((diverges, lo, hi) -> {
                    while (hi - lo > 1e-5) {
                        double mid = lo + hi / 2;
                        if (diverges.test(mid)) hi = mid; else lo = mid;
                    }
                    return (lo + hi) / 2;
                }));
        wrong("midpoint-outside", precedence);
        assertTrue(precedence.message().contains("test number 6, η = 0.1279, lay above the interval its earlier tests had "
                + "left, [0.06444, 0.1269]"), precedence.message());
        assertTrue(precedence.message().contains("write (lo + hi) / 2"), precedence.message());

        Feedback noStop = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> Workshop.assessThresholdSearch((diverges, lo, hi) -> {
                    while (lo < hi) {
                        double mid = (lo + hi) / 2;
                        if (diverges.test(mid)) hi = mid; else lo = mid;
                    }
                    return lo;
                }));
        wrong("never-stops", noStop);
        assertTrue(noStop.message().contains("Stop when hi − lo < 1e-5"), noStop.message());
    }

    private static Workshop.IterationCount counter(boolean gap, int offset) {
        Dataset xb = Workshop.data();
        double best = Workshop.best();
        return eta -> {
            double[] w = new double[xb.cols()], g = new double[xb.cols()];
            for (int t = 0; t <= 5000; t++) {
                double j = 0;
                for (int i = 0; i < xb.rows(); i++) j += residual(xb, w, i) * residual(xb, w, i) / xb.rows();
                if ((gap ? j - best : j) < 1e-6) return t + offset;
                for (int k = 0; k < g.length; k++) g[k] = partial(xb, w, k, 2.0 / xb.rows(), true);
                for (int k = 0; k < w.length; k++) w[k] -= eta * g[k];
            }
            return -1;
        };
    }

    @Test
    void workshopIterationCount() {
        passes(Workshop.assessIterationCount(counter(true, 0)));
        notDone(Workshop.assessIterationCount(eta -> stub()));
        wrong("never", Workshop.assessIterationCount(counter(false, 0)));
        wrong("off-by-one", Workshop.assessIterationCount(counter(true, 1)));
    }

    /**
     * The factor by which λ_max grows when x is multiplied by 10, worked out here from the 2 × 2 matrix
     * H = 2 [[1, mean x], [mean x, mean x²]] with its eigenvalues in closed form (the check uses power iteration).
     */
    private static double measuredScalingFactor() {
        Dataset xb = Workshop.data();
        double mx = 0, mxx = 0;
        for (int i = 0; i < xb.rows(); i++) {
            mx += xb.x(i, 1) / xb.rows();
            mxx += xb.x(i, 1) * xb.x(i, 1) / xb.rows();
        }
        return largestEigenvalue(1, 10 * mx, 100 * mxx) / largestEigenvalue(1, mx, mxx);
    }

    private static double largestEigenvalue(double a, double b, double c) {
        return (a + c) / 2 + Math.sqrt((a - c) * (a - c) / 4 + b * b);
    }

    @Test
    void workshopScaling() {
        double measured = measuredScalingFactor();
        assertEquals(63.34, measured, 0.005);
        Feedback reasoned = Workshop.assessScalingPrediction(100);
        passes(reasoned);
        // every claim of the reply with its number: the x·x entry 100-fold, λ_max 63.34-fold, why, and the exact 100
        for (String claim : new String[] {"100 is what H's entries say", "grows exactly 10² = 100-fold (2.902 → 290.2)",
                "λ_max grows 63.34-fold (4.605 → 291.7)", "from 0.4343 to 0.006857", "2·mean(x) = 2.107",
                "lifts λ_max from 2.902 to 4.605", "(290.2 of 291.7)", "100 × 2.902/4.605 ≈ 63",
                "With x standardised (mean 0, no coupling) it is exactly 100"}) {
            assertTrue(reasoned.message().contains(claim), claim + " in " + reasoned.message());
        }
        Feedback measuredReply = Workshop.assessScalingPrediction(63);
        passes(measuredReply);
        assertTrue(measuredReply.message().startsWith("63 is the measurement: λ_max grows 63.34-fold"),
                measuredReply.message());
        assertTrue(measuredReply.message().contains("From H's entries one predicts 100"), measuredReply.message());
        assertTrue(Workshop.assessScalingPrediction(97).message().startsWith("about 100, your 97, is what H's entries say"));
        passes(Workshop.assessScalingPrediction(60));                   // the measurement read to one digit
        passes(Workshop.assessScalingPrediction(80));                   // between the two
        passes(Workshop.assessScalingPrediction(0.9 * measured + 0.01));
        wrong("other", Workshop.assessScalingPrediction(0.9 * measured - 0.01));
        notDone(Workshop.assessScalingPrediction(Exercise.TODO));
        Feedback linear = Workshop.assessScalingPrediction(10);
        wrong("linear", linear);
        assertTrue(linear.message().contains("square of the feature's scale") && linear.message().contains("Σx²"),
                linear.message());
        wrong("unchanged", Workshop.assessScalingPrediction(1));
        Feedback inverted = Workshop.assessScalingPrediction(0.01);
        wrong("inverted", inverted);
        assertTrue(inverted.message().contains("1/0.01 = 100"), inverted.message());
        wrong("beyond-100", Workshop.assessScalingPrediction(1000));
        wrong("beyond-100", Workshop.assessScalingPrediction(100.5));
        wrong("other", Workshop.assessScalingPrediction(3.162));
        wrong("not-positive", Workshop.assessScalingPrediction(-100));
    }

    /** The table beside the reply: H's entries, and the factor exactly 100 for x standardised (H = 2I → diag(2, 200)). */
    @Test
    void workshopScalingTable() {
        var table = Workshop.hessianTable();
        assertEquals(java.util.List.of("x as given", "x · 10", "x standardised", "x standardised · 10"),
                table.stringColumn("feature").asList());
        assertEquals(java.util.List.of("2.107", "21.07", "0 (to rounding)", "0 (to rounding)"),
                table.stringColumn("bias·x: 2·mean(x)").asList());
        assertEquals(java.util.List.of("2.902", "290.2", "2", "200"), table.stringColumn("x·x: 2·mean(x²)").asList());
        assertEquals(java.util.List.of("", "63.34-fold", "", "100-fold"), table.stringColumn("λ_max grows").asList());
    }

    @Test
    void workshopStopRule() {
        passes(Workshop.assessStopRule((p, c) -> Math.abs(p - c) < 1e-4));
        notDone(Workshop.assessStopRule((p, c) -> stub()));
        wrong("no-abs", Workshop.assessStopRule((p, c) -> p - c < 1e-4));
        wrong("signed", Workshop.assessStopRule((p, c) -> c - p < 1e-4));
        wrong("reads-j", Workshop.assessStopRule((p, c) -> c < 1e-4));   // J itself, not its change
        wrong("reads-j", Workshop.assessStopRule((p, c) -> p < 1e-4));
        wrong("relative", Workshop.assessStopRule((p, c) -> Math.abs(p - c) / Math.abs(p) < 1e-4));
        wrong("inverted", Workshop.assessStopRule((p, c) -> Math.abs(p - c) > 1e-4));
        wrong("threshold", Workshop.assessStopRule((p, c) -> Math.abs(p - c) < 1e-6));
    }

    @Test
    void workshopStretch() {
        passes(Workshop.assessMomentumBeatsBestStep(0.5, 0.5));
        notDone(Workshop.assessMomentumBeatsBestStep(Exercise.TODO, 0.5));
        wrong("diverges", Workshop.assessMomentumBeatsBestStep(2.0, 0.1));
        wrong("slower", Workshop.assessMomentumBeatsBestStep(0.01, 0.1));
    }

    // ---------------------------------------------------------------- 04, 05

    @Test
    void schedule() {
        passes(SgdExercises.assessSchedule(t -> 5.0 / (t + 50)));
        notDone(SgdExercises.assessSchedule(t -> stub()));
        wrong("integer-division", SgdExercises.assessSchedule(t -> 5 / (t + 50)));
        wrong("precedence", SgdExercises.assessSchedule(t -> 5.0 / t + 50));
        wrong("inverted", SgdExercises.assessSchedule(t -> (t + 50) / 5.0));
    }

    private static int[] shuffled(int m, Random rng) {
        int[] order = new int[m];
        for (int i = 0; i < m; i++) order[i] = i;
        for (int i = m - 1; i > 0; i--) {
            int k = rng.nextInt(i + 1);
            int tmp = order[i]; order[i] = order[k]; order[k] = tmp;
        }
        return order;
    }

    private enum SgdSlip { NONE, NO_SHUFFLE, SAME_ORDER, T_PER_EPOCH, ASCENDS, SKIPS_ROW }

    private static SgdExercises.SgdEpoch sgd(SgdSlip slip) {
        return (w, epoch, m, grad, rate, rng) -> {
            int[] order = switch (slip) {
                case NO_SHUFFLE -> shuffled(m, new Random(0) { @Override public int nextInt(int b) { return b - 1; } });
                case SAME_ORDER -> shuffled(m, new Random(42));
                default -> shuffled(m, rng);
            };
            double[] g = new double[w.length];
            for (int i = 0; i < (slip == SgdSlip.SKIPS_ROW ? m - 1 : m); i++) {
                grad.at(order[i], w, g);
                double eta = rate.rate(slip == SgdSlip.T_PER_EPOCH ? i : (long) epoch * m + i);
                for (int j = 0; j < w.length; j++) w[j] -= (slip == SgdSlip.ASCENDS ? -eta : eta) * g[j];
            }
        };
    }

    @Test
    void sgdEpoch() {
        passes(SgdExercises.assessSgdEpoch(sgd(SgdSlip.NONE)));
        notDone(SgdExercises.assessSgdEpoch((w, e, m, grad, rate, rng) -> { throw Exercise.notDone(); }));
        wrong("no-shuffle", SgdExercises.assessSgdEpoch(sgd(SgdSlip.NO_SHUFFLE)));
        wrong("never-reshuffles", SgdExercises.assessSgdEpoch(sgd(SgdSlip.SAME_ORDER)));
        wrong("t-per-epoch", SgdExercises.assessSgdEpoch(sgd(SgdSlip.T_PER_EPOCH)));
        wrong("ascends", SgdExercises.assessSgdEpoch(sgd(SgdSlip.ASCENDS)));
        wrong("skips-last", SgdExercises.assessSgdEpoch(sgd(SgdSlip.SKIPS_ROW)));
    }

    private static SgdExercises.MinibatchEpoch minibatch(boolean dropLast, boolean reshuffle, double sign) {
        return (w, m, b, grad, eta, rng) -> {
            int[] order = shuffled(m, reshuffle ? rng : new Random(3));
            double[] g = new double[w.length];
            int end = dropLast ? m - m % b : m;
            for (int from = 0; from < end; from += b) {
                grad.at(Arrays.copyOfRange(order, from, Math.min(m, from + b)), w, g);
                for (int j = 0; j < w.length; j++) w[j] -= sign * eta * g[j];
            }
        };
    }

    @Test
    void minibatchEpoch() {
        passes(SgdExercises.assessMinibatchEpoch(minibatch(false, true, 1)));
        notDone(SgdExercises.assessMinibatchEpoch((w, m, b, grad, eta, rng) -> { throw Exercise.notDone(); }));
        wrong("drops-last", SgdExercises.assessMinibatchEpoch(minibatch(true, true, 1)));
        wrong("never-reshuffles", SgdExercises.assessMinibatchEpoch(minibatch(false, false, 1)));
        wrong("ascends", SgdExercises.assessMinibatchEpoch(minibatch(false, true, -1)));
    }

    @Test
    void updatesPerEpoch() {
        passes(SgdExercises.assessUpdatesPerEpoch(157));
        notDone(SgdExercises.assessUpdatesPerEpoch(Exercise.TODO_COUNT));
        wrong("floor", SgdExercises.assessUpdatesPerEpoch(156));
        wrong("per-row", SgdExercises.assessUpdatesPerEpoch(10000));
    }

    // ---------------------------------------------------------------- 12

    @Test
    void megabytesOfX() {
        passes(SpeedExercises.assessMegabytes(128));
        notDone(SpeedExercises.assessMegabytes(Exercise.TODO));
        wrong("values", SpeedExercises.assessMegabytes(16));
        wrong("mebibytes", SpeedExercises.assessMegabytes(122.07));
        wrong("bytes", SpeedExercises.assessMegabytes(128e6));
        wrong("one-column", SpeedExercises.assessMegabytes(8));
        wrong("with-y", SpeedExercises.assessMegabytes(136));
        wrong("other", SpeedExercises.assessMegabytes(64));
    }

    @Test
    void batchThatAmortisesTheFixedCost() {
        // by hand: U·1 µs ≤ 0.1·(U·1 µs + 200,000 · 15 ns) ⇔ U ≤ 333.3; ⌈200000/601⌉ = 333, ⌈200000/600⌉ = 334
        assertEquals(601, SpeedExercises.smallest());
        assertEquals(333, SpeedExercises.updates(601));
        assertEquals(334, SpeedExercises.updates(600));
        assertEquals(333_000.0 / 3_333_000.0, SpeedExercises.fixedShare(601), 1e-15);
        passes(SpeedExercises.assessBatch(601));
        passes(SpeedExercises.assessBatch(1024));
        passes(SpeedExercises.assessBatch(500_000));
        notDone(SpeedExercises.assessBatch(Exercise.TODO_COUNT));
        wrong("no-ceiling", SpeedExercises.assessBatch(600));
        wrong("too-small", SpeedExercises.assessBatch(599));
        wrong("too-small", SpeedExercises.assessBatch(1));
        wrong("not-positive", SpeedExercises.assessBatch(0));
        wrong("not-positive", SpeedExercises.assessBatch(-32));
    }

    // ---------------------------------------------------------------- 06, 07

    @Test
    void start() {
        passes(SurfaceExercises.assessStart(-2.5));
        notDone(SurfaceExercises.assessStart(Exercise.TODO));
        wrong("outside", SurfaceExercises.assessStart(-3.5));
        wrong("local-minimum", SurfaceExercises.assessStart(0.5));
        wrong("leaves-window", SurfaceExercises.assessStart(2.5));
        // a start one slip from a right one is named by the slip (the check asks itself which slip would pass)
        Feedback tenfold = SurfaceExercises.assessStart(-20);
        assertTrue(tenfold.message().startsWith("myStart = -20 is ten times too large"), tenfold.toString());
        Feedback sign = SurfaceExercises.assessStart(2);
        assertTrue(sign.message().contains("wrong sign") || sign.message().contains("one too large"), sign.toString());
    }

    @Test
    void stationaryPoint() {
        passes(SurfaceExercises.assessStationaryPoint(h -> {
            double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
            return det < 0 ? "saddle" : h[0][0] > 0 ? "minimum" : "maximum";
        }));
        notDone(SurfaceExercises.assessStationaryPoint(h -> stub()));
        wrong("ignores-off-diagonal", SurfaceExercises.assessStationaryPoint(h -> {
            double det = h[0][0] * h[1][1];
            return det < 0 ? "saddle" : h[0][0] > 0 ? "minimum" : "maximum";
        }));
        wrong("swapped", SurfaceExercises.assessStationaryPoint(h -> {
            double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
            return det < 0 ? "saddle" : h[0][0] > 0 ? "maximum" : "minimum";
        }));
        wrong("saddle-missed", SurfaceExercises.assessStationaryPoint(h -> h[0][0] > 0 ? "minimum" : "maximum"));
        wrong("answer-word", SurfaceExercises.assessStationaryPoint(h -> "min"));
    }

    @Test
    void narrowRate() {
        passes(SurfaceExercises.assessNarrowRate(0.09));
        notDone(SurfaceExercises.assessNarrowRate(Exercise.TODO));
        wrong("diverges", SurfaceExercises.assessNarrowRate(0.11));
        wrong("oscillates", SurfaceExercises.assessNarrowRate(0.099));
        wrong("crawls", SurfaceExercises.assessNarrowRate(0.01));
    }

    @Test
    void rosenbrockGradient() {
        passes(SurfaceExercises.assessRosenbrockGradient((p, g) -> {
            g[0] = -2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] * p[0]);
            g[1] = 200 * (p[1] - p[0] * p[0]);
        }));
        notDone(SurfaceExercises.assessRosenbrockGradient((p, g) -> { throw Exercise.notDone(); }));
        wrong("sign", SurfaceExercises.assessRosenbrockGradient((p, g) -> {
            g[0] = 2 * (1 - p[0]) + 400 * p[0] * (p[1] - p[0] * p[0]);
            g[1] = -200 * (p[1] - p[0] * p[0]);
        }));
        wrong("term-x", SurfaceExercises.assessRosenbrockGradient((p, g) -> {   // which term, which factor
            g[0] = -2 * (1 - p[0]) - 400 * (p[1] - p[0] * p[0]);
            g[1] = 200 * (p[1] - p[0] * p[0]);
        }));
        wrong("not-written", SurfaceExercises.assessRosenbrockGradient((p, g) -> g[0] = 1));
    }

    // ---------------------------------------------------------------- 08, 09

    private static Optimizer momentum(double mu, boolean keep, boolean nesterov) {
        return new CustomOptimizer("test momentum", 0.02, 1, (theta, grad, eta, t, state) -> {
            double[] v = state[0];
            for (int i = 0; i < theta.length; i++) {
                double previous = v[i];
                double vi = mu * (keep ? v[i] : 0) - eta * grad[i];
                v[i] = vi;
                theta[i] += nesterov ? -mu * previous + (1 + mu) * vi : vi;
            }
        });
    }

    @Test
    void momentumAndNesterov() {
        passes(OptimizerExercises.assessMomentum(momentum(0.8, true, false)));
        passes(OptimizerExercises.assessNesterov(momentum(0.8, true, true)));
        Optimizer stub = new CustomOptimizer("stub", 0.02, 1, (theta, grad, eta, t, s) -> { throw Exercise.notDone(); });
        notDone(OptimizerExercises.assessMomentum(stub));
        notDone(OptimizerExercises.assessNesterov(stub));
        wrong("no-memory", OptimizerExercises.assessMomentum(momentum(0.8, false, false)));
        wrong("weight-sign", OptimizerExercises.assessMomentum(new CustomOptimizer("up", 0.02, 1, (theta, grad, eta, t, s) -> {
            for (int i = 0; i < theta.length; i++) { s[0][i] = 0.8 * s[0][i] + eta * grad[i]; theta[i] += s[0][i]; }
        })));
        wrong("plain-momentum", OptimizerExercises.assessNesterov(momentum(0.8, true, false)));
        wrong("first-step", OptimizerExercises.assessNesterov(momentum(0.5, true, true)));
    }

    private static Optimizer rmsprop(double keep, boolean sqrt) {
        return new CustomOptimizer("test rmsprop", 0.1, 1, (theta, grad, eta, t, state) -> {
            double[] cache = state[0];
            for (int i = 0; i < theta.length; i++) {
                cache[i] = keep * cache[i] + 0.1 * grad[i] * grad[i];
                theta[i] -= eta * grad[i] / ((sqrt ? Math.sqrt(cache[i]) : cache[i]) + 1e-7);
            }
        });
    }

    private static Optimizer adam(boolean correct, long shift) {
        return new CustomOptimizer("test adam", 0.1, 2, (theta, grad, eta, t, state) -> {
            double[] m = state[0], v = state[1];
            for (int i = 0; i < theta.length; i++) {
                m[i] = 0.9 * m[i] + 0.1 * grad[i];
                v[i] = 0.999 * v[i] + 0.001 * grad[i] * grad[i];
                double mHat = correct ? m[i] / (1 - Math.pow(0.9, t + shift)) : m[i];
                double vHat = correct ? v[i] / (1 - Math.pow(0.999, t + shift)) : v[i];
                theta[i] -= eta * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        });
    }

    @Test
    void rmspropAndAdam() {
        passes(OptimizerExercises.assessRmsprop(rmsprop(0.9, true)));
        wrong("cache-plus-equals", OptimizerExercises.assessRmsprop(rmsprop(1.9, true)));
        wrong("no-root", OptimizerExercises.assessRmsprop(rmsprop(0.9, false)));
        passes(OptimizerExercises.assessAdam(adam(true, 1)));
        wrong("no-bias-correction", OptimizerExercises.assessAdam(adam(false, 1)));
        wrong("t-from-0", OptimizerExercises.assessAdam(adam(true, 0)));
        Optimizer stub = new CustomOptimizer("stub", 0.1, 2, (theta, grad, eta, t, s) -> { throw Exercise.notDone(); });
        notDone(OptimizerExercises.assessRmsprop(stub));
        notDone(OptimizerExercises.assessAdam(stub));
    }

    @Test
    void muAndAdamRate() {
        passes(OptimizerExercises.assessMu(0.8));
        notDone(OptimizerExercises.assessMu(Exercise.TODO));
        wrong("plain", OptimizerExercises.assessMu(0));
        wrong("circles", OptimizerExercises.assessMu(0.97));
        wrong("too-little", OptimizerExercises.assessMu(0.2));
        passes(OptimizerExercises.assessAdamRate(0.1));
        wrong("crawls", OptimizerExercises.assessAdamRate(0.05));
        notDone(OptimizerExercises.assessAdamRate(Exercise.TODO));
        wrong("crawls", OptimizerExercises.assessAdamRate(0.001));
        wrong("bounces", OptimizerExercises.assessAdamRate(5.0));
        wrong("too-large", OptimizerExercises.assessAdamRate(1.0));
    }

    // ---------------------------------------------------------------- 10, 11

    @Test
    void logLossGradient() {
        DataGradient right = (xb, w, g) -> {
            Arrays.fill(g, 0);
            for (int i = 0; i < xb.rows(); i++) {
                double z = 0;
                for (int j = 0; j < w.length; j++) z += xb.x(i, j) * w[j];
                double r = 1 / (1 + Math.exp(-z)) - xb.y(i);
                for (int j = 0; j < w.length; j++) g[j] += r * xb.x(i, j) / xb.rows();
            }
        };
        passes(ClassifierExercises.assessLogLossGradient(right));
        notDone(ClassifierExercises.assessLogLossGradient((xb, w, g) -> { throw Exercise.notDone(); }));
        wrong("sign", ClassifierExercises.assessLogLossGradient((xb, w, g) -> {
            right.into(xb, w, g);
            for (int j = 0; j < g.length; j++) g[j] = -g[j];
        }));
        wrong("missing-1/m", ClassifierExercises.assessLogLossGradient((xb, w, g) -> {
            right.into(xb, w, g);
            for (int j = 0; j < g.length; j++) g[j] *= xb.rows();
        }));
        wrong("no-sigmoid", ClassifierExercises.assessLogLossGradient((xb, w, g) -> {
            Arrays.fill(g, 0);
            for (int i = 0; i < xb.rows(); i++) {
                double r = -xb.y(i);
                for (int j = 0; j < w.length; j++) r += xb.x(i, j) * w[j];
                for (int j = 0; j < w.length; j++) g[j] += r * xb.x(i, j) / xb.rows();
            }
        }));
        wrong("not-cleared", ClassifierExercises.assessLogLossGradient((xb, w, g) -> {
            double[] h = new double[g.length];
            right.into(xb, w, h);
            for (int j = 0; j < g.length; j++) g[j] += h[j];
        }));
    }

    @Test
    void classifierRate() {
        passes(ClassifierExercises.assessRate(0.1));
        notDone(ClassifierExercises.assessRate(Exercise.TODO));
        wrong("bounces", ClassifierExercises.assessRate(100));
        wrong("bounces", ClassifierExercises.assessRate(1));
        wrong("crawls", ClassifierExercises.assessRate(0.003));
    }

    @Test
    void hyperparameters() {
        passes(HyperparameterExercises.assessHyperparameters("learning rate", "batch size", "momentum", "epochs"));
        notDone(HyperparameterExercises.assessHyperparameters());
        wrong("learned-listed", HyperparameterExercises.assessHyperparameters("weights", "learning rate", "batch size",
                "momentum", "epochs"));
        wrong("missed", HyperparameterExercises.assessHyperparameters("learning rate", "batch size"));
        wrong("unknown", HyperparameterExercises.assessHyperparameters("eta"));
    }

    private static HyperparameterExercises.GridSearch grid(boolean skipNaN, boolean lowest, boolean returnCost) {
        return (etas, cost) -> {
            double bestEta = etas[0], best = cost.applyAsDouble(etas[0]);
            for (double eta : etas) {
                double c = cost.applyAsDouble(eta);
                boolean better = lowest ? c < best : c > best;
                if (skipNaN ? !Double.isNaN(c) && (Double.isNaN(best) || better) : better) { best = c; bestEta = eta; }
            }
            return returnCost ? best : bestEta;
        };
    }

    @Test
    void gridSearch() {
        passes(HyperparameterExercises.assessGridSearch(grid(true, true, false)));
        notDone(HyperparameterExercises.assessGridSearch((etas, cost) -> stub()));
        wrong("returned-cost", HyperparameterExercises.assessGridSearch(grid(true, true, true)));
        wrong("highest", HyperparameterExercises.assessGridSearch(grid(true, false, false)));
        wrong("picked-diverged", HyperparameterExercises.assessGridSearch(grid(false, true, false)));
    }

    @Test
    void publicChecksPrintTheLineThenTheFigure() {
        var out = new java.io.ByteArrayOutputStream();
        var saved = System.out;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Workshop.checkFittedLines(lines(true, false, 1));
            Workshop.checkIterationCount(counter(true, 0));
            Workshop.checkScalingPrediction(60);
            OptimizerExercises.checkMomentum(momentum(0.8, true, false));
            OptimizerExercises.checkNesterov(momentum(0.8, true, true));
            SurfaceExercises.checkRosenbrockGradient((p, g) -> {
                g[0] = -2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] * p[0]);
                g[1] = 200 * (p[1] - p[0] * p[0]);
            });
            WelcomeExercises.checkGuess(Exercise.TODO);
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(6, text.split("✔ ", -1).length - 1, text);
        assertTrue(text.contains("… not done yet: set myGuess"), text);
        assertTrue(text.indexOf("✔ your 10 lines") < text.indexOf("[HTML output"), "the line comes before its figure");
        assertTrue(!text.contains("could not be drawn"), text);
    }

    @Test
    void feedbackLines() {
        Supplier<Feedback> none = () -> Feedback.done("x");
        assertEquals("✔ x", none.get().toString());
        assertEquals("✘ y", Feedback.wrong("k", "y").toString());
        assertEquals("… not done yet: z", Feedback.notDone("z").toString());
        assertEquals("0.0005", Exercise.num(0.0005));
        assertEquals("1.23e+07", Exercise.num(12345678.9));
    }

    // ---------------------------------------------------------------- #46: arguments, shuffles, edges, routes

    @Test
    void aGradientThatMovesTheWeightsItWasGivenIsNamed() {
        // the right gradient, then w[0] -= 0.1·g[0]: the values the check reads are right, w is not
        DataGradient stepsToo = (xb, w, g) -> {
            for (int j = 0; j < g.length; j++) g[j] = partial(xb, w, j, 2.0 / xb.rows(), true);
            w[0] -= 0.1 * g[0];
        };
        Feedback f = BatchDescentExercises.assessGradient(stepsToo);
        wrong("changes-argument", f);
        // at w = (1, 1) the notebook's data give ∂J/∂w_0 = −25.30 (finite differences): w_0 becomes 1 + 2.53 = 3.53
        assertTrue(f.toString().contains("weights[0] was 1 before the call and 3.53 after (1 of 2 entries changed)"),
                f.toString());
        wrong("changes-argument", BatchDescentExercises.assessPartial((xb, w, j) -> {
            double d = partial(xb, w, j, 2.0 / xb.rows(), true);
            w[j] = 0;   // "resets" the weight it differentiated by
            return d;
        }));
        wrong("changes-argument", ClassifierExercises.assessLogLossGradient((xb, w, g) -> {
            Arrays.fill(g, 0);
            for (int i = 0; i < xb.rows(); i++) {
                double z = 0;
                for (int j = 0; j < w.length; j++) z += xb.x(i, j) * w[j];
                double r = 1 / (1 + Math.exp(-z)) - xb.y(i);
                for (int j = 0; j < w.length; j++) g[j] += r * xb.x(i, j) / xb.rows();
            }
            for (int j = 0; j < w.length; j++) w[j] -= g[j];
        }));
        wrong("changes-argument", SurfaceExercises.assessRosenbrockGradient((q, g) -> {
            double x = q[0], y = q[1];
            g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
            g[1] = 200 * (y - x * x);
            q[0] -= 0.001 * g[0];
        }));
    }

    /** One epoch's order from rng: Fisher–Yates draws nextInt(i + 1), Sattolo nextInt(i), the biased shuffle nextInt(m). */
    private static int[] shuffledBy(String kind, int m, Random rng) {
        int[] order = new int[m];
        for (int i = 0; i < m; i++) order[i] = i;
        if (kind.equals("sort by keys")) {   // a uniform shuffle too, but not the Fisher–Yates draws
            double[] keys = new double[m];
            for (int i = 0; i < m; i++) keys[i] = rng.nextDouble();
            return java.util.stream.IntStream.range(0, m).boxed().sorted((a, b) -> Double.compare(keys[a], keys[b]))
                    .mapToInt(Integer::intValue).toArray();
        }
        for (int i = m - 1; i > 0; i--) {
            int k = kind.equals("sattolo") ? rng.nextInt(i) : kind.equals("any") ? rng.nextInt(m) : rng.nextInt(i + 1);
            int tmp = order[i]; order[i] = order[k]; order[k] = tmp;
        }
        return order;
    }

    private static SgdExercises.SgdEpoch sgdShuffledBy(String kind) {
        return (w, epoch, m, grad, rate, rng) -> {
            int[] order = shuffledBy(kind, m, rng);
            double[] g = new double[w.length];
            for (int i = 0; i < m; i++) {
                grad.at(order[i], w, g);
                double eta = rate.rate((long) epoch * m + i);
                for (int j = 0; j < w.length; j++) w[j] -= eta * g[j];
            }
        };
    }

    @Test
    void shufflesAreComparedDrawForDrawWithFisherYates() {
        passes(SgdExercises.assessSgdEpoch(sgdShuffledBy("fisher-yates")));
        // Collections.shuffle draws the same numbers as Fisher–Yates from m − 1 down (its loop: i = size..2, nextInt(i))
        passes(SgdExercises.assessSgdEpoch((w, epoch, m, grad, rate, rng) -> {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < m; i++) order.add(i);
            java.util.Collections.shuffle(order, rng);
            double[] g = new double[w.length];
            for (int i = 0; i < m; i++) {
                grad.at(order.get(i), w, g);
                for (int j = 0; j < w.length; j++) w[j] -= rate.rate((long) epoch * m + i) * g[j];
            }
        }));
        Feedback sattolo = SgdExercises.assessSgdEpoch(sgdShuffledBy("sattolo"));
        wrong("sattolo", sattolo);
        assertTrue(sattolo.toString().contains("no row ever stays in place"), sattolo.toString());
        wrong("biased-shuffle", SgdExercises.assessSgdEpoch(sgdShuffledBy("any")));
        wrong("not-fisher-yates", SgdExercises.assessSgdEpoch(sgdShuffledBy("sort by keys")));
        // Sattolo's orders are single cycles: no fixed point in any epoch (checked on m = 20, seed 1, three epochs)
        for (int[] order : ShuffleProbe.orders(20, 3, 1, "sattolo")) {
            for (int i = 0; i < order.length; i++) assertTrue(order[i] != i, Arrays.toString(order));
        }
    }

    @Test
    void aMinibatchMeanBuiltFromSingleRowCallsPasses() {
        // the route differs (b calls of one row each, averaged by hand), the weights after each step are the same
        passes(SgdExercises.assessMinibatchEpoch((w, m, b, grad, eta, rng) -> {
            int[] order = shuffledBy("fisher-yates", m, rng);
            double[] g = new double[w.length], mean = new double[w.length];
            for (int from = 0; from < m; from += b) {
                int to = Math.min(m, from + b);
                Arrays.fill(mean, 0);
                for (int i = from; i < to; i++) {
                    grad.at(new int[] {order[i]}, w, g);
                    for (int j = 0; j < w.length; j++) mean[j] += g[j] / (to - from);
                }
                for (int j = 0; j < w.length; j++) w[j] -= eta * mean[j];
            }
        }));
        wrong("sattolo", SgdExercises.assessMinibatchEpoch((w, m, b, grad, eta, rng) -> {
            int[] order = shuffledBy("sattolo", m, rng);
            double[] g = new double[w.length];
            for (int from = 0; from < m; from += b) {
                grad.at(Arrays.copyOfRange(order, from, Math.min(m, from + b)), w, g);
                for (int j = 0; j < w.length; j++) w[j] -= eta * g[j];
            }
        }));
    }

    @Test
    void aFloatScheduleIsAcceptedAndSaidToBeAFloat() {
        // 5f / (0 + 50f) = 0.1f = 0.100000001490116…: 1.5e-8 off, inside float's 2^-24 ≈ 6e-8 relative
        Feedback f = SgdExercises.assessSchedule(t -> 5f / (t + 50f));
        passes(f);
        assertTrue(f.toString().contains("a float, not a double"), f.toString());
    }

    @Test
    void integerDivisionIsNamedWhereAValueAnswerCanMeetIt() {
        // double myEta = 1 / 10; stores 0.0; double myGuess = 21 / 10; stores 2.0 (2.1 cut off)
        wrong("integer-division", ErrorCurveExercises.assessLearningRate(1 / 10));
        wrong("integer-division", SurfaceExercises.assessNarrowRate(1 / 10));
        wrong("integer-division", ClassifierExercises.assessRate(1 / 10));
        wrong("integer-division", OptimizerExercises.assessAdamRate(1 / 10));
        wrong("integer-division", SpeedExercises.assessMegabytes(16 * 8 / 1000));
        Feedback guess = WelcomeExercises.assessGuess(21 / 10);
        wrong("integer-division", guess);
        assertTrue(guess.toString().contains("2.1 with its fraction cut off"), guess.toString());
        // Math.ceil(10000 / 64) = Math.ceil(156) = 156: the floor diagnosis names integer division as its cause
        Feedback updates = SgdExercises.assessUpdatesPerEpoch((int) Math.ceil(10000 / 64));
        wrong("floor", updates);
        assertTrue(updates.toString().contains("integer division"), updates.toString());
        Feedback mu = OptimizerExercises.assessMu(4 / 5);
        wrong("plain", mu);
        assertTrue(mu.toString().contains("integer division"), mu.toString());
    }

    @Test
    void aGridSearchThatSkipsTheFirstOrLastEntryIsNamed() {
        // grid 3 has its best first: costs (0.05, 0.2, NaN, 0.3, 0.4) → η = 0.001; from index 1 the best is 0.01 (0.2)
        Feedback first = HyperparameterExercises.assessGridSearch((etas, cost) -> {
            double best = Double.NaN, bestCost = Double.POSITIVE_INFINITY;
            for (int i = 1; i < etas.length; i++) {
                double c = cost.applyAsDouble(etas[i]);
                if (c < bestCost) { bestCost = c; best = etas[i]; }
            }
            return best;
        });
        wrong("skips-first", first);
        assertTrue(first.toString().contains("you picked η = 0.01"), first.toString());
        // grid 2 has its best last: costs (NaN, 0.9, 0.4, 0.35, 0.12) → η = 0.3; without it, 0.1 (0.35)
        wrong("skips-last", HyperparameterExercises.assessGridSearch((etas, cost) -> {
            double best = Double.NaN, bestCost = Double.POSITIVE_INFINITY;
            for (int i = 0; i < etas.length - 1; i++) {
                double c = cost.applyAsDouble(etas[i]);
                if (c < bestCost) { bestCost = c; best = etas[i]; }
            }
            return best;
        }));
    }

    @Test
    void anEmptyLastBatchWhenBDividesMIsNamed() {
        // from <= m: with m = 20 and b = 5 the loop runs a fifth time at from = 20, asking for rows [20, 20)
        Feedback f = SgdExercises.assessMinibatchEpoch((w, m, b, grad, eta, rng) -> {
            int[] order = shuffledBy("fisher-yates", m, rng);
            double[] g = new double[w.length];
            for (int from = 0; from <= m; from += b) {
                grad.at(Arrays.copyOfRange(order, from, Math.min(m, from + b)), w, g);
                for (int j = 0; j < w.length; j++) w[j] -= eta * g[j];
            }
        });
        wrong("empty-batch", f);
        assertTrue(f.toString().contains("b = 5"), f.toString());
        // the loop that runs down to i = 0 draws nextInt(1) once more each epoch: named, not called "not Fisher–Yates"
        wrong("extra-draw", SgdExercises.assessSgdEpoch((w, epoch, m, grad, rate, rng) -> {
            int[] order = new int[m];
            for (int i = 0; i < m; i++) order[i] = i;
            for (int i = m - 1; i >= 0; i--) {
                int k = rng.nextInt(i + 1);
                int tmp = order[i]; order[i] = order[k]; order[k] = tmp;
            }
            double[] g = new double[w.length];
            for (int i = 0; i < m; i++) {
                grad.at(order[i], w, g);
                for (int j = 0; j < w.length; j++) w[j] -= rate.rate((long) epoch * m + i) * g[j];
            }
        }));
    }

    @Test
    void aDeterminantWithAFactorMissingIsNamed() {
        // H = [[1, 1.5], [1.5, 2]]: ac − b² = 2 − 2.25 = −0.25 (saddle); ac − b = 0.5 > 0 says minimum
        Feedback f = SurfaceExercises.assessStationaryPoint(h -> {
            double det = h[0][0] * h[1][1] - h[1][0];
            return det < 0 ? "saddle" : h[0][0] > 0 ? "minimum" : "maximum";
        });
        wrong("determinant-factor", f);
        assertTrue(f.toString().contains("−0.25"), f.toString());
    }

    @Test
    void anIndexOnePastTheEndIsCalledALoopBoundOneTooFar() {
        // i <= data.rows(): the library refuses row 100 of 100 ("i = 100 is invalid: rows are 0..99")
        Feedback f = BatchDescentExercises.assessPartial((xb, w, j) -> {
            double s = 0;
            for (int i = 0; i <= xb.rows(); i++) s += residual(xb, w, i) * xb.x(i, j);
            return 2.0 / xb.rows() * s;
        });
        wrong("throws", f);
        assertTrue(f.toString().contains("one too far"), f.toString());
        assertTrue(Exercise.onePastTheEnd("Index 2 out of bounds for length 2"));
        assertTrue(!Exercise.onePastTheEnd("Index 5 out of bounds for length 2"));
        assertTrue(!Exercise.onePastTheEnd("i = 7 is invalid: rows are 0..99"));
    }

    @Test
    void aGradientThatIsExactlyZeroNamesIntegerDivision() {
        // 2 / xb.rows() = 2 / 100 = 0 in int arithmetic: every partial is 0.0
        Feedback f = BatchDescentExercises.assessPartial((xb, w, j) -> partial(xb, w, j, 2 / xb.rows(), true));
        wrong("integer-division", f);   // right on one row (2 / 1 = 2), 0 on three: the probes tell it from an empty sum
        assertTrue(f.toString().contains("integer division"), f.toString());
    }
}
