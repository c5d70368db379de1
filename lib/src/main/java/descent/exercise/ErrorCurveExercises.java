package descent.exercise;

import descent.data.Datasets;
import descent.function.SampleMse;
import descent.optim.GradientDescent;
import descent.train.Minimizer;
import descent.train.Path;
import java.util.function.DoubleUnaryOperator;

/**
 * Checks for notebook 1, the error curve MSE(m) = (1/n) Σ (m − x_i)² of a sample of 1000 numbers
 * (normal, mean 2, sd 0.3, seed 42), whose derivative is MSE′(m) = 2(m − x̄). Source: the course's
 * lecture notes on the error curve; central differences: Nocedal &amp; Wright, Numerical Optimization,
 * §8.1.
 */
public final class ErrorCurveExercises {
    /** One step of gradient descent on one number: the next m from m, the slope there and η. */
    @FunctionalInterface
    public interface Step {
        double next(double m, double slope, double eta);
    }

    /** A numerical derivative of f at x with step ε. */
    @FunctionalInterface
    public interface Difference {
        double at(DoubleUnaryOperator f, double x, double eps);
    }

    private static final SampleMse MSE = new SampleMse(Datasets.normalSample(1000, 2.0, 0.3, 42));

    private ErrorCurveExercises() {}

    /** The slope MSE′(m), compared with central differences of MSE at four points. */
    public static void checkSlope(DoubleUnaryOperator slope) {
        assessSlope(slope).print();
    }

    static Feedback assessSlope(DoubleUnaryOperator slope) {
        return Exercise.report("write the slope MSE′(m) inside the lambda", () -> {
            if (Exercise.isTodo(slope)) return Feedback.notDone("write the slope");
            double[] at = {1.0, 1.5, 2.5, 3.0};
            double[] mine = new double[at.length], reference = new double[at.length];
            for (int k = 0; k < at.length; k++) {
                mine[k] = slope.applyAsDouble(at[k]);
                reference[k] = central(at[k]);
            }
            if (Compare.close(mine, reference, 1e-6)) {
                return Feedback.done("your slope matches finite differences at m = 1, 1.5, 2.5 and 3 (at 1.5: "
                        + Exercise.num(mine[1]) + ")");
            }
            Feedback scale = Compare.scaleMistake(Compare.factor(mine, reference), 1000, "your slope");
            if (scale != null) return scale;
            // probe: a slope α·m + β read off two points, verified at the others; 2(m − x̄) has α = 2, β = −2x̄
            double alpha = (mine[3] - mine[0]) / (at[3] - at[0]), beta = mine[0] - alpha * at[0];
            boolean line = true;
            for (int k = 0; k < at.length; k++) line &= Compare.close(mine[k], alpha * at[k] + beta, 1e-9);
            if (line && Compare.close(alpha, 0, 1e-12)) {
                return Feedback.wrong("constant", "your slope is the same at every m (" + Exercise.num(mine[0])
                        + "): it must depend on m — the factor (m − x̄) is missing from 2(m − x̄)");
            }
            if (line && Compare.close(beta / alpha, -MSE.mean(), 1e-9)) {   // k·2(m − x̄): right in shape
                return Feedback.wrong("factor", "your slope is " + Exercise.num(alpha / 2) + " × 2(m − x̄): zero at the "
                        + "mean as it should be, but a stray factor — MSE′(m) = 2(m − x̄)");
            }
            if (line && Compare.close(alpha, 2, 1e-9) && Compare.close(beta, 2 * MSE.mean(), 1e-6)) {
                return Feedback.wrong("mean-sign", "your slope is 2(m + x̄): right in m, but x̄ enters with the wrong sign "
                        + "— it is 2(m − x̄), zero at the mean");
            }
            return Feedback.wrong("other", "at m = 1.5 your slope is " + Exercise.num(mine[1])
                    + " but finite differences give " + Exercise.num(reference[1]) + "; the slope is 2(m − x̄)");
        });
    }

    /** The update m ← m − η·MSE′(m), compared with hand-worked steps, then walked from m = 1. */
    public static void checkStep(Step step) {
        assessStep(step).print();
    }

