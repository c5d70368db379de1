package descent.exercise;

import descent.function.QuadraticBowl;
import descent.function.Rosenbrock;
import descent.function.XCosCx;
import descent.optim.GradientDescent;
import descent.plot.ContourPlot;
import descent.plot.Show;
import descent.train.Minimizer;
import descent.train.Path;

/**
 * Checks for notebooks 6 and 7: where descent ends on the non-convex x·cos(3x), what the Hessian says
 * about a stationary point (second-derivative test: Nocedal &amp; Wright, Numerical Optimization, §2.1),
 * step sizes on the narrow bowl ½(x² + 20y²), and the gradient of Rosenbrock's function
 * f = (1 − x)² + 100(y − x²)² (Rosenbrock, The Computer Journal 3, 1960).
 */
public final class SurfaceExercises {
    /** The kind of a stationary point from its 2×2 Hessian: "minimum", "maximum" or "saddle". */
    @FunctionalInterface
    public interface StationaryPoint {
        String kind(double[][] hessian);
    }

    /** A gradient of a function of (x, y), written into g. */
    @FunctionalInterface
    public interface Gradient2D {
        void into(double[] p, double[] g);
    }

    private static final XCosCx WAVE = new XCosCx(3);
    private static final QuadraticBowl NARROW = new QuadraticBowl(20);
    private static final Rosenbrock ROSENBROCK = new Rosenbrock();
    /** ∇f of Rosenbrock's function as the notebook writes it, term by term, for {@link TermProbe}. */
    private static final java.util.List<TermProbe.Term> ROSENBROCK_TERMS = java.util.List.of(
            new TermProbe.Term(0, "−2(1 − x)", -2, TermProbe.parts(-2, 0, 0, 2, 1, 0)),
            new TermProbe.Term(0, "−400x(y − x²)", -400, TermProbe.parts(-400, 1, 1, 400, 3, 0)),
            new TermProbe.Term(1, "200(y − x²)", 200, TermProbe.parts(200, 0, 1, -200, 2, 0)));
    private static final double[][] PROBE_POINTS = {{-1.5, 2.5}, {0.5, 0.5}, {2, 1}, {-0.3, -0.7}, {1.3, -0.4},
        {0.7, 1.9}};

    private SurfaceExercises() {}

    /**
     * A start in [−3, 3] from which descent (η = 0.02, 200 steps) on x·cos(3x) ends in the deepest valley
     * inside the window (x ≈ −2.15, f ≈ −2.12). Starts near 3 roll out of the window, where f keeps falling.
     */
    public static void checkStart(double start) {
        assessStart(start).print();
    }

    static Feedback assessStart(double start) {
        return Exercise.report("set myStart", () -> Exercise.isTodo(start)
                ? Feedback.notDone("set myStart to a number in [−3, 3]")
                : NearMiss.explain(judgeStart(start), "myStart", start, x -> judgeStart(x).passed()));
    }

    /** Where descent from the start ends: in the window's deepest valley, another valley, or out of the window. */
    private static Feedback judgeStart(double start) {
        if (!(start >= -3 && start <= 3)) {
            return Feedback.wrong("outside", "x = " + Exercise.num(start) + " is outside the window [−3, 3] the "
                    + "task names, too far " + (start < 0 ? "left" : "right") + ": start inside it");
        }
        Path walk = Minimizer.walk(WAVE, new GradientDescent(0.02), new double[] {start}, 200);
        double x = walk.last()[0];
        String end = "from " + Exercise.num(start) + " descent ends at x = " + String.format("%.3f", x)
                + " with f = " + String.format("%.3f", walk.lastValue());
        if (x > 3 || x < -3) {
            return Feedback.wrong("leaves-window", end + ", outside the window: beyond x = 3 the function keeps "
                    + "falling, so that valley is not in [−3, 3]. Find a start whose valley lies inside");
        }
        if (walk.lastValue() < -2) return Feedback.done(end + ": the deepest valley inside the window");
        return Feedback.wrong("local-minimum", end + ", a local minimum: descent only goes downhill from where it "
                + "starts, into the nearest valley. Which valley in the chart is deepest, and which starts roll into it?");
    }

    /** The second-derivative test on nine Hessians, including saddles with positive diagonal. */
    public static void checkStationaryPoint(StationaryPoint test) {
        assessStationaryPoint(test).print();
    }

