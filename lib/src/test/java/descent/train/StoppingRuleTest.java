package descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.function.Sphere;
import descent.loss.MeanSquaredError;
import descent.optim.GradientDescent;
import org.junit.jupiter.api.Test;

/**
 * Each stopping rule on hand-made checkpoints (the value where it fires and the one just beside it),
 * and the rules in a run: the first rule to fire, in the order given, ends it, at the update it says.
 */
class StoppingRuleTest {
    private static final Dataset LECTURE = Datasets.linear(100, 42).withBias();

    private static Checkpoint at(long t, int epoch, double cost, double previous, double[] gradient) {
        return new Checkpoint(t, epoch, cost, previous, 10.0, gradient, new double[] {0, 0});
    }

    @Test
    void maxIterationsFiresAtTheBudgetAndBeforeAnUpdatePastIt() {
        StoppingRule r = StoppingRule.maxIterations(7);
        assertNull(r.atCheck(at(6, 6, 1, 2, new double[2])));
        assertEquals(StopReason.MAX_ITERATIONS, r.atCheck(at(7, 7, 1, 2, new double[2])).reason());
        assertNull(r.beforeUpdate(6));
        assertEquals(StopReason.MAX_ITERATIONS, r.beforeUpdate(7).reason());
    }

    @Test
    void maxEpochsFiresAtTheBudgetAndNeverWithinAnEpoch() {
        StoppingRule r = StoppingRule.maxEpochs(3);
        assertNull(r.atCheck(at(299, 2, 1, 2, new double[2])));
        assertEquals(StopReason.MAX_EPOCHS, r.atCheck(at(300, 3, 1, 2, new double[2])).reason());
        assertNull(r.beforeUpdate(1_000_000));
    }

    @Test
    void lossChangeComparesTheAbsoluteChangeWithEpsilon() {
        StoppingRule r = StoppingRule.lossChange(0.25);  // binary fractions: the differences are exact
        assertNull(r.atCheck(at(1, 1, 1.0, 1.25, new double[2])), "|ΔJ| = ε is not below ε");
        Stop s = r.atCheck(at(1, 1, 1.0, 1.125, new double[2]));
        assertEquals(StopReason.LOSS_CHANGE_BELOW_TOLERANCE, s.reason());
        assertEquals("|ΔJ| = 0.125 < ε = 0.250", s.detail());
        assertEquals(StopReason.LOSS_CHANGE_BELOW_TOLERANCE,
                r.atCheck(at(1, 1, 1.125, 1.0, new double[2])).reason(), "a rise that small counts too");
        assertNull(r.atCheck(at(0, 0, 1.0, Double.NaN, new double[2])), "no check before the start");
    }

    @Test
    void gradientNormUsesTheEuclideanNorm() {
        StoppingRule r = StoppingRule.gradientNorm(1.0);
        assertNull(r.atCheck(at(1, 1, 1, 2, new double[] {0.6, 0.8})), "‖(0.6, 0.8)‖ = 1 is not below 1");
        Stop s = r.atCheck(at(1, 1, 1, 2, new double[] {0.6, 0.79}));
        assertEquals(StopReason.GRADIENT_BELOW_TOLERANCE, s.reason());
        assertTrue(s.detail().startsWith("‖∇J‖ = 0.99"), s.detail());
    }

    @Test
    void rulesRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> StoppingRule.maxIterations(0));
        assertThrows(IllegalArgumentException.class, () -> StoppingRule.maxEpochs(0));
        assertThrows(IllegalArgumentException.class, () -> StoppingRule.lossChange(0));
        assertThrows(IllegalArgumentException.class, () -> StoppingRule.gradientNorm(-1));
    }

    @Test
    void aRuleOfYourOwnStopsTheRunAtItsCheck() {
        // stop at the first check where the cost is below 2.0 (it starts at 227 and ends near 1.16)
        History h = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new GradientDescent(0.1))
                .stopWhen(c -> c.cost() < 2.0 ? new Stop(StopReason.LOSS_CHANGE_BELOW_TOLERANCE, "J < 2") : null)
                .maxIterations(10_000).run();
        double[] costs = h.epochLoss();
        assertTrue(costs[costs.length - 1] < 2.0);
        assertTrue(costs[costs.length - 2] >= 2.0, "it stopped at the first such check, not later");
        assertEquals(costs.length - 1, h.iterations(), "batch mode: one check per update");
        assertTrue(h.message().contains("(J < 2)"), h.message());
    }

    @Test
    void theFirstRuleToFireWinsAndBudgetsComeAfterConvergence() {
        // the budget and the tolerance fire at the same check: the tolerance was given first
        History free = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new GradientDescent(0.1))
                .tolerance(1e-4).maxIterations(1_000_000).run();
        History both = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new GradientDescent(0.1))
                .tolerance(1e-4).maxIterations(free.iterations()).run();
        assertEquals(StopReason.LOSS_CHANGE_BELOW_TOLERANCE, both.stopReason());
        History shorter = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new GradientDescent(0.1))
                .tolerance(1e-4).maxIterations(free.iterations() - 1).run();
        assertEquals(StopReason.MAX_ITERATIONS, shorter.stopReason());
        assertEquals(free.iterations() - 1, shorter.iterations());
    }

    @Test
    void anIterationBudgetStopsWithinAnEpochAndTheCheckStillRecordsTheCost() {
        History h = Descent.of(MeanSquaredError.mean(), LECTURE).minibatch(10).seed(1)
                .optimizer(new GradientDescent(0.05)).maxIterations(25).run();
        assertEquals(StopReason.MAX_ITERATIONS, h.stopReason());
        assertEquals(25, h.iterations());
        assertEquals(2, h.epochs(), "two whole epochs of 10 updates, then 5 of the third");
        assertEquals(4, h.epochLoss().length, "start, two epochs, and the cost where the budget stopped it");
        assertEquals(MeanSquaredError.mean().value(LECTURE, h.weights()), h.finalLoss(), 1e-12);
    }

    @Test
    void aWalkStartingAtTheMinimumTakesNoStep() {
        Path p = Minimizer.walk(new Sphere(2), new GradientDescent(0.1), new double[] {0, 0}, 50, 1e-8);
        assertEquals(0, p.steps());
        assertEquals(StopReason.GRADIENT_BELOW_TOLERANCE, p.stopReason());
    }

    @Test
    void aWalkThatKeepsRisingIsDivergedAtTheFifthRise() {
        // f(x) = x² with η = 1.5: x ← x − 3x = −2x, so f quadruples at every step
        Path p = Minimizer.walk(new Sphere(1), new GradientDescent(1.5), new double[] {1}, 1000);
        assertEquals(StopReason.DIVERGED, p.stopReason());
        assertEquals(5, p.steps());
        assertEquals(1024, p.lastValue(), 0.0);
    }

    @Test
    void aWalkThatRunsOffDownhillIsDivergedPastTenToTheTwelve() {
        // f(x) = −x falls for ever: x ← x + η, so with η = 10¹¹ the point passes 10¹² at step 10
        descent.function.Objective downhill = new descent.function.Objective() {
            public int dimension() { return 1; }
            public double value(double[] p) { return -p[0]; }
            public void gradient(double[] p, double[] g) { g[0] = -1; }
        };
        Path p = Minimizer.walk(downhill, new GradientDescent(1e11), new double[] {1}, 1000);
        assertEquals(StopReason.DIVERGED, p.stopReason());
        assertEquals(10, p.steps());
    }
}
