package descent.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * Every test function's analytic gradient against central finite differences at many points, and
 * its documented minima against the values known from the literature.
 *
 * <p>The finite differences here are computed independently of {@link GradientCheck} (which has its
 * own tests), with h = 1e-5: truncation error O(h²) ≈ 1e-10·|f‴| and rounding error ≈ 1e-11·|f|,
 * so a relative tolerance of 1e-5 plus an absolute 1e-6 is ample and still catches any wrong
 * formula (a wrong factor or sign is off by O(1)).
 */
class TestFunctionsTest {
    private static final double H = 1e-5;
    private static final double REL = 1e-5;
    private static final double ABS = 1e-6;

    /** (f(p + h e_i) − f(p − h e_i)) / 2h for each i. */
    static double[] centralDifference(Objective f, double[] p) {
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double[] up = p.clone();
            double[] down = p.clone();
            up[i] += H;
            down[i] -= H;
            g[i] = (f.value(up) - f.value(down)) / (2 * H);
        }
        return g;
    }

    static double[] gradient(Objective f, double... p) {
        double[] g = new double[f.dimension()];
        f.gradient(p.clone(), g);
        return g;
    }

    static void assertGradientMatchesDifferences(Objective f, double... p) {
        double[] analytic = gradient(f, p);
        double[] numeric = centralDifference(f, p);
        for (int i = 0; i < p.length; i++) {
            double scale = Math.max(Math.abs(analytic[i]), Math.abs(numeric[i]));
            assertTrue(Math.abs(analytic[i] - numeric[i]) <= REL * scale + ABS,
                    () -> f + " at " + Arrays.toString(p) + ": analytic " + Arrays.toString(analytic)
                            + " vs central differences " + Arrays.toString(numeric));
        }
    }

    static double norm(double[] v) {
        double s = 0;
        for (double e : v) s += e * e;
        return Math.sqrt(s);
    }

    // ---------------------------------------------------------------- gradients: jqwik properties

    @Property(tries = 200, seed = "20261122")
    void quadraticBowlGradient(@ForAll @DoubleRange(min = -10, max = 10) double x,
                               @ForAll @DoubleRange(min = -10, max = 10) double y,
                               @ForAll @DoubleRange(min = 1, max = 1000) double kappa) {
        assertGradientMatchesDifferences(new QuadraticBowl(kappa), x, y);
    }

    @Property(tries = 200, seed = "20261122")
    void illConditionedBowlGradientIsExactlyXAndKappaY(@ForAll @DoubleRange(min = -10, max = 10) double x,
                                                      @ForAll @DoubleRange(min = -10, max = 10) double y) {
        QuadraticBowl bowl = new QuadraticBowl(25);
        assertGradientMatchesDifferences(bowl, x, y);
        assertArrayEquals(new double[] {x, 25 * y}, gradient(bowl, x, y), 0.0);
        assertEquals(0.5 * (x * x + 25 * y * y), bowl.value(new double[] {x, y}), 1e-12 * (1 + x * x + 25 * y * y));
    }

    @Property(tries = 200, seed = "20261122")
    void himmelblauGradient(@ForAll @DoubleRange(min = -5, max = 5) double x,
                            @ForAll @DoubleRange(min = -5, max = 5) double y) {
        assertGradientMatchesDifferences(new Himmelblau(), x, y);
    }

    @Property(tries = 200, seed = "20261122")
    void rosenbrockGradient(@ForAll @DoubleRange(min = -2, max = 2) double x,
                            @ForAll @DoubleRange(min = -1, max = 3) double y) {
        assertGradientMatchesDifferences(new Rosenbrock(), x, y);
    }

    @Property(tries = 200, seed = "20261122")
    void saddleGradient(@ForAll @DoubleRange(min = -2, max = 2) double x,
                        @ForAll @DoubleRange(min = -2, max = 2) double y) {
        assertGradientMatchesDifferences(new Saddle(), x, y);
    }

    /**
     * Bukin N.6 is not differentiable on the ridge y = 0.01x² nor at x = −10, and near the ridge its
     * third derivative grows like |u|^(−5/2) (u = y − 0.01x²); points are kept 0.01 from the ridge
     * and 1e-3 from x = −10 so that central differences are meaningful.
     */
    @Property(tries = 200, seed = "20261122")
    void bukinGradientAwayFromTheRidge(@ForAll @DoubleRange(min = -15, max = -5) double x,
                                       @ForAll @DoubleRange(min = -3, max = 3) double y) {
        Assume.that(Math.abs(y - 0.01 * x * x) > 0.01);
        Assume.that(Math.abs(x + 10) > 1e-3);
        assertGradientMatchesDifferences(new BukinN6(), x, y);
    }

    @Property(tries = 200, seed = "20261122")
    void xCosCxGradient(@ForAll @DoubleRange(min = -10, max = 10) double x,
                        @ForAll @DoubleRange(min = 0.1, max = 3) double c) {
        assertGradientMatchesDifferences(new XCosCx(c), x);
    }

    // ---------------------------------------------------------------- gradients: seeded loops

    @Test
    void sphereGradientInEveryDimensionAt200SeededPoints() {
        Random r = new Random(2024);
        for (int k = 0; k < 200; k++) {
            int d = 1 + r.nextInt(8);
            double[] p = new double[d];
            for (int i = 0; i < d; i++) p[i] = 10 * r.nextDouble() - 5;
            Sphere s = new Sphere(d);
            assertGradientMatchesDifferences(s, p);
            double[] twice = new double[d];
            for (int i = 0; i < d; i++) twice[i] = 2 * p[i];
            assertArrayEquals(twice, gradient(s, p), 0.0);
        }
    }

    @Test
    void sampleMseGradientAt200SeededPoints() {
        Random r = new Random(7);
        for (int k = 0; k < 200; k++) {
            double[] sample = new double[1 + r.nextInt(20)];
            for (int i = 0; i < sample.length; i++) sample[i] = 5 + 3 * r.nextGaussian();
            SampleMse f = new SampleMse(sample);
            double mu = 20 * r.nextDouble() - 5;
            assertGradientMatchesDifferences(f, mu);
            // MSE(μ) is the literal average of squared deviations.
            double direct = 0;
            for (double v : sample) direct += (mu - v) * (mu - v);
            direct /= sample.length;
            assertEquals(direct, f.value(new double[] {mu}), 1e-10 * (1 + direct));
        }
    }

    @Test
    void everyPlaneFunctionAt200SeededPointsOfItsWindow() {
        TestFunction[] functions = {new QuadraticBowl(1), new QuadraticBowl(10), new QuadraticBowl(100),
            new Himmelblau(), new Rosenbrock(), new Saddle()};
        Random r = new Random(11);
        for (TestFunction f : functions) {
            double[] w = f.window();
            for (int k = 0; k < 200; k++) {
                double x = w[0] + (w[1] - w[0]) * r.nextDouble();
                double y = w[2] + (w[3] - w[2]) * r.nextDouble();
                assertGradientMatchesDifferences(f, x, y);
            }
        }
    }

    // ---------------------------------------------------------------- minima

    /** The four minima of Himmelblau's function, all of value 0 (Himmelblau 1972; Surjanovic & Bingham). */
    private static final double[][] HIMMELBLAU_LITERATURE = {
        {3, 2}, {-2.805118, 3.131312}, {-3.779310, -3.283186}, {3.584428, -1.848126}};

    @Test
    void himmelblauHasItsFourLiteratureMinimaOfValueZero() {
        Himmelblau f = new Himmelblau();
        double[][] minima = f.minima();
        assertEquals(4, minima.length);
        for (int k = 0; k < 4; k++) {
            // listed to more digits than the literature's six decimals, and in the same order
            assertArrayEquals(HIMMELBLAU_LITERATURE[k], minima[k], 1e-6);
            // at the listed (precise) point: value 0 and gradient 0 up to rounding
            assertEquals(0, f.value(minima[k]), 1e-20);
            assertTrue(norm(gradient(f, minima[k])) < 1e-10, Arrays.toString(gradient(f, minima[k])));
            // at the six-decimal literature point: value 0 up to the rounding of the coordinates
            assertEquals(0, f.value(HIMMELBLAU_LITERATURE[k]), 1e-9);
            assertIsLocalMinimum(f, minima[k]);
        }
        // (3, 2) is exact
        assertEquals(0.0, f.value(new double[] {3, 2}), 0.0);
        assertArrayEquals(new double[] {0, 0}, gradient(f, 3, 2), 0.0);
    }

    @Test
    void rosenbrockMinimumIsZeroAtOneOne() {
        Rosenbrock f = new Rosenbrock();
        assertArrayEquals(new double[][] {{1, 1}}, f.minima());
        assertEquals(0.0, f.value(new double[] {1, 1}), 0.0);
        assertArrayEquals(new double[] {0, 0}, gradient(f, 1, 1), 0.0);
        assertIsLocalMinimum(f, new double[] {1, 1});
        // the classic start (−1.2, 1): f = 24.2 (Rosenbrock 1960)
        assertEquals(24.2, f.value(new double[] {-1.2, 1}), 1e-12);
    }

    @Test
    void bukinMinimumIsZeroAtMinusTenOne() {
        BukinN6 f = new BukinN6();
        assertArrayEquals(new double[][] {{-10, 1}}, f.minima());
        assertEquals(0.0, f.value(new double[] {-10, 1}), 0.0);
        // not differentiable there; the documented convention sign(0) = 0 gives the zero vector
        assertArrayEquals(new double[] {0, 0}, gradient(f, -10, 1), 0.0);
        // elsewhere on the ridge y = 0.01x² the value is 0.01|x + 10| > 0; off it, larger still
        for (double x = -15; x <= -5; x += 0.5) {
            assertEquals(0.01 * Math.abs(x + 10), f.value(new double[] {x, 0.01 * x * x}), 1e-12);
        }
        double[] w = f.window();
        Random r = new Random(3);
        for (int k = 0; k < 1000; k++) {
            double[] p = {w[0] + (w[1] - w[0]) * r.nextDouble(), w[2] + (w[3] - w[2]) * r.nextDouble()};
            assertTrue(f.value(p) > 0, Arrays.toString(p));
        }
    }

    @Test
    void quadraticBowlMinimumIsZeroAtTheOriginForAnyConditionNumber() {
        for (double kappa : new double[] {1, 2.5, 10, 1000}) {
            QuadraticBowl f = new QuadraticBowl(kappa);
            assertArrayEquals(new double[][] {{0, 0}}, f.minima());
            assertEquals(0.0, f.value(new double[] {0, 0}), 0.0);
            assertArrayEquals(new double[] {0, 0}, gradient(f, 0, 0), 0.0);
            // the Hessian is diag(1, κ): f(1, 0) = ½ and f(0, 1) = κ/2, their ratio is κ
            assertEquals(kappa, f.value(new double[] {0, 1}) / f.value(new double[] {1, 0}), 1e-12);
            assertIsLocalMinimum(f, new double[] {0, 0});
        }
        assertEquals("Quadratic bowl", new QuadraticBowl(1).name());
        assertEquals("Quadratic bowl (κ=10)", new QuadraticBowl(10).name());
        assertEquals("Quadratic bowl (κ=2.5)", new QuadraticBowl(2.5).name());
    }

    @Test
    void sphereMinimumIsZeroAtTheOriginInEveryDimension() {
        for (int d = 1; d <= 6; d++) {
            Sphere f = new Sphere(d);
            double[][] minima = f.minima();
            assertEquals(1, minima.length);
            assertArrayEquals(new double[d], minima[0], 0.0);
            assertEquals(0.0, f.value(new double[d]), 0.0);
            assertArrayEquals(new double[d], gradient(f, new double[d]), 0.0);
            assertIsLocalMinimum(f, new double[d]);
        }
    }

    @Test
    void saddleHasAStationaryPointButNoMinimum() {
        Saddle f = new Saddle();
        assertEquals(0, f.minima().length);
        assertEquals(0.0, f.value(new double[] {0, 0}), 0.0);
        assertArrayEquals(new double[] {0, 0}, gradient(f, 0, 0), 0.0);
        // a minimum along x, a maximum along y
        assertTrue(f.value(new double[] {1e-3, 0}) > 0);
        assertTrue(f.value(new double[] {0, 1e-3}) < 0);
    }

    @Test
    void sampleMseIsLowestAtTheMeanWithTheVarianceAsValue() {
        double[] sample = {2, 4, 4, 4, 5, 5, 7, 9}; // mean 5, population variance 4
        SampleMse f = new SampleMse(sample);
        assertEquals(5, f.mean(), 0.0);
        assertArrayEquals(new double[][] {{5}}, f.minima());
        assertEquals(4, f.value(new double[] {5}), 1e-12);
        assertEquals(0.0, gradient(f, 5)[0], 0.0);
        assertIsLocalMinimum(f, new double[] {5});
        // window = mean ± 3 sd = 5 ± 6
        assertArrayEquals(new double[] {-1, 11}, f.window(), 1e-12);
    }

    /**
     * The local minima of x·cos(x) are where f′ = cos x − x sin x = 0 with f″ > 0, i.e. roots of
     * x·tan x = 1: ±0.8603335890193798, ±3.4256184594817283, ±6.437298179171947, … with alternating
     * sign; those in the window [−3π, 3π] are −6.4373, −0.8603 and 3.4256. For x·cos(cx) they scale
     * by 1/c and the values stay x·cos(cx) at those points.
     */
    @Test
    void xCosCxListsTheLocalMinimaOfItsWindow() {
        double[] expected = {-6.437298179171947, -0.8603335890193798, 3.4256184594817283};
        for (double c : new double[] {1, 2.5, 0.5}) {
            XCosCx f = new XCosCx(c);
            double[][] minima = f.minima();
            assertEquals(expected.length, minima.length, "c = " + c);
            for (int k = 0; k < expected.length; k++) {
                double x = minima[k][0];
                assertEquals(expected[k] / c, x, 1e-9, "c = " + c);
                assertEquals(x * Math.cos(c * x), f.value(minima[k]), 0.0);
                assertEquals(0, gradient(f, x)[0], 1e-9);
                assertIsLocalMinimum(f, minima[k]);
            }
        }
        // x tan x = 1 at the roots
        for (double x : expected) assertEquals(1, x * Math.tan(x), 1e-12);
    }

    /** f at p is below f at every point 1e-3 away along each axis, both directions. */
    static void assertIsLocalMinimum(Objective f, double[] p) {
        double fp = f.value(p);
        for (int i = 0; i < p.length; i++) {
            for (double step : new double[] {1e-3, -1e-3}) {
                double[] q = p.clone();
                q[i] += step;
                assertTrue(f.value(q) > fp, f + ": f" + Arrays.toString(q) + " should exceed f" + Arrays.toString(p));
            }
        }
    }
}
