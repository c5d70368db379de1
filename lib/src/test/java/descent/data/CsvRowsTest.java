package descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV → row file: values, re-use, atomic writes, and every bad input with the file, line and column. */
class CsvRowsTest {
    @TempDir
    Path dir;

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String message(Class<? extends Throwable> type, org.junit.jupiter.api.function.Executable run) {
        return assertThrows(type, run).getMessage();
    }

    @Test
    void convertsEveryRowAndColumnAsTablesawReadsThem() throws IOException {
        StringBuilder text = new StringBuilder("a,\"b, quoted\",y,c\n");
        for (int i = 0; i < 20_000; i++) {  // more than two blocks
            text.append(i * 0.5).append(",").append(-i).append(",").append(i % 3).append(",").append(1e-3 * i).append("\n");
        }
        Path file = csv("three.csv", text.toString());
        RowFile rows = CsvRows.convert(file, "y");
        assertEquals(dir.resolve("three.csv.rows"), rows.path());
        Dataset loaded = rows.load();
        Dataset expected = CsvData.load(file, "y", "a", "b, quoted", "c");
        assertArrayEquals(expected.x(), loaded.x(), 0.0);
        assertArrayEquals(expected.y(), loaded.y(), 0.0);
        assertArrayEquals(new String[] {"a", "b, quoted", "c"}, loaded.names());
        assertEquals(19_999, rows.largestMagnitude());
        // features named: only those, in that order
        Dataset two = CsvRows.convert(file, "y", "c", "a").load();
        assertArrayEquals(new String[] {"c", "a"}, two.names());
        assertEquals(1e-3 * 7, two.x(7, 0));
    }

