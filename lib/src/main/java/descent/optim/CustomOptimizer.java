package descent.optim;

import descent.Check;

/**
 * An optimiser whose update a notebook writes as a lambda, so a student's momentum or Adam runs in the
 * same loops ({@code Descent}, {@code Minimizer}) and charts as the library's.
 *
 * <p>The rule receives what every optimiser of this package receives: the parameters θ (updated in
 * place), the gradient, the learning rate η, the step count t (0 on the first step) and its state:
 * {@code stateVectors} arrays as long as θ, zero on the first step and kept between steps, as
 * {@link Momentum} keeps its velocity.</p>
 */
public final class CustomOptimizer extends BaseOptimizer {
    /** One update: θ ← θ + Δ(∇J, η, t, state). */
    @FunctionalInterface
    public interface Rule {
        void update(double[] theta, double[] grad, double eta, long t, double[][] state);
    }

    private final String name;
    private final int stateVectors;
    private final Rule rule;
    private double[][] state;

    public CustomOptimizer(String name, double eta, int stateVectors, Rule rule) {
        super(constant(eta));
        this.name = Check.notNull("name", name);
        if (stateVectors < 0 || stateVectors > 16) {
            throw new IllegalArgumentException("stateVectors = " + stateVectors + " is invalid: it must be from 0 to 16");
        }
        this.stateVectors = stateVectors;
        this.rule = Check.notNull("rule", rule);
    }

    @Override
    void allocate(int size) {
        state = new double[stateVectors][size];
    }

    @Override
    void update(double[] theta, double[] grad, double eta, long t) {
        rule.update(theta, grad, eta, t, state);
    }

    @Override
    public String name() {
        return name;
    }
}
