package descent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.function.GradientCheck;
import descent.optim.Adam;
import descent.optim.GradientDescent;
import descent.train.Descent;
import descent.train.History;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MlpTest {

    private static double[] randomTheta(int n, long seed) {
        Random r = new Random(seed);
        double[] t = new double[n];
        for (int k = 0; k < n; k++) t[k] = 0.7 * r.nextGaussian();
        return t;
    }

    @Test
    void aOneUnitNetworkGivesTheHandWorkedCostAndGradient() {
        // 1 → 1 (tanh) → 1, MSE on one row x = 2, y = 0.5; θ = (W1, b1, W2, b2) = (0.5, −0.25, 2, 0.1)
        Mlp net = Mlp.regression(1, Activation.TANH, 1);
        Dataset d = new Dataset(new double[] {2}, new double[] {0.5}, 1);
        double[] theta = {0.5, -0.25, 2, 0.1};
        double a1 = Math.tanh(0.5 * 2 - 0.25), z = 2 * a1 + 0.1, r = z - 0.5;
        double[] grad = new double[4];
        double cost = net.loss().valueAndGradient(d, theta, grad);
        assertEquals(r * r, cost, 1e-15);
        double dz = 2 * r, da1 = dz * 2, dpre = da1 * (1 - a1 * a1);
        assertArrayEquals(new double[] {dpre * 2, dpre, dz * a1, dz}, grad, 1e-14);
    }

    @Test
    void everyHeadAndActivationMatchesCentralDifferences() {
        Dataset x = Datasets.twoMoons(12, 0.1, 3);
        double[] classes = new double[12];
        for (int i = 0; i < 12; i++) classes[i] = i % 3;
        Dataset three = new Dataset(x.x(), classes, 2);
        for (Activation g : Activation.values()) {
            for (Mlp net : new Mlp[] {Mlp.binary(2, g, 4, 3), Mlp.classes(2, 3, g, 5), Mlp.regression(2, g, 4)}) {
                Dataset data = net.toString().contains("softmax") ? three : x;
                double[] theta = randomTheta(net.parameterCount(), 11);
                double[] grad = new double[theta.length];
                net.loss().valueAndGradient(data, theta, grad);
                double[] numeric = GradientCheck.central(t -> net.loss().value(data, t), theta);
                for (int k = 0; k < theta.length; k++) {
                    assertEquals(numeric[k], grad[k], 1e-7 * Math.max(1, Math.abs(numeric[k])), net + " θ[" + k + "]");
                }
            }
        }
    }

    @Test
    void initialisationsHaveTheirPapersScaleAndZeroBiases() {
        Mlp net = Mlp.classes(400, 10, Activation.TANH, 200);
        for (WeightInit scheme : WeightInit.values()) {
            double[] theta = net.init(scheme, 5).weights(net.parameterCount());
            double[][] w1 = net.weights(theta, 1);
            double s = 0;
            for (double[] row : w1) for (double v : row) s += v * v;
            double sd = Math.sqrt(s / (400 * 200));
            double expected = switch (scheme) {
                case ZEROS -> 0;
                case SMALL_RANDOM -> 0.01;
                case XAVIER -> Math.sqrt(2.0 / 600);
                case HE -> Math.sqrt(2.0 / 400);
            };
            assertEquals(expected, sd, 0.02 * expected + 1e-300, scheme.toString());
            for (int k = 400 * 200; k < 400 * 200 + 200; k++) assertEquals(0.0, theta[k], "b1 starts at 0");
        }
        double[] a = net.init(WeightInit.XAVIER, 5).weights(net.parameterCount());
        double[] b = net.init(WeightInit.XAVIER, 5).weights(net.parameterCount());
        double[] c = net.init(WeightInit.XAVIER, 6).weights(net.parameterCount());
        assertArrayEquals(a, b, "the same seed gives the same start");
        assertNotEquals(a[0], c[0]);
    }

    @Test
    void zeroInitialisationKeepsEveryHiddenUnitIdenticalAndXavierDoesNot() {
        Dataset data = Datasets.twoMoons(200, 0.1, 1);
        Mlp net = Mlp.binary(2, Activation.TANH, 6);
        for (WeightInit scheme : new WeightInit[] {WeightInit.ZEROS, WeightInit.XAVIER}) {
            History h = Descent.of(net.loss(), data).optimizer(new GradientDescent(0.5)).init(net.init(scheme, 2))
                    .maxIterations(200).run();
            double[][] w1 = net.weights(h.weights(), 1), w2 = net.weights(h.weights(), 2);
            boolean identical = true;
            for (int u = 1; u < 6; u++) {
                for (int r = 0; r < 2; r++) identical &= w1[r][u] == w1[r][0];
                identical &= w2[u][0] == w2[0][0];
            }
            assertEquals(scheme == WeightInit.ZEROS, identical, scheme + ": hidden units identical after training");
        }
    }

    @Test
    void aHiddenLayerSeparatesTheMoonsThatLogisticRegressionCannot() {
        Dataset data = Datasets.twoMoons(400, 0.1, 7);
        Mlp linear = Mlp.binary(2, Activation.TANH), hidden = Mlp.binary(2, Activation.TANH, 16);
        double[] acc = new double[2];
        Mlp[] nets = {linear, hidden};
        for (int k = 0; k < 2; k++) {
            History h = Descent.of(nets[k].loss(), data).optimizer(new Adam(0.05)).init(nets[k].init(WeightInit.XAVIER, 1))
                    .seed(1).minibatch(32).maxEpochs(150).run();
            assertFalse(h.diverged(), h.message());
            acc[k] = nets[k].accuracy(h.weights(), data);
        }
        assertTrue(acc[0] < 0.9, "a straight line gets " + acc[0]);
        assertTrue(acc[1] > 0.98, "one hidden layer gets " + acc[1]);
    }

    @Test
    void aNetworkLearnsTheDigitsOnHeldOutImages() {
        Dataset raw = Datasets.digits();
        assertEquals(1797, raw.rows());
        assertEquals(64, raw.cols());
        double[] x = raw.x().clone();
        for (int k = 0; k < x.length; k++) x[k] /= 16;
        Datasets.Split split = Datasets.split(new Dataset(x, raw.y(), 64), 0.25, 3);
        Mlp net = Mlp.classes(64, 10, Activation.TANH, 32);
        History h = Descent.of(net.loss(), split.train()).optimizer(new Adam(0.01)).init(net.init(WeightInit.XAVIER, 4))
                .seed(2).minibatch(32).maxEpochs(20).run();
        double accuracy = net.accuracy(h.weights(), split.test());
        assertTrue(accuracy > 0.93, "held-out accuracy " + accuracy);
        assertTrue(net.cost(h.weights(), split.test()) < 0.3);
    }

    @Test
    void badShapesAndTargetsAreNamed() {
        Mlp net = Mlp.classes(2, 3, Activation.RELU, 4);
        Dataset withBias = Datasets.twoMoons(10, 0.1, 1).withBias();
        double[] theta = new double[net.parameterCount()];
        String bias = assertThrows(IllegalArgumentException.class, () -> net.cost(theta, withBias)).getMessage();
        assertTrue(bias.contains("3 columns") && bias.contains("n_0 = 2") && bias.contains("withBias"), bias);
        Dataset moons = Datasets.twoMoons(10, 0.1, 1);
        double[] y = moons.y().clone();
        y[4] = 3;
        String label = assertThrows(IllegalArgumentException.class, () -> net.cost(theta, new Dataset(moons.x(), y, 2))).getMessage();
        assertTrue(label.contains("y[4] = 3.0") && label.contains("0 … 2"), label);
        assertThrows(IllegalArgumentException.class, () -> new Mlp(Head.BINARY, Activation.TANH, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> new Mlp(Head.CLASSES, Activation.TANH, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Mlp(Head.NUMBER, Activation.TANH, 2));
        assertThrows(IllegalArgumentException.class, () -> Mlp.binary(2, Activation.TANH, 0));
        String count = assertThrows(IllegalArgumentException.class, () -> net.init(WeightInit.HE, 1).weights(5)).getMessage();
        assertTrue(count.contains("n = 5") && count.contains(String.valueOf(net.parameterCount())), count);
        assertThrows(IllegalStateException.class, () -> Mlp.regression(2, Activation.TANH, 3).accuracy(new double[13], moons));
    }

    @Test
    void predictionsFollowTheHead() {
        Dataset one = new Dataset(new double[] {1, -1}, new double[] {0}, 2);
        Mlp classes = new Mlp(Head.CLASSES, Activation.TANH, 2, 3);   // no hidden layer: z = x W + b
        double[] theta = {0, 1, 0, 0, 0, 0, 0, 0, 0.5};                 // W = [[0,1,0],[0,0,0]], b = (0, 0, 0.5)
        assertArrayEquals(new double[] {1}, classes.predict(theta, one));  // z = (0, 1, 0.5)
        Mlp binary = Mlp.binary(2, Activation.TANH);
        assertArrayEquals(new double[] {0}, binary.predict(new double[] {-1, 0, 0.5}, one)); // z = −1 + 0.5 < 0
        assertArrayEquals(new double[] {1}, binary.predict(new double[] {-1, 0, 1.0}, one)); // z = 0: σ = ½ → 1
        assertEquals("MLP 64-32-10, tanh, softmax cross-entropy", Mlp.classes(64, 10, Activation.TANH, 32).toString());
        assertEquals((64 + 1) * 32 + (32 + 1) * 10, Mlp.classes(64, 10, Activation.TANH, 32).parameterCount());
    }
}
