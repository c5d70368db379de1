package descent.loss;

import descent.core.GradientCore;

/**
 * Mean squared error of a linear model, in the two conventions the course meets.
 *
 * <ul>
 *   <li>{@link #mean()}: J(w) = (1/m) Σ_i (x_i·w − y_i)², ∇J(w) = (2/m) Xᵀ(Xw − y)
 *       (Géron, <i>Hands-On Machine Learning</i>, ch. 4, eq. 4-6).</li>
 *   <li>{@link #half()}: J(w) = 1/(2m) Σ_i (x_i·w − y_i)², ∇J(w) = (1/m) Xᵀ(Xw − y): the ½
 *       cancels the 2 from differentiating the square (Ng, CS229 lecture notes).</li>
 * </ul>
 * Both have the same minimiser; the half convention's gradient is half as large, so the same
 * learning rate takes half the step.
 */
public final class MeanSquaredError extends LinearModelLoss {
    private final boolean half;

    private MeanSquaredError(boolean half, int threads) {
        super(SquaredErrorTerm.INSTANCE, threads);
        this.half = half;
    }

    /** J = (1/m) Σ (x_i·w − y_i)², ∇J = (2/m) Xᵀ(Xw − y). */
    public static MeanSquaredError mean() {
        return new MeanSquaredError(false, 1);
    }

    /** J = 1/(2m) Σ (x_i·w − y_i)², ∇J = (1/m) Xᵀ(Xw − y). */
    public static MeanSquaredError half() {
        return new MeanSquaredError(true, 1);
    }

    /**
     * The same cost, its sums over large data shared among up to {@code threads} threads (blocks of
     * {@link GradientCore#BLOCK} rows; the result is bit-identical for any count).
     */
    public MeanSquaredError onThreads(int threads) {
        return new MeanSquaredError(half, threads);
    }

    /** The c in the Hessian H = (c/m) XᵀX: 2 for {@link #mean()}, 1 for {@link #half()}. */
    public double hessianScale() {
        return half ? 1 : 2;
    }

    /** The term is ½r²: (1/m) Σ r² = (2/m) Σ ½r², 1/(2m) Σ r² = (1/m) Σ ½r². */
    @Override
    double valueScale() {
        return hessianScale();
    }

    @Override
    double gradientScale() {
        return hessianScale();
    }

    @Override
    public String name() {
        return half ? "½·MSE" : "MSE";
    }

    @Override
    public String toString() {
        return name();
    }
}
