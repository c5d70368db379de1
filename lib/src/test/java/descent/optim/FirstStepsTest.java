package descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Datasets;
import descent.linalg.HessianSpectrum;
import descent.linalg.LeastSquares;
import descent.loss.MeanSquaredError;
import descent.schedule.Schedules;
import org.junit.jupiter.api.Test;

/** First steps worked out by hand from each formula, on θ = (1, 2) with constant ∇J = (0.5, −2). */
class FirstStepsTest {
    private static final double[] G = {0.5, -2};

    private static double[] twoSteps(Optimizer o) {
        double[] theta = {1, 2};
        o.step(theta, G);
        o.step(theta, G);
        return theta;
    }

    @Test
    void handWorkedSteps() {
        // GD η=0.1: θ = (1, 2) − 2·0.1·(0.5, −2) = (0.9, 2.4)
        double[] gd = twoSteps(new GradientDescent(0.1));
        assertEquals(0.9, gd[0], 1e-15);
        assertEquals(2.4, gd[1], 1e-15);
        // Momentum η=0.1 μ=0.5: v1 = −0.1g, v2 = 0.5v1 − 0.1g = −0.15g → θ = θ0 − 0.25g
        double[] mo = twoSteps(new Momentum(0.1, 0.5));
        assertEquals(1 - 0.25 * 0.5, mo[0], 1e-15);
        assertEquals(2 + 0.25 * 2, mo[1], 1e-15);
        // Nesterov: step1 Δ = (1+μ)v1 = −0.15g; step2 Δ = −μv1 + (1+μ)v2 = 0.05g − 0.225g = −0.175g → total −0.325g
        double[] ne = twoSteps(new Nesterov(0.1, 0.5));
        assertEquals(1 - 0.325 * 0.5, ne[0], 1e-15);
        // Adagrad: cache g², 2g² → steps η·g/|g| (1 + 1/√2) (ε negligible at 1e-7 relative)
        double[] ad = twoSteps(new Adagrad(0.1));
        assertEquals(1 - 0.1 * (1 + 1 / Math.sqrt(2)), ad[0], 1e-6);
        // RMSprop ρ=0.9: cache 0.1g², 0.19g² → steps η(1/√0.1 + 1/√0.19)
        double[] rm = twoSteps(new RMSprop(0.1));
        assertEquals(1 - 0.1 * (1 / Math.sqrt(0.1) + 1 / Math.sqrt(0.19)), rm[0], 1e-6);
        // Adam with a constant gradient: m̂ = g, v̂ = g² every step → each step η·sign(g)
        double[] am = twoSteps(new Adam(0.1));
        assertEquals(1 - 0.2, am[0], 1e-7);
        assertEquals(2 + 0.2, am[1], 1e-7);
        double[] raw = {1, 2};
        new Adam(0.1).withoutBiasCorrection().step(raw, G);
        assertEquals(1 - 0.1 * 0.1 / Math.sqrt(0.001), raw[0], 1e-6); // ε = 1e-8 beside √v ≈ 0.03
        double[] sd = twoSteps(new SignDescent(0.1));
        assertEquals(0.8, sd[0], 1e-15);
    }

    @Test
    void miscopiedRmspropCacheExplodes() {
        RMSprop right = new RMSprop(0.01), wrong = RMSprop.miscopied(0.01, 0.9);
        double[] a = {0}, b = {0};
        for (int t = 0; t < 200; t++) {
            right.step(a, new double[] {1});
            wrong.step(b, new double[] {1});
        }
        assertEquals(1, right.cache()[0], 1e-8);
        assertTrue(wrong.cache()[0] > 1e50);
    }

    @Test
    void schedulesAndBounds() {
        assertEquals(0.1, Schedules.inverseTime().rate(0), 1e-15);
        assertEquals(5.0 / 1049, Schedules.inverseTime(5, 50).rate(999), 1e-15);
        assertEquals(0.025, Schedules.stepDecay(0.1, 0.5, 10).rate(25), 1e-15);
        assertEquals(0.05, Schedules.exponential(0.1, 0.5, 10).rate(10), 1e-15);
        var e = assertThrows(IllegalArgumentException.class, () -> new GradientDescent(-1));
        assertEquals("eta = -1.0 is invalid: it must be a finite number > 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Momentum(0.1, 1));
        assertTrue(e.getMessage().startsWith("mu = 1.0 is invalid"));
    }

    @Test
    void closedFormsAgreeWithHandComputation() {
        // y = 1 + 2x exactly on x = 0, 1, 2: the normal equation returns (1, 2).
        var d = descent.data.Dataset.of(new double[][] {{1, 0}, {1, 1}, {1, 2}}, new double[] {1, 3, 5});
        double[] w = LeastSquares.solve(d);
        assertEquals(1, w[0], 1e-12);
        assertEquals(2, w[1], 1e-12);
        // H = (2/3)XᵀX = (2/3)[[3, 3], [3, 5]]: eigenvalues (2/3)(4 ± √10)
        HessianSpectrum h = HessianSpectrum.of(MeanSquaredError.mean(), d);
        assertEquals(2.0 / 3 * (4 + Math.sqrt(10)), h.lambdaMax(), 1e-10);
        assertEquals(2.0 / 3 * (4 - Math.sqrt(10)), h.lambdaMin(), 1e-9);
        assertTrue(LeastSquares.solve(Datasets.linear(100, 42).withBias())[1] > 5);
    }
}
