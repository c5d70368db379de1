package descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.core.GradientCore;
import descent.loss.MeanSquaredError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's pass, whose next block is read on another thread: the rows in order, errors where they belong. */
class RowFileReaderTest {
    @TempDir
    Path dir;

    @Test
    void aPassHandsOverEveryBlockInOrderEvenAfterAPassLeftEarly() {
        Dataset data = Datasets.linear(3 * GradientCore.BLOCK + 5, 3, new double[] {1, 2, 3}, 0.1, 2);
        RowFile file = RowFile.write(data, dir.resolve("pass.rows"));
        try (RowFileReader reader = file.reader()) {
            reader.pass().next();  // left after one block, the second being read ahead
            var pass = reader.pass();
            int at = 0;
            for (int rows; (rows = pass.next()) > 0; at += rows) {
                for (int i = 0; i < rows; i++) {
                    assertEquals(data.y(at + i), pass.y()[i]);
                    assertEquals(data.x(at + i, 2), pass.x()[i * 3 + 2]);
                }
            }
            assertEquals(data.rows(), at);
        }
        double[] w = {0.5, -1, 2}, inMemory = new double[3], streamed = new double[3];
        double j = MeanSquaredError.mean().valueAndGradient(data, w, inMemory);
        assertEquals(j, MeanSquaredError.mean().valueAndGradient(file, w, streamed));
        assertArrayEquals(inMemory, streamed, 0.0);
    }

    @Test
    void openReadersCountsReadersUntilClosedAndAStreamedOnlyFileRefusesLoad() {
        Dataset data = Datasets.linear(GradientCore.BLOCK + 3, 2, new double[] {1, 2}, 0.1, 4);
        RowFile file = RowFile.write(data, dir.resolve("count.rows")), streamed = file.streamedOnly();
        RowFileReader first = streamed.reader(), second = streamed.reader();
        assertEquals(2, streamed.openReaders());
        assertEquals(0, file.openReaders());   // each RowFile object counts its own readers
        first.close();
        first.close();   // a second close changes nothing
        assertEquals(1, streamed.openReaders());
        second.close();
        assertEquals(0, streamed.openReaders());
        var refused = assertThrows(UnsupportedOperationException.class, streamed::load);
        assertEquals(true, refused.getMessage().contains("a block at a time"), refused.getMessage());
        assertArrayEquals(data.y(), file.load().y(), 0.0);
        assertEquals(GradientCore.BLOCK + 3, file.widestRead());   // load gathers both blocks, the second from row B on
        assertEquals(0, streamed.widestRead());
        assertEquals(0, file.openReaders());   // load closes the reader it opens
    }

    @Test
    void aDamagedValueReadAheadIsReportedByTheNextBlockOfThePass() throws IOException {
        Dataset data = Datasets.linear(2 * GradientCore.BLOCK, 2, new double[] {1, 2}, 0.1, 3);
        Path path = dir.resolve("late.rows");
        RowFile file = RowFile.write(data, path);
        long block1 = file.blockStart(1);
        long at = block1 + 8L * (GradientCore.BLOCK * 2 + 7);  // block 1's y, its row 7
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0, Double.POSITIVE_INFINITY), at);
        }
        RowFile damaged = RowFile.open(path);
        try (RowFileReader reader = damaged.reader()) {
            var pass = reader.pass();
            assertEquals(GradientCore.BLOCK, pass.next());
            String message = assertThrows(IllegalStateException.class, pass::next).getMessage();
            assertEquals(path + " has the value Infinity in row 8,199, column \"y\": a row file holds finite numbers only, "
                    + "so the file is damaged; convert or write it again", message);
        }
    }
}
