package descent.exercise;

import descent.optim.CustomOptimizer;
import descent.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The diagnosis of a student's momentum or Nesterov update by {@link StepProbe}: candidates one property away
 * from the notebook's update (v ← μv − η∇J, then θ ← θ + v; Nesterov θ ← θ − μ v_prev + (1 + μ) v, Sutskever et
 * al., ICML 2013), each written as the student would, and run on the same probes.
 */
final class MomentumSlips {
    private static final String V_LINE = "v[i] = μ·v[i] − η·g[i]";
    private static final String THETA = "θ ← θ + v";
    private static final String NESTEROV_THETA = "θ ← θ − μ·v_prev + (1 + μ)·v";

    private MomentumSlips() {}

    /** v ← line(v, g), θ ← θ + v; or θ moved first with the old v. */
    static Optimizer momentum(double eta, AverageLine line, boolean thetaFirst) {
        return momentum(eta, line, thetaFirst, 1);
    }

    /** v ← line(v, g), θ ← θ + c·v; or θ moved first with the old v. */
    static Optimizer momentum(double eta, AverageLine line, boolean thetaFirst, double c) {
        return new CustomOptimizer("momentum model", eta, 1, (theta, g, rate, t, s) -> {
            for (int i = 0; i < theta.length; i++) {
                if (thetaFirst) theta[i] += c * s[0][i];
                s[0][i] = line.next(s[0][i], g[i]);
                if (!thetaFirst) theta[i] += c * s[0][i];
            }
        });
    }

    /** prev ← v, v ← line(v, g), θ ← θ + a·prev + b·v + c; or θ moved before v was updated. */
    static Optimizer nesterov(double eta, AverageLine line, double a, double b, double c, boolean thetaFirst) {
        return new CustomOptimizer("Nesterov model", eta, 1, (theta, g, rate, t, s) -> {
            for (int i = 0; i < theta.length; i++) {
                double previous = s[0][i];
                if (!thetaFirst) s[0][i] = line.next(s[0][i], g[i]);
                theta[i] += a * previous + b * s[0][i] + c;
                if (thetaFirst) s[0][i] = line.next(s[0][i], g[i]);
            }
        });
    }

    static Feedback momentum(Optimizer mine, double mu) {
        double eta = mine.learningRate();
        AverageLine v = AverageLine.of(mu, -eta, 1);
        double[][] steps = StepProbe.steps(mine);
        List<StepProbe.Slip> slips = new ArrayList<>();
        for (AverageLine.Variant x : v.slips("the velocity v", "μ", "η", V_LINE)) {
            String also = x.mistake().equals("weight-sign") ? " — or θ ← θ − v, which takes the same steps"
                    : x.mistake().equals("no-memory") ? ": your steps are plain gradient descent's" : "";
            slips.add(new StepProbe.Slip(x.mistake(), x.words() + also, momentum(eta, x.line(), false)));
        }
        slips.add(new StepProbe.Slip("theta-mu", "θ moves by μ·v: μ belongs in the velocity's line only, and θ takes "
                + "the whole velocity (" + THETA + ")", momentum(eta, v, false, mu)));
        Feedback f = StepProbe.explained(steps, slips);
        return f != null ? f : StepProbe.property(steps, StepProbe.steps(momentum(eta, v, false)), eta, "velocity v", THETA);
    }

    static Feedback nesterov(Optimizer mine, double mu) {
        double eta = mine.learningRate();
        AverageLine v = AverageLine.of(mu, -eta, 1);
        double a = -mu, b = 1 + mu;
        List<StepProbe.Slip> slips = new ArrayList<>();
        for (AverageLine.Variant x : v.slips("the velocity v", "μ", "η", V_LINE)) {
            slips.add(new StepProbe.Slip(x.mistake(), x.words(), nesterov(eta, x.line(), a, b, 0, false)));
        }
        String in = " (" + NESTEROV_THETA + ")";
        slips.add(slip("v-prev-sign", "μ·v_prev enters θ with a plus sign: it is subtracted" + in, eta, v, mu, b, 0));
        slips.add(slip("v-prev-factor", "v_prev enters θ without the factor μ: −μ·v_prev" + in, eta, v, -1, b, 0));
        slips.add(slip("v-prev-dropped", "−μ is added to θ on its own: v_prev is missing as a factor of μ" + in,
                eta, v, 0, b, -mu));
        slips.add(slip("v-prev-missing", "the term −μ·v_prev is missing from θ's update: Nesterov moves θ by "
                + "(1 + μ)·v and takes back μ·v_prev" + in, eta, v, 0, b, 0));
        slips.add(slip("one-plus-mu-missing", "v enters θ without the factor (1 + μ)" + in, eta, v, a, 1, 0));
        slips.add(slip("one-minus-mu", "v enters θ with (1 − μ): a minus sign where (1 + μ) has a plus" + in,
                eta, v, a, 1 - mu, 0));
        slips.add(slip("v-sign", "(1 + μ)·v enters θ with the opposite sign, so the step climbs" + in, eta, v, a, -b, 0));
        slips.add(slip("v-dropped", "(1 + μ) is added to θ on its own: v is missing as a factor of (1 + μ)" + in,
                eta, v, a, 0, b));
        slips.add(new StepProbe.Slip("order", "your first step is 0: θ moved before v was updated, so every step uses "
                + "the velocity of the step before. Update v first (after saving v_prev), then " + NESTEROV_THETA
                + " — the order of the lines", nesterov(eta, v, a, b, 0, true)));
        double[][] steps = StepProbe.steps(mine);
        Feedback f = StepProbe.explained(steps, slips);
        return f != null ? f : StepProbe.property(steps, StepProbe.steps(nesterov(eta, v, a, b, 0, false)), eta,
                "velocity v", NESTEROV_THETA);
    }

    private static StepProbe.Slip slip(String mistake, String words, double eta, AverageLine v, double a, double b,
                                      double c) {
        return new StepProbe.Slip(mistake, words, nesterov(eta, v, a, b, c, false));
    }
}
