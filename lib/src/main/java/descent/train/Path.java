package descent.train;

import java.util.Arrays;

/**
 * The points an optimiser visited on a function, with the function's value at each, and why the
 * walk ended. Point 0 is the start.
 */
public final class Path {
    private final String label;
    private final double[][] points;
    private final double[] values;
    private final StopReason stopReason;
    private final String message;

    Path(String label, double[][] points, double[] values, StopReason stopReason, String message) {
        this.label = label;
        this.points = points;
        this.values = values;
        this.stopReason = stopReason;
        this.message = message;
    }

    /**
     * What happened, in words: why the walk ended, and for a diverged walk what diverged and, where the
     * function's curvature is the same everywhere (a quadratic), the bound on η its steps needed.
     */
    public String message() { return message; }

    /** The optimiser's name, for legends. */
    public String label() { return label; }

    /** The visited points, start first (copies). */
    public double[][] points() {
        double[][] copy = new double[points.length][];
        for (int i = 0; i < copy.length; i++) copy[i] = points[i].clone();
        return copy;
    }

    /** f at each visited point. */
    public double[] values() { return values.clone(); }

    /** Number of steps taken. */
    public int steps() { return points.length - 1; }

    /** The last point. */
    public double[] last() { return points[points.length - 1].clone(); }

    /** f at the last point. */
    public double lastValue() { return values[values.length - 1]; }

    /** Why the walk ended. */
    public StopReason stopReason() { return stopReason; }

    /** True if the walk blew up. */
    public boolean diverged() { return stopReason == StopReason.DIVERGED; }

    /** The first step at which f ≤ target, or −1 if never reached. */
    public int stepsToReach(double target) {
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("target = " + target + " is invalid: it must be a finite value of f");
        }
        for (int i = 0; i < values.length; i++) if (values[i] <= target) return i;
        return -1;
    }

    /** The first step at which the point is within distance {@code radius} of {@code goal}, or −1. */
    public int stepsToReach(double[] goal, double radius) {
        descent.Check.length("goal", goal, points[0].length, "one coordinate per variable of the walk");
        descent.Check.finite("goal", goal);
        descent.Check.nonNegative("radius", radius);
        for (int i = 0; i < points.length; i++) {
            double s = 0;
            for (int j = 0; j < goal.length; j++) s += (points[i][j] - goal[j]) * (points[i][j] - goal[j]);
            if (Math.sqrt(s) <= radius) return i;
        }
        return -1;
    }

    @Override
    public String toString() {
        if (diverged()) return message;
        return String.format(java.util.Locale.ROOT, "%s: %d steps, ended at %s with f = %.6g (%s)",
                label, steps(), Arrays.toString(last()), lastValue(), stopReason.description());
    }
}