    static Feedback assessStationaryPoint(StationaryPoint test) {
        return Exercise.report("write the test inside the lambda", () -> {
            if (Exercise.isTodo(test)) return Feedback.notDone("write the test");
            String[] mine = new String[CASES.length];
            for (int k = 0; k < CASES.length; k++) {
                mine[k] = test.kind(new double[][] {CASES[k][0].clone(), CASES[k][1].clone()});
                if (mine[k] == null || !(mine[k].equals("minimum") || mine[k].equals("maximum") || mine[k].equals("saddle"))) {
                    return Feedback.wrong("answer-word", "for " + h(CASES[k]) + " you answered " + (mine[k] == null ? "null"
                            : "\"" + mine[k] + "\"") + ": answer \"minimum\", \"maximum\" or \"saddle\"");
                }
            }
            int first = -1;
            for (int k = CASES.length - 1; k >= 0; k--) if (!mine[k].equals(kind(CASES[k], (a, b, c, d) -> a * d - b * c, 1))) first = k;
            if (first < 0) {
                return Feedback.done("all " + CASES.length + " Hessians classified: det H < 0 is a saddle; det H > 0 is a "
                        + "minimum when h₀₀ > 0 and a maximum when h₀₀ < 0");
            }
            double[][] wrong = CASES[first];
            String at = "for " + h(wrong) + " you answered " + mine[first] + ", but det H = ac − b² = "
                    + Exercise.num(wrong[0][0] * wrong[1][1] - wrong[0][1] * wrong[1][0]).replace("-", "−") + ": it is a "
                    + kind(wrong, (a, b, c, d) -> a * d - b * c, 1) + ". ";
            // the probes answer: which determinant (which term, which factor, which sign) and which rule explain them all
            return new Diagnosis<String[]>()
                    .hypothesis("ignores-off-diagonal", m -> explains(m, (a, b, c, d) -> a * d, 1), m -> at + "The diagonal "
                            + "alone is not enough; use det H = ac − b²: the off-diagonal term is missing")
                    .hypothesis("det-sign", m -> explains(m, (a, b, c, d) -> a * d + b * c, 1), m -> at + "Your answers "
                            + "follow ac + b²: det H = ac − b², the sign of b² is flipped")
                    .hypothesis("determinant-factor", m -> explains(m, (a, b, c, d) -> d - b * c, 1)
                            || explains(m, (a, b, c, d) -> a - b * c, 1) || explains(m, (a, b, c, d) -> a * d - b, 1)
                            || explains(m, (a, b, c, d) -> a * d - c, 1) || explains(m, (a, b, c, d) -> 2 * a * d - b * c, 1),
                            m -> at + "Check the factors of your determinant: ac − b·b, each entry once (a factor left out, "
                            + "or a doubled one, changes its sign on some Hessians)")
                    .hypothesis("saddle-missed", m -> explains(m, (a, b, c, d) -> 1, 1), m -> at.replace(": it is a saddle. ", " < 0, so it is a saddle (det H < 0). ") + "You never answer saddle: is the det H < 0 test missing, or "
                            + "placed after the return that answers first?")
                    .hypothesis("comparison", m -> explains(m, (a, b, c, d) -> -(a * d - b * c), 1), m -> at + "You answer "
                            + "saddle where det H > 0: the comparison is turned round — det H < 0 is a saddle")
                    .hypothesis("swapped", m -> explains(m, (a, b, c, d) -> a * d - b * c, -1), m -> at + "Positive "
                            + "curvature in every direction (det > 0, a > 0) is a minimum, negative is a maximum")
                    .otherwise(m -> at + "det H < 0 is a saddle; det H > 0 is a minimum when h₀₀ > 0, a maximum when h₀₀ < 0")
                    .of(mine);
        });
    }

    /** Hessians that separate the determinant slips (the last: det = 1·2 − 1.5·1.5 < 0, but ac − b or 2ac − b² > 0). */
    private static final double[][][] CASES = {{{2, 0}, {0, 3}}, {{-2, 0}, {0, -1}}, {{2, 0}, {0, -3}}, {{1, 2}, {2, 1}},
        {{2, 1}, {1, 2}}, {{-1, 2}, {2, -1}}, {{1, 1.5}, {1.5, 2}}, {{1, 2}, {2, -1}}, {{3, 0.5}, {0.5, 0.1}}};

    /** A determinant of [[a, b], [c, d]]. */
    private interface Det {
        double of(double a, double b, double c, double d);
    }

    /** The kind the test gives with this determinant; {@code minimumSign} −1 swaps minimum and maximum. */
    private static String kind(double[][] h, Det det, int minimumSign) {
        if (det.of(h[0][0], h[0][1], h[1][0], h[1][1]) < 0) return "saddle";
        return h[0][0] * minimumSign > 0 ? "minimum" : "maximum";
    }

    private static boolean explains(String[] mine, Det det, int minimumSign) {
        for (int k = 0; k < CASES.length; k++) if (!mine[k].equals(kind(CASES[k], det, minimumSign))) return false;
        return true;
    }

    private static String h(double[][] m) {
        return "H = [[" + num(m[0]) + "], [" + num(m[1]) + "]]";
    }

    private static String num(double[] row) {
        return Exercise.num(row[0]) + ", " + Exercise.num(row[1]);
    }

    /**
     * η for the narrow bowl from (−9, 3): within 0.01 of the origin in 100 steps. Along x a step multiplies
     * the distance by 1 − η, along y by 1 − 20η: that separates crawling from oscillating.
     */
    public static void checkNarrowRate(double eta) {
        assessNarrowRate(eta).print();
    }

