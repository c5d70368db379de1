package descent.optim;

import descent.Check;
import descent.schedule.Schedule;

/**
 * Adagrad: one learning rate per parameter, shrinking with the sum of that parameter's squared
 * gradients (Duchi, Hazan &amp; Singer, JMLR 2011; CS231n notes):
 * <pre>
 *   cache ← cache + (∇J)²
 *   θ ← θ − η ∇J / (√cache + ε)
 * </pre>
 * element-wise, ε = 1e-7 by default (PyTorch places ε the same way; its default is 1e-10).
 * Because the cache only grows, the effective rate decays and may stop learning too early.
 */
public final class Adagrad extends BaseOptimizer {
    /** The lecture's ε. */
    public static final double DEFAULT_EPSILON = 1e-7;
    private final double eps;
    private double[] cache;

    public Adagrad(double eta) {
        this(eta, DEFAULT_EPSILON);
    }

    public Adagrad(double eta, double eps) {
        this(constant(eta), eps);
    }

    public Adagrad(Schedule schedule, double eps) {
        super(schedule);
        this.eps = Check.positive("eps", eps);
    }

    @Override
    void allocate(int size) {
        cache = new double[size];
    }

    @Override
    void update(double[] theta, double[] grad, double eta, long t) {
        for (int i = 0; i < theta.length; i++) {
            cache[i] += grad[i] * grad[i];
            theta[i] -= eta * grad[i] / (Math.sqrt(cache[i]) + eps);
        }
    }

    /** The running sum of squared gradients (a copy). */
    public double[] cache() {
        return cache == null ? new double[0] : cache.clone();
    }

    @Override
    public String name() {
        return "Adagrad(" + rate() + ")";
    }
}
