package descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets.linearFile writes the rows Datasets.linear holds in memory, bit for bit, over more than one block. */
class LinearFileTest {
    @TempDir
    Path dir;

    @Test
    void theFileHoldsTheRowsOfTheDatasetInMemory() {
        double[] trueW = {1, -2, 0.5};
        int m = 2 * 8192 + 17;  // two full blocks and a short one
        RowFile file = Datasets.linearFile(dir.resolve("linear.rows"), m, 3, trueW, 0.1, 42);
        Dataset memory = Datasets.linear(m, 3, trueW, 0.1, 42);
        Dataset read = file.load();
        assertEquals(m, file.rows());
        assertEquals(3, file.cols());
        assertArrayEquals(memory.x(), read.x());
        assertArrayEquals(memory.y(), read.y());
    }

    @Test
    void itsFirstRowsAreThoseOfASmallerDataset() {
        double[] trueW = {3, 1};
        RowFile file = Datasets.linearFile(dir.resolve("prefix.rows"), 9000, 2, trueW, 1, 7);
        Dataset prefix = Datasets.linear(100, 2, trueW, 1, 7);
        Dataset read = file.load();
        for (int k = 0; k < 200; k++) assertEquals(prefix.x()[k], read.x()[k]);
        for (int i = 0; i < 100; i++) assertEquals(prefix.y()[i], read.y()[i]);
    }
}