    @Test
    void theRowFileIsReusedWhileTheCsvIsUnchangedAndRewrittenWhenItChanges() throws IOException {
        Path file = csv("reuse.csv", "x,y\n1,2\n3,4\n");
        RowFile first = CsvRows.convert(file, "y");
        Files.setLastModifiedTime(first.path(), FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        RowFile again = CsvRows.convert(file, "y");
        assertEquals(FileTime.from(Instant.parse("2001-01-01T00:00:00Z")), Files.getLastModifiedTime(again.path()),
                "re-used, not written again");
        // same size, same modification time, other first bytes: converted again
        FileTime stamp = Files.getLastModifiedTime(file);
        Files.writeString(file, "x,y\n5,2\n3,4\n");
        Files.setLastModifiedTime(file, stamp);
        assertEquals(5.0, CsvRows.convert(file, "y").load().x(0, 0));
        // a new modification time alone: converted again
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2002-01-01T00:00:00Z")));
        assertNotEquals(FileTime.from(Instant.parse("2001-01-01T00:00:00Z")),
                Files.getLastModifiedTime(CsvRows.convert(file, "y").path()));
        // another target: converted again, not the old file under the new name
        assertEquals("x", CsvRows.convert(file, "x").target());
    }

    @Test
    void aFailedConversionLeavesTheOldRowFileAndNoTemporaryFile() throws IOException {
        Path file = csv("atomic.csv", "x,y\n1,2\n3,4\n");
        byte[] before = Files.readAllBytes(CsvRows.convert(file, "y").path());
        Files.writeString(file, "x,y\n1,2\n3,4\n" + "5,6\n".repeat(10_000) + "7,oops\n");
        assertThrows(IllegalArgumentException.class, () -> CsvRows.convert(file, "y"));
        assertArrayEquals(before, Files.readAllBytes(CsvRows.rowFileOf(file)), "the old row file, whole");
        try (var listing = Files.list(dir)) {
            assertEquals(List.of("atomic.csv", "atomic.csv.rows"), listing.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void badFieldsNameTheFileLineAndColumnAndNothingIsSkipped() throws IOException {
        Path count = csv("count.csv", "x1,x2,y\n1,2,3\n4,5\n");
        assertEquals(count + ", line 3: 2 fields, but the header has 3 (x1,x2,y): every row needs one value per column, "
                + "separated by commas", message(IllegalArgumentException.class, () -> CsvRows.convert(count, "y")));
        Path word = csv("word.csv", "x1,x2,y\n1,2,3\n4,5,6\n7,eight,9\n");
        assertEquals(word + ", line 4, column 2 (\"x2\") is \"eight\", which is not a number",
                message(IllegalArgumentException.class, () -> CsvRows.convert(word, "y")));
        Path blank = csv("blank.csv", "x1,x2,y\n1,2,3\n4,,6\n");
        assertEquals(blank + ", line 3, column 2 (\"x2\") is blank: every field must be a number (fill or drop the row; "
                + "nothing is skipped)", message(IllegalArgumentException.class, () -> CsvRows.convert(blank, "y")));
        Path infinite = csv("infinite.csv", "x1,y\n1,2\n1,Infinity\n");
        assertTrue(message(IllegalArgumentException.class, () -> CsvRows.convert(infinite, "y"))
                .startsWith(infinite + ", line 3, column 2 (\"y\") is \"Infinity\": every value must be a finite number"));
        Path header = csv("header.csv", "x1,,y\n1,2,3\n");
        assertTrue(message(IllegalArgumentException.class, () -> CsvRows.convert(header, "y"))
                .startsWith(header + ", line 1, column 2: the header's name is blank"));
        Path missing = csv("missing.csv", "x1,y\n1,2\n");
        assertTrue(message(IllegalArgumentException.class, () -> CsvRows.convert(missing, "z"))
                .startsWith("column \"z\" is not in " + missing));
        for (String name : List.of("count.csv", "word.csv", "blank.csv", "infinite.csv", "header.csv", "missing.csv")) {
            assertTrue(Files.notExists(dir.resolve(name + ".rows")), name);
        }
    }

    @Test
    void aCsvChangedDuringItsConversionIsRefused() throws IOException {
        Path file = csv("moving.csv", "x,y\n1,2\n");
        RowFileHeader.Source atStart = CsvRows.sourceOf(file);
        Files.writeString(file, "x,y\n1,2\n3,4\n");  // what a writer still appending does between start and end
        String message = message(IllegalStateException.class,
                () -> CsvRows.write(file, atStart, "y", new String[0]));
        assertTrue(message.startsWith(file + " changed while it was converted (it had 8 bytes when the conversion started)"),
                message);
        assertTrue(Files.notExists(CsvRows.rowFileOf(file)));
    }

    @Test
    void aTruncatedOrChangedRowFileIsNamedWithWhatIsMissing() throws IOException {
        Dataset data = Datasets.linear(20_000, 3, new double[] {1, 2, 3}, 0.1, 1);
        Path path = dir.resolve("cut.rows");
        RowFile.write(data, path);
        long size = Files.size(path);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.truncate(size - 1000);
        }
        String cut = message(IllegalArgumentException.class, () -> RowFile.open(path));
        assertEquals(path + " is truncated: it has " + String.format("%,d", size - 1000) + " bytes, but its header promises "
                + "m = 20,000 rows of n + 1 = 4 doubles, " + String.format("%,d", size) + " bytes with the header: rows "
                + "16,384 to 19,999 are missing or incomplete; convert or write it again", cut);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.truncate(header(path).dataStart() + 5);  // inside block 0
        }
        assertTrue(message(IllegalArgumentException.class, () -> RowFile.open(path)).contains(": rows 0 to 19,999 are missing"));
        RowFile file = RowFile.write(data, path);
        try (RowFileReader reader = file.reader()) {
            Files.write(path, new byte[8], StandardOpenOption.APPEND);
            String changed = message(IllegalStateException.class, () -> reader.pass().next());
            assertTrue(changed.startsWith(path + " changed while it was read: it had " + String.format("%,d", size)
                    + " bytes"), changed);
        }
        Path text = Files.writeString(dir.resolve("text.rows"), "x,y\n1,2\n");
        assertTrue(message(IllegalArgumentException.class, () -> RowFile.open(text))
                .startsWith(text + " is not a row file of the course"));
    }

    /** The header of a row file however long the file is (a truncated one does not open). */
    private static RowFileHeader header(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
            channel.read(head, 0);
            return RowFileHeader.decode(path, head.flip(), Long.MAX_VALUE);
        }
    }

    @Test
    void aNonFiniteValueInARowFileIsNamedByRowAndColumn() throws IOException {
        Dataset data = Datasets.linear(10_000, 2, new double[] {1, 2}, 0.1, 1);
        Path path = dir.resolve("nan.rows");
        RowFile file = RowFile.write(data, path);
        long at = file.header().dataStart() + 8L * (5 * 2 + 1);  // block 0's X, row 5, column 1
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putDouble(0, Double.NaN), at);
        }
        String message = message(IllegalStateException.class, () -> RowFile.open(path).load());
        assertEquals(path + " has the value NaN in row 5, column \"x1\": a row file holds finite numbers only, so the "
                + "file is damaged; convert or write it again", message);
    }
}
