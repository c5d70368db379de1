package descent.train;

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

    /** The cost of the whole problem at θ (all the data), with its gradient written into {@code grad}. */
    double whole(double[] theta, double[] grad);
}
