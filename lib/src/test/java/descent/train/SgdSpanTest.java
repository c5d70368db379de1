package descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.data.RowBlock;
import descent.loss.HuberLoss;
import descent.loss.L2Penalty;
import descent.loss.LogLoss;
import descent.loss.Loss;
import descent.loss.MeanSquaredError;
import descent.optim.GradientDescent;
import descent.schedule.Schedules;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Per-sample SGD's spans (the loop's updates made in one go by the gradient core) against the same
 * run made one update at a time: the same bits in everything a run reports, whatever ends a span (a
 * recorded point, the listener, a budget, the end of a chunk, divergence). The reference run has a
 * stopping rule of the caller's own that may stop before any update, which the loop cannot see
 * into, so it asks it before every update and makes them one by one, through the public one-row
 * loss call and {@code Optimizer.step}.
 */
class SgdSpanTest {
    /** A rule of the caller's own that never fires, but could before any update: no spans. */
    private static final StoppingRule ONE_AT_A_TIME = new StoppingRule() {
        @Override
        public Stop atCheck(Checkpoint c) {
            return null;
        }

        @Override
        public Stop beforeUpdate(long t) {
            return null;
        }
    };

    private static final Dataset REGRESSION = Datasets.linear(1500, 4, new double[] {1, -2, 0.5, 3}, 0.3, 7).withBias();
    private static final Dataset CLASSES = Datasets.twoClass(1300, 11).withBias();

    /** Counts the one-row calls a run makes, passing everything (spans included) to the loss it wraps. */
    private static final class CountingLoss implements Loss {
        final Loss inner;
        int oneRowCalls;
        int spanCalls;

        CountingLoss(Loss inner) {
            this.inner = inner;
        }

        @Override
        public double valueAndGradient(Dataset data, double[] w, double[] grad) {
            return inner.valueAndGradient(data, w, grad);
        }

        @Override
        public double valueAndGradient(Dataset data, double[] w, int[] rows, int from, int to, double[] grad) {
            return inner.valueAndGradient(data, w, rows, from, to, grad);
        }

        @Override
        public double valueAndGradient(RowBlock block, int from, int to, double[] w, double[] grad) {
            oneRowCalls++;
            return inner.valueAndGradient(block, from, to, w, grad);
        }

        @Override
        public int sgdSteps(RowBlock block, int from, int to, double[] w, double[] etas, double costLimit, double[] costs) {
            spanCalls++;
            return inner.sgdSteps(block, from, to, w, etas, costLimit, costs);
        }

        @Override
        public double value(Dataset data, double[] w) {
            return inner.value(data, w);
        }

        @Override
        public String name() {
            return inner.name();
        }
    }

    private record Run(History history, CountingLoss loss) {}

    private static Run run(Loss loss, Dataset data, boolean spans, UnaryOperator<Descent> settings) {
        CountingLoss counting = new CountingLoss(loss);
        Descent d = settings.apply(Descent.of(counting, data).stochastic().seed(5).init(Init.random(3, 0.1)).tolerance(0));
        if (spans) d.onProgress(1_000_000_000L, p -> {});  // a listener that is due only at the end, in both runs
        else d.stopWhen(ONE_AT_A_TIME).onProgress(1_000_000_000L, p -> {});
        return new Run(d.run(), counting);
    }

    /** Everything a History reports, bit for bit. */
    private static void assertSameRun(History expected, History actual) {
        assertArrayEquals(expected.weights(), actual.weights(), 0.0, "final weights");
        assertArrayEquals(expected.iterationLoss(), actual.iterationLoss(), 0.0, "each update's cost");
        assertArrayEquals(expected.epochLoss(), actual.epochLoss(), 0.0, "the checks' costs");
        assertArrayEquals(expected.trajectorySteps(), actual.trajectorySteps(), "recorded steps");
        double[][] e = expected.trajectory(), a = actual.trajectory();
        assertEquals(e.length, a.length);
        for (int i = 0; i < e.length; i++) assertArrayEquals(e[i], a[i], 0.0, "recorded point " + i);
        assertEquals(expected.iterations(), actual.iterations(), "updates");
        assertEquals(expected.epochs(), actual.epochs(), "epochs");
        assertEquals(expected.stopReason(), actual.stopReason());
        assertEquals(expected.message(), actual.message());
    }

    private static void assertSpansGiveTheSameRun(Loss loss, Dataset data, UnaryOperator<Descent> settings) {
        Run oneByOne = run(loss, data, false, settings);
        Run spans = run(loss, data, true, settings);
        assertSameRun(oneByOne.history(), spans.history());
        assertEquals(0, oneByOne.loss().spanCalls, "the reference run makes no spans");
        assertEquals(oneByOne.history().iterations(), oneByOne.loss().oneRowCalls, "one call per update in the reference");
        assertTrue(spans.loss().spanCalls > 0, "the run made spans");
    }

