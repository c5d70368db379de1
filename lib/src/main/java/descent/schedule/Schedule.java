package descent.schedule;

/**
 * A learning-rate schedule η(t): the step size to use at update number t = 0, 1, 2, … .
 * Separate from the optimisers and composable, as in Optax.
 */
@FunctionalInterface
public interface Schedule {

    /** η(t) for update t ≥ 0. */
    double rate(long t);
}
