package descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.schedule.Schedules;
import org.junit.jupiter.api.Test;

/** Names, state accessors, step counts and the edges of the constructors' checks. */
class OptimizerDetailsTest {

    @Test
    void namesSayWhichMethodAndSettings() {
        assertEquals("Adam(η=0.1)", new Adam(0.1).name());
        assertEquals("Adam-uncorrected(η=0.1)", new Adam(0.1).withoutBiasCorrection().name());
        assertEquals("RMSprop(η=0.01, ρ=0.9)", new RMSprop(0.01).name());
        assertEquals("RMSprop-miscopied(η=0.01, ρ=0.9)", RMSprop.miscopied(0.01, 0.9).name());
        assertEquals("Adagrad(η=0.5)", new Adagrad(0.5).toString());
        assertEquals("mine", new CustomOptimizer("mine", 0.1, 0, (th, g, eta, t, s) -> { }).name());
    }

    @Test
    void stateAndStepsAreReported() {
        Adagrad a = new Adagrad(0.5);
        assertEquals(0, a.cache().length, "no state before the first step");
        a.step(new double[] {1, 2}, new double[] {3, 4});
        assertArrayEquals(new double[] {9, 16}, a.cache(), 0.0);
        assertEquals(1, a.steps());
        Momentum m = new Momentum(0.1, 0.9);
        assertEquals(0, m.velocity().length);
        m.step(new double[] {1}, new double[] {2});
        assertArrayEquals(new double[] {-0.2}, m.velocity(), 1e-15);
        m.reset();
        assertEquals(0, m.steps());
        for (double v : m.velocity()) assertEquals(0, v, 0.0);
    }

    @Test
    void customOptimisersTakeZeroToSixteenStateVectors() {
        CustomOptimizer.Rule none = (th, g, eta, t, s) -> { };
        new CustomOptimizer("zero", 0.1, 0, none);
        new CustomOptimizer("sixteen", 0.1, 16, none);
        assertThrows(IllegalArgumentException.class, () -> new CustomOptimizer("x", 0.1, -1, none));
        assertThrows(IllegalArgumentException.class, () -> new CustomOptimizer("x", 0.1, 17, none));
    }

    @Test
    void schedulesAcceptARateOfOneAndRejectMore() {
        assertEquals(0.1, Schedules.exponential(0.1, 1.0, 10).rate(50), 0.0);
        assertEquals(0.1, Schedules.stepDecay(0.1, 1.0, 10).rate(50), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Schedules.exponential(0.1, 1.01, 10));
        assertThrows(IllegalArgumentException.class, () -> Schedules.stepDecay(0.1, 0, 10));
        assertEquals(0.1, Schedules.constantRate(Schedules.constant(0.1)), 0.0);
        assertTrue(Double.isNaN(Schedules.constantRate(Schedules.exponential(0.1, 0.5, 10))));
        assertEquals(0.1, new GradientDescent(0.1).learningRate(), 0.0);
        assertTrue(Double.isNaN(new GradientDescent(Schedules.exponential(0.1, 0.5, 10)).stableRateBound(2)),
                "no fixed-step bound for a decaying rate");
        assertEquals(1.0, new GradientDescent(0.1).stableRateBound(2), 0.0);
    }
}
