package descent.optim;

import descent.Check;
import descent.data.RowBlock;
import descent.loss.Loss;
import descent.schedule.Schedule;

/**
 * Plain gradient descent: θ_{t+1} = θ_t − η(t) ∇J(θ_t). Batch, stochastic or minibatch depending
 * only on which rows the gradient was computed from (Cauchy 1847; Géron, ch. 4; PyTorch's
 * {@code torch.optim.SGD} without momentum).
 */
public final class GradientDescent extends BaseOptimizer {
    /** The rates of {@link #stepRows}' updates, reused from call to call. */
    private double[] etas = new double[0];

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

    /**
     * Per-sample SGD on rows {@code from..to} of a gathered block: one {@link #step} per row, in order,
     * each on that row's cost J_i and gradient ∇J_i (θ_{t+1} = θ_t − η(t) ∇J_i(θ_t)), with the same
     * bits as calling {@code loss.valueAndGradient(block, i, i + 1, θ, g)} and {@code step(θ, g)} for
     * each row. The loss runs the updates in the gradient core's per-sample loop
     * ({@link Loss#sgdSteps}), so nothing but the arithmetic runs between them: this is how the
     * descent loop runs per-sample epochs.
     *
     * <p>It stops before an update whose cost is not finite or is above {@code costLimit}, or whose
     * gradient might not be finite (see {@link Loss#sgdSteps}), before a step whose rate the schedule
     * does not give as a finite η &gt; 0, and wherever the loss has no per-row form (then it makes no
     * update at all); the caller takes the next row one call at a time, where the reason shows.
     *
     * @param costs receives the cost of each update made
     * @return the number of updates made, each counted as a step
     */
    public int stepRows(Loss loss, RowBlock block, int from, int to, double[] theta, double costLimit, double[] costs) {
        Check.notNull("loss", loss);
        Check.notNull("block", block);
        Check.notNull("theta", theta);
        block.checkRange(from, to);
        sizeState(theta);
        if (etas.length < to - from) etas = new double[to - from];
        int count = nextRates(etas, to - from);
        if (count == 0) return 0;
        int done = loss.sgdSteps(block, from, from + count, theta, etas, costLimit, costs);
        advance(done);
        return done;
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
