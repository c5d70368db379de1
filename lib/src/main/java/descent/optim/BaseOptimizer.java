package descent.optim;

import descent.Check;
import descent.schedule.Schedule;
import descent.schedule.Schedules;

/**
 * What every optimiser shares: the step count t, the learning-rate schedule η(t), argument checks,
 * and state arrays sized on the first step. Subclasses implement one {@link #update}.
 */
abstract class BaseOptimizer implements Optimizer {
    private final Schedule schedule;
    private long t;
    private int size = -1;

    BaseOptimizer(Schedule schedule) {
        this.schedule = Check.notNull("schedule", schedule);
    }

    static Schedule constant(double eta) {
        return Schedules.constant(eta);
    }

    /** θ ← update given ∇J, at rate η for update number t (0-based). */
    abstract void update(double[] theta, double[] grad, double eta, long t);

    /**
     * Allocates state arrays of length {@code size}, all zero: on the first step after a reset, and
     * with size 0 at the reset itself, so that no state of an earlier run is left to be read.
     */
    void allocate(int size) {}

    @Override
    public final void step(double[] theta, double[] grad) {
        Check.notNull("theta", theta);
        Check.length("grad", grad, theta.length, "one entry per parameter, like theta");
        // a NaN here would turn every weight into NaN without a word; it usually means a diverged run
        Check.finite("theta", theta);
        Check.finite("grad", grad);
        sizeState(theta);
        double eta = schedule.rate(t);
        if (!validRate(eta)) {
            throw new IllegalArgumentException("eta = " + eta + " at t = " + t
                    + " is invalid: the schedule must give a finite learning rate > 0");
        }
        update(theta, grad, eta, t);
        t++;
    }

    /** Sizes the state on the first step after a reset; afterwards θ must keep that length. */
    final void sizeState(double[] theta) {
        if (size < 0) {
            size = theta.length;
            allocate(size);
        } else if (theta.length != size) {
            throw new IllegalArgumentException("theta has length " + theta.length + " but this optimiser's state "
                    + "has length " + size + ": call reset() before optimising another parameter vector");
        }
    }

    private static boolean validRate(double eta) {
        return eta > 0 && Double.isFinite(eta);
    }

    /**
     * η(t), η(t + 1), … for the next {@code count} steps into {@code etas}, up to the first rate that is
     * not valid (its step reports it): returns how many were written.
     */
    final int nextRates(double[] etas, int count) {
        for (int k = 0; k < count; k++) {
            double eta = schedule.rate(t + k);
            if (!validRate(eta)) return k;
            etas[k] = eta;
        }
        return count;
    }

    /** Counts {@code count} updates made at the rates {@link #nextRates} gave, outside {@link #step}. */
    final void advance(int count) {
        t += count;
    }

    @Override
    public final long steps() {
        return t;
    }

    @Override
    public final double learningRate() {
        return schedule.rate(t);
    }

    @Override
    public final void reset() {
        t = 0;
        size = -1;
        allocate(0);
    }

    /** The learning-rate schedule this optimiser was built with. */
    final Schedule schedule() {
        return schedule;
    }

    /** η when the schedule is a constant one, otherwise NaN. */
    final double constantRate() {
        return Schedules.constantRate(schedule);
    }

    /** The schedule's description, for names. */
    /** The schedule as it reads in the optimiser's name: each schedule describes itself. */
    final String rate() {
        return schedule.describe();
    }

    @Override
    public String toString() {
        return name();
    }
}
