package descent.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The lecture's gradient check on f(x) = Σ x_i² at (1, 2), worked in closed form:
 * forward ((x + h)² − x²)/h = 2x + h exactly, central ((x + h)² − (x − h)²)/(2h) = 2x exactly, so
 * every deviation from those is floating-point rounding (≈ u·f/h).
 */
class GradientCheckTest {
    private static final ToDoubleFunction<double[]> SUM_OF_SQUARES = p -> {
        double s = 0;
        for (double v : p) s += v * v;
        return s;
    };
    private static final double[] LECTURE_POINT = {1, 2};

    /** Σ x² with a chosen (possibly wrong) analytic gradient. */
    private static Objective sumOfSquaresWithGradient(java.util.function.DoubleUnaryOperator derivative) {
        return new Objective() {
            public int dimension() { return 2; }
            public double value(double[] p) { return SUM_OF_SQUARES.applyAsDouble(p); }
            public void gradient(double[] p, double[] g) {
                for (int i = 0; i < p.length; i++) g[i] = derivative.applyAsDouble(p[i]);
            }
        };
    }

    @Test
    void forwardDifferenceWithTheLectureEpsilonIsTwoXPlusH() {
        double h = 1e-7;
        assertEquals(h, GradientCheck.FORWARD_EPSILON, 0.0);
        double[] g = GradientCheck.forward(SUM_OF_SQUARES, LECTURE_POINT);
        // 2x + h = (2.0000001, 4.0000001), up to rounding u·f/h ≈ 1e-16·5/1e-7 ≈ 5e-9
        assertEquals(2 + h, g[0], 1e-8);
        assertEquals(4 + h, g[1], 1e-8);
        // the O(h) truncation error is really there: the forward result is not (2, 4)
        assertTrue(g[0] - 2 > 0.5 * h, "forward difference should overshoot 2 by about h: " + g[0]);
        assertTrue(g[1] - 4 > 0.5 * h, "forward difference should overshoot 4 by about h: " + g[1]);
        // the default step is FORWARD_EPSILON
        assertArrayEquals(GradientCheck.forward(SUM_OF_SQUARES, LECTURE_POINT, h), g, 0.0);
    }

    @Test
    void forwardDifferenceWithALargerStepShowsTheTruncationErrorExactly() {
        // with h = 1/1024 (a power of two) every operation is exact: 2x + h to the last bit
        double h = 1.0 / 1024;
        double[] g = GradientCheck.forward(SUM_OF_SQUARES, LECTURE_POINT, h);
        assertArrayEquals(new double[] {2 + h, 4 + h}, g, 0.0);
        double[] c = GradientCheck.central(SUM_OF_SQUARES, LECTURE_POINT, h);
        assertArrayEquals(new double[] {2, 4}, c, 0.0);
    }

    @Test
    void centralDifferenceIsTwoXUpToRounding() {
        assertEquals(1e-5, GradientCheck.CENTRAL_EPSILON, 0.0);
        double[] g = GradientCheck.central(SUM_OF_SQUARES, LECTURE_POINT);
        assertEquals(2, g[0], 1e-9);
        assertEquals(4, g[1], 1e-9);
        assertArrayEquals(GradientCheck.central(SUM_OF_SQUARES, LECTURE_POINT, 1e-5), g, 0.0);
    }

    @Test
    void truncationErrorOrders() {
        // f = x³ at 1, f′ = 3: forward = 3 + 3h + h², central = 3 + h² (exact algebra)
        ToDoubleFunction<double[]> cube = p -> p[0] * p[0] * p[0];
        double h = 1e-3;
        assertEquals(3 + 3 * h + h * h, GradientCheck.forward(cube, new double[] {1}, h)[0], 1e-10);
        assertEquals(3 + h * h, GradientCheck.central(cube, new double[] {1}, h)[0], 1e-10);
    }

    @Test
    void differencesLeaveThePointUnchanged() {
        double[] p = {1, 2};
        GradientCheck.forward(SUM_OF_SQUARES, p);
        GradientCheck.central(SUM_OF_SQUARES, p);
        GradientCheck.compare(new Sphere(2), p);
        assertArrayEquals(new double[] {1, 2}, p, 0.0);
    }

