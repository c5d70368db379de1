package descent.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.optim.GradientDescent;
import org.junit.jupiter.api.Test;

/** Each schedule's values worked out by hand from its formula, and a schedule driving an optimiser. */
class SchedulesTest {

    @Test
    void constant() {
        assertEquals(0.3, Schedules.constant(0.3).rate(0), 0.0);
        assertEquals(0.3, Schedules.constant(0.3).rate(1_000_000), 0.0);
    }

    @Test
    void inverseTimeIsTheLecturesAnnealing() {
        // t0/(t + t1) with 5 and 50: 5/50, 5/51, and after 10 epochs of 100 examples 5/1050
        Schedule s = Schedules.inverseTime();
        assertEquals(0.1, s.rate(0), 1e-17);
        assertEquals(5.0 / 51, s.rate(1), 1e-17);
        assertEquals(5.0 / 1050, s.rate(1000), 1e-17);
        assertEquals("η=5/(t+50)", s.toString());
    }

    @Test
    void exponentialHalvesEveryDecayPeriodSmoothly() {
        Schedule s = Schedules.exponential(0.1, 0.5, 100);
        assertEquals(0.1, s.rate(0), 1e-17);
        assertEquals(0.05, s.rate(100), 1e-17);
        assertEquals(0.1 / Math.sqrt(2), s.rate(50), 1e-16);
        assertEquals(0.025, s.rate(200), 1e-17);
    }

    @Test
    void stepDecayDropsOnlyAtTheBoundaries() {
        Schedule s = Schedules.stepDecay(0.1, 0.5, 100);
        assertEquals(0.1, s.rate(99), 0.0);
        assertEquals(0.05, s.rate(100), 0.0);
        assertEquals(0.05, s.rate(199), 0.0);
        assertEquals(0.025, s.rate(200), 0.0);
    }

    @Test
    void inverseScalingIsScikitLearnsInvscaling() {
        // eta0 / (t + 1)^power with power 0.25: at t = 15, 0.01 / 16^0.25 = 0.01 / 2
        Schedule s = Schedules.inverseScaling(0.01, 0.25);
        assertEquals(0.01, s.rate(0), 1e-18);
        assertEquals(0.005, s.rate(15), 1e-18);
    }

    @Test
    void warmRestartsFollowHalfACosineAndJumpBack() {
        Schedule s = Schedules.warmRestarts(0.1, 100);
        assertEquals(0.1, s.rate(0), 1e-17);
        assertEquals(0.05, s.rate(50), 1e-16);   // ½η0(1 + cos(π/2))
        assertTrue(s.rate(99) < 0.001, "almost 0 just before the restart");
        assertEquals(0.1, s.rate(100), 1e-17);  // restart
        assertEquals(s.rate(30), s.rate(230), 0.0);
    }

    @Test
    void joinSwitchesAndRestartsTheSecondSchedule() {
        Schedule warmup = t -> 0.001 * (t + 1);
        Schedule s = Schedules.join(warmup, 10, Schedules.stepDecay(0.01, 0.1, 5));
        assertEquals(0.001, s.rate(0), 1e-18);
        assertEquals(0.010, s.rate(9), 1e-17);
        assertEquals(0.01, s.rate(10), 0.0);    // the second schedule at its own t = 0
        assertEquals(0.001, s.rate(15), 1e-17); // … and at its t = 5
    }

    @Test
    void anOptimiserStepsWithTheScheduledRate() {
        // θ ← θ − η(t)·g with g = 1: after two steps 1 − 5/50 − 5/51
        GradientDescent gd = new GradientDescent(Schedules.inverseTime());
        double[] theta = {1};
        gd.step(theta, new double[] {1});
        gd.step(theta, new double[] {1});
        assertEquals(1 - 5.0 / 50 - 5.0 / 51, theta[0], 1e-15);
        assertEquals(5.0 / 52, gd.learningRate(), 1e-17);
    }

    @Test
    void schedulesDescribeThemselvesInOptimiserNames() {
        assertEquals("GD(η=0.1)", new descent.optim.GradientDescent(0.1).name());
        assertEquals("GD(η=5/(t+50))", new descent.optim.GradientDescent(Schedules.inverseTime(5, 50)).name());
        assertEquals("η=0.1 then η=5/(t+50)",
                Schedules.join(Schedules.constant(0.1), 10, Schedules.inverseTime(5, 50)).describe());
        Schedule lambda = t -> 0.1;
        assertTrue(new descent.optim.GradientDescent(lambda).name().startsWith("GD(η(t) of "));
    }
}
