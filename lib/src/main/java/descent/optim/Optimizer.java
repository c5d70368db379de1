package descent.optim;

/**
 * An optimiser: a small object holding its state (velocity, caches, step count) and performing
 * one update θ ← θ − (step) given the gradient at θ, in place. As in PyTorch's {@code torch.optim}
 * and Optax, the learning rate comes from a {@link descent.schedule.Schedule} evaluated at the
 * optimiser's own step count t = 0, 1, 2, …
 *
 * <p>State is sized on the first step; {@link #reset()} forgets it so the same object can start
 * another run.
 */
public interface Optimizer {

    /** Updates {@code theta} in place using {@code grad} = ∇J(θ); advances t by one. */
    void step(double[] theta, double[] grad);

    /** Number of steps taken since creation or the last reset. */
    long steps();

    /** The learning rate η(t) the next step will use. */
    double learningRate();

    /** Forgets all state (step count, velocities, caches). */
    void reset();

    /** A short name for legends, e.g. "Adam(η=0.001)". */
    String name();

    /**
     * The largest fixed learning rate for which this optimiser converges on a quadratic whose Hessian
     * has largest eigenvalue {@code lambdaMax}, or NaN where no such bound is known (a schedule, an
     * adaptive method). Divergence reports quote it only where it holds.
     */
    default double stableRateBound(double lambdaMax) {
        descent.Check.positive("lambdaMax", lambdaMax);
        return Double.NaN;
    }

    /** The formula of {@link #stableRateBound}, e.g. "2/λ_max" (empty where there is none). */
    default String stableRateRule() {
        return "";
    }
}
