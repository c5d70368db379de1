package descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.function.Sphere;
import descent.linalg.HessianSpectrum;
import descent.loss.HuberLoss;
import descent.loss.L2Penalty;
import descent.loss.LogLoss;
import descent.loss.Loss;
import descent.loss.MeanSquaredError;
import descent.optim.Adagrad;
import descent.optim.Adam;
import descent.optim.GradientDescent;
import descent.optim.Momentum;
import descent.optim.Nesterov;
import descent.optim.Optimizer;
import descent.optim.RMSprop;
import descent.optim.SignDescent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Divergence is reported whenever it happens, never as a normal stop with a huge cost. */
class DivergenceTest {
    private static final Dataset LECTURE = Datasets.linear(100, 42).withBias();
    private static final Dataset CLASSES = Datasets.twoClass(100, 7).withBias();

    static Stream<Arguments> everyLossAndOptimiser() {
        List<Arguments> cases = new ArrayList<>();
        Object[][] losses = {
            {"MSE", MeanSquaredError.mean(), LECTURE},
            {"Huber", new HuberLoss(1.0), LECTURE},
            {"MSE + L2", L2Penalty.of(MeanSquaredError.mean(), 0.1), LECTURE},
            {"log loss", new LogLoss(), CLASSES},
        };
        Object[][] optimisers = {
            {"GD", (DoubleFunction<Optimizer>) GradientDescent::new},
            {"Momentum", (DoubleFunction<Optimizer>) eta -> new Momentum(eta, 0.9)},
            {"Nesterov", (DoubleFunction<Optimizer>) eta -> new Nesterov(eta, 0.9)},
            {"Adagrad", (DoubleFunction<Optimizer>) Adagrad::new},
            {"RMSprop", (DoubleFunction<Optimizer>) RMSprop::new},
            {"Adam", (DoubleFunction<Optimizer>) Adam::new},
            {"Sign", (DoubleFunction<Optimizer>) SignDescent::new},
        };
        for (Object[] l : losses) {
            for (Object[] o : optimisers) {
                cases.add(Arguments.of(l[0] + " × " + o[0], l[1], l[2], o[1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyLossAndOptimiser")
    void aHugeLearningRateIsReportedAsDivergedInEveryMode(String name, Loss loss, Dataset data,
                                                        DoubleFunction<Optimizer> make) {
        for (int b : new int[] {data.rows(), 10}) {  // batch and minibatch
            Descent d = Descent.of(loss, data).optimizer(make.apply(1e4)).maxIterations(500).seed(3);
            History h = (b == data.rows() ? d : d.minibatch(b)).run();
            assertTrue(h.diverged(), name + ", b = " + b + ": " + h.message());
            assertTrue(h.message().startsWith("Diverged") && h.message().contains("η=10000"), h.message());
        }
    }

    @Test
    void gradientDescentJustAboveItsBoundIsCaughtBeforeTheBudgetEnds() {
        double bound = HessianSpectrum.of(MeanSquaredError.mean(), LECTURE).stabilityBound();
        History h = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new GradientDescent(1.02 * bound))
                .maxIterations(30).run();
        // the cost grows by about (1 − 1.02·2)² ≈ 1.08 per step: 30 steps make it ten times larger
        assertTrue(h.diverged(), h.message());
        assertTrue(h.message().contains(String.format(java.util.Locale.ROOT, "η < 2/λ_max = %.4g", bound)), h.message());
        History fine = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new GradientDescent(0.98 * bound))
                .maxIterations(30).run();
        assertFalse(fine.diverged(), fine.message());
    }

    @Test
    void aShortBudgetThatOnlySawTheCostRiseIsReportedAsDiverged() {
        double bound = HessianSpectrum.of(MeanSquaredError.mean(), LECTURE).stabilityBound();
        History three = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new GradientDescent(1.4 * bound))
                .maxIterations(3).run();
        assertTrue(three.diverged(), three.message());
        assertTrue(three.message().contains("rose at every one of its 3 checks"), three.message());
        History one = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new GradientDescent(1.4 * bound))
                .maxIterations(1).run();
        assertFalse(one.diverged(), "one step up is not yet a trend: " + one.message());
    }

    @Test
    void momentumIsToldItsOwnBoundNotTheBoundOfGradientDescent() {
        HessianSpectrum h = HessianSpectrum.of(MeanSquaredError.mean(), LECTURE);
        double mu = 0.5, bound = 2 * (1 + mu) / h.lambdaMax();
        // between the two bounds: plain GD would diverge, heavy-ball momentum converges
        History calm = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new Momentum(0.9 * bound, mu))
                .maxIterations(2_000).run();
        assertFalse(calm.diverged(), calm.message());
        History wild = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new Momentum(1.1 * bound, mu))
                .maxIterations(2_000).run();
        assertTrue(wild.diverged(), wild.message());
        assertTrue(wild.message().contains(String.format(java.util.Locale.ROOT, "η < 2(1 + μ)/λ_max = %.4g", bound)),
                wild.message());
    }

    @Test
    void noBoundIsQuotedWhereNoneHolds() {
        History adam = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new Adam(1e4)).maxIterations(200).run();
        assertTrue(adam.diverged());
        assertFalse(adam.message().contains("λ_max"), adam.message());
    }

    @Test
    void aMinibatchRunIsToldTheFullBatchBoundItsRateMustBeBelowAsWell() {
        HessianSpectrum h = HessianSpectrum.of(MeanSquaredError.mean(), LECTURE);
        History minibatch = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new GradientDescent(5))
                .minibatch(10).seed(1).maxIterations(500).run();
        assertTrue(minibatch.diverged());
        assertTrue(minibatch.message().contains(String.format(java.util.Locale.ROOT,
                "even full-batch GD(η=5) converges only for η < 2/λ_max = %.4g", 2 / h.lambdaMax())), minibatch.message());
    }

    @Test
    void aWalkThatClimbsAboveItsStartIsDivergedLongBeforeItRunsOff() {
        // f = Σ x²: λ = 2 everywhere, so fixed steps diverge for η > 1; at 1.05 |x| grows 10 % a step
        Path p = Minimizer.walk(new Sphere(2), new GradientDescent(1.05), new double[] {1, 1}, 1_000);
        assertTrue(p.diverged(), p.toString());
        assertEquals(5, p.steps(), "five steps uphill above the start");
        Path fine = Minimizer.walk(new Sphere(2), new GradientDescent(0.95), new double[] {1, 1}, 1_000);
        assertFalse(fine.diverged(), fine.toString());
    }
}
