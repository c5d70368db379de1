package descent.train;

/**
 * {@link StoppingRule#maxIterations}: stop once n updates are done, even within an epoch. A class of
 * its own so that the loop can tell how many updates may run before it fires.
 */
final class IterationBudget implements StoppingRule {
    /** The budget: the update count at which the run stops. */
    final long n;

    IterationBudget(long n) {
        this.n = n;
    }

    @Override
    public Stop atCheck(Checkpoint c) {
        return beforeUpdate(c.iteration());
    }

    @Override
    public Stop beforeUpdate(long t) {
        return t >= n ? new Stop(StopReason.MAX_ITERATIONS, "") : null;
    }
}
