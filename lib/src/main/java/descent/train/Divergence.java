package descent.train;

import descent.Vectors;
import java.util.Locale;

/**
 * Watches a run for divergence, so that a step too large ends the run with a report instead of a
 * silent NaN or a huge number. A cost or gradient that is not finite always counts; the other signs
 * depend on what is being minimised ({@link #ofTraining()}, {@link #ofWalk()}). One instance per run:
 * it counts how many checks in a row the cost rose.
 */
final class Divergence {
    /** Checks in a row with a rising cost, ending above the start, that count as divergence. */
    private static final int RISES = 5;
    /** A full cost this many times its start has run away. */
    private static final double GROWTH_FACTOR = 100;
    /** A batch's own cost is noisy (one example can cost far more than the mean): a wider margin. */
    private static final double BATCH_RUNAWAY = 1e4;
    /** A point this far from the origin has run away. */
    private static final double WALK_RUNAWAY = 1e12;

    private final boolean training;
    private double startCost;
    private int rises;

    private Divergence(boolean training) {
        this.training = training;
    }

    /**
     * For a model's cost: besides the rules of every run, a full cost over 100 times its start, a
     * batch's cost over 10⁴ times it, an epoch whose batches cost over 100 times it on average, and a
     * budget that ran out while the cost rose at every check.
     */
    static Divergence ofTraining() {
        return new Divergence(true);
    }

    /** For a walk over a test function: besides the rules of every run, a point beyond ‖x‖ = 10¹². */
    static Divergence ofWalk() {
        return new Divergence(false);
    }

    /** At the start, J(θ_0): it must be finite, and the growth rules measure against it. */
    Stop atStart(double cost, double[] gradient) {
        startCost = cost;
        return finite(cost, gradient) ? null : Stop.diverged("the cost at the initial weights is not finite (" + cost + ")");
    }

    /** At a check of the full cost (after the start). */
    Stop atCheck(Checkpoint c) {
        double j = c.cost();
        rises = j > c.previousCost() ? rises + 1 : 0;
        if (!finite(j, c.gradient())) return Stop.diverged("the cost became " + j);
        if (!training && Vectors.norm(c.weights()) > WALK_RUNAWAY) {
            return Stop.diverged(String.format(Locale.ROOT, "the point ran off beyond ‖x‖ = %.0g", WALK_RUNAWAY));
        }
        if (training && startCost > 0 && j > GROWTH_FACTOR * startCost) {
            return Stop.diverged(String.format(Locale.ROOT, "the cost rose from %.4g to %.4g, over %.0f times its start",
                    startCost, j, GROWTH_FACTOR));
        }
        if (rises >= RISES && j > startCost) {
            return Stop.diverged(String.format(Locale.ROOT,
                    "the cost grew %d checks in a row, from %.4g at the start to %.4g", rises, startCost, j));
        }
        return null;
    }

    /** After batch t's cost and gradient, before its update. */
    Stop afterBatch(long t, double cost, double[] gradient) {
        if (!finite(cost, gradient)) return Stop.diverged("the cost of update " + t + " is not finite (" + cost + ")");
        if (training && startCost > 0 && cost > BATCH_RUNAWAY * startCost) {
            // between the epoch checks: a run can blow up and swing back by the epoch's end
            return Stop.diverged(String.format(Locale.ROOT, "the cost of update %d's batch reached %.4g, over %.0f "
                    + "times the cost at the start (%.4g)", t, cost, BATCH_RUNAWAY, startCost));
        }
        return null;
    }

    /**
     * The batch cost above which {@link #afterBatch} reports a runaway (+∞ where it never does): a
     * cost at most this, finite, with a finite gradient, passes {@link #afterBatch}.
     */
    double batchCostLimit() {
        return training && startCost > 0 ? BATCH_RUNAWAY * startCost : Double.POSITIVE_INFINITY;
    }

    /** After the updates of an epoch, before its check: the mean cost of its batches. */
    Stop afterEpoch(int epoch, double meanBatchCost) {
        if (training && startCost > 0 && meanBatchCost > GROWTH_FACTOR * startCost) {
            // the weights swing far out and back: the epoch-end check alone can miss it
            return Stop.diverged(String.format(Locale.ROOT, "the batches' mean cost in epoch %d was %.4g, over %.0f "
                    + "times the cost at the start (%.4g)", epoch, meanBatchCost, GROWTH_FACTOR, startCost));
        }
        return null;
    }

    /**
     * When a budget ended the run, the costs at the start and every check since: a run whose cost rose
     * at every check (at least two) and ended above its start has not converged slowly. It diverged,
     * too early in its growth for the rules above.
     */
    Stop atBudgetEnd(double[] checkCosts) {
        int checks = checkCosts.length - 1;
        double last = checkCosts[checks];
        if (training && checks >= 2 && rises == checks && last > startCost) {
            return Stop.diverged(String.format(Locale.ROOT, "the cost rose at every one of its %d checks, from %.4g to %.4g",
                    checks, startCost, last));
        }
        return null;
    }

    private static boolean finite(double cost, double[] gradient) {
        return Double.isFinite(cost) && Vectors.allFinite(gradient);
    }
}
