package descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.data.RowFile;
import descent.loss.L2Penalty;
import descent.loss.LogLoss;
import descent.loss.Loss;
import descent.loss.MeanSquaredError;
import descent.optim.Adam;
import descent.optim.GradientDescent;
import descent.optim.Momentum;
import descent.optim.Optimizer;
import descent.schedule.Schedules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on a {@link RowFile} against the same run on the rows in memory: the in-memory loop (its own
 * sampler, its own sums, tested on its own) following the same block shuffle must give the same bits.
 */
class StreamedDescentTest {
    @TempDir
    static Path dir;
    /** 3.3 blocks of rows, so that windows, short last blocks and multi-block sums all occur. */
    static Dataset data;
    static RowFile file;

    @BeforeAll
    static void write() {
        data = Datasets.linear(27_000, 4, new double[] {1, -2, 0.5, 3}, 0.3, 7).withBias();
        file = RowFile.write(data, dir.resolve("linear.rows"));
    }

    private static void same(Function<Descent, Descent> setUp, Loss loss, Dataset memory, RowFile streamed) {
        History inMemory = setUp.apply(Descent.of(loss, memory)).run();
        History fromFile = setUp.apply(Descent.of(loss, streamed)).run();
        assertArrayEquals(inMemory.weights(), fromFile.weights(), 0.0, "weights");
        assertArrayEquals(inMemory.iterationLoss(), fromFile.iterationLoss(), 0.0, "costs of the updates");
        assertArrayEquals(inMemory.epochLoss(), fromFile.epochLoss(), 0.0, "costs at the checks");
        assertEquals(inMemory.stopReason(), fromFile.stopReason());
        assertTrue(inMemory.iterations() > 0);
    }

    @Test
    void everyModeAndOptimizerGivesTheBitsOfTheRunInMemory() {
        List<Supplier<Optimizer>> optimizers = List.of(() -> new GradientDescent(0.05),
                () -> new GradientDescent(Schedules.inverseScaling(0.05, 0.25)), () -> new Momentum(0.02, 0.9),
                () -> new Adam(0.01));
        for (Supplier<Optimizer> optimizer : optimizers) {
            same(d -> d.optimizer(optimizer.get()).minibatch(32).blockShuffle(2).seed(3).maxEpochs(2),
                    MeanSquaredError.mean(), data, file);
            same(d -> d.optimizer(optimizer.get()).stochastic().blockShuffle(1).seed(4).maxIterations(40_000),
                    MeanSquaredError.half(), data, file);
            same(d -> d.optimizer(optimizer.get()).batch().maxIterations(15), MeanSquaredError.mean(), data, file);
        }
        // batches larger than a block of the core (8,192 rows), smaller than one, and a window of all the blocks
        same(d -> d.optimizer(new Adam(0.05)).minibatch(10_000).blockShuffle(3).seed(5).maxEpochs(3),
                MeanSquaredError.mean(), data, file);
        same(d -> d.optimizer(new GradientDescent(0.05)).minibatch(300).blockShuffle(9).seed(5).maxEpochs(2)
                .tolerance(1e-4), MeanSquaredError.mean(), data, file);
    }

    @Test
    void otherLossesAndPenaltiesStreamToo() {
        Dataset classes = Datasets.twoClass(20_000, 11).withBias();
        RowFile classFile = RowFile.write(classes, dir.resolve("classes.rows"));
        same(d -> d.optimizer(new GradientDescent(0.1)).minibatch(64).blockShuffle(2).seed(1).maxEpochs(2),
                new LogLoss(), classes, classFile);
        same(d -> d.optimizer(new GradientDescent(0.1)).stochastic().blockShuffle(2).seed(1).maxEpochs(1),
                L2Penalty.of(MeanSquaredError.mean(), 0.1), data, file);
        // log loss on targets other than 0 and 1: the file's header names the row, no pass needed
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Descent.of(new LogLoss(), file).optimizer(new GradientDescent(0.1)).maxIterations(1).run());
        assertTrue(e.getMessage().contains("y[0] = " + data.y(0)) && e.getMessage().contains("linear.rows"), e.getMessage());
    }

    @Test
    void divergenceAndProgressAreReportedAsInMemory() {
        same(d -> d.optimizer(new GradientDescent(5)).minibatch(100).blockShuffle(2).seed(2).maxEpochs(3),
                MeanSquaredError.mean(), data, file);
        History diverged = Descent.of(MeanSquaredError.mean(), file).optimizer(new GradientDescent(5)).minibatch(100)
                .maxEpochs(3).run();
        assertTrue(diverged.diverged(), diverged.message());
        assertTrue(diverged.message().contains("streamed from linear.rows"), diverged.message());
        List<Long> seen = new ArrayList<>();
        Descent.of(MeanSquaredError.mean(), file).optimizer(new Adam(0.01)).minibatch(500).maxEpochs(1)
                .onProgress(10, p -> seen.add(p.iteration())).run();
        assertEquals(List.of(10L, 20L, 30L, 40L, 50L, 54L), seen);
    }

    @Test
    void theBlockShuffleIsNotTheFullShuffleAndRandomIndexIsRefused() {
        History block = Descent.of(MeanSquaredError.mean(), data).optimizer(new GradientDescent(0.01)).minibatch(50)
                .blockShuffle(2).seed(9).maxEpochs(1).run();
        History full = Descent.of(MeanSquaredError.mean(), data).optimizer(new GradientDescent(0.01)).minibatch(50)
                .seed(9).maxEpochs(1).run();
        assertFalse(java.util.Arrays.equals(block.weights(), full.weights()));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Descent.of(MeanSquaredError.mean(), file).stochasticRandomIndex());
        assertTrue(e.getMessage().contains("use stochastic()"), e.getMessage());
    }
}
