package descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.data.RowBlock;
import descent.loss.Loss;
import descent.loss.MeanSquaredError;
import descent.optim.GradientDescent;
import descent.optim.Momentum;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the loop does besides the numbers of one run: how often it reads the data, that it resets
 * its optimiser, what it records and reports, and when.
 */
class LoopBehaviourTest {
    private static final Dataset LECTURE = Datasets.linear(100, 42).withBias();

    /** MSE that counts its passes over all the data and over batches. */
    static final class CountingLoss implements Loss {
        final Loss base = MeanSquaredError.mean();
        int whole;
        int batches;

        public double valueAndGradient(Dataset data, double[] w, double[] grad) {
            whole++;
            return base.valueAndGradient(data, w, grad);
        }

        public double valueAndGradient(Dataset data, double[] w, int[] rows, int from, int to, double[] grad) {
            batches++;
            return base.valueAndGradient(data, w, rows, from, to, grad);
        }

        public double valueAndGradient(RowBlock block, int from, int to, double[] w, double[] grad) {
            batches++;
            return base.valueAndGradient(block, from, to, w, grad);
        }

        public double value(Dataset data, double[] w) {
            return base.value(data, w);
        }

        public String name() {
            return "counted MSE";
        }
    }

    @Test
    void batchModeReadsTheDataOncePerIteration() {
        CountingLoss loss = new CountingLoss();
        History h = Descent.of(loss, LECTURE).optimizer(new GradientDescent(0.1)).maxIterations(50).run();
        assertEquals(50, h.iterations());
        assertEquals(51, loss.whole, "the start, then one pass per update: its cost and gradient serve the next update too");
        assertEquals(0, loss.batches);
        History plain = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new GradientDescent(0.1)).maxIterations(50).run();
        assertArrayEquals(plain.iterationLoss(), h.iterationLoss(), 0.0);
    }

    @Test
    void aMinibatchEpochReadsEachBatchOnceAndAllTheDataOnceForItsCheck() {
        CountingLoss loss = new CountingLoss();
        Descent.of(loss, LECTURE).minibatch(30).optimizer(new GradientDescent(0.05)).maxEpochs(3).run();
        assertEquals(3 * 4, loss.batches, "⌈100/30⌉ = 4 batches per epoch");
        assertEquals(1 + 3, loss.whole, "the start and one check per epoch");
    }

    @Test
    void theSameOptimiserObjectRunsTwiceAlike() {
        Momentum shared = new Momentum(0.05, 0.9);
        History first = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(shared).maxIterations(30).run();
        History second = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(shared).maxIterations(30).run();
        assertArrayEquals(first.iterationLoss(), second.iterationLoss(), 0.0, "its velocity was reset before the run");
        Path a = Minimizer.walk(new descent.function.Sphere(2), shared, new double[] {1, 2}, 20);
        Path b = Minimizer.walk(new descent.function.Sphere(2), shared, new double[] {1, 2}, 20);
        assertArrayEquals(a.values(), b.values(), 0.0);
    }

    @Test
    void timesStartAtZeroAndGrow() {
        long before = System.nanoTime();
        History h = Descent.of(MeanSquaredError.mean(), Datasets.linear(2000, 3).withBias()).minibatch(10)
                .optimizer(new GradientDescent(0.01)).maxEpochs(4).run();
        double wall = (System.nanoTime() - before) / 1e9;
        double[] s = h.epochSeconds();
        assertEquals(5, s.length);
        assertEquals(0, s[0], 0.0);
        for (int k = 1; k < s.length; k++) assertTrue(s[k] >= s[k - 1] && s[k] > 0, "epoch " + k + ": " + s[k]);
        assertTrue(h.seconds() >= s[s.length - 1] && h.seconds() <= wall, h.seconds() + " s in a run of " + wall + " s");
        assertEquals(200, h.iterationsPerEpoch());
    }

    @Test
    void theListenerHearsTheLatestBatchCostAndTheEnd() {
        List<Progress> heard = new ArrayList<>();
        History h = Descent.of(MeanSquaredError.mean(), LECTURE).minibatch(25).seed(3).optimizer(new GradientDescent(0.05))
                .maxEpochs(2).onProgress(4, heard::add).run();
        assertEquals(2 + 1, heard.size(), "after updates 4 and 8, and at the end");
        Progress last = heard.get(heard.size() - 1);
        double[] costs = h.iterationLoss();
        assertEquals(costs[costs.length - 1], last.loss(), 0.0);
        assertEquals(4, heard.get(0).iteration());
        assertEquals(costs[3], heard.get(0).loss(), 0.0);
        assertEquals(0, heard.get(0).epoch(), "update 4 ends the first epoch; its check comes after");
        assertEquals(1, heard.get(1).epoch());
    }

    @Test
    void aRunThatStopsAtTheStartReportsItsStartCost() {
        List<Progress> heard = new ArrayList<>();
        History h = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new GradientDescent(0.1))
                .init(n -> new double[] {1e200, 1e200}).maxIterations(5).onProgress(1, heard::add).run();
        assertTrue(h.diverged());
        assertEquals(0, h.iterations());
        assertEquals(1, heard.size());
        assertEquals(h.epochLoss()[0], heard.get(0).loss(), 0.0);
    }

    @Test
    void reportsCountInWords() {
        History one = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new GradientDescent(0.1)).maxIterations(1).run();
        assertTrue(one.message().startsWith("Stopped after 1 iteration (1 epoch, batch, GD(η=0.1))"), one.message());
        History more = Descent.of(MeanSquaredError.mean(), LECTURE).minibatch(32).optimizer(new GradientDescent(0.01))
                .maxEpochs(2).run();
        assertTrue(more.message().startsWith("Stopped after 8 iterations (2 epochs, minibatch b=32, GD(η=0.01))"),
                more.message());
        History sgd = Descent.of(MeanSquaredError.mean(), LECTURE).stochastic().optimizer(new GradientDescent(0.01))
                .maxEpochs(1).run();
        assertTrue(sgd.message().contains("stochastic, shuffled"), sgd.message());
        History random = Descent.of(MeanSquaredError.mean(), LECTURE).stochasticRandomIndex()
                .optimizer(new GradientDescent(0.01)).maxEpochs(1).run();
        assertTrue(random.message().contains("stochastic, random index"), random.message());
        assertTrue(one.toString().endsWith(" Final weights " + java.util.Arrays.toString(one.weights()) + "."));
    }

    @Test
    void aBudgetEndedRunThatRoseAtEveryCheckDiverged() {
        // η just above 2/λ_max: the cost grows slowly, too slowly for the 100× rule within 3 checks
        double bound = descent.linalg.HessianSpectrum.of(MeanSquaredError.mean(), LECTURE).stabilityBound();
        History three = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new GradientDescent(1.3 * bound))
                .init(Init.of(8.5, 5.6)).maxIterations(3).run();
        assertEquals(StopReason.DIVERGED, three.stopReason(), three.message());
        assertTrue(three.message().contains("rose at every one of its 3 checks"), three.message());
        History one = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new GradientDescent(1.3 * bound))
                .init(Init.of(8.5, 5.6)).maxIterations(1).run();
        assertEquals(StopReason.MAX_ITERATIONS, one.stopReason(), "one rise is not yet a trend");
    }

    @Test
    void pathsFindTheFirstStepAtATarget() {
        Path p = Minimizer.walk(new descent.function.Sphere(1), new GradientDescent(0.25), new double[] {1}, 5);
        // x halves each step: f = 1, 1/4, 1/16, …
        assertEquals(1, p.stepsToReach(0.25), "a value equal to the target counts");
        assertEquals(2, p.stepsToReach(0.2));
        assertEquals(-1, p.stepsToReach(1e-9));
        assertEquals(1, p.stepsToReach(new double[] {0}, 0.5), "a distance equal to the radius counts");
        assertEquals(-1, p.stepsToReach(new double[] {0}, 1e-9));
        assertTrue(p.toString().startsWith("GD(η=0.25): 5 steps, ended at [0.03125]"), p.toString());
    }

    @Test
    void aSweepTableHasOneRowPerRun() {
        double best = MeanSquaredError.mean().value(LECTURE, descent.linalg.LeastSquares.solve(LECTURE));
        double[] etas = {0.1, 5};
        List<History> runs = new ArrayList<>();
        for (double eta : etas) {
            runs.add(Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new GradientDescent(eta)).maxIterations(300).run());
        }
        tech.tablesaw.api.Table t = Runs.sweep("η", etas, runs, best);
        assertEquals(2, t.rowCount());
        assertEquals("0.1", t.stringColumn("η").get(0));
        assertEquals(300, t.intColumn("iterations").get(0));
        assertEquals(runs.get(0).finalLoss() - best, t.doubleColumn("final J − J*").get(0), 0.0);
        assertEquals("no", t.stringColumn("diverged?").get(0));
        assertEquals("yes", t.stringColumn("diverged?").get(1));
        assertTrue(t.doubleColumn("final J − J*").isMissing(1), "a diverged run has no final cost to show");
        String html = descent.plot.Show.tableHtml(t);
        assertTrue(html.contains(">—</td>") && html.contains(">yes</td>"), html);
    }

    @Test
    void randomIndexDrawsEachRowFromTheSeededGenerator() {
        History h = Descent.of(MeanSquaredError.mean(), LECTURE).stochasticRandomIndex().seed(5)
                .optimizer(new GradientDescent(0.01)).maxIterations(40).run();
        java.util.Random rng = new java.util.Random(5);
        double[] w = new double[2];
        for (int t = 0; t < 40; t++) {
            int i = rng.nextInt(100);
            double r = LECTURE.x(i, 0) * w[0] + LECTURE.x(i, 1) * w[1] - LECTURE.y(i);
            assertEquals(r * r, h.iterationLoss()[t], 1e-9 * Math.max(1, r * r), "update " + t + ", row " + i);
            for (int j = 0; j < 2; j++) w[j] -= 0.01 * 2 * r * LECTURE.x(i, j);
        }
        assertArrayEquals(w, h.weights(), 1e-9);
    }

    @Test
    void aLongConvergingSgdEpochIsNotMistakenForDivergence() {
        // 2,000 updates per epoch whose mean cost is near J*: the mean, not the sum, is compared with the start
        History h = Descent.of(MeanSquaredError.mean(), Datasets.linear(2000, 8).withBias()).stochastic().seed(2)
                .optimizer(new GradientDescent(0.01)).maxEpochs(3).run();
        assertEquals(StopReason.MAX_EPOCHS, h.stopReason(), h.message());
    }

    @Test
    void anEpochBudgetEndedRunRisingAtEveryCheckDiverged() {
        double bound = descent.linalg.HessianSpectrum.of(MeanSquaredError.mean(), LECTURE).stabilityBound();
        History h = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new GradientDescent(1.3 * bound))
                .init(Init.of(8.5, 5.6)).maxEpochs(3).run();
        assertEquals(StopReason.DIVERGED, h.stopReason(), h.message());
    }

    @Test
    void recordingEveryKStepsKeepsThoseSteps() {
        History h = Descent.of(MeanSquaredError.mean(), LECTURE).optimizer(new GradientDescent(0.1)).recordEvery(5)
                .maxIterations(23).run();
        assertArrayEquals(new long[] {0, 5, 10, 15, 20, 23}, h.trajectorySteps());
    }

    @Test
    void thingsSayWhatTheyAre() {
        assertEquals("zeros", Init.zeros().toString());
        assertTrue(descent.schedule.Schedules.constant(0.1).toString().contains("0.1"));
        assertTrue(descent.loss.Losses.asObjective(MeanSquaredError.mean(), LECTURE).toString().contains("MSE"));
    }
}
