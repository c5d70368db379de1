package descent.exercise;

import descent.optim.CustomOptimizer;
import descent.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * The diagnosis of a student's RMSprop or Adam update by {@link StepProbe}: candidates one property away from the
 * notebook's update (Hinton's RMSprop, Coursera lecture 6e: cache ← ρ cache + (1 − ρ) g², θ ← θ − η g/(√cache + ε);
 * Kingma &amp; Ba, ICLR 2015, Algorithm 1), each run on the same probes. On a constant gradient Adam's corrected
 * step is η whatever g, so a wrong correction shows as a step length over η that changes with t in its own way.
 */
final class AdaptiveSlips {
    static final double RHO = 0.9, RMS_EPS = 1e-7, BETA1 = 0.9, BETA2 = 0.999, ADAM_EPS = 1e-8;
    private static final String CACHE = "cache[i] = ρ·cache[i] + (1 − ρ)·g[i]²";
    private static final String RMS_THETA = "θ ← θ − η·g/(√cache + ε)";
    private static final String ADAM_THETA = "θ ← θ − η·m̂/(√v̂ + ε)";

    private AdaptiveSlips() {}

    /** cache ← line(cache, g), θ ← θ − η g/(√cache + ε) in the given form, or θ first with the old cache. */
    static Optimizer rmsprop(double eta, AverageLine line, double eps, Form form, boolean thetaFirst) {
        return new CustomOptimizer("RMSprop model", eta, 1, (theta, g, rate, t, s) -> {
            for (int i = 0; i < theta.length; i++) {
                if (!thetaFirst) s[0][i] = line.next(s[0][i], g[i]);
                theta[i] -= rate * g[i] / scale(s[0][i], eps, form);
                if (thetaFirst) s[0][i] = line.next(s[0][i], g[i]);
            }
        });
    }

    /** What the step divides by: √s + ε, or one of the forms a student may write instead. */
    private static double scale(double s, double eps, Form form) {
        return switch (form) {
            case NO_DIVISION -> 1;
            case EPS_INSIDE -> Math.sqrt(s + eps);
            case NO_ROOT -> s + eps;
            default -> Math.sqrt(s) + eps;
        };
    }

    /** How the step is built: ε outside or inside the root, no root, no division; Adam's m̂ and v̂ stored back. */
    enum Form { RIGHT, EPS_INSIDE, NO_ROOT, NO_DIVISION, STORED_BACK }

    /** m, v ← their lines; m̂ = m / cm(t), v̂ = v / cv(t); θ ← θ − η m̂/(√v̂ + ε) in the given form. */
    static Optimizer adam(double eta, AverageLine m, AverageLine v, LongToDoubleFunction cm, LongToDoubleFunction cv,
                          double eps, Form form) {
        return new CustomOptimizer("Adam model", eta, 2, (theta, g, rate, t, s) -> {
            for (int i = 0; i < theta.length; i++) {
                s[0][i] = m.next(s[0][i], g[i]);
                s[1][i] = v.next(s[1][i], g[i]);
                double mHat = s[0][i] / cm.applyAsDouble(t), vHat = s[1][i] / cv.applyAsDouble(t);
                if (form == Form.STORED_BACK) {
                    s[0][i] = mHat;
                    s[1][i] = vHat;
                }
                theta[i] -= rate * mHat / scale(vHat, eps, form);
            }
        });
    }

    static Feedback rmsprop(Optimizer mine) {
        double eta = mine.learningRate();
        AverageLine cache = AverageLine.of(RHO, 1 - RHO, 2);
        List<StepProbe.Slip> slips = new ArrayList<>();
        for (AverageLine.Variant x : cache.slips("the cache", "ρ", "(1 − ρ)", CACHE)) {
            slips.add(new StepProbe.Slip(x.mistake(), x.words(), rmsprop(eta, x.line(), RMS_EPS, Form.RIGHT, false)));
        }
        slips.add(new StepProbe.Slip("eps-sign", "for g = 1e-9 your step climbs: √cache − ε is negative when the "
                + "gradient is tiny. ε is added, with a plus sign, to keep the division safe (" + RMS_THETA + ")",
                rmsprop(eta, cache, -RMS_EPS, Form.RIGHT, false)));
        slips.add(new StepProbe.Slip("eps-inside", "ε is inside the square root: for g = 1e-9 that makes the step "
                + "tiny instead of about η/100. Add ε after the root (" + RMS_THETA + ")",
                rmsprop(eta, cache, RMS_EPS, Form.EPS_INSIDE, false)));
        slips.add(new StepProbe.Slip("no-root", "you divide by cache, not its root: check √cache (" + RMS_THETA
                + "), the root of the mean square", rmsprop(eta, cache, RMS_EPS, Form.NO_ROOT, false)));
        slips.add(new StepProbe.Slip("no-division", "your steps are η·g, plain gradient descent's: the factor "
                + "1/(√cache + ε) that adapts the step to each coordinate is missing (" + RMS_THETA + ")",
                rmsprop(eta, cache, RMS_EPS, Form.NO_DIVISION, false)));
        slips.add(new StepProbe.Slip("order", "your first step is η·g/ε, " + Exercise.num(1 / RMS_EPS) + " times η·g: θ "
                + "was updated before the cache, which is still 0 on the first step, and each later step divides by "
                + "the cache of the step before. Update the cache first, then θ — the order of the two lines",
                rmsprop(eta, cache, RMS_EPS, Form.RIGHT, true)));
        double[][] steps = StepProbe.steps(mine);
        Feedback f = StepProbe.explained(steps, slips);
        if (f == null) f = scaleLaw(steps, "cache");
        return f != null ? f : StepProbe.property(steps, StepProbe.steps(rmsprop(eta, cache, RMS_EPS, Form.RIGHT, false)),
                eta, "cache", RMS_THETA + " (check √cache, and ε = 1e-7 outside the square root)");
    }

