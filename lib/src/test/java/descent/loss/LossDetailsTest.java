package descent.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.data.Dataset;
import descent.data.Datasets;
import org.junit.jupiter.api.Test;

/** Names, the single-row form, the penalty's treatment of the bias, and the classifier's edges. */
class LossDetailsTest {
    private static final Dataset LINE = Datasets.linear(30, 5).withBias();

    @Test
    void namesSayWhichCost() {
        assertEquals("MSE", MeanSquaredError.mean().name());
        assertEquals("½·MSE", MeanSquaredError.half().toString());
        assertEquals("Huber(δ=1.5)", new HuberLoss(1.5).toString());
        assertEquals("log loss", new LogLoss().toString());
        assertEquals("MSE + L2(λ=0.1)", L2Penalty.of(MeanSquaredError.mean(), 0.1).toString());
        assertEquals(3, new HuberLoss(1.5).onThreads(3).threads());
        assertEquals(2, new LogLoss().onThreads(2).threads());
    }

    @Test
    void oneRowIsTheRowsFormOfOne() {
        double[] w = {0.3, 1.2}, a = new double[2], b = new double[2];
        double one = MeanSquaredError.mean().valueAndGradient(LINE, w, 7, a);
        double rows = MeanSquaredError.mean().valueAndGradient(LINE, w, new int[] {7}, 0, 1, b);
        assertEquals(rows, one, 0.0);
        assertArrayEquals(b, a, 0.0);
        double r = LINE.x(7, 0) * w[0] + LINE.x(7, 1) * w[1] - LINE.y(7);
        assertEquals(r * r, one, 1e-12);
    }

    @Test
    void theL2PenaltySparesTheBiasOnlyWhenThereIsOne() {
        double lambda = 0.4;
        double[] w = {2, 3}, base = new double[2], pen = new double[2];
        double j = MeanSquaredError.mean().valueAndGradient(LINE, w, base);
        double jp = L2Penalty.of(MeanSquaredError.mean(), lambda).valueAndGradient(LINE, w, pen);
        assertEquals(j + lambda / 2 * 9, jp, 1e-12, "only w1 = 3 is penalised");
        assertEquals(base[0], pen[0], 0.0);
        assertEquals(base[1] + lambda * 3, pen[1], 1e-12);
        Dataset noBias = Datasets.linear(30, 5);
        double[] w1 = {3}, g = new double[1], gp = new double[1];
        double j1 = MeanSquaredError.mean().valueAndGradient(noBias, w1, g);
        double jp1 = L2Penalty.of(MeanSquaredError.mean(), lambda).valueAndGradient(noBias, w1, gp);
        assertEquals(j1 + lambda / 2 * 9, jp1, 1e-12, "without a bias column every weight is penalised");
        assertEquals(g[0] + lambda * 3, gp[0], 1e-12);
        assertEquals(MeanSquaredError.mean().value(LINE, w) + lambda / 2 * 9,
                L2Penalty.of(MeanSquaredError.mean(), lambda).value(LINE, w), 1e-12);
    }

    @Test
    void theClassifierAtItsEdges() {
        Dataset classes = Datasets.twoClass(40, 3).withBias();
        double[] zero = new double[classes.cols()];
        Dataset threeOnes = Dataset.of(new double[][] {{1, 0.5}, {1, -2}, {1, 3}, {1, 1}}, new double[] {1, 1, 1, 0});
        assertEquals(0.75, LogLoss.accuracy(threeOnes, new double[2]), 0.0, "z = 0 is class 1 (p = 0.5 ≥ 0.5)");
        assertEquals(0.5, LogLoss.probability(classes, zero, 0), 0.0);
        assertEquals(0.5, LogLoss.probability(classes, zero, 39), 0.0);
        assertThrows(IllegalArgumentException.class, () -> LogLoss.probability(classes, zero, 40));
        assertThrows(IllegalArgumentException.class, () -> LogLoss.probability(classes, zero, -1));
        assertEquals(1 / (1 + Math.exp(-2)), LogLoss.sigmoid(2), 1e-15);
        assertEquals(Math.exp(-800) / (1 + Math.exp(-800)), LogLoss.sigmoid(-800), 0.0, "no overflow for large −z");
        assertEquals(1.0, LogLoss.sigmoid(800), 0.0);
    }
}
