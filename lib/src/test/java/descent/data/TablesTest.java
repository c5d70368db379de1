package descent.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TablesTest {
    private final Dataset data = Dataset.of(new double[][] {{1, 10}, {2, 20}, {4, 60}}, new double[] {0, 1, 1});

    @Test
    void headHasTheFirstRowsUnderTheDatasNames() {
        Table head = Tables.head(data, 2);
        assertEquals(2, head.rowCount());
        assertEquals(java.util.List.of("x0", "x1", "y"), head.columnNames());
        assertEquals(20.0, head.doubleColumn("x1").get(1));
        assertEquals(1.0, head.doubleColumn("y").get(1));
        assertEquals(3, Tables.head(data, 50).rowCount(), "no more rows than the data has");
        assertEquals(3, Tables.of(data).rowCount());
    }

    @Test
    void summaryGivesMeanSampleSdMinAndMaxPerColumn() {
        Table s = Tables.summary(data);
        assertEquals(java.util.List.of("x0", "x1", "y"), s.stringColumn("column").asList());
        // x1 = 10, 20, 60: mean 30, sample variance ((−20)² + (−10)² + 30²)/2 = 700
        assertEquals(30.0, s.doubleColumn("mean").get(1), 1e-12);
        assertEquals(Math.sqrt(700), s.doubleColumn("sd").get(1), 1e-12);
        assertEquals(10.0, s.doubleColumn("min").get(1));
        assertEquals(60.0, s.doubleColumn("max").get(1));
        assertEquals(2.0 / 3, s.doubleColumn("mean").get(2), 1e-12, "the mean of 0/1 labels is the share of 1s");
        assertEquals(0.0, Tables.summary(Dataset.of(new double[][] {{5}}, new double[] {1})).doubleColumn("sd").get(0));
    }
}
