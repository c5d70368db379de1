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

    static Dataset read(InputStream in, String name, String target, String... features) throws IOException {
        byte[] bytes = in.readAllBytes();
        requireRectangular(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), name);
        Table table = Table.read().usingOptions(CsvReadOptions.builder(new java.io.ByteArrayInputStream(bytes)).tableName(name));
        return fromTable(table, target, features);
    }

    /** Every data row has as many cells as the header (Tablesaw's own errors on this name no row clearly). */
    private static void requireRectangular(String text, String name) {
        String[] lines = text.split("\r?\n");
        if (lines.length == 0) return;
        int columns = cells(lines[0]);
        for (int k = 1; k < lines.length; k++) {
            if (lines[k].isBlank()) continue;
            int found = cells(lines[k]);
            if (found != columns) {
                throw new IllegalArgumentException(name + ": data row " + k + " (\"" + lines[k] + "\") has " + found
                        + " cell" + (found == 1 ? "" : "s") + " but the header has " + columns
                        + ": every row needs one value per column, separated by commas");
            }
        }
    }

    /** Comma-separated cells on a line, commas inside double quotes not counted. */
    private static int cells(String line) {
        int count = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) count++;
        }
        return count;
    }

    /** Takes {@code target} as y and {@code features} (default: every other numeric column) as X. */
    public static Dataset fromTable(Table table, String target, String... features) {
        Check.notNull("table", table);
        Check.notNull("target", target);
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException("table " + table.name() + " has 0 rows: it needs at least one row of data "
                    + "under its header");
        }
        requireCommaSeparated(table);
        List<String> names = new ArrayList<>();
        if (features == null || features.length == 0) {
            for (Column<?> c : table.columns()) {
                if (c.name().equals(target)) continue;
                if (c instanceof NumericColumn<?>) {
                    names.add(c.name());
                } else {
                    requireNotMostlyNumbers(table, c);  // a typo in one cell must not drop the whole column
                }
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

    /**
     * A file separated by ';' or tabs reads as one column whose name holds the separators: say so,
     * instead of "no numeric column".
     */
    private static void requireCommaSeparated(Table table) {
        if (table.columnCount() != 1) return;
        String header = table.column(0).name();
        for (String separator : new String[] {";", "\t", "|"}) {
            if (header.contains(separator)) {
                throw new IllegalArgumentException("table " + table.name() + " reads as one column named \"" + header
                        + "\": its values look separated by '" + (separator.equals("\t") ? "\\t" : separator)
                        + "', but the course reads comma-separated files (replace the separators by commas)");
            }
        }
    }

    /**
     * A column read as text although most of its cells are numbers holds a typo: name its first
     * non-numeric cell (row numbers count data rows from 1, as the other messages do).
     */
    private static void requireNotMostlyNumbers(Table table, Column<?> c) {
        int numbers = 0, firstOther = -1;
        for (int i = 0; i < c.size(); i++) {
            String cell = c.getString(i).trim();
            if (cell.isEmpty()) continue;
            try {
                Double.parseDouble(cell);
                numbers++;
            } catch (NumberFormatException e) {
                if (firstOther < 0) firstOther = i;
            }
        }
        if (numbers > 0 && firstOther >= 0) {
            throw new IllegalArgumentException("column \"" + c.name() + "\" of " + table.name() + " has \""
                    + c.getString(firstOther) + "\" in data row " + (firstOther + 1) + ", which is not a number, while "
                    + numbers + " of its other cells are: fix that cell (every feature must be numeric)");
        }
    }

    private static double[] numbers(Table table, String name) {
        if (!table.columnNames().contains(name)) {
            throw new IllegalArgumentException("column \"" + name + "\" is not in " + table.name()
                    + "; available columns: " + table.columnNames());
        }
        Column<?> c = table.column(name);
        if (!(c instanceof NumericColumn<?> numeric)) {
            requireNotMostlyNumbers(table, c);
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
