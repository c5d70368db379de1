package descent.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.data.RowBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every loss on gathered rows gives what it gives on the same rows read in place, and the block is a copy. */
class RowBlockLossTest {
    private static final Dataset REGRESSION = Datasets.linear(40, 3).withBias();
    private static final Dataset CLASSES = Datasets.twoClass(40, 3).withBias();
    private static final int[] ORDER = Datasets.permutation(40, 8);

    @Test
    void everyLossAgreesWithTheRowsReadInPlace() {
        List<Object[]> cases = List.of(
                new Object[] {MeanSquaredError.mean(), REGRESSION}, new Object[] {MeanSquaredError.half(), REGRESSION},
                new Object[] {new HuberLoss(0.5), REGRESSION}, new Object[] {new LogLoss(), CLASSES},
                new Object[] {L2Penalty.of(MeanSquaredError.mean(), 0.3), REGRESSION});
        for (Object[] c : cases) {
            Loss loss = (Loss) c[0];
            Dataset data = (Dataset) c[1];
            RowBlock block = new RowBlock(data, 16);
            block.gather(ORDER, 10, 26);
            double[] w = java.util.Arrays.copyOf(new double[] {0.4, -0.7, 0.3}, data.cols());
            double[] fromBlock = new double[w.length], inPlace = new double[w.length];
            // rows 3..9 of the block are rows ORDER[13..19] of the data
            double a = loss.valueAndGradient(block, 3, 10, w, fromBlock);
            double b = loss.valueAndGradient(data, w, ORDER, 13, 20, inPlace);
            assertEquals(b, a, 0.0, loss.name());
            assertArrayEquals(inPlace, fromBlock, 0.0, loss.name());
            assertTrue(a > 0, loss.name());
        }
    }

    @Test
    void theBlockHoldsCopiesAndRejectsWhatItCannotHold() {
        RowBlock block = new RowBlock(REGRESSION, 4);
        block.gather(ORDER, 0, 3);
        assertEquals(3, block.rows());
        for (int k = 0; k < 3; k++) {
            assertEquals(REGRESSION.y(ORDER[k]), block.y()[k], 0.0);
            for (int j = 0; j < 2; j++) assertEquals(REGRESSION.x(ORDER[k], j), block.x()[k * 2 + j], 0.0);
        }
        assertTrue(block.x() != REGRESSION.x(), "its own buffer");
        assertThrows(IllegalArgumentException.class, () -> block.gather(ORDER, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new RowBlock(REGRESSION, 41));
        assertThrows(IllegalArgumentException.class, () -> new RowBlock(REGRESSION, 0));
        double[] g = new double[2];
        assertThrows(IllegalArgumentException.class, () -> MeanSquaredError.mean().valueAndGradient(block, 0, 4, new double[2], g),
                "only 3 rows are held");
        assertThrows(IllegalArgumentException.class, () -> MeanSquaredError.mean().valueAndGradient(block, 2, 2, new double[2], g));
        assertThrows(IllegalArgumentException.class, () -> MeanSquaredError.mean().valueAndGradient(block, 0, 2, new double[3], g),
                "one weight per column of the block's dataset");
        assertThrows(IllegalArgumentException.class,
                () -> MeanSquaredError.mean().valueAndGradient(block, 0, 2, new double[] {Double.NaN, 0}, g));
    }
}
