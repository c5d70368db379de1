package descent.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * FastCSV's callback for {@link CsvRows}: the first record is the header, kept as names; every later
 * record is parsed field by field, straight from FastCSV's character buffer, into one row of doubles
 * (no string per field). {@link JavaDoubleParser} (FastDoubleParser, Randelshofer's port of Lemire's
 * fast_float) reads a number; it accepts what {@link Double#parseDouble} accepts and gives the same
 * double, bit for bit (CsvRowFieldsTest checks both on random and edge values).
 *
 * <p>A field that is blank, not a number, or not finite stops the conversion with the file, the line
 * where the record starts, the column and the field; a record with another count of fields than the
 * header stops it in {@link #buildRecord()}.
 */
final class CsvRowFields extends AbstractBaseCsvCallbackHandler<double[]> {
    /** What {@link #buildRecord()} gives for the header (null would make FastCSV pass over it). */
    private static final double[] HEADER = new double[0];

    private final Path csv;
    private List<String> header;      // null while the first record is read
    private final List<String> names = new ArrayList<>();
    private int[] slot;               // CSV column → position in the row, or −1 for a column not converted
    private double[] row;
    private long line;

    CsvRowFields(Path csv) {
        this.csv = csv;
    }

    /** The header's names, in the CSV's order; null before the first record is read. */
    List<String> header() {
        return header;
    }

    /**
     * From now on, CSV column {@code columns[k]} is parsed into position {@code k} of the row that
     * {@link #buildRecord()} returns.
     */
    void convert(int[] columns) {
        slot = new int[header.size()];
        Arrays.fill(slot, -1);
        for (int k = 0; k < columns.length; k++) slot[columns[k]] = k;
        row = new double[columns.length];
    }

    /** The line (1 = the file's first) where the last record read starts. */
    long line() {
        return line;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        line = startingLineNumber;
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
        if (header == null) {
            names.add(new String(buf, offset, len));
        } else if (index < slot.length && slot[index] >= 0) {
            row[slot[index]] = number(index, buf, offset, len);
        }
    }

    @Override
    protected double[] buildRecord() {
        if (getRecordType() == RecordType.EMPTY) return null;  // an empty line holds no data: FastCSV passes over it
        if (header == null) {
            header = List.copyOf(names);
            return HEADER;
        }
        int found = getFieldCount();
        if (found != header.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s, line %,d: %d field%s, but the header has %d "
                    + "(%s): every row needs one value per column, separated by commas", csv, line, found,
                    found == 1 ? "" : "s", header.size(), String.join(",", header)));
        }
        return row;
    }

    /** Field {@code column} as a finite number, or an error naming the file, line and column. */
    private double number(int column, char[] buf, int offset, int len) {
        double value;
        try {
            value = JavaDoubleParser.parseDouble(buf, offset, len);
        } catch (NumberFormatException e) {  // a blank field fails here too: asked only on this path
            throw new IllegalArgumentException(blank(buf, offset, len)
                    ? where(column) + " is blank: every field must be a number (fill or drop the row; nothing is skipped)"
                    : where(column) + " is \"" + new String(buf, offset, len) + "\", which is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(where(column) + " is \"" + new String(buf, offset, len)
                    + "\": every value must be a finite number");
        }
        return value;
    }

    /** As {@link String#isBlank()} on the field: empty or white space only. */
    private static boolean blank(char[] buf, int offset, int len) {
        for (int i = offset; i < offset + len; i++) if (!Character.isWhitespace(buf[i])) return false;
        return true;
    }

    private String where(int column) {
        return String.format(Locale.ROOT, "%s, line %,d, column %d (\"%s\")", csv, line, column + 1, header.get(column));
    }
}
