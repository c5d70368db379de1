package descent.exercise;

import descent.function.QuadraticBowl;
import descent.function.Rosenbrock;
import descent.optim.Adam;
import descent.optim.GradientDescent;
import descent.optim.Momentum;
import descent.optim.Nesterov;
import descent.optim.Optimizer;
import descent.optim.RMSprop;
import descent.plot.ContourPlot;
import descent.plot.Show;
import descent.train.Minimizer;
import descent.train.Path;

/**
 * Checks for notebooks 8 and 9: a student's momentum, Nesterov, RMSprop and Adam, written as a
 * {@link descent.optim.CustomOptimizer}, walk the narrow bowl ½(x² + 20y²) from (−9, 3) and are compared
 * step by step with the library's (Polyak 1964; Nesterov 1983 in Sutskever et al., ICML 2013; Hinton's
 * RMSprop, Coursera lecture 6e; Kingma &amp; Ba, Adam, ICLR 2015, Algorithm 1). Typical slips are
 * recognised by which wrong optimiser the path matches.
 */
public final class OptimizerExercises {
    /** μ used by the momentum and Nesterov tasks. */
    public static final double MU = 0.8;
    private static final QuadraticBowl NARROW = new QuadraticBowl(20);
    private static final double[] START = {-9, 3};
    private static final int STEPS = 60;

    private OptimizerExercises() {}

    /** v ← μv − η∇J, θ ← θ + v with μ = 0.8 and the optimiser's own η. */
    public static void checkMomentum(Optimizer mine) {
        assessMomentum(mine).print();
    }

    static Feedback assessMomentum(Optimizer mine) {
        return Exercise.report("write the momentum update inside the lambda", () -> {
            if (Exercise.isTodo(mine)) return Feedback.notDone("write the update");
            double eta = mine.learningRate();
            Path path = walk(mine);
            if (same(path, walk(new Momentum(eta, MU)))) {
                return Feedback.done("your momentum walks the same " + STEPS + " steps as the library's Momentum(η = "
                        + Exercise.num(eta) + ", μ = " + MU + "), ending at " + Exercise.point(path.last()))
                        .then(() -> showPaths(path, walk(new GradientDescent(eta)), "Your momentum and gradient descent"));
            }
            if (same(path, walk(new Momentum(eta * (1 - MU), MU)))) {
                return Feedback.wrong("damped", "you step by (1 − μ)·η·g: that is an exponential average of gradients, "
                        + "not classical momentum — a factor (1 − μ) too many. Use v ← μv − ηg");
            }
            return MomentumSlips.momentum(mine, MU);
        });
    }

    /** Nesterov in the form θ ← θ − μ v_prev + (1 + μ) v, v ← μv − η∇J (Sutskever et al. 2013). */
    public static void checkNesterov(Optimizer mine) {
        assessNesterov(mine).print();
    }

    static Feedback assessNesterov(Optimizer mine) {
        return Exercise.report("write the Nesterov update inside the lambda", () -> {
            if (Exercise.isTodo(mine)) return Feedback.notDone("write the update");
            double eta = mine.learningRate();
            Path path = walk(mine);
            if (same(path, walk(new Nesterov(eta, MU)))) {
                return Feedback.done("your Nesterov walks the same " + STEPS + " steps as the library's, ending at "
                        + Exercise.point(path.last()) + "; classical momentum ends at " + Exercise.point(walk(new Momentum(eta, MU)).last()))
                        .then(() -> showPaths(path, walk(new Momentum(eta, MU)), "Your Nesterov and classical momentum"));
            }
            if (same(path, walk(new Momentum(eta, MU)))) {
                return Feedback.wrong("plain-momentum", "that is classical momentum: Nesterov moves θ by −μ·v_prev + (1 + μ)·v, "
                        + "which is the step you get by taking the gradient at the look-ahead point. If you wrote that, "
                        + "save v_prev before you update v: saved after, it is the new v and the two terms add up to v");
            }
            return MomentumSlips.nesterov(mine, MU);
        });
    }

    /** cache ← ρ cache + (1 − ρ) g², θ ← θ − η g / (√cache + ε), ρ = 0.9, ε = 1e-7. */
    public static void checkRmsprop(Optimizer mine) {
        assessRmsprop(mine).print();
    }

    static Feedback assessRmsprop(Optimizer mine) {
        return Exercise.report("write the RMSprop update inside the lambda", () -> {
            if (Exercise.isTodo(mine)) return Feedback.notDone("write the update");
            double eta = mine.learningRate();
            Path path = walk(mine);
            if (same(path, walk(new RMSprop(eta)))) {
                return Feedback.done("your RMSprop walks the same " + STEPS + " steps as the library's RMSprop(η = "
                        + Exercise.num(eta) + ", ρ = 0.9), ending at " + Exercise.point(path.last()));
            }
            if (same(path, walk(RMSprop.miscopied(eta, RMSprop.DEFAULT_RHO)))) {
                return Feedback.wrong("cache-plus-equals", "that is the miscopied RMSprop: cache += decay·cache + (1 − decay)·g² "
                        + "keeps all of the old cache and adds more, so it grows without bound and the steps die out. "
                        + "Assign: cache = decay·cache + (1 − decay)·g²");
            }
            return AdaptiveSlips.rmsprop(mine);
        });
    }

    /** Adam with bias correction: m̂ = m/(1 − β₁ᵗ⁺¹), v̂ = v/(1 − β₂ᵗ⁺¹), θ ← θ − η m̂/(√v̂ + ε). */
    public static void checkAdam(Optimizer mine) {
        assessAdam(mine).print();
    }

