package descent.loss;

import descent.Check;
import descent.data.Dataset;
import descent.data.RowBlock;

/**
 * A loss plus an L2 (ridge) penalty: J(w) + (λ/2) Σ_{j≥1} w_j², gradient ∇J(w) + λ w_j for j ≥ 1.
 * The bias weight w_0 is not penalised when the data has a bias column (shrinking the intercept
 * would only shift the fit). Cost = average loss + regularisation term (Goodfellow, Bengio,
 * Courville, <i>Deep Learning</i>, §7.1.1).
 */
public final class L2Penalty implements Loss {
    private final Loss base;
    private final double lambda;

    private L2Penalty(Loss base, double lambda) {
        this.base = base;
        this.lambda = lambda;
    }

    /** {@code base} + (λ/2)‖w‖² (bias excluded); λ ≥ 0. */
    public static L2Penalty of(Loss base, double lambda) {
        return new L2Penalty(Check.notNull("base", base), Check.nonNegative("lambda", lambda));
    }

    /** The loss the penalty is added to. */
    public Loss base() { return base; }

    /** λ, the penalty's weight. */
    public double lambda() { return lambda; }

    @Override
    public double valueAndGradient(Dataset data, double[] w, double[] grad) {
        return base.valueAndGradient(data, w, grad) + penalise(data, w, grad);
    }

    @Override
    public double valueAndGradient(Dataset data, double[] w, int[] rows, int from, int to, double[] grad) {
        return base.valueAndGradient(data, w, rows, from, to, grad) + penalise(data, w, grad);
    }

    @Override
    public double valueAndGradient(RowBlock block, int from, int to, double[] w, double[] grad) {
        Check.notNull("block", block);
        return base.valueAndGradient(block, from, to, w, grad) + penalise(block.source(), w, grad);
    }

    @Override
    public double valueAndGradient(descent.data.RowFile data, double[] w, double[] grad) {
        return base.valueAndGradient(data, w, grad) + penalise(data, w, grad);
    }

    @Override
    public void gradient(Dataset data, double[] w, double[] grad) {
        base.gradient(data, w, grad);
        penalise(data, w, grad);
    }

    @Override
    public double value(Dataset data, double[] w) {
        return base.value(data, w) + penalise(data, w, null);
    }

    /** Adds λw_j to grad (when given) and returns (λ/2)Σ w_j², skipping the bias weight. */
    private double penalise(descent.data.RowSource data, double[] w, double[] grad) {
        double sum = 0;
        for (int j = data.hasBias() ? 1 : 0; j < w.length; j++) {
            sum += w[j] * w[j];
            if (grad != null) grad[j] += lambda * w[j];
        }
        return 0.5 * lambda * sum;
    }

    @Override
    public String name() {
        return base.name() + " + L2(λ=" + lambda + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
