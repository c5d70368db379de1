package descent.optim;

import descent.Check;
import descent.schedule.Schedule;

/**
 * RMSprop: Adagrad with a leaky cache, an exponential moving average of squared gradients, so the
 * effective rate does not decay to zero (Hinton, Coursera "Neural Networks for Machine Learning",
 * lecture 6e, 2012; CS231n notes):
 * <pre>
 *   cache ← ρ cache + (1 − ρ)(∇J)²
 *   θ ← θ − η ∇J / (√cache + ε)
 * </pre>
 * ρ = 0.9 and ε = 1e-7 by default; ε placed as in PyTorch's {@code torch.optim.RMSprop}
 * (whose α is our ρ).
 *
 * <p><b>The miscopied form.</b> A widely copied snippet writes {@code cache += ρ·cache + (1−ρ)·g²},
 * i.e. cache ← (1 + ρ) cache + (1 − ρ) g²: the old cache is kept <i>and</i> added again, so it grows
 * like (1 + ρ)^t and the steps vanish. {@link #miscopied} builds that version for demonstration.
 */
public final class RMSprop extends BaseOptimizer {
    public static final double DEFAULT_RHO = 0.9;
    public static final double DEFAULT_EPSILON = 1e-7;
    private final double rho;
    private final double eps;
    private final boolean miscopied;
    private double[] cache;

    public RMSprop(double eta) {
        this(eta, DEFAULT_RHO, DEFAULT_EPSILON);
    }

    /** @param rho decay ρ in (0, 1); @param eps ε &gt; 0 */
    public RMSprop(double eta, double rho, double eps) {
        this(constant(eta), rho, eps);
    }

    public RMSprop(Schedule schedule, double rho, double eps) {
        this(schedule, rho, eps, false);
    }

    private RMSprop(Schedule schedule, double rho, double eps, boolean miscopied) {
        super(schedule);
        if (!(rho > 0 && rho < 1)) {
            throw new IllegalArgumentException("rho = " + rho + " is invalid: it must be in (0, 1)");
        }
        this.rho = rho;
        this.eps = Check.positive("eps", eps);
        this.miscopied = miscopied;
    }

    /**
     * The wrong update {@code cache += ρ·cache + (1−ρ)·g²} found in copied code: for demonstrating
     * that its cache explodes. Never use it to train.
     */
    public static RMSprop miscopied(double eta, double rho) {
        return new RMSprop(constant(eta), rho, DEFAULT_EPSILON, true);
    }

    @Override
    void allocate(int size) {
        cache = new double[size];
    }

    @Override
    void update(double[] theta, double[] grad, double eta, long t) {
        // ρ·cache + (1 − ρ)g², or the miscopied cache + ρ·cache + (1 − ρ)g²: same loop with a
        // different decay factor, so the correct form stays one branch-free, vectorisable loop
        double keep = miscopied ? 1 + rho : rho;
        for (int i = 0; i < theta.length; i++) {
            double g2 = (1 - rho) * grad[i] * grad[i];
            cache[i] = keep * cache[i] + g2;
            theta[i] -= eta * grad[i] / (Math.sqrt(cache[i]) + eps);
        }
    }

    /** The moving average of squared gradients (a copy). */
    public double[] cache() {
        return cache == null ? new double[0] : cache.clone();
    }

    @Override
    public String name() {
        return (miscopied ? "RMSprop-miscopied(" : "RMSprop(") + rate() + ", ρ=" + descent.Format.number(rho) + ")";
    }
}
