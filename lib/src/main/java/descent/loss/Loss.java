package descent.loss;

import descent.data.Dataset;
import descent.data.RowBlock;
import descent.data.RowFile;

/**
 * A cost J(w) = (1/m) Σ_i ℓ(x_i·w, y_i) (+ a penalty) of a linear model's weights w over a dataset.
 *
 * <p>Each call returns the cost and writes ∇J(w) into {@code grad} in the same pass over the data.
 * The subset forms read rows {@code rows[from..to)} in place (a minibatch is a slice of a shuffled
 * index array), so no data is copied. Costs over a subset average over that subset.
 */
public interface Loss {

    /** J(w) over all rows; writes ∇J(w) into {@code grad} (length n) and returns J(w). */
    double valueAndGradient(Dataset data, double[] w, double[] grad);

    /**
     * J(w) over every row of a file read a block at a time ({@link RowFile}), ∇J(w) into {@code grad}:
     * the bits of {@link #valueAndGradient(Dataset, double[], double[])} on the same rows in memory.
     * A linear model's losses (and their L2 penalties) stream; the default says that this one does not.
     */
    default double valueAndGradient(RowFile data, double[] w, double[] grad) {
        throw new UnsupportedOperationException(name() + " cannot read its data a block at a time from " + data
                + ": only a linear model's losses (MeanSquaredError, LogLoss, HuberLoss, with or without L2Penalty) "
                + "stream; load the data into memory (RowFile.load) if it fits");
    }

    /** J(w) over the rows {@code rows[from..to)}; writes its gradient into {@code grad}. */
    double valueAndGradient(Dataset data, double[] w, int[] rows, int from, int to, double[] grad);

    /**
     * J(w) over rows {@code from..to} of a {@link RowBlock}, rows its sampler copied out of its
     * dataset (a gathered minibatch); the dataset supplies what the loss needs to know about them.
     */
    double valueAndGradient(RowBlock block, int from, int to, double[] w, double[] grad);

    /**
     * ∇J(w) over all rows into {@code grad}, without J(w): for a loss whose ℓ costs more than its ℓ′
     * (log loss: a logarithm per row) this skips that cost. The gradient equals
     * {@link #valueAndGradient(Dataset, double[], double[])}'s.
     */
    default void gradient(Dataset data, double[] w, double[] grad) {
        valueAndGradient(data, w, grad);
    }

    /** J(w) over all rows, without the gradient. */
    double value(Dataset data, double[] w);

    /** J(w) for the single row i, gradient into {@code grad}: the stochastic update's cost. */
    default double valueAndGradient(Dataset data, double[] w, int row, double[] grad) {
        return valueAndGradient(data, w, new int[] {row}, 0, 1, grad);
    }

    /**
     * Plain SGD on rows {@code from..to} of a {@link RowBlock}, one update per row in order
     * (per-sample SGD's inner loop): for the row of update k, J_k and ∇J_k exactly as
     * {@link #valueAndGradient(RowBlock, int, int, double[], double[])} gives them on that one row, then
     * w ← w − η_k ∇J_k. It stops before the first update whose J_k is not finite or is above
     * {@code costLimit}, or whose ∇J_k might not be finite (a bound on it overflows, so at the latest
     * where ∇J_k is not finite), leaving that update to the caller, who can look at it through the
     * one-row call.
     *
     * <p>The default makes no update and returns 0: a loss without a per-row formula (a penalised
     * one, a student's own) leaves every update to the caller. A linear model's loss runs the updates
     * in the gradient core's per-sample loop, with the same bits as one call per update.
     *
     * @param etas  the learning rate η_k of update k (finite, &gt; 0), at least {@code to − from} of them
     * @param costs receives J_k of each update made (length at least {@code to − from})
     * @return the number of updates made (0 to {@code to − from})
     */
    default int sgdSteps(RowBlock block, int from, int to, double[] w, double[] etas, double costLimit,
                         double[] costs) {
        // no update made, but what was given is checked as the updates would check it: no silent 0 for NaN
        descent.Check.notNull("block", block);
        block.checkRange(from, to);
        descent.Check.length("w", w, block.source().cols(), "one weight per column of X");
        descent.Check.finite("w", w);
        descent.Check.notNull("etas", etas);
        descent.Check.notNull("costs", costs);
        if (etas.length < to - from || costs.length < to - from) {
            throw new IllegalArgumentException("etas has length " + etas.length + " and costs " + costs.length + " but "
                    + (to - from) + " updates need one entry each");
        }
        for (int k = 0; k < to - from; k++) descent.Check.positive("etas[" + k + "]", etas[k]);
        if (Double.isNaN(costLimit)) throw new IllegalArgumentException("costLimit = NaN is invalid: give a number or +Infinity");
        return 0;
    }

    /**
     * The length of the parameter vector w this loss takes on {@code data}: one weight per column for a
     * linear model (the default); a model of its own size for a loss built from a graph
     * ({@code descent.autodiff.GraphLoss}). The training loop starts w at this length.
     */
    default int parameterCount(Dataset data) {
        return descent.Check.notNull("data", data).cols();
    }

    /** A short name for legends and tables, e.g. "MSE". */
    String name();
}
