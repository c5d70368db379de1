package descent.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * TermProbe on Rosenbrock's gradient ∂f/∂x = −2(1 − x) − 400x(y − x²), ∂f/∂y = 200(y − x²), through the check:
 * each slip gets the diagnosis of its term, factor or sign, and the right answer (checked there against finite
 * differences) passes.
 */
class TermProbeTest {
    private static Feedback of(SurfaceExercises.Gradient2D g) {
        return SurfaceExercises.assessRosenbrockGradient(g);
    }

    private static void says(String mistake, String words, SurfaceExercises.Gradient2D g) {
        Feedback f = of(g);
        assertEquals(mistake, f.mistake(), f.message());
        assertTrue(f.message().contains(words), f.message());
    }

    @Test
    void eachSlipIsNamedByItsTermFactorOrSign() {
        assertTrue(of((p, g) -> {
            g[0] = -2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] * p[0]);
            g[1] = 200 * (p[1] - p[0] * p[0]);
        }).passed());
        says("monomial-sign", "the 2x part has the wrong sign", (p, g) -> {
            g[0] = -2 * (1 + p[0]) - 400 * p[0] * (p[1] - p[0] * p[0]);
            g[1] = 200 * (p[1] - p[0] * p[0]);
        });
        says("term", "the term −400x(y − x²) is of the wrong sign", (p, g) -> {
            g[0] = -2 * (1 - p[0]) + 400 * p[0] * (p[1] - p[0] * p[0]);
            g[1] = 200 * (p[1] - p[0] * p[0]);
        });
        says("term", "too small by the factor 400", (p, g) -> {
            g[0] = -2 * (1 - p[0]) - p[0] * (p[1] - p[0] * p[0]);
            g[1] = 200 * (p[1] - p[0] * p[0]);
        });
        says("term-x", "lacks its factor x", (p, g) -> {
            g[0] = -2 * (1 - p[0]) - 400 * (p[1] - p[0] * p[0]);
            g[1] = 200 * (p[1] - p[0] * p[0]);
        });
        says("monomial-x", "400x³ lacks a factor x", (p, g) -> {
            g[0] = -2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0]);
            g[1] = 200 * (p[1] - p[0] * p[0]);
        });
        says("component-1", "twice the right size", (p, g) -> {
            g[0] = -2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] * p[0]);
            g[1] = 400 * (p[1] - p[0] * p[0]);
        });
        says("constant-1", "does not change with x and y", (p, g) -> {
            g[0] = -2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] * p[0]);
            g[1] = 200;
        });
        says("swapped", "exchanged", (p, g) -> {
            g[1] = -2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] * p[0]);
            g[0] = 200 * (p[1] - p[0] * p[0]);
        });
        says("not-written", "never", (p, g) -> g[0] = -2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] * p[0]));
    }

    @Test
    void whatNoTermExplainsIsSaidWithTheValues() {
        // the chain rule forgotten altogether: 2(y − x²) differentiated as if x² were a constant in ∂f/∂x
        Feedback f = of((p, g) -> {
            g[0] = -2 * (1 - p[0]) + 200 * (p[1] - p[0] * p[0]) * p[1];
            g[1] = 200 * (p[1] - p[0] * p[0]);
        });
        assertEquals("other", f.mistake(), f.message());
        assertTrue(f.message().startsWith("at (0.5, 0.5) your gradient is"), f.message());
    }
}
