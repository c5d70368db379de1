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
}
