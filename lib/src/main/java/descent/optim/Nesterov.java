package descent.optim;

import descent.schedule.Schedule;

/**
 * Nesterov's accelerated gradient in the look-ahead form of the CS231n notes (Nesterov 1983;
 * Sutskever, Martens, Dahl &amp; Hinton, ICML 2013):
 * <pre>
 *   v_prev ← v
 *   v ← μ v − η ∇J(θ)
 *   θ ← θ − μ v_prev + (1 + μ) v
 * </pre>
 * It evaluates the gradient at the current θ yet behaves as if it had been taken at the
 * look-ahead point θ + μv. PyTorch's {@code SGD(momentum=μ, nesterov=True)} writes
 * b ← μ b + ∇J, θ ← θ − η(∇J + μ b); with v = −η b (constant η) both give θ's update
 * μ² v_prev − (1 + μ) η ∇J, so they are the same method (tested against torch).
 */
public final class Nesterov extends VelocityOptimizer {
    /** @param mu momentum μ in [0, 1) */
    public Nesterov(double eta, double mu) {
        this(constant(eta), mu);
    }

    public Nesterov(Schedule schedule, double mu) {
        super(schedule, mu, true);
    }
}
