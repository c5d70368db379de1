package descent.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.optim.Adam;
import descent.optim.CustomOptimizer;
import descent.optim.Momentum;
import descent.optim.Optimizer;
import descent.optim.RMSprop;
import org.junit.jupiter.api.Test;

/** The probes and the diagnoses built on them, against steps worked by hand. */
class StepProbeTest {
    private static final int C = StepProbe.CONSTANT, IMPULSE = StepProbe.IMPULSE, ZERO = StepProbe.ZERO;

    @Test
    void momentumStepsAreTheHandWorkedOnes() {
        double[][] s = StepProbe.steps(new Momentum(0.1, 0.5));
        // g = 1 throughout: v = −0.1, −0.15, −0.175
        assertEquals(-0.1, s[0][C], 1e-15);
        assertEquals(-0.15, s[1][C], 1e-15);
        assertEquals(-0.175, s[2][C], 1e-15);
        // g = 1 once: v = −0.1, then halves
        assertEquals(-0.05, s[1][IMPULSE], 1e-15);
        assertEquals(-0.025, s[2][IMPULSE], 1e-15);
        assertEquals(0, s[3][ZERO]);
    }

    @Test
    void theModelsWithTheNotebooksValuesTakeTheLibrarysSteps() {
        AverageLine velocity = AverageLine.of(0.8, -0.02, 1);
        assertTrue(StepProbe.same(StepProbe.steps(MomentumSlips.momentum(0.02, velocity, false)),
                StepProbe.steps(new Momentum(0.02, 0.8))));
        AverageLine cache = AverageLine.of(0.9, 0.1, 2);
        assertTrue(StepProbe.same(StepProbe.steps(AdaptiveSlips.rmsprop(0.1, cache, 1e-7, AdaptiveSlips.Form.RIGHT, false)),
                StepProbe.steps(new RMSprop(0.1))));
        Optimizer adam = AdaptiveSlips.adam(0.1, AverageLine.of(0.9, 0.1, 1), AverageLine.of(0.999, 0.001, 2),
                AdaptiveSlips.correction(0.9, 1), AdaptiveSlips.correction(0.999, 1), 1e-8, AdaptiveSlips.Form.RIGHT);
        double[][] mine = StepProbe.steps(adam), library = StepProbe.steps(new Adam(0.1));
        for (int t = 0; t < StepProbe.STEPS; t++) {
            // on a constant gradient the corrected m̂ = g and v̂ = g², so every step is η·g/(|g| + ε)
            assertEquals(-0.1 / (1 + 1e-8), mine[t][C], 1e-15);
            assertEquals(library[t][C], mine[t][C], 1e-12);
            assertEquals(library[t][StepProbe.HUGE], mine[t][StepProbe.HUGE], 1e-12);
        }
        // RMSprop's first step on g = 1: cache = 0.1, so −η/(√0.1 + ε)
        assertEquals(-0.1 / (Math.sqrt(0.1) + 1e-7), StepProbe.steps(new RMSprop(0.1))[0][C], 1e-12);
    }

    @Test
    void anAverageLineAndItsSlips() {
        assertEquals(1.3, AverageLine.of(0.9, 0.1, 2).next(1, 2), 1e-15);   // 0.9·1 + 0.1·2²
        assertEquals(-0.9, AverageLine.of(0.5, -0.2, 1).next(-1, 2), 1e-15); // 0.5·(−1) − 0.2·2
        var mistakes = AverageLine.of(0.9, 0.1, 2).slips("the cache", "ρ", "(1 − ρ)", "cache").stream()
                .map(AverageLine.Variant::mistake).toList();
        assertTrue(mistakes.contains("weight-plus") && mistakes.contains("swapped"), mistakes.toString());
        var momentum = AverageLine.of(0.8, -0.02, 1).slips("v", "μ", "η", "v").stream()
                .map(AverageLine.Variant::mistake).toList();
        assertTrue(!momentum.contains("weight-plus") && !momentum.contains("swapped"), momentum.toString());
    }

    private static Optimizer momentumRule(CustomOptimizer.Rule rule) {
        return new CustomOptimizer("student", 0.02, 1, rule);
    }

