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
        return new Path(optimizer.name(), loop.recorder.points(), loop.checkCosts.toArray(), loop.stop.reason(),
                message(f, optimizer, loop));
    }

    /** The walk's report: why it ended; for a diverged walk what diverged and the bound on η where f knows it. */
    private static String message(Objective f, Optimizer optimizer, Loop loop) {
        String what = String.format(java.util.Locale.ROOT, "%s: %s after %d step%s", optimizer.name(),
                loop.stop.reason() == StopReason.DIVERGED ? "diverged" : "stopped", loop.t, loop.t == 1 ? "" : "s");
        if (loop.stop.reason() != StopReason.DIVERGED) {
            return what + ": " + loop.stop.reason().description()
                    + (loop.stop.detail().isEmpty() ? "" : " (" + loop.stop.detail() + ")");
        }
        if (loop.updateBroke && optimizer instanceof descent.optim.CustomOptimizer) {
            return what + ": " + loop.stop.detail() + ". Look at the update rule of " + optimizer.name()
                    + ": a division by 0, the square root of a negative number or an overflow there gives NaN or ∞.";
        }
        return what + ": " + loop.stop.detail() + ". The learning rate is too large for this function; try a smaller one"
                + rateBound(f, optimizer) + ".";
    }

    /** " (… η < 2/λ_max = 0.2 …)" where f's Hessian is constant and the optimiser states its bound, else "". */
    private static String rateBound(Objective f, Optimizer optimizer) {
        double lambdaMax = f.hessianLambdaMax();
        if (!(lambdaMax > 0) || !Double.isFinite(lambdaMax)) return "";
        double bound = optimizer.stableRateBound(lambdaMax);
        if (Double.isNaN(bound)) return "";
        String name = f instanceof descent.function.TestFunction t ? t.name() : "this function";
        return String.format(java.util.Locale.ROOT, " (on %s, whose Hessian is the same everywhere, %s converges only "
                + "for η < %s = %.4g, λ_max = %.4g being the Hessian's largest eigenvalue; here η = %.4g)",
                name, optimizer.name(), optimizer.stableRateRule(), bound, lambdaMax, optimizer.learningRate());
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
