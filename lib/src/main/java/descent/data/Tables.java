package descent.data;

import descent.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A {@link Dataset} as Tablesaw tables, for the first look at data that every analysis starts with:
 * its first rows and a summary of each column. {@code Show.table(...)} renders them in a notebook.
 */
public final class Tables {
    private Tables() {}

    /** All rows: one column per feature, named as in the data, and the target as "y". */
    public static Table of(Dataset data) {
        return head(Check.notNull("data", data), data.rows());
    }

    /** The first {@code rows} rows (all of them if the data has fewer). */
    public static Table head(Dataset data, int rows) {
        Check.notNull("data", data);
        Check.atLeast("rows", rows, 1);
        int m = Math.min(rows, data.rows());
        String[] names = data.names();
        Table table = Table.create("first " + m + " rows");
        for (int j = 0; j < data.cols(); j++) {
            double[] values = new double[m];
            for (int i = 0; i < m; i++) values[i] = data.x(i, j);
            table.addColumns(DoubleColumn.create(names[j], values));
        }
        double[] y = new double[m];
        for (int i = 0; i < m; i++) y[i] = data.y(i);
        return table.addColumns(DoubleColumn.create("y", y));
    }

    /**
     * One row per column (features, then the target y): the mean, the sample standard deviation
     * s = √(Σ(v − mean)²/(m − 1)) (0 for a single row), the smallest and the largest value.
     */
    public static Table summary(Dataset data) {
        Check.notNull("data", data);
        int n = data.cols();
        String[] names = data.names();
        StringColumn column = StringColumn.create("column");
        DoubleColumn mean = DoubleColumn.create("mean"), sd = DoubleColumn.create("sd");
        DoubleColumn min = DoubleColumn.create("min"), max = DoubleColumn.create("max");
        for (int j = 0; j <= n; j++) {
            double[] v = j < n ? data.column(j) : data.y().clone();
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double a : v) {
                lo = Math.min(lo, a);
                hi = Math.max(hi, a);
            }
            ColumnStats stats = new ColumnStats(v);  // no overflow for values near 1e308
            column.append(j < n ? names[j] : "y");
            mean.append(stats.mean());
            sd.append(stats.sampleSd());
            min.append(lo);
            max.append(hi);
        }
        return Table.create("summary of " + data.rows() + " rows", column, mean, sd, min, max);
    }
}
