package descent.loss;

import descent.Check;
import descent.core.GradientCore;
import descent.data.Dataset;

/**
 * The shared shape of the losses of a linear model z_i = x_i·w: validate, let the
 * {@link GradientCore} sum ℓ and ℓ'·x_i in one pass, then scale the sums as the subclass's formula
 * says. Subclasses only name their per-row loss and their scale factors.
 */
abstract class LinearModelLoss implements Loss {
    private final GradientCore.Kind kind;
    private final double delta;

    LinearModelLoss(GradientCore.Kind kind, double delta) {
        this.kind = kind;
        this.delta = delta;
    }

    /** J = valueScale · Σ ℓ / count. */
    abstract double valueScale();

    /** ∇J = gradientScale · Σ ℓ' x_i / count. */
    abstract double gradientScale();

    /** Hook to reject targets the loss is not defined for (log loss: only 0 and 1). */
    void checkTargets(Dataset data) {}

    @Override
    public double valueAndGradient(Dataset data, double[] w, double[] grad) {
        check(data, w, grad);
        return finish(data, w, null, 0, data.rows(), grad);
    }

    @Override
    public double valueAndGradient(Dataset data, double[] w, int[] rows, int from, int to, double[] grad) {
        check(data, w, grad);
        Check.notNull("rows", rows);
        if (from < 0 || to > rows.length || from >= to) {
            throw new IllegalArgumentException("rows[from..to) = [" + from + ", " + to + ") is invalid: it must "
                    + "satisfy 0 <= from < to <= rows.length = " + rows.length);
        }
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
    public double value(Dataset data, double[] w) {
        Check.notNull("data", data);
        return valueAndGradient(data, w, new double[data.cols()]);
    }

    private double finish(Dataset data, double[] w, int[] rows, int from, int to, double[] grad) {
        int count = to - from;
        double loss = GradientCore.sum(kind, delta, data.x(), data.y(), data.cols(), w, rows, from, to, grad);
        double g = gradientScale() / count;
        for (int j = 0; j < grad.length; j++) grad[j] *= g;
        return valueScale() * loss / count;
    }

    private void check(Dataset data, double[] w, double[] grad) {
        Check.notNull("data", data);
        Check.length("w", w, data.cols(), "one weight per column of X");
        Check.length("grad", grad, data.cols(), "one entry per weight");
        Check.finite("w", w);
        checkTargets(data);
    }
}
