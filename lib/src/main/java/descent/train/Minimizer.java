package descent.train;

import descent.Check;
import descent.function.Objective;
import descent.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks an optimiser over a function from a start point and keeps every point: the trajectories
 * drawn on contour plots of the test functions. The function's own gradient drives each step, in the
 * same {@link Loop} that trains models (one step per epoch, the check at every point). A walk
 * stops as diverged when f or ∇f stops being finite, the point runs off (‖x‖ &gt; 1e12), or f rises
 * five steps in a row to above its value at the start.
 *
 * <pre>{@code
 * Path p = Minimizer.walk(new Himmelblau(), new GradientDescent(0.01), new double[] {0, 0}, 200);
 * }</pre>
 */
public final class Minimizer {
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
        List<StoppingRule> rules = new ArrayList<>();
        if (gradientTolerance > 0) rules.add(StoppingRule.gradientNorm(gradientTolerance));
        rules.add(StoppingRule.maxIterations(maxSteps));
        Loop loop = new Loop(new FunctionProblem(f), optimizer, start.clone(), Divergence.ofWalk(), rules,
                new TrajectoryRecorder(1, maxSteps + 1), 1, null).run();
        return new Path(optimizer.name(), loop.recorder.points(), loop.checkCosts.toArray(), loop.stop.reason());
    }

    /** A test function as the loop's problem: each epoch is one step on the function itself. */
    private record FunctionProblem(Objective f) implements Problem {
        @Override
        public int batchesPerEpoch() {
            return 1;
        }

        @Override
        public boolean batchIsWhole() {
            return true;
        }

        @Override
        public void newEpoch() {}

        @Override
        public double batch(int k, double[] p, double[] grad) {
            return whole(p, grad);
        }

        @Override
        public double whole(double[] p, double[] grad) {
            f.gradient(p, grad);
            return f.value(p);
        }
    }
}
