package descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.loss.LogLoss;
import descent.loss.Loss;
import descent.loss.MeanSquaredError;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sampler's promise: gathering rows into its own block gives bit-for-bit the costs and gradients
 * of reading the shuffled rows in place, epoch after epoch (so the chunk is refilled from each new
 * order), and the row order really is reshuffled every epoch.
 */
class BatchSamplerTest {

    @ParameterizedTest(name = "m = {0}, b = {1}, log loss = {2}")
    @CsvSource({"20, 1, false", "100, 7, false", "512, 32, true", "513, 256, false", "1300, 16, true", "700, 1, true"})
    void gatheredBatchesEqualInPlaceBatchesBitForBit(int m, int b, boolean log) {
        Dataset data = log ? Datasets.twoClass(m, 3).withBias() : Datasets.linear(m, 3).withBias();
        Loss loss = log ? new LogLoss() : MeanSquaredError.mean();
        long seed = 5;
        BatchSampler sampler = new BatchSampler(data, b == 1 ? Mode.STOCHASTIC_SHUFFLED : Mode.MINIBATCH, b, seed);
        Random rng = new Random(seed);
        int[] order = new int[m];
        for (int i = 0; i < m; i++) order[i] = i;
        double[] w = new double[data.cols()];
        Arrays.fill(w, 0.3);
        double[] got = new double[w.length], want = new double[w.length];
        int[] firstOrder = null;
        for (int epoch = 0; epoch < 3; epoch++) {
            sampler.newEpoch();
            Datasets.shuffle(order, rng);
            if (epoch == 0) firstOrder = order.clone();
            else assertNotEquals(Arrays.toString(firstOrder), Arrays.toString(order), "the order was reshuffled");
            assertEquals((m + b - 1) / b, sampler.batchesPerEpoch());
            for (int k = 0; k < sampler.batchesPerEpoch(); k++) {
                w[k % w.length] += 0.01;  // the weights move between batches, as in a run
                double cost = sampler.costAndGradient(loss, k, w, got);
                double expected = loss.valueAndGradient(data, w, order, k * b, Math.min(m, (k + 1) * b), want);
                assertEquals(expected, cost, 0.0, "epoch " + epoch + ", batch " + k);
                assertArrayEquals(want, got, 0.0, "epoch " + epoch + ", batch " + k);
            }
        }
    }
}