    @Test
    void momentumSlipsAreToldApart() {
        assertEquals("keep-missing", MomentumSlips.momentum(momentumRule((th, g, r, t, s) -> {
            for (int i = 0; i < th.length; i++) { s[0][i] = s[0][i] - r * g[i]; th[i] += s[0][i]; }
        }), 0.8).mistake());
        assertEquals("keep-twice", MomentumSlips.momentum(momentumRule((th, g, r, t, s) -> {
            for (int i = 0; i < th.length; i++) { s[0][i] = 1.6 * s[0][i] - r * g[i]; th[i] += s[0][i]; }
        }), 0.8).mistake());
        Feedback order = MomentumSlips.momentum(momentumRule((th, g, r, t, s) -> {
            for (int i = 0; i < th.length; i++) { th[i] += s[0][i]; s[0][i] = 0.8 * s[0][i] - r * g[i]; }
        }), 0.8);
        assertEquals("order", order.mistake());
        assertTrue(order.message().contains("before"), order.message());
        Feedback twice = StepProbe.property(StepProbe.steps(new Momentum(0.04, 0.8)),
                StepProbe.steps(new Momentum(0.02, 0.8)), 0.02, "velocity v", "θ ← θ + v");
        assertEquals("factor", twice.mistake());
        assertTrue(twice.message().contains("twice"), twice.message());
        assertNull(StepProbe.property(StepProbe.steps(new Momentum(0.02, 0.8)), StepProbe.steps(new Momentum(0.02, 0.8)),
                0.02, "velocity v", "θ ← θ + v"));
    }

    @Test
    void adamsCorrectionsAreToldApartLineByLine() {
        Optimizer mHatPowerT = new CustomOptimizer("student", 0.1, 2, (th, g, r, t, s) -> {
            for (int i = 0; i < th.length; i++) {
                s[0][i] = 0.9 * s[0][i] + 0.1 * g[i];
                s[1][i] = 0.999 * s[1][i] + 0.001 * g[i] * g[i];
                double mHat = s[0][i] / (1 - Math.pow(0.9, t)), vHat = s[1][i] / (1 - Math.pow(0.999, t + 1));
                th[i] -= r * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        });
        Feedback f = AdaptiveSlips.adam(mHatPowerT);
        assertEquals("m-correction-t", f.mistake());
        assertTrue(f.message().contains("one too low"), f.message());
        Optimizer epsInside = new CustomOptimizer("student", 0.1, 2, (th, g, r, t, s) -> {
            for (int i = 0; i < th.length; i++) {
                s[0][i] = 0.9 * s[0][i] + 0.1 * g[i];
                s[1][i] = 0.999 * s[1][i] + 0.001 * g[i] * g[i];
                double mHat = s[0][i] / (1 - Math.pow(0.9, t + 1)), vHat = s[1][i] / (1 - Math.pow(0.999, t + 1));
                th[i] -= r * mHat / Math.sqrt(vHat + 1e-8);
            }
        });
        assertEquals("eps-inside", AdaptiveSlips.adam(epsInside).mistake());
    }

    @Test
    void rmspropsCacheSlips() {
        Optimizer swapped = new CustomOptimizer("student", 0.1, 1, (th, g, r, t, s) -> {
            for (int i = 0; i < th.length; i++) {
                s[0][i] = 0.1 * s[0][i] + 0.9 * g[i] * g[i];
                th[i] -= r * g[i] / (Math.sqrt(s[0][i]) + 1e-7);
            }
        });
        assertEquals("swapped", AdaptiveSlips.rmsprop(swapped).mistake());
        Optimizer negative = new CustomOptimizer("student", 0.1, 1, (th, g, r, t, s) -> {
            for (int i = 0; i < th.length; i++) {
                s[0][i] = 0.9 * s[0][i] - 0.1 * g[i] * g[i];
                th[i] -= r * g[i] / (Math.sqrt(s[0][i]) + 1e-7);
            }
        });
        Feedback f = AdaptiveSlips.rmsprop(negative);
        assertEquals("weight-sign", f.mistake());
        assertTrue(f.message().contains("never negative"), f.message());
    }

    @Test
    void aNearMissIsOneSlipFromPassing() {
        assertTrue(NearMiss.slip("η", 3.0, v -> v == 0.3).contains("ten times too large"));
        assertTrue(NearMiss.slip("η", 0.03, v -> v == 0.3).contains("ten times too small"));   // 0.03 · 10 tidied to 0.3
        assertTrue(NearMiss.slip("b", 600, v -> v >= 601).contains("one too small"));
        assertTrue(NearMiss.slip("μ", -0.8, v -> v == 0.8).contains("wrong sign"));
        assertNull(NearMiss.slip("μ", 0.97, v -> v > 0.5 && v < 0.9));
        Feedback right = Feedback.done("fine");
        assertEquals(right, NearMiss.explain(right, "x", 1, v -> true));
    }
}
