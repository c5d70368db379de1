package descent.loss;

import descent.Check;
import descent.core.GradientCore;

/**
 * Huber loss of a linear model, r_i = x_i·w − y_i: ℓ(r) = ½r² for |r| ≤ δ and δ(|r| − ½δ)
 * beyond; J(w) = (1/m) Σ ℓ(r_i), ∇J(w) = (1/m) Σ clamp(r_i, −δ, δ) x_i. Quadratic near the fit,
 * linear for outliers (Huber, "Robust Estimation of a Location Parameter", 1964).
 */
public final class HuberLoss extends LinearModelLoss {
    private final double delta;

    /** @param delta δ > 0, where the loss turns from quadratic to linear */
    public HuberLoss(double delta) {
        this(delta, 1);
    }

    private HuberLoss(double delta, int threads) {
        super(new HuberTerm(Check.positive("delta", delta)), threads);
        this.delta = delta;
    }

    /**
     * The same cost, its sums over large data shared among up to {@code threads} threads (blocks of
     * {@link GradientCore#BLOCK} rows; the result is bit-identical for any count).
     */
    public HuberLoss onThreads(int threads) {
        return new HuberLoss(delta, threads);
    }

    @Override
    double valueScale() {
        return 1;
    }

    @Override
    double gradientScale() {
        return 1;
    }

    @Override
    public String name() {
        return "Huber(δ=" + delta + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
