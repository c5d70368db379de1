package descent.optim;

import descent.Check;
import descent.schedule.Schedule;

/**
 * Gradient descent with momentum (Polyak's heavy ball, 1964; CS231n notes):
 * <pre>
 *   v ← μ v − η ∇J(θ)
 *   θ ← θ + v
 * </pre>
 * The lecture's form Δθ_t = −η ∇J + γ Δθ_{t−1} is the same method with γ = μ and Δθ = v.
 * PyTorch writes it as b ← μ b + ∇J, θ ← θ − η b; for a constant η this is identical with v = −η b
 * (tested against {@code torch.optim.SGD(momentum=μ)}). μ is typically 0.5 or 0.9: velocity builds
 * up along a consistent direction (fast across flat plains) and cancels across a ravine's walls.
 */
public final class Momentum extends VelocityOptimizer {
    /** @param mu momentum μ in [0, 1) */
    public Momentum(double eta, double mu) {
        this(constant(eta), mu);
    }

    public Momentum(Schedule schedule, double mu) {
        super(schedule, mu, false);
    }

    /**
     * η &lt; 2(1 + μ)/λ_max: heavy-ball momentum on a quadratic converges iff 0 &lt; ηλ &lt; 2(1 + μ) for every
     * eigenvalue λ (Polyak 1964; Goh, "Why Momentum Really Works", Distill 2017).
     */
    @Override
    public double stableRateBound(double lambdaMax) {
        Check.positive("lambdaMax", lambdaMax);
        return Double.isNaN(constantRate()) ? Double.NaN : 2 * (1 + mu) / lambdaMax;
    }

    @Override
    public String stableRateRule() {
        return "2(1 + μ)/λ_max";
    }
}