    static Feedback assessStep(Step step) {
        return Exercise.report("write the update inside the lambda", () -> {
            if (Exercise.isTodo(step)) return Feedback.notDone("write the update");
            double mine = step.next(1.0, -2.0, 0.1);     // hand-worked: 1 − 0.1·(−2) = 1.2
            double other = step.next(3.0, 4.0, 0.25);   // 3 − 0.25·4 = 2
            if (Compare.close(mine, 1.2, 1e-12) && Compare.close(other, 2.0, 1e-12)) {
                double m = 1;
                for (int t = 0; t < 25; t++) m = step.next(m, 2 * (m - MSE.mean()), 0.1);
                return Feedback.done("m = 1 with slope −2 and η = 0.1 goes to 1.2; 25 of your steps from m = 1 end at "
                        + String.format("%.4f", m) + ", the sample mean is " + String.format("%.4f", MSE.mean()));
            }
            if (Compare.close(mine, 0.8, 1e-12)) {
                return Feedback.wrong("sign", "from m = 1 with slope −2 you went to " + Exercise.num(mine)
                        + ": that climbs. A negative slope means the error falls to the right, so m must grow: "
                        + "m − η·slope");
            }
            if (Compare.close(mine, 3.0, 1e-12)) {
                return Feedback.wrong("missing-eta", "from m = 1 with slope −2 you went to 3: the whole slope was "
                        + "taken as the step — the factor η is missing. Multiply it by η");
            }
            if (Compare.close(step.next(1.0, 5.0, 0.1), mine, 1e-12)) {   // probe: another slope, same m and η
                return Feedback.wrong("no-slope", "from m = 1 with η = 0.1 you go to " + Exercise.num(mine) + " whether the "
                        + "slope is −2 or 5: your step does not use the slope — the factor slope is missing from η·slope");
            }
            if (Compare.close(mine, -0.2, 1e-12) || Compare.close(mine, 0.2, 1e-12)) {
                return Feedback.wrong("step-only", "you returned the step (" + Exercise.num(mine)
                        + ") instead of the new m: add it to m");
            }
            return Feedback.wrong("other", "from m = 1 with slope −2 and η = 0.1 you went to " + Exercise.num(mine)
                    + "; by hand: 1 − 0.1·(−2) = 1.2");
        });
    }

    /**
     * η for "within 0.001 of the mean from m = 1 in at most 10 steps". One step multiplies the distance
     * to the mean by (1 − 2η) (MSE″ = 2), which tells crawling, ringing and running away apart.
     */
    public static void checkLearningRate(double eta) {
        assessLearningRate(eta).print();
    }

    static Feedback assessLearningRate(double eta) {
        return Exercise.report("set myEta", () -> {
            if (Exercise.isTodo(eta)) return Feedback.notDone("set myEta to a number");
            if (eta == 0) return IntegerDivision.zero("myEta", eta);
            if (!(eta > 0) || Double.isInfinite(eta)) {
                return Feedback.wrong("not-positive", "η = " + Exercise.num(eta) + " is too small: η must be > 0 (a "
                        + "negative η steps uphill)");
            }
            Path walk = Minimizer.walk(MSE, new GradientDescent(eta), new double[] {1.0}, 10);
            int reached = walk.stepsToReach(new double[] {MSE.mean()}, 0.001);
            double factor = 1 - 2 * eta;
            String per = "each step multiplies the distance to the mean by 1 − 2η = " + Exercise.num(factor);
            if (reached >= 0) {
                return Feedback.done("η = " + Exercise.num(eta) + " gets within 0.001 of the mean after " + reached
                        + (reached == 1 ? " step (" : " steps (") + per + ")");
            }
            double m = walk.last()[0];
            if (factor < -1) {
                return Feedback.wrong("diverges", "η = " + Exercise.num(eta) + " is too large, it runs away: after " + walk.steps()
                        + " steps m = " + Exercise.num(m) + ". " + per + ", more than 1 in size, so every overshoot is "
                        + "larger than the last. Stay below η = 1 (= 2 / MSE″)");
            }
            if (factor == -1) {
                return Feedback.wrong("oscillates", "η = 1 jumps between m = 1 and m = " + Exercise.num(2 * MSE.mean() - 1)
                        + " forever: 1 − 2η = −1, so each step lands exactly as far on the other side");
            }
            if (factor < 0) {
                return Feedback.wrong("rings", "η = " + Exercise.num(eta) + " overshoots: m jumps across the mean at "
                        + "every step and is still " + Exercise.num(Math.abs(m - MSE.mean())) + " away after 10. " + per
                        + "; a smaller η damps it faster");
            }
            return Feedback.wrong("crawls", "η = " + Exercise.num(eta) + " is too small, it crawls: m creeps towards the mean from one "
                    + "side and is still " + Exercise.num(Math.abs(m - MSE.mean())) + " away after 10 steps. " + per
                    + "; take a larger η");
        });
    }

