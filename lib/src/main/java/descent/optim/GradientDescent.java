package descent.optim;

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
}