    @Test
    void compareAcceptsTheRightGradient() {
        GradientCheck.Report r = GradientCheck.compare(sumOfSquaresWithGradient(x -> 2 * x), LECTURE_POINT);
        assertArrayEquals(new double[] {2, 4}, r.analytic(), 0.0);
        assertArrayEquals(new double[] {2, 4}, r.numeric(), 1e-9);
        assertTrue(r.maxRelativeError() < 1e-9, r.toString());
        assertTrue(r.passed(), r.toString());
        assertTrue(r.toString().contains("✔ gradient OK"), r.toString());
        // the library's own Sphere as well
        assertTrue(GradientCheck.compare(new Sphere(2), LECTURE_POINT).passed());
    }

    @Test
    void compareFlagsAnOffByOneGradient() {
        // 2x + 1 at (1, 2) gives (3, 5) against (2, 4): relative errors 1/3 and 1/5
        GradientCheck.Report r = GradientCheck.compare(sumOfSquaresWithGradient(x -> 2 * x + 1), LECTURE_POINT);
        assertArrayEquals(new double[] {3, 5}, r.analytic(), 0.0);
        assertEquals(1.0 / 3, r.maxRelativeError(), 1e-9);
        assertFalse(r.passed(), r.toString());
        assertTrue(r.toString().contains("✘ gradient WRONG"), r.toString());
    }

    @Test
    void compareFlagsAGradientMissingItsFactorTwo() {
        // x against 2x: relative error |x − 2x| / |2x| = ½ in every component
        GradientCheck.Report r = GradientCheck.compare(sumOfSquaresWithGradient(x -> x), LECTURE_POINT);
        assertEquals(0.5, r.maxRelativeError(), 1e-9);
        assertFalse(r.passed());
        assertTrue(r.toString().contains("WRONG"));
    }

    @Test
    void compareFlagsEvenASmallRelativeError() {
        // 2x(1 + e) against 2x: relative error e/(1 + e) ≈ 1e-4, far above the 1e-6 tolerance
        double e = 1e-4;
        GradientCheck.Report r = GradientCheck.compare(sumOfSquaresWithGradient(x -> 2 * x * (1 + e)), LECTURE_POINT);
        assertEquals(e / (1 + e), r.maxRelativeError(), 1e-9);
        assertFalse(r.passed());
    }

    @Test
    void compareAtTheOriginUsesTheAbsoluteFloor() {
        // analytic and numeric both 0: relative error 0/1e-8 = 0, passes
        GradientCheck.Report r = GradientCheck.compare(new Sphere(2), new double[] {0, 0});
        assertEquals(0, r.maxRelativeError(), 0.0);
        assertTrue(r.passed());
        assertEquals(0.5, GradientCheck.Report.relativeError(1, 2), 0.0);
        assertEquals(1e-9 / 1e-8, GradientCheck.Report.relativeError(0, 1e-9), 1e-15);
    }

    @Test
    void reportReturnsCopies() {
        GradientCheck.Report r = GradientCheck.compare(new Sphere(2), LECTURE_POINT);
        r.analytic()[0] = 99;
        r.numeric()[0] = 99;
        assertEquals(2, r.analytic()[0], 0.0);
        assertEquals(2, r.numeric()[0], 1e-9);
    }

    @Test
    void lectureExamplePrintsAsTheNotebookQuotesIt() {
        // notebook 01 prints these digits; the manifest check compares them with its narrative
        double[] g = GradientCheck.forward(p -> p[0] * p[0] + p[1] * p[1], new double[] {1, 2});
        assertEquals("2.00000010", String.format("%.8f", g[0]));
        assertEquals("4.00000009", String.format("%.8f", g[1]));
    }

    @Test
    void centralDifferenceErrorIsExactlyEpsilonSquaredOnACubic() {
        // ((x + ε)³ − (x − ε)³)/(2ε) = 3x² + ε²: at x = 1, ε = 1e-3 the O(ε²) term is 1e-6
        double[] c = GradientCheck.central(p -> p[0] * p[0] * p[0], new double[] {1}, 1e-3);
        assertEquals(3 + 1e-6, c[0], 1e-10);
    }
}
