package descent.optim;

import descent.Check;
import descent.schedule.Schedule;

/**
 * Adam: momentum on the gradient and an RMSprop-style cache, both bias-corrected (Kingma &amp; Ba,
 * "Adam: A Method for Stochastic Optimization", 2014, arXiv:1412.6980, Algorithm 1):
 * <pre>
 *   m ← β1 m + (1 − β1) ∇J
 *   v ← β2 v + (1 − β2) (∇J)²
 *   m̂ = m / (1 − β1^t),  v̂ = v / (1 − β2^t)     (t counted from 1)
 *   θ ← θ − η m̂ / (√v̂ + ε)
 * </pre>
 * Defaults β1 = 0.9, β2 = 0.999, ε = 1e-8; ε added outside the square root and the arithmetic
 * ordered as in PyTorch's {@code torch.optim.Adam}. Without the bias correction m and v stay biased towards
 * their zero start, v (β2 ≈ 1) far longer than m, so early steps are mis-sized — the first one by
 * (1 − β1)/√(1 − β2) ≈ 3.2× with the defaults ({@link #withoutBiasCorrection()} shows it).
 */
public final class Adam extends BaseOptimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final boolean biasCorrection;
    private double[] m;
    private double[] v;

    public Adam(double eta) {
        this(eta, 0.9, 0.999, 1e-8);
    }

    /** @param beta1 β1 in [0, 1); @param beta2 β2 in [0, 1); @param eps ε &gt; 0 */
    public Adam(double eta, double beta1, double beta2, double eps) {
        this(constant(eta), beta1, beta2, eps);
    }

    public Adam(Schedule schedule, double beta1, double beta2, double eps) {
        this(schedule, beta1, beta2, eps, true);
    }

    private Adam(Schedule schedule, double beta1, double beta2, double eps, boolean biasCorrection) {
        super(schedule);
        this.beta1 = Check.inRange("beta1", beta1, 0, 1);
        this.beta2 = Check.inRange("beta2", beta2, 0, 1);
        this.eps = Check.positive("eps", eps);
        this.biasCorrection = biasCorrection;
    }

    /** A fresh Adam with the same settings that skips the bias correction (m̂ = m, v̂ = v). */
    public Adam withoutBiasCorrection() {
        return new Adam(schedule(), beta1, beta2, eps, false);
    }

    @Override
    void allocate(int size) {
        m = new double[size];
        v = new double[size];
    }

    @Override
    void update(double[] theta, double[] grad, double eta, long t) {
        long step = t + 1;
        double correction1 = biasCorrection ? 1 - Math.pow(beta1, step) : 1;
        double sqrtCorrection2 = biasCorrection ? Math.sqrt(1 - Math.pow(beta2, step)) : 1;
        double stepSize = eta / correction1;
        for (int i = 0; i < theta.length; i++) {
            double g = grad[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            theta[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / sqrtCorrection2 + eps);
        }
    }

    @Override
    public String name() {
        return (biasCorrection ? "Adam(" : "Adam-uncorrected(") + rate() + ")";
    }
}
