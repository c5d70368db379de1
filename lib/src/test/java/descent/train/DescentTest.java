package descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.function.Objective;
import descent.linalg.LeastSquares;
import descent.loss.MeanSquaredError;
import descent.optim.GradientDescent;
import descent.schedule.Schedules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DescentTest {
    private final Dataset lecture = Datasets.linear(100, 42).withBias();

    @Test
    void batchDescentReachesTheNormalEquationSolution() {
        double[] exact = LeastSquares.solve(lecture);
        History h = Descent.of(MeanSquaredError.mean(), lecture)
                .optimizer(new GradientDescent(0.1)).init(Init.random(7)).maxIterations(20_000).run();
        assertArrayEquals(exact, h.weights(), 1e-8);
        assertEquals(StopReason.MAX_ITERATIONS, h.stopReason());
        assertEquals(20_000, h.iterationLoss().length);
        assertEquals(20_001, h.epochLoss().length, "start plus one entry per batch epoch");
    }

    @Test
    void batchFirstStepMatchesTheUpdateRuleWorkedByHand() {
        // θ1 = θ0 − η (2/m) Xᵀ(Xθ0 − y) with θ0 = 0: θ1_j = η (2/m) Σ y_i x_ij.
        double eta = 0.05;
        History h = Descent.of(MeanSquaredError.mean(), lecture)
                .optimizer(new GradientDescent(eta)).maxIterations(1).run();
        double[] expected = new double[2];
        for (int i = 0; i < lecture.rows(); i++) {
            for (int j = 0; j < 2; j++) expected[j] += eta * 2.0 / lecture.rows() * lecture.y(i) * lecture.x(i, j);
        }
        assertArrayEquals(expected, h.weights(), 1e-12);
        double j0 = 0;
        for (double y : lecture.y()) j0 += y * y / lecture.rows();
        assertEquals(j0, h.iterationLoss()[0], 1e-10 * j0);
    }

    @Test
    void stochasticRandomIndexFirstStepUsesTheSeededRow() {
        long seed = 3;
        double eta = 0.01;
        int i = new Random(seed).nextInt(lecture.rows());
        History h = Descent.of(MeanSquaredError.mean(), lecture).stochasticRandomIndex()
                .optimizer(new GradientDescent(eta)).seed(seed).maxIterations(1).run();
        // one-example gradient 2 x_i (x_i·w − y_i) at w = 0
        double[] expected = {eta * 2 * lecture.y(i) * lecture.x(i, 0), eta * 2 * lecture.y(i) * lecture.x(i, 1)};
        assertArrayEquals(expected, h.weights(), 1e-12);
    }

    @Test
    void iterationsPerEpochIsTheCeilingOfMOverB() {
        Dataset big = Datasets.linear(10_000, 1, new double[] {3}, 1.0, 5).withBias();
        Descent d = Descent.of(MeanSquaredError.mean(), big).optimizer(new GradientDescent(0.01))
                .minibatch(32).maxEpochs(1);
        assertEquals(313, d.iterationsPerEpoch());
        History h = d.run();
        assertEquals(313, h.iterations());
        assertEquals(1, h.epochs());
        Descent sgd = Descent.of(MeanSquaredError.mean(), lecture).stochastic();
        assertEquals(100, sgd.iterationsPerEpoch());
        assertEquals(1, Descent.of(MeanSquaredError.mean(), lecture).batch().iterationsPerEpoch());
    }

    @Test
    void minibatchOfAllRowsTakesTheSameStepsAsBatch() {
        History batch = Descent.of(MeanSquaredError.mean(), lecture)
                .optimizer(new GradientDescent(0.1)).maxIterations(50).run();
        History whole = Descent.of(MeanSquaredError.mean(), lecture).minibatch(lecture.rows())
                .optimizer(new GradientDescent(0.1)).maxIterations(50).run();
        // the same rows in another order: sums differ only by rounding
        assertArrayEquals(batch.weights(), whole.weights(), 1e-12);
    }

    @Test
    void annealingScheduleSeesTheGlobalUpdateCount() {
        GradientDescent sgd = new GradientDescent(Schedules.inverseTime(5, 50));
        History h = Descent.of(MeanSquaredError.mean(), lecture).stochastic()
                .optimizer(sgd).maxEpochs(10).seed(42).run();
        assertEquals(1000, h.iterations(), "t = epoch·m + i runs to 10·100");
        assertEquals(5.0 / (1000 + 50), sgd.learningRate(), 1e-15);
        double[] exact = LeastSquares.solve(lecture);
        assertArrayEquals(exact, h.weights(), 0.3, "SGD lands near the least-squares answer");
    }

    @Test
    void sameSeedSameHistoryBitForBit() {
        History a = run(11);
        History b = run(11);
        assertArrayEquals(a.iterationLoss(), b.iterationLoss(), 0.0);
        assertArrayEquals(a.weights(), b.weights(), 0.0);
        assertFalse(Arrays.equals(a.iterationLoss(), run(12).iterationLoss()), "another seed, another order");
    }

    private History run(long seed) {
        return Descent.of(MeanSquaredError.mean(), lecture).minibatch(8).seed(seed)
                .optimizer(new GradientDescent(0.05)).maxEpochs(5).run();
    }

    @Test
    void stopsWhenTheCostChangeFallsBelowTolerance() {
        History h = Descent.of(MeanSquaredError.mean(), lecture).optimizer(new GradientDescent(0.1))
                .tolerance(Descent.DEFAULT_TOLERANCE).maxIterations(100_000).run();
        assertEquals(StopReason.LOSS_CHANGE_BELOW_TOLERANCE, h.stopReason());
        double[] e = h.epochLoss();
        assertTrue(Math.abs(e[e.length - 1] - e[e.length - 2]) < 1e-4);
        assertTrue(Math.abs(e[e.length - 2] - e[e.length - 3]) >= 1e-4, "it did not stop late");
    }

    @Test
    void stopsOnASmallGradient() {
        History h = Descent.of(MeanSquaredError.mean(), lecture).optimizer(new GradientDescent(0.1))
                .gradientTolerance(1e-6).maxIterations(100_000).run();
        assertEquals(StopReason.GRADIENT_BELOW_TOLERANCE, h.stopReason());
        assertTrue(h.message().contains("gradient"), h.message());
    }

    @Test
    void divergenceIsReportedNotHiddenAsNaN() {
        History h = Descent.of(MeanSquaredError.mean(), lecture).optimizer(new GradientDescent(2.0))
                .maxIterations(10_000).run();
        assertTrue(h.diverged());
        assertTrue(h.iterations() < 100, "stopped early, after " + h.iterations());
        for (double j : h.iterationLoss()) assertTrue(Double.isFinite(j));
        assertTrue(h.message().contains("Diverged") && h.message().contains("η=2"), h.message());
        assertTrue(h.message().contains("2/λ_max"), h.message());
    }

    @Test
    void trajectoryMemoryIsBoundedAndEvenlySpaced() {
        History h = Descent.of(MeanSquaredError.mean(), lecture).optimizer(new GradientDescent(0.01))
                .recordEvery(1, 100).maxIterations(1000).run();
        long[] steps = h.trajectorySteps();
        assertTrue(steps.length <= 101, "kept " + steps.length);
        assertEquals(0, steps[0]);
        assertEquals(1000, steps[steps.length - 1]);
        long gap = steps[1] - steps[0];
        for (int i = 1; i < steps.length - 1; i++) assertEquals(gap, steps[i] - steps[i - 1]);
        assertArrayEquals(h.weights(), h.trajectory()[steps.length - 1], 0.0);
    }

    @Test
    void listenerHearsProgressAndTheEnd() {
        List<Long> seen = new ArrayList<>();
        Descent.of(MeanSquaredError.mean(), lecture).optimizer(new GradientDescent(0.01))
                .onProgress(25, p -> seen.add(p.iteration())).maxIterations(100).run();
        assertEquals(List.of(25L, 50L, 75L, 100L, 100L), seen);
    }

    @Test
    void badInputIsNamed() {
        Descent d = Descent.of(MeanSquaredError.mean(), lecture);
        assertMessage(() -> d.minibatch(0), "batch size b = 0", "between 1 and m = 100");
        assertMessage(() -> d.minibatch(101), "batch size b = 101", "between 1 and m = 100");
        assertMessage(() -> d.maxIterations(100).run(), "optimizer is not set");
        assertMessage(() -> Descent.of(MeanSquaredError.mean(), lecture)
                .optimizer(new GradientDescent(0.1)).maxIterations(Long.MAX_VALUE), "maxIterations = 9223372036854775807",
                "too large to mean anything");
        assertMessage(() -> Descent.of(MeanSquaredError.mean(), lecture).optimizer(new GradientDescent(0.1))
                .init(Init.of(1, 2, 3)).maxIterations(1).run(), "start has length 3", "length 2");
        assertMessage(() -> d.tolerance(-1), "tolerance = -1.0");
        assertMessage(() -> Init.of(1, Double.NaN), "start[1] = NaN");
    }

    @Test
    void xavierHasVarianceOneOverN() {
        double[] w = Init.xavier(1).weights(40_000);
        double s = 0;
        for (double v : w) s += v * v;
        assertEquals(1.0 / 40_000, s / w.length, 0.05 / 40_000);
    }

    @Test
    void minimizerFollowsTheClosedFormOnAQuadratic() {
        // f = 2 x², f' = 4x: x_k = (1 − 4η)^k x0
        Objective f = new Objective() {
            public int dimension() { return 1; }
            public double value(double[] p) { return 2 * p[0] * p[0]; }
            public void gradient(double[] p, double[] g) { g[0] = 4 * p[0]; }
        };
        Path p = Minimizer.walk(f, new GradientDescent(0.1), new double[] {3}, 20);
        for (int k = 0; k <= 20; k++) assertEquals(3 * Math.pow(0.6, k), p.points()[k][0], 1e-12);
        assertEquals(20, p.steps());
        Path away = Minimizer.walk(f, new GradientDescent(1.0), new double[] {3}, 1000);
        assertTrue(away.diverged(), away.toString());
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
