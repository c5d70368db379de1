package descent.data;

import descent.Check;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Converts a CSV file (a header, then one row per line, every field a number) into the course's row
 * file ({@link RowFile}) beside it, streaming: one record at a time through FastCSV (de.siegmar:fastcsv),
 * each field parsed by FastDoubleParser where it stands ({@link CsvRowFields}), one block of rows in the
 * heap, so a CSV larger than memory converts. The row file is {@code <csv>.rows}.
 *
 * <p><b>Re-use.</b> The row file records the CSV's size, modification time and the CRC-32 of its
 * first 64 KiB; while all three are unchanged (and the target and feature columns are those asked
 * for) {@link #convert} opens the row file instead of converting again.
 *
 * <p><b>Errors.</b> Nothing is skipped: a row with the wrong number of fields, a blank field, a field
 * that is not a finite number stop the conversion with the file, the line and the column; so do a
 * quote left open at the end (a file cut short) and a CSV that changes while it is converted. The row file is written to a temporary file and renamed
 * only when complete, so a failed conversion leaves no half-written row file.
 */
public final class CsvRows {
    /** Bytes at the start of the CSV whose CRC-32 the row file records. */
    static final int HASHED_BYTES = 64 * 1024;

    private CsvRows() {}

    /** The row file that {@link #convert} writes for {@code csv}: {@code <csv>.rows}, beside it. */
    public static Path rowFileOf(Path csv) {
        Check.notNull("csv", csv);
        return csv.resolveSibling(csv.getFileName() + ".rows");
    }

    /**
     * The rows of {@code csv} as a row file: {@code target} as y and {@code features} (default: every
     * other column, in the CSV's order) as X. Converts once; re-uses the row file while the CSV is
     * unchanged.
     */
    public static RowFile convert(Path csv, String target, String... features) {
        Check.notNull("csv", csv);
        Check.name("target", target);
        Check.notNull("features", features);
        for (int j = 0; j < features.length; j++) Check.name("features[" + j + "]", features[j]);
        if (!Files.isRegularFile(csv)) throw new IllegalArgumentException("csv = " + csv + " is invalid: no such file");
        RowFileHeader.Source source = sourceOf(csv);
        RowFile existing = reusable(rowFileOf(csv), source, target, features);
        if (existing != null) return existing;
        write(csv, source, target, features);
        return RowFile.open(rowFileOf(csv));
    }

    /** The row file when it was converted from the CSV as it is now, with these columns; else null. */
    private static RowFile reusable(Path rows, RowFileHeader.Source source, String target, String[] features) {
        if (!Files.isRegularFile(rows)) return null;
        RowFile file;
        try {
            file = RowFile.open(rows);
        } catch (RuntimeException damaged) {
            return null;  // written by another version, or damaged: convert again
        }
        boolean sameColumns = file.target().equals(target)
                && (features.length == 0 || Arrays.equals(file.names(), features));
        return source.equals(file.header().source()) && sameColumns ? file : null;
    }

    /** The CSV's size, modification time and the CRC-32 of its first {@link #HASHED_BYTES} bytes. */
    static RowFileHeader.Source sourceOf(Path csv) {
        try (InputStream in = Files.newInputStream(csv)) {
            BasicFileAttributes attributes = Files.readAttributes(csv, BasicFileAttributes.class);
            CRC32 crc = new CRC32();
            crc.update(in.readNBytes(HASHED_BYTES));
            return new RowFileHeader.Source(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    static void write(Path csv, RowFileHeader.Source source, String target, String[] features) {
        CsvRowFields fields = new CsvRowFields(csv);
        CsvReader<double[]> reader;
        try {
            // the field count is checked by CsvRowFields, in the file's own words; a quote still open at the end
            // (a file cut short) is an error; a BOM is not part of the first name
            reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true).allowUnclosedQuote(false)
                    .detectBomHeader(true).build(fields, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        try (reader; CloseableIterator<double[]> records = reader.iterator()) {
            if (!records.hasNext()) throw new IllegalArgumentException(csv + " is empty: it needs a header line naming its columns");
            records.next();
            List<String> header = fields.header();
            int[] columns = columns(csv, header, target, features);
            fields.convert(columns);
            String[] names = new String[columns.length - 1];
            for (int j = 0; j < names.length; j++) names[j] = header.get(columns[j]);
            try (RowFileWriter writer = new RowFileWriter(rowFileOf(csv), names, target, source)) {
                while (records.hasNext()) {
                    double[] row = records.next();
                    writer.add(row, 0, row[names.length]);
                }
                if (writer.rows() == 0) throw new IllegalArgumentException(csv + " has a header but no rows of data");
                if (!sourceOf(csv).equals(source)) throw changed(csv, source);
                writer.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("cannot convert " + csv + ": " + e.getMessage(), e);
        } catch (CsvParseException e) {
            throw unwrapped(csv, e);
        }
    }

    /**
     * FastCSV wraps what its callback throws: the error of {@link CsvRowFields}, which names the file,
     * line and column, is thrown as it is; FastCSV's own (a quote never closed, a field too long) gets
     * the file's name in front.
     */
    private static RuntimeException unwrapped(Path csv, CsvParseException e) {
        if (e.getCause() instanceof IllegalArgumentException bad) return bad;
        // FastCSV's message says "Exception when reading record that started in line N"; its cause says what
        return new IllegalArgumentException(csv + ": " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
    }

    /** The header positions of the features, then of the target; fails naming what is missing or repeated. */
    private static int[] columns(Path csv, List<String> header, String target, String[] features) {
        for (int j = 0; j < header.size(); j++) {
            if (header.get(j) == null || header.get(j).isBlank()) {
                throw new IllegalArgumentException(csv + ", line 1, column " + (j + 1) + ": the header's name is blank; "
                        + "every column needs a name");
            }
        }
        List<String> wanted = new ArrayList<>(Arrays.asList(features));
        if (wanted.isEmpty()) for (String name : header) if (!name.equals(target)) wanted.add(name);
        wanted.add(target);
        int[] columns = new int[wanted.size()];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = header.indexOf(wanted.get(k));
            if (columns[k] < 0) {
                throw new IllegalArgumentException("column \"" + wanted.get(k) + "\" is not in " + csv + "; its header (line 1) "
                        + "names " + header);
            }
            if (wanted.get(k).indexOf('\n') >= 0) {  // the row file's header ends each name with a line break
                throw new IllegalArgumentException(csv + ", line 1, column " + (columns[k] + 1) + ": the header's name \""
                        + wanted.get(k) + "\" holds a line break, which a row file cannot keep in a name; rename the column");
            }
        }
        if (wanted.size() == 1) throw new IllegalArgumentException(csv + " has no column besides the target \"" + target + "\"");
        return columns;
    }

    private static IllegalStateException changed(Path csv, RowFileHeader.Source before) {
        return new IllegalStateException(String.format(Locale.ROOT, "%s changed while it was converted (it had %,d bytes "
                + "when the conversion started): nothing was written; convert it again once it is complete", csv, before.size()));
    }
}