    /** The central difference (f(x+ε) − f(x−ε)) / 2ε, tried on f(x) = x³ at x = 1, ε = 10⁻³. */
    public static void checkCentralDifference(Difference difference) {
        assessCentralDifference(difference).print();
    }

    static Feedback assessCentralDifference(Difference difference) {
        return Exercise.report("write the central difference inside the lambda", () -> {
            if (Exercise.isTodo(difference)) return Feedback.notDone("write the central difference");
            DoubleUnaryOperator cube = x -> x * x * x;
            double eps = 1e-3;
            double mine = difference.at(cube, 1.0, eps);
            double exact = 3;                              // d/dx x³ = 3x²
            double central = 3 + eps * eps;                // its error is ε² for a cubic
            double forward = 3 + 3 * eps + eps * eps;
            if (Compare.close(mine, central, 1e-9)) {
                double other = difference.at(Math::sin, 0.5, 1e-5);
                if (!Compare.close(other, Math.cos(0.5), 1e-8)) {
                    return Feedback.wrong("other", "right for x³ at 1 but not for sin at 0.5: " + Exercise.num(other)
                            + " against cos(0.5) = " + Exercise.num(Math.cos(0.5)) + " — use f, x and ε as given");
                }
                return Feedback.done("for x³ at x = 1 your estimate is " + String.format("%.9f", mine)
                        + ": off by ε² = 1e-6, where the forward difference is off by 3ε = 0.003");
            }
            if (Compare.close(mine, forward, 1e-9) || Compare.close(mine, 3 - 3 * eps + eps * eps, 1e-9)) {
                return Feedback.wrong("one-sided", "you get " + String.format("%.6f", mine) + " for x³ at 1 (true 3): "
                        + "that is a one-sided difference, off by about 3ε. Take f(x + ε) − f(x − ε)");
            }
            if (mine == 0) {   // probe: x³ is not flat at 1, so both values were taken at the same point
                return Feedback.wrong("same-point", "you get 0 for x³ at 1, where the slope is 3: your two values of f are "
                        + "taken at the same point. One is f(x + ε), the other f(x − ε) — check the sign in each");
            }
            double flat = difference.at(x -> 1.0, 1.0, eps);   // probe: a constant f has slope 0
            if (flat != 0) {
                return Feedback.wrong("sum", "for the constant f(x) = 1 you get " + Exercise.num(flat) + ", not 0: you "
                        + "added the two values of f. It is their difference, f(x + ε) − f(x − ε), with a minus");
            }
            double ratio = mine / central;
            if (Compare.close(ratio, eps, 1e-6) || Compare.close(ratio, 2 * eps, 1e-6)) {
                return Feedback.wrong("no-eps", "you get " + Exercise.num(mine) + ", " + (Compare.close(ratio, eps, 1e-6)
                        ? "ε" : "2ε") + " times the slope 3: the factor ε is missing from the division — divide by 2ε");
            }
            if (Compare.close(mine, 2 * central, 1e-9)) {
                return Feedback.wrong("missing-2", "you get " + String.format("%.6f", mine) + ", twice the slope 3: "
                        + "x + ε and x − ε are 2ε apart, so divide by 2ε");
            }
            if (Compare.close(mine, -central, 1e-9)) {
                return Feedback.wrong("sign", "you get " + String.format("%.6f", mine) + ": the right size, the wrong "
                        + "sign — it is f(x + ε) − f(x − ε), in that order");
            }
            return Feedback.wrong("other", "for x³ at x = 1 you get " + Exercise.num(mine) + "; the slope is "
                    + exact + " and the central difference gives " + String.format("%.9f", central));
        });
    }

    private static double central(double m) {
        double h = 1e-5;
        return (MSE.value(new double[] {m + h}) - MSE.value(new double[] {m - h})) / (2 * h);
    }
}
