package descent.train;

import descent.Check;
import descent.Vectors;
import descent.function.Objective;
import descent.optim.Optimizer;

/**
 * Walks an optimiser over a function from a start point and keeps every point: the trajectories
 * drawn on contour plots of the test functions. The function's own gradient drives each step. A walk
 * stops as diverged when f or ∇f stops being finite, the point runs off (‖x‖ &gt; 1e12), or f rises
 * five steps in a row to above its value at the start.
 *
 * <pre>{@code
 * Path p = Minimizer.walk(new Himmelblau(), new GradientDescent(0.01), new double[] {0, 0}, 200);
 * }</pre>
 */
public final class Minimizer {
    /** A point this far from the origin counts as having run away. */
    private static final double RUNAWAY = 1e12;
    private static final int GROWTH_STEPS = 5;

    private Minimizer() {}

    /** At most {@code maxSteps} steps of {@code optimizer} on {@code f} from {@code start}. */
    public static Path walk(Objective f, Optimizer optimizer, double[] start, int maxSteps) {
        return walk(f, optimizer, start, maxSteps, 0);
    }

    /**
     * As {@link #walk(Objective, Optimizer, double[], int)}, stopping early once ‖∇f‖ falls below
     * {@code gradientTolerance} (0 disables this).
     */
    public static Path walk(Objective f, Optimizer optimizer, double[] start, int maxSteps,
                            double gradientTolerance) {
        Check.notNull("f", f);
        Check.notNull("optimizer", optimizer);
        Check.length("start", start, f.dimension(), "one coordinate per variable of f");
        Check.finite("start", start);
        Check.size("maxSteps", maxSteps, start.length + 1);  // every point is kept
        Check.nonNegative("gradientTolerance", gradientTolerance);
        optimizer.reset();
        double[] x = start.clone();
        double[] g = new double[x.length];
        double[][] points = new double[maxSteps + 1][];
        double[] values = new double[maxSteps + 1];
        points[0] = x.clone();
        values[0] = f.value(x);
        int k = 0;
        int increases = 0;
        StopReason reason = StopReason.MAX_ITERATIONS;
        while (k < maxSteps) {
            f.gradient(x, g);
            if (!Vectors.allFinite(g)) { reason = StopReason.DIVERGED; break; }
            if (gradientTolerance > 0 && Vectors.norm(g) < gradientTolerance) {
                reason = StopReason.GRADIENT_BELOW_TOLERANCE;
                break;
            }
            optimizer.step(x, g);
            k++;
            points[k] = x.clone();
            values[k] = f.value(x);
            if (!Double.isFinite(values[k]) || Vectors.norm(x) > RUNAWAY) { reason = StopReason.DIVERGED; break; }
            // uphill step after step and already above the start: the step size is too large
            increases = values[k] > values[k - 1] ? increases + 1 : 0;
            if (increases >= GROWTH_STEPS && values[k] > values[0]) { reason = StopReason.DIVERGED; break; }
        }
        return new Path(optimizer.name(), java.util.Arrays.copyOf(points, k + 1),
                java.util.Arrays.copyOf(values, k + 1), reason);
    }

}
