package descent.schedule;

import descent.Check;

/**
 * Ready-made learning-rate schedules η(t), t = 0, 1, 2, … the optimiser's update count. Each is a
 * small pure function, so they compose like Optax's (e.g. {@link #join}).
 */
public final class Schedules {
    private Schedules() {}

    /** η(t) = η. */
    public static Schedule constant(double eta) {
        Check.positive("eta", eta);
        return new Constant(eta);
    }

    /** The η of a schedule made by {@link #constant}, or NaN for every other schedule. */
    public static double constantRate(Schedule schedule) {
        Check.notNull("schedule", schedule);
        return schedule instanceof Constant c ? c.eta() : Double.NaN;
    }

    private record Constant(double eta) implements Schedule {
        @Override
        public double rate(long t) {
            step(t);
            return eta;
        }

        @Override
        public String describe() {
            return "η=" + descent.Format.number(eta);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * η(t) = t0/(t + t1): the "learning schedule" of stochastic gradient descent, also called
     * simulated annealing after slowly cooling metal (Géron, <i>Hands-On Machine Learning</i>, ch. 4).
     * With t = epoch·m + i it decays across epochs, not only within one.
     */
    public static Schedule inverseTime(double t0, double t1) {
        Check.positive("t0", t0);
        Check.positive("t1", t1);
        return named(t -> t0 / (t + t1), "η=" + fmt(t0) + "/(t+" + fmt(t1) + ")");
    }

    /** The course's defaults t0 = 5, t1 = 50: η(0) = 0.1. */
    public static Schedule inverseTime() {
        return inverseTime(5, 50);
    }

    /** η(t) = η0 · rate^(t/decaySteps): exponential decay (as Keras/Optax exponential_decay). */
    public static Schedule exponential(double eta0, double rate, long decaySteps) {
        Check.positive("eta0", eta0);
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate = " + rate + " is invalid: it must be in (0, 1]");
        }
        Check.atLeast("decaySteps", decaySteps, 1);
        return named(t -> eta0 * Math.pow(rate, (double) t / decaySteps),
                "η=" + fmt(eta0) + "·" + fmt(rate) + "^(t/" + decaySteps + ")");
    }

    /** η(t) = η0 · factor^⌊t/everySteps⌋: drop the rate by a factor every few steps (PyTorch StepLR). */
    public static Schedule stepDecay(double eta0, double factor, long everySteps) {
        Check.positive("eta0", eta0);
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("factor = " + factor + " is invalid: it must be in (0, 1]");
        }
        Check.atLeast("everySteps", everySteps, 1);
        return named(t -> eta0 * Math.pow(factor, t / everySteps),
                "η=" + fmt(eta0) + "·" + fmt(factor) + "^⌊t/" + everySteps + "⌋");
    }

    /** η(t) = η0/(t + 1)^power (scikit-learn's "invscaling"). */
    public static Schedule inverseScaling(double eta0, double power) {
        Check.positive("eta0", eta0);
        Check.positive("power", power);
        return named(t -> eta0 / Math.pow(t + 1, power), "η=" + fmt(eta0) + "/(t+1)^" + fmt(power));
    }

    /**
     * Cosine annealing with warm restarts: η(t) = ½η0(1 + cos(π (t mod period)/period)), jumping
     * back to η0 every {@code period} steps (Loshchilov &amp; Hutter, SGDR, ICLR 2017).
     */
    public static Schedule warmRestarts(double eta0, long period) {
        Check.positive("eta0", eta0);
        Check.atLeast("period", period, 1);
        return named(t -> 0.5 * eta0 * (1 + Math.cos(Math.PI * (t % period) / period)),
                "cosine η0=" + fmt(eta0) + ", restart every " + period);
    }

    /** {@code first} for t &lt; boundary, then {@code second} restarted at 0 (Optax join_schedules). */
    public static Schedule join(Schedule first, long boundary, Schedule second) {
        Check.notNull("first", first);
        Check.notNull("second", second);
        Check.atLeast("boundary", boundary, 0);
        return named(t -> t < boundary ? first.rate(t) : second.rate(t - boundary),
                first.describe() + " then " + second.describe());
    }

    /**
     * Fails unless t ≥ 0: a schedule is defined on the update count, and before step 0 its formulas give
     * nonsense (t0/(t + t1) is ∞ at t = −t1, η0·rate^(t/k) grows without bound).
     */
    static long step(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("t = " + t + " is invalid: a schedule's step t counts updates from 0");
        }
        return t;
    }

    private static String fmt(double v) {
        return descent.Format.number(v);
    }

    private static Schedule named(Schedule s, String name) {
        return new Schedule() {
            @Override
            public double rate(long t) {
                return s.rate(step(t));
            }

            @Override
            public String describe() {
                return name;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