    static Feedback adam(Optimizer mine) {
        double eta = mine.learningRate();
        AverageLine m = AverageLine.of(BETA1, 1 - BETA1, 1), v = AverageLine.of(BETA2, 1 - BETA2, 2);
        LongToDoubleFunction cm = correction(BETA1, 1), cv = correction(BETA2, 1);
        List<StepProbe.Slip> slips = new ArrayList<>();
        for (AverageLine.Variant x : m.slips("m", "β₁", "(1 − β₁)", "m[i] = β₁·m[i] + (1 − β₁)·g[i]")) {
            slips.add(new StepProbe.Slip("m-" + x.mistake(), x.words(), adam(eta, x.line(), v, cm, cv, ADAM_EPS, Form.RIGHT)));
        }
        for (AverageLine.Variant x : v.slips("v", "β₂", "(1 − β₂)", "v[i] = β₂·v[i] + (1 − β₂)·g[i]²")) {
            slips.add(new StepProbe.Slip("v-" + x.mistake(), x.words(), adam(eta, m, x.line(), cm, cv, ADAM_EPS, Form.RIGHT)));
        }
        slips.add(new StepProbe.Slip("t-from-0", "with t = 0 on the first step, 1 − β^t = 0 and each correction divides "
                + "by zero: the first step is number t + 1, so the power is one too low (1 − β^(t+1))",
                adam(eta, m, v, correction(BETA1, 0), correction(BETA2, 0), ADAM_EPS, Form.RIGHT)));
        slips.add(new StepProbe.Slip("no-bias-correction", "that is Adam without bias correction: m and v start at 0, so "
                + "for the first steps they are too small; divide by 1 − β₁^(t+1) and 1 − β₂^(t+1)",
                adam(eta, m, v, t -> 1, t -> 1, ADAM_EPS, Form.RIGHT)));
        for (String[] c : corrections()) {
            boolean first = c[0].equals("m");
            double beta = first ? BETA1 : BETA2;
            LongToDoubleFunction wrong = switch (c[1]) {
                case "none" -> t -> 1;
                case "t" -> correction(beta, 0);
                case "t+2" -> correction(beta, 2);
                case "t-1" -> correction(beta, -1);
                case "plus" -> t -> 1 + Math.pow(beta, t + 1);
                case "swapped" -> t -> 1 - Math.pow(t + 1, beta);
                default -> correction(first ? BETA2 : BETA1, 1);
            };
            String words = "in the line " + (first ? "m̂ = m/(1 − β₁^(t+1))" : "v̂ = v/(1 − β₂^(t+1))") + ", " + c[2];
            slips.add(new StepProbe.Slip(c[0] + "-correction-" + c[1], words,
                    first ? adam(eta, m, v, wrong, cv, ADAM_EPS, Form.RIGHT) : adam(eta, m, v, cm, wrong, ADAM_EPS, Form.RIGHT)));
        }
        slips.add(new StepProbe.Slip("no-rate", "every step is 1/η = " + Exercise.num(1 / eta) + " times too long: the "
                + "learning rate η is missing as a factor (" + ADAM_THETA + ")", adam(1, m, v, cm, cv, ADAM_EPS, Form.RIGHT)));
        slips.add(new StepProbe.Slip("betas-swapped", "β₁ and β₂ are swapped: m averages with β₁ = 0.9 (a short memory "
                + "for the direction), v with β₂ = 0.999 (a long one for the scale)", adam(eta, AverageLine.of(BETA2,
                1 - BETA2, 1), AverageLine.of(BETA1, 1 - BETA1, 2), correction(BETA2, 1), correction(BETA1, 1), ADAM_EPS,
                Form.RIGHT)));
        slips.add(new StepProbe.Slip("eps-sign", "for g = 1e-9 your step climbs: √v̂ − ε is negative when the gradient is "
                + "tiny. ε is added, with a plus sign (" + ADAM_THETA + ")", adam(eta, m, v, cm, cv, -ADAM_EPS, Form.RIGHT)));
        slips.add(new StepProbe.Slip("eps-inside", "ε is inside the square root: for g = 1e-9 that makes the step "
                + "tiny instead of about η/11. Add ε after the root (" + ADAM_THETA + ")", adam(eta, m, v, cm, cv,
                ADAM_EPS, Form.EPS_INSIDE)));
        slips.add(new StepProbe.Slip("stored-back", "m̂ and v̂ are written back into m and v: the corrections then pile "
                + "up from step to step. Keep m and v as they are and compute m̂, v̂ in local variables", adam(eta, m, v,
                cm, cv, ADAM_EPS, Form.STORED_BACK)));
        slips.add(new StepProbe.Slip("no-division", "your steps are η·m̂: the factor 1/(√v̂ + ε) that scales each "
                + "coordinate's step is missing (" + ADAM_THETA + ")", adam(eta, m, v, cm, cv, ADAM_EPS, Form.NO_DIVISION)));
        double[][] steps = StepProbe.steps(mine);
        Feedback f = StepProbe.explained(steps, slips);
        if (f == null) f = scaleLaw(steps, "v");
        return f != null ? f : StepProbe.property(steps, StepProbe.steps(adam(eta, m, v, cm, cv, ADAM_EPS, Form.RIGHT)),
                eta, "moments m and v", ADAM_THETA);
    }

