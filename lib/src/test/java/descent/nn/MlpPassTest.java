package descent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.autodiff.GraphLoss;
import descent.data.Dataset;
import descent.data.Datasets;
import descent.loss.Loss;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The written-out pass ({@link Mlp#loss()}) against the autodiff graph ({@link Mlp#graphLoss()}): the same
 * cost and gradient to 1e-12 for every head, activation and depth, on whole data sets and on batches of
 * rows of every size (so every remainder of the core's blocking and every regrowth of the buffers).
 */
class MlpPassTest {

    private static double[] randomTheta(int n, long seed) {
        Random r = new Random(seed);
        double[] t = new double[n];
        for (int k = 0; k < n; k++) t[k] = 0.5 * r.nextGaussian();
        return t;
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], 1e-12 * Math.max(1, Math.abs(expected[k])), what + " θ[" + k + "]");
        }
    }

    @Test
    void everyHeadActivationAndDepthEqualsTheGraph() {
        Dataset moons = Datasets.twoMoons(37, 0.2, 5);
        double[] classes = new double[37];
        for (int i = 0; i < 37; i++) classes[i] = (i * 7) % 4;
        Dataset four = new Dataset(moons.x(), classes, 2);
        double[] numbers = new double[37];
        for (int i = 0; i < 37; i++) numbers[i] = Math.sin(i);
        Dataset regression = new Dataset(moons.x(), numbers, 2);
        for (Activation g : Activation.values()) {
            Mlp[] nets = {Mlp.binary(2, g, 9, 5), Mlp.classes(2, 4, g, 13), Mlp.regression(2, g, 6, 11, 3), Mlp.classes(2, 4, g)};
            Dataset[] data = {moons, four, regression, four};
            for (int q = 0; q < nets.length; q++) {
                Mlp net = nets[q];
                Dataset d = data[q];
                Loss fast = net.loss();
                GraphLoss graph = net.graphLoss();
                double[] theta = randomTheta(net.parameterCount(), 3 + q);
                double[] gf = new double[theta.length], gg = new double[theta.length];
                assertEquals(graph.valueAndGradient(d, theta, gg), fast.valueAndGradient(d, theta, gf), 1e-12, net + " cost");
                assertClose(gg, gf, net + " whole data");
                assertEquals(graph.value(d, theta), fast.value(d, theta), 1e-12, net + " value");
                int[] rows = new int[37];
                for (int i = 0; i < 37; i++) rows[i] = (i * 11) % 37;
                for (int size : new int[] {1, 3, 4, 5, 8, 17, 37, 2}) {
                    double cg = graph.valueAndGradient(d, theta, rows, 37 - size, 37, gg);
                    double cf = fast.valueAndGradient(d, theta, rows, 37 - size, 37, gf);
                    assertEquals(cg, cf, 1e-12, net + " batch of " + size);
                    assertClose(gg, gf, net + " batch of " + size);
                }
            }
        }
    }

    @Test
    void theDigitsNetworkEqualsTheGraphOnABatch() {
        Dataset digits = Datasets.digits();
        Mlp net = Mlp.classes(64, 10, Activation.TANH, 128);
        double[] theta = net.init(WeightInit.XAVIER, 7).weights(net.parameterCount());
        int[] rows = new int[256];
        for (int i = 0; i < rows.length; i++) rows[i] = (i * 97) % digits.rows();
        double[] gf = new double[theta.length], gg = new double[theta.length];
        for (int to : new int[] {32, 256}) {
            double cg = net.graphLoss().valueAndGradient(digits, theta, rows, 0, to, gg);
            double cf = net.loss().valueAndGradient(digits, theta, rows, 0, to, gf);
            assertEquals(cg, cf, 1e-12);
            assertClose(gg, gf, "64-128-10 on " + to + " digits");
        }
    }

    @Test
    void badDataAndTargetsAreNamed() {
        Mlp net = Mlp.classes(2, 3, Activation.TANH, 4);
        double[] theta = new double[net.parameterCount()];
        Dataset wrongClass = new Dataset(new double[] {0, 1, 1, 0}, new double[] {1, 3}, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.loss().valueAndGradient(wrongClass, theta, new double[theta.length]));
        assertEquals(true, e.getMessage().contains("y[1] = 3.0"), e.getMessage());
        Dataset threeColumns = new Dataset(new double[] {0, 1, 1}, new double[] {1}, 3);
        e = assertThrows(IllegalArgumentException.class, () -> net.loss().value(threeColumns, theta));
        assertEquals(true, e.getMessage().contains("a bias column"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> net.loss().value(wrongClass, new double[3]));
    }
}
