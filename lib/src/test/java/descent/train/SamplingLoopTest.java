package descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.loss.LogLoss;
import descent.loss.Loss;
import descent.loss.MeanSquaredError;
import descent.optim.GradientDescent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The minibatch and stochastic loops against the loop of the notebooks written out here: for each
 * epoch, shuffle the row order (Fisher–Yates from the run's seeded generator, continuing from the last
 * epoch's order); for each slice of b rows, the cost and the MSE gradient 2/b Σ (x·w − y) x of that
 * slice, then one step w ← w − η∇J. Pins the row order, the reshuffle every epoch, the slices and the
 * update, for small and large m (the library gathers rows in chunks of 512).
 */
class SamplingLoopTest {

    @ParameterizedTest(name = "m = {0}, b = {1}")
    @CsvSource({"20, 1", "20, 3", "20, 20", "100, 7", "512, 32", "513, 256", "700, 1", "1200, 512", "1500, 600"})
    void minibatchHistoryIsShuffleSliceStep(int m, int b) {
        Dataset data = Datasets.linear(m, 5).withBias();
        long seed = 9;
        int epochs = 3;
        double eta = 0.05;
        History h = Descent.of(MeanSquaredError.mean(), data).minibatch(b).seed(seed).optimizer(new GradientDescent(eta))
                .init(Init.zeros()).maxEpochs(epochs).tolerance(0).run();

        int n = data.cols();
        Random rng = new Random(seed);
        int[] order = new int[m];
        for (int i = 0; i < m; i++) order[i] = i;
        double[] w = new double[n];
        List<Double> costs = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            for (int i = m - 1; i > 0; i--) {  // reshuffle every epoch
                int k = rng.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[k];
                order[k] = tmp;
            }
            for (int from = 0; from < m; from += b) {
                int to = Math.min(m, from + b);
                double cost = 0;
                double[] grad = new double[n];
                for (int r = from; r < to; r++) {
                    int i = order[r];
                    double residual = -data.y(i);
                    for (int j = 0; j < n; j++) residual += data.x(i, j) * w[j];
                    cost += residual * residual;
                    for (int j = 0; j < n; j++) grad[j] += 2 * residual * data.x(i, j);
                }
                costs.add(cost / (to - from));
                for (int j = 0; j < n; j++) w[j] -= eta * grad[j] / (to - from);
            }
        }
        double[] expected = costs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] actual = h.iterationLoss();
        assertEquals(expected.length, actual.length, "updates");
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], actual[t], 1e-11 * Math.max(1, Math.abs(expected[t])), "cost of update " + t);
        }
        assertArrayEquals(w, h.weights(), 1e-11, "final weights");
    }

    @Test
    void stochasticIsMinibatchOfOne() {
        Dataset data = Datasets.linear(600, 2).withBias();
        History one = Descent.of(MeanSquaredError.mean(), data).stochastic().seed(4).optimizer(new GradientDescent(0.01))
                .maxEpochs(2).tolerance(0).run();
        History b1 = Descent.of(MeanSquaredError.mean(), data).minibatch(1).seed(4).optimizer(new GradientDescent(0.01))
                .maxEpochs(2).tolerance(0).run();
        assertArrayEquals(b1.iterationLoss(), one.iterationLoss(), 1e-12);
        assertArrayEquals(b1.weights(), one.weights(), 1e-12);
    }

    @Test
    void noRunModifiesTheDataItIsGiven() {
        Dataset regression = Datasets.linear(700, 3).withBias();
        Dataset classes = Datasets.twoClass(700, 3).withBias();
        for (Dataset data : new Dataset[] {regression, classes}) {
            Loss loss = data == regression ? MeanSquaredError.mean() : new LogLoss();
            double[] x = data.x().clone(), y = data.y().clone();
            for (Descent d : new Descent[] {Descent.of(loss, data), Descent.of(loss, data).stochastic(),
                    Descent.of(loss, data).stochasticRandomIndex(), Descent.of(loss, data).minibatch(32),
                    Descent.of(loss, data).minibatch(600)}) {
                d.optimizer(new GradientDescent(0.01)).seed(2).maxEpochs(2).run();
                assertArrayEquals(x, data.x(), "X was modified");
                assertArrayEquals(y, data.y(), "y was modified");
            }
        }
    }
}
