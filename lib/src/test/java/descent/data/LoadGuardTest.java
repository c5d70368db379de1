package descent.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a file whole that the heap cannot hold stops before it reads or allocates, with the size,
 * the heap and the streaming alternative. The files are sparse: as large as the heap says, no disk used.
 */
class LoadGuardTest {
    @TempDir
    Path dir;

    private static long tooLarge() {
        return Runtime.getRuntime().maxMemory();  // loading needs more than half of it
    }

    @Test
    void aCsvTooLargeForTheHeapIsRefusedWithTheStreamingAlternative() throws IOException {
        Path csv = dir.resolve("huge.csv");
        try (RandomAccessFile file = new RandomAccessFile(csv.toFile(), "rw")) {
            file.setLength(tooLarge());
        }
        long heapMb = (Runtime.getRuntime().maxMemory() + (1 << 19)) >> 20;
        String message = assertThrows(IllegalArgumentException.class, () -> CsvData.load(csv, "price")).getMessage();
        assertTrue(message.startsWith("file = " + csv + " (" + tooLarge() + " bytes of CSV, loaded whole) is invalid: it needs "
                + 3 * heapMb + " MiB, more than half of this JVM's heap of " + heapMb + " MiB"), message);
        assertTrue(message.endsWith("train on it streamed instead: Descent.of(loss, CsvRows.convert(file, \"price\")) "
                + "converts it once into a row file beside it and reads 8192 rows at a time"), message);
    }

    @Test
    void aRowFileTooLargeForTheHeapIsRefusedBeforeItIsRead() throws IOException {
        RowFileHeader header = new RowFileHeader(1, tooLarge() / 16, new String[] {"x"}, "y", 1, -1, 0, null);
        Path path = dir.resolve("huge.rows");
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.getChannel().write(header.encode(), 0);
            file.setLength(header.fileSize());
        }
        RowFile rows = RowFile.open(path);
        String message = assertThrows(IllegalArgumentException.class, rows::load).getMessage();
        assertTrue(message.startsWith(path + " (m = " + rows.rows() + " rows of n = 1 features and a target) is invalid: "
                + "it needs "), message);
        assertTrue(message.contains("train on it streamed instead: Descent.of(loss, RowFile.open(file))"), message);
    }
}
