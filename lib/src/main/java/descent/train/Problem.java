package descent.train;

import descent.optim.GradientDescent;

/**
 * What the {@link Loop} minimises, cut into the batches of an epoch: a model's cost over a dataset
 * ({@link SampledLoss}) or a test function (one "batch", the function itself).
 */
interface Problem {

    /** Batches per epoch (updates per pass). */
    int batchesPerEpoch();

    /** True when every batch is the whole problem, so a check's evaluation can serve the next update. */
    boolean batchIsWhole();

    /** Starts an epoch: reshuffles the row order where the sampling calls for it. */
    void newEpoch();

    /** The cost of batch k of this epoch at θ, with its gradient written into {@code grad}. */
    double batch(int k, double[] theta, double[] grad);

    /**
     * Plain SGD's updates for batches k, k + 1, … (at most {@code maxUpdates}) made in one go, where
     * the problem can (one row per batch, a loss with a per-row formula): see
     * {@link GradientDescent#stepRows}. Returns how many were made, each batch's cost in
     * {@code costs}; 0 leaves batch k to {@link #batch}.
     */
    default int sgdSteps(GradientDescent sgd, int k, int maxUpdates, double[] theta, double costLimit, double[] costs) {
        return 0;
    }

    /** The cost of the whole problem at θ (all the data), with its gradient written into {@code grad}. */
    double whole(double[] theta, double[] grad);
}
