package descent.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.data.Standardizer;
import descent.loss.LogLoss;
import descent.optim.Adam;
import descent.optim.GradientDescent;
import descent.train.Descent;
import descent.train.History;
import descent.train.Init;
import descent.train.Minimizer;
import descent.train.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The graph as the library's losses and objectives: the autodiff log loss against {@link LogLoss}'s
 * analytic gradient on the breast-cancer data, and models trained by {@link Descent} and
 * {@link Minimizer} with the optimisers, unchanged.
 */
class GraphLossTest {

    /** Logistic regression written as a graph: z = Xw, the mean log loss of z. */
    private static GraphLoss logisticRegression(int n) {
        ParameterLayout layout = new ParameterLayout();
        ParameterLayout.Slot w = layout.add("w", n, 1);
        return new GraphLoss("autodiff log loss", layout, (p, x, y) -> TensorLosses.logLoss(x.matmul(p.get(w)), y));
    }

    private static Dataset breastCancer() {
        Dataset raw = Datasets.breastCancer();
        return Standardizer.fit(raw).transform(raw).withBias();
    }

    @Test
    void theAutodiffLogLossEqualsLogLossOnTheBreastCancerData() {
        Dataset data = breastCancer();
        int n = data.cols();
        GraphLoss graph = logisticRegression(n);
        LogLoss analytic = new LogLoss();
        Random r = new Random(569);
        double worstValue = 0, worstGradient = 0;
        for (int trial = 0; trial < 10; trial++) {
            double[] w = new double[n];
            for (int j = 0; j < n; j++) w[j] = r.nextGaussian() * (trial + 1) * 0.3;
            double[] gGraph = new double[n], gAnalytic = new double[n];
            double jGraph = graph.valueAndGradient(data, w, gGraph), jAnalytic = analytic.valueAndGradient(data, w, gAnalytic);
            worstValue = Math.max(worstValue, Math.abs(jGraph - jAnalytic));
            assertEquals(jAnalytic, graph.value(data, w), 1e-12);
            for (int j = 0; j < n; j++) worstGradient = Math.max(worstGradient, Math.abs(gGraph[j] - gAnalytic[j]));
            // a minibatch: rows picked through an index array
            int[] rows = Datasets.permutation(data.rows(), trial);
            jGraph = graph.valueAndGradient(data, w, rows, 10, 42, gGraph);
            jAnalytic = analytic.valueAndGradient(data, w, rows, 10, 42, gAnalytic);
            worstValue = Math.max(worstValue, Math.abs(jGraph - jAnalytic));
            for (int j = 0; j < n; j++) worstGradient = Math.max(worstGradient, Math.abs(gGraph[j] - gAnalytic[j]));
        }
        System.out.println("GraphLossTest: largest difference from LogLoss: value " + worstValue + ", gradient " + worstGradient);
        assertTrue(worstValue <= 1e-12, "value: " + worstValue);
        assertTrue(worstGradient <= 1e-12, "gradient: " + worstGradient);
    }

    @Test
    void descentTrainsTheGraphAsItTrainsLogLoss() {
        Dataset data = breastCancer();
        for (boolean minibatch : new boolean[] {false, true}) {
            Descent graph = Descent.of(logisticRegression(data.cols()), data), plain = Descent.of(new LogLoss(), data);
            for (Descent d : new Descent[] {graph, plain}) {
                d.optimizer(new GradientDescent(0.1)).init(Init.random(7)).seed(3).maxIterations(300);
                if (minibatch) d.minibatch(32);
            }
            History hGraph = graph.run(), hPlain = plain.run();
            assertFalse(hGraph.diverged(), hGraph.message());
            double[] a = hGraph.weights(), b = hPlain.weights();
            for (int j = 0; j < a.length; j++) assertEquals(b[j], a[j], 1e-10, "weight " + j + ", minibatch " + minibatch);
            assertEquals(hPlain.finalLoss(), hGraph.finalLoss(), 1e-12);
        }
    }

    /** Points in [−1, 1]², labelled 1 where x₁x₂ &gt; 0: no straight line separates the classes. */
    private static Dataset xor(int m, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[m][];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = new double[] {2 * r.nextDouble() - 1, 2 * r.nextDouble() - 1};
            y[i] = x[i][0] * x[i][1] > 0 ? 1 : 0;
        }
        return Dataset.of(x, y);
    }

    @Test
    void descentTrainsANetworkWithAHiddenLayerWithMinibatchesAndAdam() {
        Dataset data = xor(400, 11);
        ParameterLayout layout = new ParameterLayout();
        ParameterLayout.Slot w1 = layout.add("W1", 2, 16), b1 = layout.add("b1", 1, 16);
        ParameterLayout.Slot w2 = layout.add("W2", 16, 1), b2 = layout.add("b2", 1, 1);
        GraphLoss net = new GraphLoss("2-16-1 tanh network", layout, (p, x, y) -> TensorLosses.logLoss(
                x.matmul(p.get(w1)).addRow(p.get(b1)).tanh().matmul(p.get(w2)).addRow(p.get(b2)), y));
        assertEquals(2 * 16 + 16 + 16 + 1, net.parameterCount(data));
        History h = Descent.of(net, data).optimizer(new Adam(0.05)).init(Init.random(5)).seed(1)
                .minibatch(40).maxEpochs(150).run();
        assertFalse(h.diverged(), h.message());
        assertEquals(65, h.weights().length);
        // the best straight line leaves the log loss near log 2 ≈ 0.69 on these classes
        assertTrue(h.finalLoss() < 0.15, "final loss " + h.finalLoss() + "\n" + h);
        double[] theta = h.weights();
        Tensor logits = Tensor.of(data.x(), data.rows(), 2).matmul(layout.bind(theta).get(w1))
                .addRow(layout.bind(theta).get(b1)).tanh().matmul(layout.bind(theta).get(w2)).addRow(layout.bind(theta).get(b2));
        int right = 0;
        for (int i = 0; i < data.rows(); i++) if ((logits.get(i, 0) >= 0 ? 1 : 0) == data.y(i)) right++;
        assertTrue(right >= 0.95 * data.rows(), right + " of " + data.rows() + " right");
    }

    @Test
    void minimizerWalksAGraphObjectiveDownhill() {
        // softmax regression of three classes from two features, written as an Objective
        Random r = new Random(8);
        int m = 90;
        double[] x = new double[m * 3];
        int[] classes = new int[m];
        for (int i = 0; i < m; i++) {
            classes[i] = i % 3;
            x[3 * i] = Math.cos(2 * Math.PI * classes[i] / 3) * 2 + r.nextGaussian() * 0.5;
            x[3 * i + 1] = Math.sin(2 * Math.PI * classes[i] / 3) * 2 + r.nextGaussian() * 0.5;
            x[3 * i + 2] = 1;  // bias column
        }
        Tensor data = Tensor.of(x, m, 3);
        ParameterLayout layout = new ParameterLayout();
        ParameterLayout.Slot w = layout.add("W", 3, 3);
        GraphObjective f = new GraphObjective(layout, p -> TensorLosses.softmaxCrossEntropy(data.matmul(p.get(w)), classes));
        Path path = Minimizer.walk(f, new GradientDescent(0.5), new double[9], 300);
        assertFalse(path.diverged(), path.stopReason().toString());
        assertEquals(Math.log(3), path.values()[0], 1e-12);  // all logits 0: each class 1/3
        assertTrue(path.lastValue() < 0.1, "final cost " + path.lastValue());
        for (int k = 1; k < path.values().length; k++) {
            assertTrue(path.values()[k] <= path.values()[k - 1], "the cost rose at step " + k);
        }
    }
}
