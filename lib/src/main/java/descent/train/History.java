package descent.train;

import java.util.Arrays;

/**
 * What a descent run did: the cost per iteration and per epoch, the parameter trajectory, the
 * final weights, the time taken, and why it stopped (including divergence, reported in words).
 */
public final class History {
    private final double[] iterationLoss;
    private final double[] epochLoss;
    private final double[] epochSeconds;
    private final double[][] trajectory;
    private final long[] trajectorySteps;
    private final double[] weights;
    private final long iterations;
    private final int epochs;
    private final int iterationsPerEpoch;
    private final double seconds;
    private final StopReason stopReason;
    private final String message;

    History(double[] iterationLoss, double[] epochLoss, double[] epochSeconds, double[][] trajectory,
            long[] trajectorySteps, double[] weights, long iterations, int epochs,
            int iterationsPerEpoch, double seconds, StopReason stopReason, String message) {
        this.iterationLoss = iterationLoss;
        this.epochLoss = epochLoss;
        this.epochSeconds = epochSeconds;
        this.trajectory = trajectory;
        this.trajectorySteps = trajectorySteps;
        this.weights = weights;
        this.iterations = iterations;
        this.epochs = epochs;
        this.iterationsPerEpoch = iterationsPerEpoch;
        this.seconds = seconds;
        this.stopReason = stopReason;
        this.message = message;
    }

    /**
     * Cost seen by update t, for t = 0 … iterations−1: J(θ_t) on all rows in batch mode, on the
     * update's row or minibatch otherwise (hence the noisy stochastic curve).
     */
    public double[] iterationLoss() { return iterationLoss.clone(); }

    /** Full-data cost J(θ) at the start (entry 0) and after each completed epoch. */
    public double[] epochLoss() { return epochLoss.clone(); }

    /** Wall-clock seconds at the start (0) and after each completed epoch, aligned with epochLoss. */
    public double[] epochSeconds() { return epochSeconds.clone(); }

    /** Parameter vectors recorded along the way (start, every k steps, end). */
    public double[][] trajectory() {
        double[][] copy = new double[trajectory.length][];
        for (int i = 0; i < copy.length; i++) copy[i] = trajectory[i].clone();
        return copy;
    }

    /** The update count at which each trajectory point was recorded. */
    public long[] trajectorySteps() { return trajectorySteps.clone(); }

    /** Final weights θ. */
    public double[] weights() { return weights.clone(); }

    /** Updates performed. */
    public long iterations() { return iterations; }

    /** Epochs completed. */
    public int epochs() { return epochs; }

    /** Updates per epoch: 1 for batch, m for stochastic, ⌈m/b⌉ for minibatch(b). */
    public int iterationsPerEpoch() { return iterationsPerEpoch; }

    /** Full-data cost at the end (NaN or ∞ after divergence). */
    public double finalLoss() { return epochLoss[epochLoss.length - 1]; }

    /** Wall-clock seconds the run took. */
    public double seconds() { return seconds; }

    /** Why the run stopped. */
    public StopReason stopReason() { return stopReason; }

    /** True unless the run diverged. */
    public boolean diverged() { return stopReason == StopReason.DIVERGED; }

    /** A one-paragraph report in words, e.g. for printing at the end of a notebook cell. */
    public String message() { return message; }

    @Override
    public String toString() {
        return message + " Final weights " + Arrays.toString(weights) + ".";
    }
}
