package descent.data;

import descent.Check;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/** Loads a CSV file (through Tablesaw) into a {@link Dataset} by column names. */
public final class CsvData {
    private CsvData() {}

    /**
     * Reads {@code file} and takes {@code target} as y and {@code features} as the columns of X
     * (all numeric columns but the target when none are named).
     */
    public static Dataset load(Path file, String target, String... features) {
        Check.notNull("file", file);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file = " + file + " is invalid: no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), target, features);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dataset read(InputStream in, String name, String target, String... features) {
        Table table = Table.read().usingOptions(CsvReadOptions.builder(in).tableName(name));
        return fromTable(table, target, features);
    }

    /** Takes {@code target} as y and {@code features} (default: every other numeric column) as X. */
    public static Dataset fromTable(Table table, String target, String... features) {
        Check.notNull("table", table);
        Check.notNull("target", target);
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("table " + table.name() + " has 0 rows: it needs at least one row of data "
                    + "under its header");
        }
        List<String> names = new ArrayList<>();
        if (features == null || features.length == 0) {
            for (Column<?> c : table.columns()) {
                if (!c.name().equals(target) && c instanceof NumericColumn<?>) names.add(c.name());
            }
        } else {
            names.addAll(List.of(features));
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("features is empty: table " + table.name() + " has no numeric column besides "
                    + target);
        }
        int m = table.rowCount();
        int n = names.size();
        double[] y = numbers(table, target);
        double[] x = new double[m * n];
        for (int j = 0; j < n; j++) {
            double[] column = numbers(table, names.get(j));
            for (int i = 0; i < m; i++) x[i * n + j] = column[i];
        }
        return new Dataset(x, y, n, names.toArray(new String[0]));
    }

    private static double[] numbers(Table table, String name) {
        if (!table.columnNames().contains(name)) {
            throw new IllegalArgumentException("column \"" + name + "\" is not in " + table.name()
                    + "; available columns: " + table.columnNames());
        }
        Column<?> c = table.column(name);
        if (!(c instanceof NumericColumn<?> numeric)) {
            ColumnType type = c.type();
            throw new IllegalArgumentException("column \"" + name + "\" has type " + type
                    + " but must be numeric (integers or decimals)");
        }
        double[] values = new double[table.rowCount()];
        for (int i = 0; i < values.length; i++) {
            if (numeric.isMissing(i)) {
                throw new IllegalArgumentException("column \"" + name + "\" has a missing value in data row " + (i + 1)
                        + ": fill or drop missing values before training");
            }
            values[i] = numeric.getDouble(i);
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("column \"" + name + "\" has the value " + values[i] + " in data row "
                        + (i + 1) + ": every value must be a finite number");
            }
        }
        return values;
    }
}