    static Feedback assessAdam(Optimizer mine) {
        return Exercise.report("write the Adam update inside the lambda", () -> {
            if (Exercise.isTodo(mine)) return Feedback.notDone("write the update");
            double eta = mine.learningRate();
            Path path = walk(mine);
            if (same(path, walk(new Adam(eta)))) {
                return Feedback.done("your Adam walks the same " + STEPS + " steps as the library's Adam(η = " + Exercise.num(eta)
                        + "), ending at " + Exercise.point(path.last()));
            }
            return AdaptiveSlips.adam(mine);
        });
    }

    /** μ for momentum (η = 0.02) on the narrow bowl: within 0.01 of the minimum in at most 100 steps. */
    public static void checkMu(double mu) {
        assessMu(mu).print();
    }

    static Feedback assessMu(double mu) {
        return Exercise.report("set myMu", () -> NearMiss.explain(judgeMu(mu), "μ", mu,
                x -> judgeMu(x).passed()));
    }

    private static Feedback judgeMu(double mu) {
        if (Exercise.isTodo(mu)) return Feedback.notDone("set myMu to a number in [0, 1)");
        if (!(mu >= 0 && mu < 1)) return Feedback.wrong("range", "μ = " + mu + ": momentum needs 0 ≤ μ < 1");
        Path p = Minimizer.walk(NARROW, new Momentum(0.02, mu), START, 100);
        int k = p.stepsToReach(new double[] {0, 0}, 0.01);
        if (k >= 0) return Feedback.done("μ = " + Exercise.num(mu) + " gets there in " + k + " steps");
        if (mu == 0) {
            return Feedback.wrong("plain", "μ = 0 is plain gradient descent: with η = 0.02 x shrinks by only 2% a step, "
                    + "and after 100 steps x = " + Exercise.num(p.last()[0]) + " (if you wrote a fraction such as 4 / 5, "
                    + "Java's integer division made it 0: write 4.0 / 5)");
        }
        int crossings = 0;
        double[][] pts = p.points();
        for (int t = 1; t < pts.length; t++) if (Math.signum(pts[t][0]) != Math.signum(pts[t - 1][0])) crossings++;
        if (crossings >= 3) {
            return Feedback.wrong("circles", "μ = " + Exercise.num(mu) + " keeps too much velocity: the path crosses x = 0 "
                    + crossings + " times and still circles at " + Exercise.point(p.last()) + ". Less momentum");
        }
        return Feedback.wrong("too-little", "μ = " + Exercise.num(mu) + " helps too little: after 100 steps the path is at "
                + Exercise.point(p.last()) + ", still creeping along x. More momentum");
    }

    /** Adam's η on Rosenbrock from (−1.5, 2.5): f &lt; 10⁻³ within 800 steps. */
    public static void checkAdamRate(double eta) {
        assessAdamRate(eta).print();
    }

    static Feedback assessAdamRate(double eta) {
        return Exercise.report("set myEta", () -> NearMiss.explain(judgeAdamRate(eta), "η", eta,
                x -> judgeAdamRate(x).passed()));
    }

    private static Feedback judgeAdamRate(double eta) {
        if (Exercise.isTodo(eta)) return Feedback.notDone("set myEta to a number");
        if (eta == 0) return IntegerDivision.zero("myEta", eta);
        if (!(eta > 0) || Double.isInfinite(eta)) return Feedback.wrong("not-positive", "η must be > 0");
        Path p = Minimizer.walk(new Rosenbrock(), new Adam(eta), new double[] {-1.5, 2.5}, 800);
        int k = p.stepsToReach(1e-3);
        if (k >= 0) return Feedback.done("Adam(η = " + Exercise.num(eta) + ") reaches f < 1e-3 in " + k + " steps");
        if (p.diverged()) {
            return Feedback.wrong("too-large", "Adam(η = " + Exercise.num(eta) + ") flew off (f = " + Exercise.num(p.lastValue())
                    + "): its steps are about η long whatever the gradient, far wider than the valley. Take a smaller η");
        }
        double[] v = p.values();
        double lastStretch = v[v.length - 1], before = v[Math.max(0, v.length - 201)];
        int rises = 0;
        for (int t = Math.max(1, v.length - 200); t < v.length; t++) if (v[t] > v[t - 1]) rises++;
        if (rises < 10 && lastStretch < before && eta < 0.1) {  // small, steady steps; large η fails by jumping
            return Feedback.wrong("crawls", "Adam(η = " + Exercise.num(eta) + ") is still going steadily downhill at step 800 "
                    + "(f fell from " + Exercise.num(before) + " to " + Exercise.num(lastStretch) + " in the last 200 steps): "
                    + "each step is about η long, too short for the long valley. Take a larger η");
        }
        return Feedback.wrong("bounces", "Adam(η = " + Exercise.num(eta) + ") stalls at f ≈ " + Exercise.num(lastStretch)
                + ": its steps, about η long whatever the gradient, keep jumping across the narrow valley. Take a smaller η");
    }

    private static Path walk(Optimizer optimizer) {
        return Minimizer.walk(NARROW, optimizer, START, STEPS);
    }

    private static boolean same(Path a, Path b) {
        if (a.steps() != b.steps()) return false;
        for (int t = 0; t <= a.steps(); t++) {
            if (!Compare.close(a.points()[t], b.points()[t], 1e-9)) return false;
        }
        return true;
    }

    private static void showPaths(Path mine, Path other, String title) {
        Show.image(ContourPlot.of(NARROW).title(title).path("yours: " + mine.label(), mine.points())
                .path(other.label(), other.points()).minima(NARROW.minima()).image(), title);
    }

}
