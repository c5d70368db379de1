package descent.schedule;

/**
 * A learning-rate schedule η(t): the step size to use at update number t = 0, 1, 2, … .
 * Separate from the optimisers and composable, as in Optax.
 */
@FunctionalInterface
public interface Schedule {

    /** η(t) for update t ≥ 0. */
    double rate(long t);

    /**
     * How the schedule reads in an optimiser's name, e.g. {@code η=0.1} or {@code η=5/(t+50)}. The library's
     * schedules describe themselves; a schedule written as a lambda reads {@code η(t) of <its class>}.
     */
    default String describe() {
        return "η(t) of " + getClass().getSimpleName();
    }
}
