package descent.exercise;

import descent.optim.Momentum;
import descent.train.Descent;
import descent.train.History;
import descent.train.Init;
import static descent.exercise.WorkshopData.*;

/** Workshop task 6 and the stretch: a stopping rule on |ΔJ|, and momentum that beats the best fixed step. */
final class WorkshopStopping {
    private WorkshopStopping() {}

    static Feedback assessStopRule(Workshop.StopRule rule) {
        return Exercise.report("write the test inside the lambda", () -> {
            if (Exercise.isTodo(rule)) return Feedback.notDone("write the stopping test");
            boolean smallFall = rule.stop(1.0, 0.99995), bigFall = rule.stop(1.0, 0.9);
            boolean smallRise = rule.stop(1.0, 1.00005), bigRise = rule.stop(0.9, 1.0);
            boolean tinyNearZero = rule.stop(1e-3, 0.99e-3);
            boolean relative = rule.stop(50.0, 49.9985);   // ΔJ = 0.0015, but only 3e-5 of J
            if (smallFall && !bigFall && smallRise && !bigRise && tinyNearZero && !relative && !rule.stop(1.0, 0.9998)) {
                int stopped = stopAt(rule);
                double gapRule = MSE.value(XB, run(0.1, stopped).weights()) - BEST;
                double gapFixed = run(0.1, 1000).finalLoss() - BEST;
                return Feedback.done("with η = 0.1 your test stops after " + stopped + " iterations at J − J* = "
                        + Exercise.gap(gapRule) + "; a fixed 1000 iterations reach J − J* = " + Exercise.gap(gapFixed)
                        + ". |ΔJ| < 1e-4 saves iterations but stops well before the optimum");
            }
            if (bigFall && !smallFall) {
                return Feedback.wrong("inverted", "your test stops when J falls by 0.1 and not when it falls by 0.00005: it "
                        + "is the wrong way round — stop when the change is small");
            }
            if (bigFall && smallFall && !bigRise) {
                return Feedback.wrong("signed", "your test stops whenever J falls, by however much: J_t − J_{t−1} is "
                        + "negative then, and so below 1e-4. Take the absolute value, |J_t − J_{t−1}| < 1e-4");
            }
            if (smallFall && !bigFall && bigRise) {
                return Feedback.wrong("no-abs", "your test stops when J rises by 0.1: J_{t−1} − J_t is negative then. Take "
                        + "the absolute value, |J_t − J_{t−1}| < 1e-4");
            }
            if (bigFall && bigRise) {
                return Feedback.wrong("always", "your test stops even when J changes by 0.1: compare |ΔJ| with 1e-4");
            }
            if (relative) {
                return Feedback.wrong("relative", "your test looks at the relative change ΔJ/J; this task asks for the "
                        + "absolute change |ΔJ| < 1e-4");
            }
            if (!smallFall && (rule.stop(1.0, 5e-5) || rule.stop(5e-5, 1.0))) {  // J small, its change near 1
                return Feedback.wrong("reads-j", "your test looks at J itself, not at its change: it stops when J jumps"
                        + " between 1 and 0.00005 (a change of almost 1) and not when J changes by 0.00005 near 1. "
                        + "Compare the change, |J_t − J_{t−1}| < 1e-4");
            }
            if (!smallFall && rule.stop(1.0, -1.0)) {   // |J_t + J_{t−1}|: a change of 2 reads as 0
                return Feedback.wrong("sum", "your test stops when J goes from 1 to −1, a change of 2, and not when it "
                        + "changes by 0.00005: it adds the two costs. The change is J_t − J_{t−1}, with a minus sign");
            }
            if (!smallFall) {
                return Feedback.wrong("threshold", "your test does not stop when J changes by 0.00005 (< 1e-4): check the "
                        + "threshold, 1e-4 = 0.0001");
            }
            return Feedback.wrong("other", "your test stops for a change of 0.0002; it should stop only below 1e-4");
        });
    }

    /** The iteration after which the rule says stop, running batch descent with η = 0.1 from w = 0. */
    private static int stopAt(Workshop.StopRule rule) {
        double[] w = new double[XB.cols()], g = new double[XB.cols()];
        double previous = MSE.valueAndGradient(XB, w, g);
        for (int t = 1; t <= BUDGET; t++) {
            for (int i = 0; i < w.length; i++) w[i] -= 0.1 * g[i];
            double current = MSE.valueAndGradient(XB, w, g);
            if (rule.stop(previous, current)) return t;
            previous = current;
        }
        return BUDGET;
    }

    static Feedback assessMomentumBeatsBestStep(double eta, double mu) {
        return Exercise.report("set myEta and myMu", () -> {
            Feedback f = judgeMomentumBeatsBestStep(eta, mu);
            Feedback byEta = NearMiss.explain(f, "η", eta, x -> judgeMomentumBeatsBestStep(x, mu).passed());
            return byEta != f ? byEta : NearMiss.explain(f, "μ", mu, x -> judgeMomentumBeatsBestStep(eta, x).passed());
        });
    }

    private static Feedback judgeMomentumBeatsBestStep(double eta, double mu) {
        if (Exercise.isTodo(eta) || Exercise.isTodo(mu)) return Feedback.notDone("set myEta and myMu");
        if (eta == 0) return IntegerDivision.zero("myEta", eta);
            if (!(eta > 0) || !(mu >= 0 && mu < 1)) {
            return Feedback.wrong("invalid", "η = " + eta + ", μ = " + mu + ": η must be > 0 and μ in [0, 1)");
        }
        int gd = iterationsToReach(SPECTRUM.optimalStep());
        Momentum momentum = new Momentum(eta, mu);
        History h = Descent.of(MSE, XB).optimizer(momentum).init(Init.zeros()).maxIterations(BUDGET).tolerance(0).run();
        int reached = firstWithin(h.epochLoss(), BEST);
        if (h.diverged()) {
            return Feedback.wrong("diverges", "momentum with η = " + Exercise.num(eta) + ", μ = " + Exercise.num(mu)
                    + " diverged: its bound is 2(1 + μ)/λ_max = " + Exercise.num(momentum.stableRateBound(SPECTRUM.lambdaMax())));
        }
        if (reached >= 0 && reached < gd) {
            return Feedback.done("momentum needs " + reached + " iterations, GD at η* needs " + gd
                    + " (try √κ: the heavy-ball optimum is μ = ((√κ − 1)/(√κ + 1))²)");
        }
        return Feedback.wrong("slower", "momentum with these values needs " + (reached < 0 ? "more than " + BUDGET : reached)
                + " iterations, GD at η* needs " + gd + ": raise μ towards 0.9 and η towards 2(1 + μ)/λ_max");
    }
}