    /**
     * The property that makes these methods adaptive: the first step is as long for g = 100 as for g = 1, since
     * the step divides by the root of a mean of g². The power p with step(100) = 100^p · step(1) says what the
     * student's division does instead; null when p is 0 or no power fits.
     */
    static Feedback scaleLaw(double[][] steps, String state) {
        double one = steps[0][StepProbe.CONSTANT], hundred = steps[0][StepProbe.HUGE];
        if (!(one < 0 && hundred < 0) || StepProbe.same(one, steps[0][StepProbe.NEGATIVE])) return null;  // no g at all
        double p = Math.log(hundred / one) / Math.log(100);
        String grows = "your first step is " + Exercise.num(hundred / one) + " times as long for g = 100 as for g = 1; "
                + "it should be as long: the step divides by √" + state + ", which grows as |g| does. ";
        if (Math.abs(p - 0.5) < 1e-3) {
            return Feedback.wrong("scale-root", grows + "Yours grows as √|g|: is g squared in the " + state + " line?");
        }
        if (Math.abs(p - 1) < 1e-3) {
            return Feedback.wrong("scale-none", grows + "Yours grows as g: the division by √" + state + " does not "
                    + "scale it — is the division there, and is " + state + " built from g²?");
        }
        if (Math.abs(p + 1) < 1e-3) {
            return Feedback.wrong("scale-inverse", grows + "Yours shrinks as 1/g: it divides by " + state + " itself, "
                    + "not by its root");
        }
        return null;
    }

    /** 1 − β^(t + shift): shift 1 is Adam's (t is 0 on the first step). */
    static LongToDoubleFunction correction(double beta, int shift) {
        return t -> 1 - Math.pow(beta, t + shift);
    }

    /** {line, kind, words}: each way one correction can be wrong. */
    private static String[][] corrections() {
        String[][] kinds = {
                {"none", "the bias correction is missing: m and v start at 0, so early on they are too small by the "
                        + "factor 1 − β^(t+1)"},
                {"t", "the power t is one too low — t is 0 on the first step, which is step number t + 1; 1 − β⁰ = 0 "
                        + "divides by zero"},
                {"t+2", "the power is one too high: the first step is number t + 1, not t + 2"},
                {"t-1", "the power t − 1 has a minus where t + 1 has a plus; on the first step 1 − β^(−1) < 0 turns "
                        + "the step to the opposite direction"},
                {"plus", "1 + β^(t+1) has a plus sign where the correction has a minus, 1 − β^(t+1)"},
                {"swapped", "Math.pow(t + 1, β) raises t + 1 to β: base and exponent are swapped, Math.pow(β, t + 1)"},
                {"beta", "it is corrected with the other moment's β; each moment takes its own, β₁ for m̂ and β₂ for v̂"}};
        String[][] out = new String[2 * kinds.length][];
        for (int k = 0; k < kinds.length; k++) {
            out[k] = new String[] {"m", kinds[k][0], kinds[k][1]};
            out[kinds.length + k] = new String[] {"v", kinds[k][0], kinds[k][1]};
        }
        return out;
    }
}
