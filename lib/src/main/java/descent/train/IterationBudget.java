package descent.train;

/**
 * {@link StoppingRule#maxIterations}: stop once n updates are done, even within an epoch. A class of
 * its own so that the loop can tell how many updates may run before it fires.
 */
final class IterationBudget implements StoppingRule {
    /** The largest budget that means anything: 10¹² updates, over a quarter of an hour at 10⁹ updates a second. */
    static final long MAX = 1_000_000_000_000L;

    /** Fails unless 1 ≤ n ≤ {@link #MAX}: Long.MAX_VALUE as a budget is no budget at all. */
    static long check(String name, long n) {
        descent.Check.atLeast(name, n, 1);
        if (n > MAX) {
            throw new IllegalArgumentException(name + " = " + n + " is invalid: it is too large to mean anything as a "
                    + "budget (at 10⁹ updates a second it would run for " + duration(n / 1e9) + "); give at most " + String.format(java.util.Locale.ROOT, "%,d", MAX) + ", or leave it out for "
                    + "the default budget of " + String.format(java.util.Locale.ROOT, "%,d", Descent.DEFAULT_MAX_ITERATIONS)
                    + " iterations");
        }
        return n;
    }

    private static String duration(double seconds) {
        double years = seconds / (365.25 * 86400);
        return years >= 1 ? String.format(java.util.Locale.ROOT, "%,.0f years", years)
                : String.format(java.util.Locale.ROOT, "%,.1f hours", seconds / 3600);
    }

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
