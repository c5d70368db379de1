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

    /** Heap a CSV file of s bytes needs to load at least: its bytes, their text, the table's columns (see {@link #read}). */
    static final int HEAP_PER_CSV_BYTE = 3;

    /**
     * Reads {@code file} and takes {@code target} as y and {@code features} as the columns of X
     * (all numeric columns but the target when none are named). A file too large for the heap is
     * refused before anything is read, with the streaming alternative ({@link CsvRows}).
     */
    public static Dataset load(Path file, String target, String... features) {
        Check.notNull("file", file);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file = " + file + " is invalid: no such file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Check.fitsHeap("file = " + file + " (" + size + " bytes of CSV, loaded whole)", HEAP_PER_CSV_BYTE * size,
                "train on it streamed instead: Descent.of(loss, CsvRows.convert(file, \"" + target + "\")) converts it once "
                        + "into a row file beside it and reads " + descent.core.GradientCore.BLOCK + " rows at a time");
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

    /**
     * The header names every column once, and every data row has as many cells as the header (Tablesaw's own
     * errors on this name no row clearly, and it renames a blank header cell "C0" and takes it silently).
     * A file separated by ';' or tabs, often one with decimal commas (1,5), is named as such rather than
     * blamed for its cell counts.
     */
    private static void requireRectangular(String text, String name) {
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || lines[0].isBlank()) return;
        requireCommaSeparated(lines[0], lines.length > 1 ? lines[1] : "", name);
        List<String> header = cells(lines[0]);
        for (int j = 0; j < header.size(); j++) {
            String cell = header.get(j).trim();
            if (cell.startsWith("\"") && cell.endsWith("\"") && cell.length() >= 2) cell = cell.substring(1, cell.length() - 1);
            if (cell.isBlank()) {
                throw new IllegalArgumentException(name + ": header cell " + (j + 1) + " of " + header.size() + " (\""
                        + lines[0] + "\") is blank: every column needs a name");
            }
            for (int k = 0; k < j; k++) {
                if (header.get(k).trim().equals(header.get(j).trim())) {
                    throw new IllegalArgumentException(name + ": the header names column \"" + cell + "\" twice (cells "
                            + (k + 1) + " and " + (j + 1) + " of \"" + lines[0] + "\"): every column needs a name of its own");
                }
            }
        }
        int columns = header.size();
        for (int k = 1; k < lines.length; k++) {
            if (lines[k].isBlank()) continue;
            int found = cells(lines[k]).size();
            if (found != columns) {
                throw new IllegalArgumentException(name + ": data row " + k + " (\"" + lines[k] + "\") has " + found
                        + " cell" + (found == 1 ? "" : "s") + " but the header has " + columns
                        + ": every row needs one value per column, separated by commas"
                        + (found > columns && lines[k].matches(".*\\d,\\d.*")
                                ? " (if the file writes decimals with a comma, as in 1,5, write them with a point: 1.5)" : ""));
            }
        }
    }

    /**
     * A header without a comma but with ';', a tab or '|' is a file of another separator (a spreadsheet's
     * export where the decimal mark is a comma writes ';'): say so, before any cell count is compared.
     */
    private static void requireCommaSeparated(String header, String firstRow, String name) {
        if (cells(header).size() > 1) return;
        for (String separator : new String[] {";", "\t", "|"}) {
            if (header.contains(separator)) {
                boolean decimalCommas = firstRow.matches(".*\\d,\\d.*");
                throw new IllegalArgumentException(name + " reads as one column named \"" + header
                        + "\": its values look separated by '" + (separator.equals("\t") ? "\\t" : separator)
                        + "'" + (decimalCommas ? " with decimal commas (\"" + firstRow + "\")" : "")
                        + ", but the course reads comma-separated files (replace the separators by commas"
                        + (decimalCommas ? " and the decimal commas by points" : "") + ")");
            }
        }
    }

    /** The comma-separated cells of a line, commas inside double quotes not counted. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) {
                cells.add(line.substring(start, i));
                start = i + 1;
            }
        }
        cells.add(line.substring(start));
        return cells;
    }

    /** Takes {@code target} as y and {@code features} (default: every other numeric column) as X. */
    public static Dataset fromTable(Table table, String target, String... features) {
        Check.notNull("table", table);
        Check.name("target", target);
        if (features != null) {
            Check.distinctNames("features", features);
            for (int j = 0; j < features.length; j++) {
                if (features[j].equals(target)) {
                    throw new IllegalArgumentException("features[" + j + "] = \"" + target + "\" is invalid: it is the "
                            + "target, and a model given the answer as a feature learns nothing (leave \"" + target
                            + "\" out of the features)");
                }
            }
        }
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
