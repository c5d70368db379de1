package descent.optim;

import descent.schedule.Schedule;

/**
 * Sign descent: θ ← θ − η sign(∇J), a step of fixed size along each coordinate, whatever the
 * gradient's magnitude. The precursor idea of Rprop (Riedmiller &amp; Braun, 1993) and of RMSprop,
 * which divides the gradient by its running magnitude.
 */
public final class SignDescent extends BaseOptimizer {

    public SignDescent(double eta) {
        this(constant(eta));
    }

    public SignDescent(Schedule schedule) {
        super(schedule);
    }

    @Override
    void update(double[] theta, double[] grad, double eta, long t) {
        for (int i = 0; i < theta.length; i++) theta[i] -= eta * Math.signum(grad[i]);
    }

    @Override
    public String name() {
        return "SignDescent(" + rate() + ")";
    }
}
