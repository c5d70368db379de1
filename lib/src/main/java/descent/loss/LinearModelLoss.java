package descent.loss;

import descent.Check;
import descent.core.GradientCore;
import descent.data.Dataset;
import descent.core.RowLoss;
import descent.data.RowBlock;
import descent.data.RowFile;
import descent.data.RowFileReader;
import descent.data.RowSource;

/**
 * The shared shape of the losses of a linear model z_i = x_i·w: validate, let the
 * {@link GradientCore} sum ℓ and ℓ′·x_i in one pass, then scale the sums as the subclass's formula
 * says. Subclasses name their per-row term ℓ (a {@link RowLoss} in a class of its own) and their
 * scale factors.
 */
abstract class LinearModelLoss implements Loss {
    private final RowLoss term;
    private final int threads;

    LinearModelLoss(RowLoss term, int threads) {
        this.term = term;
        this.threads = Check.atLeast("threads", threads, 1);
    }


    /** Threads a sum over more than one block of {@link GradientCore#BLOCK} rows may use (1 by default). */
    public int threads() {
        return threads;
    }

    /** J = valueScale · Σ ℓ / count (ℓ as the per-row term defines it). */
    abstract double valueScale();

    /** ∇J = gradientScale · Σ ℓ′ x_i / count. */
    abstract double gradientScale();

    /** Hook to reject targets the loss is not defined for (log loss: only 0 and 1). */
    void checkTargets(Dataset data) {}

    /** The same hook for the targets of a file (its header knows what they are). */
    void checkTargets(RowFile file) {}

    private void checkTargets(RowSource source) {
        if (source instanceof Dataset data) checkTargets(data);
        else checkTargets((RowFile) source);
    }

    /**
     * J(w) over every row of the file, read a block at a time: the gradient core sums block after block
     * as it does in memory, so the result has the bits of the same rows as a {@link Dataset}.
     */
    @Override
    public double valueAndGradient(RowFile data, double[] w, double[] grad) {
        check(data, w, grad);
        double loss;
        try (RowFileReader reader = data.reader()) {
            loss = GradientCore.sum(term, true, reader.pass(), w, grad);
        }
        return scale(loss, data.rows(), grad);
    }

    @Override
    public double valueAndGradient(Dataset data, double[] w, double[] grad) {
        check(data, w, grad);
        return finish(data, w, null, 0, data.rows(), grad);
    }

    @Override
    public void gradient(Dataset data, double[] w, double[] grad) {
        check(data, w, grad);
        GradientCore.sum(term, false, data.x(), data.y(), data.cols(), w, null, 0, data.rows(), grad, threads);
        scale(0, data.rows(), grad);
    }

    @Override
    public double valueAndGradient(Dataset data, double[] w, int[] rows, int from, int to, double[] grad) {
        check(data, w, grad);
        Check.rowRange(rows, from, to);
        int m = data.rows();
        for (int k = from; k < to; k++) {
            if (rows[k] < 0 || rows[k] >= m) {
                throw new IllegalArgumentException("rows[" + k + "] = " + rows[k]
                        + " is invalid: row indices are 0.." + (m - 1));
            }
        }
        return finish(data, w, rows, from, to, grad);
    }

    @Override
    public double valueAndGradient(RowBlock block, int from, int to, double[] w, double[] grad) {
        Check.notNull("block", block);
        RowSource data = block.source();
        check(data, w, grad);  // the block's rows are data's rows: data's checks cover them
        block.checkRange(from, to);
        double loss = GradientCore.sum(term, block.x(), block.y(), data.cols(), w, null, from, to, grad);
        return scale(loss, to - from, grad);
    }

    @Override
    public int sgdSteps(RowBlock block, int from, int to, double[] w, double[] etas, double costLimit, double[] costs) {
        Check.notNull("block", block);
        RowSource data = block.source();
        checkWeights(data, w);  // the block's rows are data's rows: data's checks cover them
        block.checkRange(from, to);
        int count = to - from;
        Check.notNull("etas", etas);
        if (etas.length < count) {
            throw new IllegalArgumentException("etas has length " + etas.length + " but " + count
                    + " updates need one learning rate each");
        }
        for (int k = 0; k < count; k++) {
            if (!(etas[k] > 0) || !Double.isFinite(etas[k])) {
                throw new IllegalArgumentException("etas[" + k + "] = " + etas[k] + " is invalid: a learning rate must be finite and > 0");
            }
        }
        if (Double.isNaN(costLimit)) throw new IllegalArgumentException("costLimit = NaN is invalid: give a number or +Infinity");
        Check.notNull("costs", costs);
        if (costs.length < count) {
            throw new IllegalArgumentException("costs has length " + costs.length + " but " + count + " updates need one entry each");
        }
        return GradientCore.stepRows(term, valueScale(), gradientScale(), block.x(), block.y(), data.cols(),
                data.largestMagnitude(), from, to, w, etas, costLimit, costs);
    }

    @Override
    public double value(Dataset data, double[] w) {
        Check.notNull("data", data);
        return valueAndGradient(data, w, new double[data.cols()]);
    }

    private double finish(Dataset data, double[] w, int[] rows, int from, int to, double[] grad) {
        double loss = GradientCore.sum(term, true, data.x(), data.y(), data.cols(), w, rows, from, to, grad, threads);
        return scale(loss, to - from, grad);
    }

    /** J = valueScale · Σℓ / count; ∇J = gradientScale · Σℓ'x / count, in place. */
    private double scale(double loss, int count, double[] grad) {
        double g = gradientScale() / count;
        for (int j = 0; j < grad.length; j++) grad[j] *= g;
        return valueScale() * loss / count;
    }

    private void check(RowSource data, double[] w, double[] grad) {
        Check.notNull("data", data);
        Check.length("w", w, data.cols(), "one weight per column of X");
        Check.length("grad", grad, data.cols(), "one entry per weight");
        checkValues(data, w);
    }

    private void checkWeights(RowSource data, double[] w) {
        Check.notNull("data", data);
        Check.length("w", w, data.cols(), "one weight per column of X");
        checkValues(data, w);
    }

    /** What the shapes cannot say: finite weights, targets this loss is defined for. */
    private void checkValues(RowSource data, double[] w) {
        Check.finite("w", w);
        checkTargets(data);
    }
}
