package descent.optim;

import descent.Check;
import descent.schedule.Schedule;

/**
 * Plain gradient descent: θ_{t+1} = θ_t − η(t) ∇J(θ_t). Batch, stochastic or minibatch depending
 * only on which rows the gradient was computed from (Cauchy 1847; Géron, ch. 4; PyTorch's
 * {@code torch.optim.SGD} without momentum).
 */
public final class GradientDescent extends BaseOptimizer {

    /** Fixed learning rate η &gt; 0. */
    public GradientDescent(double eta) {
        this(constant(eta));
    }

    /** Learning rate from a schedule, e.g. {@code Schedules.inverseTime(5, 50)}. */
    public GradientDescent(Schedule schedule) {
        super(schedule);
    }

    @Override
    void update(double[] theta, double[] grad, double eta, long t) {
        for (int i = 0; i < theta.length; i++) theta[i] -= eta * grad[i];
    }

    @Override
    public String name() {
        return "GD(" + rate() + ")";
    }

    /**
     * η &lt; 2/λ_max: on a quadratic each eigen-direction is multiplied by (1 − ηλ) per step, which
     * shrinks only while |1 − ηλ| &lt; 1 (lecture notes: the stability bound of the fixed-step method).
     */
    @Override
    public double stableRateBound(double lambdaMax) {
        Check.positive("lambdaMax", lambdaMax);
        return Double.isNaN(constantRate()) ? Double.NaN : 2 / lambdaMax;
    }

    @Override
    public String stableRateRule() {
        return "2/λ_max";
    }
}
