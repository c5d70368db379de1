package descent.exercise;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.function.GradientCheck;
import descent.linalg.LeastSquares;
import descent.loss.MeanSquaredError;
import descent.optim.GradientDescent;
import descent.train.Descent;
import descent.train.Init;

/**
 * Checks for notebook 2, batch gradient descent on the lecture's 100 points of y = 8 + 6x + noise
 * (seed 42) with J(w) = (1/m) Σ (x_iᵀw − y_i)² and ∇J = (2/m) X_bᵀ(X_b w − y). Source: the course's
 * lecture notes on linear regression by gradient descent.
 */
public final class BatchDescentExercises {
    /** One partial derivative ∂J/∂w_j. */
    @FunctionalInterface
    public interface Partial {
        double of(Dataset xb, double[] w, int j);
    }

    private static final Dataset XB = Datasets.linear(100, 42).withBias();
    private static final double[][] POINTS = {{1, 1}, {8, 6}, {-2, 10}};

    private BatchDescentExercises() {}

    /** ∂J/∂w_j for j = 0, 1 at three weight vectors, against finite differences of the library's MSE. */
    public static void checkPartial(Partial partial) {
        assessPartial(partial).print();
    }

    static Feedback assessPartial(Partial partial) {
        return Exercise.report("write ∂J/∂w_j inside the lambda", () -> {
            if (Exercise.isTodo(partial)) return Feedback.notDone("write the partial derivative");
            double[] mine = new double[6], reference = new double[6];
            RuntimeException threw = GradientProbe.attempt(() -> {
                for (int p = 0; p < POINTS.length; p++) {
                    double[] fd = finiteDifferences(POINTS[p]);
                    for (int j = 0; j < 2; j++) {
                        double[] w = POINTS[p].clone();
                        mine[2 * p + j] = partial.of(XB, w, j);
                        Feedback changed = Unchanged.check("weights", POINTS[p], w);
                        if (changed != null) throw new Diagnosis.Found(changed);
                        reference[2 * p + j] = fd[j];
                    }
                }
            });
            if (threw == null && Compare.close(mine, reference, 1e-5)) {
                return Feedback.done("∂J/∂w_0 and ∂J/∂w_1 match finite differences at three weight vectors (at w = (1, 1): "
                        + Exercise.num(mine[0]) + ", " + Exercise.num(mine[1]) + ")");
            }
            DataGradient all = (d, w, g) -> {
                for (int j = 0; j < d.cols(); j++) g[j] = partial.of(d, w, j);
            };
            return new GradientProbe(all, z -> z, 2).diagnose("your partial derivative", XB.rows(), threw);
        });
    }

    /** The gradient in one pass over the rows, written into a g that holds garbage beforehand. */
    public static void checkGradient(DataGradient gradient) {
        assessGradient(gradient).print();
    }

    static Feedback assessGradient(DataGradient gradient) {
        return Exercise.report("write the gradient inside the lambda", () -> {
            if (Exercise.isTodo(gradient)) return Feedback.notDone("write the gradient");
            double[] mine = new double[6], reference = new double[6];
            boolean[] accumulates = {false};
            RuntimeException threw = GradientProbe.attempt(() -> {
                for (int p = 0; p < POINTS.length; p++) {
                    double[] g = {123.0, -456.0};   // what a previous step left behind
                    double[] w = POINTS[p].clone();
                    gradient.into(XB, w, g);
                    Feedback changed = Unchanged.check("weights", POINTS[p], w);
                    if (changed != null) throw new Diagnosis.Found(changed);
                    double[] clean = new double[2];
                    gradient.into(XB, POINTS[p].clone(), clean);
                    accumulates[0] |= !Compare.close(g, clean, 1e-9);
                    System.arraycopy(clean, 0, mine, 2 * p, 2);
                    System.arraycopy(finiteDifferences(POINTS[p]), 0, reference, 2 * p, 2);
                }
            });
            boolean right = threw == null && Compare.close(mine, reference, 1e-5);
            if (accumulates[0] && right) {
                return Feedback.wrong("not-cleared", "your gradient is right when g starts at zero, but you add to what g "
                        + "held before: in a loop g still holds the last step's gradient. Set g to zero first");
            }
            if (right) {
                return Feedback.done("your gradient matches finite differences at three weight vectors and the library's "
                        + "MeanSquaredError.mean() (at w = (1, 1): (" + Exercise.num(mine[0]) + ", " + Exercise.num(mine[1]) + "))");
            }
            return new GradientProbe(gradient, z -> z, 2).diagnose("your gradient", XB.rows(), threw);
        });
    }

    /**
     * The fewest iterations of η = 0.1 from {@code Init.random(7)} that bring J within 10⁻⁶ of the normal
     * equation's J*. Enough but far more than needed is not the answer asked for.
     */
    public static void checkIterations(int iterations) {
        assessIterations(iterations).print();
    }

    static Feedback assessIterations(int iterations) {
        return Exercise.report("set myIterations", () -> {
            if (Exercise.isTodo(iterations)) return Feedback.notDone("set myIterations to a whole number");
            if (iterations < 1) {
                return Feedback.wrong("not-positive", "myIterations = " + iterations + (iterations < 0 ? " is negative" : "")
                        + ": a count of iterations is positive, at least 1");
            }
            int needed = fewestIterations();
            // past the answer J − J* only falls further; the cap keeps a huge guess from running for ever
            double gap = gapAfter(Math.min(iterations, 4 * needed));
            if (iterations < needed) {
                return Feedback.wrong("too-few", (needed - iterations == 1 ? "one too few: " : "too few: ") + "after "
                        + iterations + " iterations J − J* = " + Exercise.gap(gap)
                        + ", not yet below 1e-6. Read the J − J* chart: where does the curve cross 1e-6?");
            }
            if (iterations > needed * 1.1 + 2) {
                String times = iterations >= 5 * needed ? ", " + Math.round((double) iterations / needed) + " times too many" : "";
                return Feedback.wrong("too-many", iterations + " iterations are enough (J − J* ≤ " + Exercise.gap(gap)
                        + "), but " + needed + " already are" + times + ": the task asks for the fewest. Read where the J − J* curve "
                        + "crosses 1e-6");
            }
            return Feedback.done(iterations + " iterations: J − J* = " + Exercise.gap(gap) + " (the fewest that reach 1e-6 are "
                    + needed + ")");
        });
    }

    /** Found by bisection: J − J* falls monotonically for this η (it is below 2/λ_max). */
    static int fewestIterations() {
        int lo = 0, hi = 4096;   // gap(lo) ≥ 1e-6 > gap(hi)
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (gapAfter(mid) < 1e-6) hi = mid; else lo = mid;
        }
        return hi;
    }

    private static double gapAfter(int k) {
        return Descent.of(MeanSquaredError.mean(), XB).optimizer(new GradientDescent(0.1)).init(Init.random(7))
                .maxIterations(k).tolerance(0).run().finalLoss() - best();
    }

    private static double best() {
        return MeanSquaredError.mean().value(XB, LeastSquares.solve(XB));
    }

    private static double[] finiteDifferences(double[] w) {
        return GradientCheck.central(v -> MeanSquaredError.mean().value(XB, v), w);
    }
}