    static Feedback assessNarrowRate(double eta) {
        return Exercise.report("set myEta", () -> {
            if (Exercise.isTodo(eta)) return Feedback.notDone("set myEta to a number");
            if (eta == 0) return IntegerDivision.zero("myEta", eta);
            if (!(eta > 0) || Double.isInfinite(eta)) {
                return Feedback.wrong("not-positive", "η = " + Exercise.num(eta) + " is too small: η must be > 0 (a "
                        + "negative η steps uphill)");
            }
            Path walk = Minimizer.walk(NARROW, new GradientDescent(eta), new double[] {-9, 3}, 100);
            int k = walk.stepsToReach(new double[] {0, 0}, 0.01);
            double[] p = walk.last();
            String factors = "per step x shrinks by 1 − η = " + Exercise.num(1 - eta) + ", y by 1 − 20η = "
                    + Exercise.num(1 - 20 * eta);
            if (k >= 0) return Feedback.done("η = " + Exercise.num(eta) + " reaches the minimum in " + k + " steps (" + factors + ")");
            if (1 - 20 * eta <= -1) {
                return Feedback.wrong("diverges", "η = " + Exercise.num(eta) + " is too large, it diverges along y: " + factors
                        + ", at least 1 in size, so y bounces ever wider. Along y the curvature is 20: η < 2/20 = 0.1");
            }
            if (Math.abs(p[1]) > 0.005 && 1 - 20 * eta < 0) {
                return Feedback.wrong("oscillates", "η = " + Exercise.num(eta) + " converges along x (x = "
                        + Exercise.num(p[0]) + ") but y still flips sign every step, at |y| = " + Exercise.num(Math.abs(p[1]))
                        + " after 100 steps: " + factors + ". A slightly smaller η damps the oscillation");
            }
            return Feedback.wrong("crawls", "η = " + Exercise.num(eta) + " is too small, it crawls along x: after 100 steps x = " + Exercise.num(p[0])
                    + " (" + factors + "). Along x the curvature is only 1; take the largest η that still damps y");
        });
    }

    /** ∇f of Rosenbrock's function, against finite differences at four points; then it drives descent. */
    public static void checkRosenbrockGradient(Gradient2D gradient) {
        assessRosenbrockGradient(gradient).print();
    }

    static Feedback assessRosenbrockGradient(Gradient2D gradient) {
        return Exercise.report("write the gradient inside the lambda", () -> {
            if (Exercise.isTodo(gradient)) return Feedback.notDone("write the gradient");
            double[][] points = {{-1.5, 2.5}, {0.5, 0.5}, {2, 1}, {-0.3, -0.7}};
            double[] mine = new double[8], reference = new double[8];
            for (int k = 0; k < points.length; k++) {
                double[] g = {Double.NaN, Double.NaN};
                double[] q = points[k].clone();
                gradient.into(q, g);
                Feedback changed = Unchanged.check("point q", points[k], q);
                if (changed != null) return changed;
                double[] fd = descent.function.GradientCheck.central(ROSENBROCK::value, points[k]);
                mine[2 * k] = g[0]; mine[2 * k + 1] = g[1];
                reference[2 * k] = fd[0]; reference[2 * k + 1] = fd[1];
            }
            if (Compare.close(mine, reference, 1e-6)) {
                descent.function.Objective yours = new descent.function.Objective() {
                    public int dimension() { return 2; }
                    public double value(double[] p) { return ROSENBROCK.value(p); }
                    public void gradient(double[] p, double[] g) { gradient.into(p, g); }
                };
                Path mineWalk = Minimizer.walk(yours, new GradientDescent(0.001), new double[] {-1.5, 2.5}, 3000);
                Path library = Minimizer.walk(ROSENBROCK, new GradientDescent(0.001), new double[] {-1.5, 2.5}, 3000);
                return Feedback.done("your gradient matches finite differences at four points; 3000 steps of GD (η = 0.001) "
                        + "with it end at " + Exercise.point(mineWalk.last()) + ", with the library's at " + Exercise.point(library.last()))
                        .then(() -> Show.image(ContourPlot.of(ROSENBROCK).logLevels()
                                .title("Gradient descent driven by your gradient").path("your gradient, η = 0.001",
                                        mineWalk.points()).minima(ROSENBROCK.minima()).image(), "your descent path"));
            }
            for (int k = 0; k < 8; k++) {
                if (Double.isNaN(mine[k])) {
                    return Feedback.wrong("not-written", "g[" + (k % 2) + "] still holds NaN after your code: it is never "
                            + "written. Write both g[0] and g[1]");
                }
            }
            return new TermProbe(ROSENBROCK_TERMS, PROBE_POINTS).diagnosis()
                    .otherwise(v -> "at (0.5, 0.5) your gradient is (" + Exercise.num(mine[2]) + ", "
                            + Exercise.num(mine[3]) + "), finite differences give (" + Exercise.num(reference[2]) + ", "
                            + Exercise.num(reference[3]) + "): ∂f/∂x = −2(1 − x) − 400x(y − x²), ∂f/∂y = 200(y − x²)")
                    .of(TermProbe.probe(gradient, PROBE_POINTS));
        });
    }

}