    @Test
    void everyLinearLossGivesTheSameRunInSpans() {
        UnaryOperator<Descent> threeEpochs = d -> d.optimizer(new GradientDescent(0.01)).maxEpochs(3);
        assertSpansGiveTheSameRun(MeanSquaredError.mean(), REGRESSION, threeEpochs);
        assertSpansGiveTheSameRun(new LogLoss(), CLASSES, threeEpochs);
        assertSpansGiveTheSameRun(new HuberLoss(1.0), REGRESSION, threeEpochs);
        // the two-column rows take the core's other dot product
        assertSpansGiveTheSameRun(MeanSquaredError.mean(), Datasets.linear(900, 5).withBias(), threeEpochs);
    }

    @Test
    void spansMakeEveryUpdateWhenNothingHappensBetweenThem() {
        Run spans = run(MeanSquaredError.mean(), REGRESSION, true, d -> d.optimizer(new GradientDescent(0.01))
                .maxEpochs(2).recordEvery(2000));
        assertEquals(3000, spans.history().iterations());
        assertEquals(0, spans.loss().oneRowCalls, "no update went one at a time");
        // chunks of 512 rows: ⌈1500 / 512⌉ = 3 spans an epoch, with a record at update 2000 cutting one
        assertEquals(7, spans.loss().spanCalls);
    }

    @Test
    void aScheduleTheRecorderAndABudgetWithinAChunkKeepTheBits() {
        assertSpansGiveTheSameRun(MeanSquaredError.mean(), REGRESSION, d -> d
                .optimizer(new GradientDescent(Schedules.inverseTime(5, 50))).maxEpochs(4).maxIterations(4321)
                .recordEvery(7, 40));
        assertSpansGiveTheSameRun(new LogLoss(), CLASSES, d -> d.minibatch(1)
                .optimizer(new GradientDescent(Schedules.stepDecay(0.5, 0.5, 700))).maxEpochs(2).recordEvery(1, 25));
    }

    private static List<String> progressSeen(boolean spans) {
        List<String> seen = new ArrayList<>();
        Descent d = Descent.of(MeanSquaredError.mean(), REGRESSION).stochastic().seed(5)
                .optimizer(new GradientDescent(0.01)).maxEpochs(2).tolerance(0)
                .onProgress(333, p -> seen.add(p.iteration() + " " + p.epoch() + " " + p.loss() + " "
                        + java.util.Arrays.toString(p.weights()) + " " + p.history().length));
        if (!spans) d.stopWhen(ONE_AT_A_TIME);
        d.run();
        return seen;
    }

    @Test
    void theListenerSeesTheSameProgressAtTheSameUpdates() {
        List<String> reference = progressSeen(false);
        assertEquals(3000 / 333 + 1, reference.size(), "every 333 updates and once at the end");
        assertEquals(reference, progressSeen(true));
    }

    @Test
    void divergenceInsideASpanIsReportedAtTheSameUpdateWithTheSameMessage() {
        // η far above 2/λ_max: the costs run away within the first epoch
        UnaryOperator<Descent> tooFast = d -> d.optimizer(new GradientDescent(3.0)).maxEpochs(5).recordEvery(1000);
        Run oneByOne = run(MeanSquaredError.mean(), REGRESSION, false, tooFast);
        Run spans = run(MeanSquaredError.mean(), REGRESSION, true, tooFast);
        assertEquals(StopReason.DIVERGED, oneByOne.history().stopReason(), oneByOne.history().message());
        assertTrue(oneByOne.history().iterations() > 1, "diverged after some updates: " + oneByOne.history().message());
        assertSameRun(oneByOne.history(), spans.history());
        assertTrue(spans.loss().oneRowCalls >= 1, "the diverging update was made one at a time, where the check sees it");
    }

    @Test
    void aPenalisedLossHasNoPerRowFormAndRunsOneUpdateAtATime() {
        Loss ridge = L2Penalty.of(MeanSquaredError.mean(), 0.1);
        Run spans = run(ridge, REGRESSION, true, d -> d.optimizer(new GradientDescent(0.01)).maxEpochs(1));
        assertEquals(1500, spans.loss().oneRowCalls);
        assertSameRun(run(ridge, REGRESSION, false, d -> d.optimizer(new GradientDescent(0.01)).maxEpochs(1)).history(),
                spans.history());
    }
}
