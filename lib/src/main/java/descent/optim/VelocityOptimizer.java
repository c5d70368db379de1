package descent.optim;

import descent.Check;
import descent.schedule.Schedule;

/**
 * The shared core of {@link Momentum} and {@link Nesterov}, as torch's {@code SGD(momentum, nesterov)} is
 * one class with a switch: a velocity v, kept between steps, updated as v ← μ v − η ∇J(θ). Classical
 * momentum then moves θ by v; Nesterov's look-ahead form moves it by −μ v_prev + (1 + μ) v.
 */
abstract class VelocityOptimizer extends BaseOptimizer {
    final double mu;
    private final boolean lookAhead;
    private double[] v;

    VelocityOptimizer(Schedule schedule, double mu, boolean lookAhead) {
        super(schedule);
        this.mu = Check.inRange("mu", mu, 0, 1);
        this.lookAhead = lookAhead;
    }

    @Override
    final void allocate(int size) {
        v = new double[size];
    }

    @Override
    final void update(double[] theta, double[] grad, double eta, long t) {
        for (int i = 0; i < theta.length; i++) {
            double previous = v[i];
            v[i] = mu * v[i] - eta * grad[i];
            theta[i] += lookAhead ? -mu * previous + (1 + mu) * v[i] : v[i];
        }
    }

    @Override
    public final String name() {
        return (lookAhead ? "Nesterov(" : "Momentum(") + rate() + ", μ=" + descent.Format.number(mu) + ")";
    }

    /** The velocity v after the last step (empty before the first). */
    public final double[] velocity() {
        return v == null ? new double[0] : v.clone();
    }
}
