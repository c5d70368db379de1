package descent.data;

import descent.Vectors;
import descent.core.GradientCore;
import descent.core.RowStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Reads a {@link RowFile} a block at a time with positional reads into one direct buffer, so the
 * heap holds one block of rows (8,192·(n + 1) doubles: 1.1 MB at n = 16) however large the file;
 * the buffers are the thread's own, shared by its readers.
 * Each read checks that the file has not changed since it was opened and that its values are
 * finite. Not memory-mapped on purpose: a file truncated under a mapping kills the JVM with a bus
 * error, where a read reports it. One reader belongs to one thread.
 */
public final class RowFileReader implements AutoCloseable {
    private final RowFile file;
    private final FileChannel channel;
    private final int n;
    private final ByteBuffer bytes;
    private final double[] x;
    private final double[] y;

    /**
     * One thread's buffers, reused by its readers: batch descent opens a reader for every pass, and a
     * direct buffer per pass would wait for a garbage collection to give its memory back.
     */
    private static final ThreadLocal<Buffers> BUFFERS = new ThreadLocal<>();

    private record Buffers(ByteBuffer bytes, double[] x, double[] y) {
        static Buffers of(int n) {
            Buffers b = BUFFERS.get();
            if (b == null || b.x.length != GradientCore.BLOCK * n) {
                b = new Buffers(ByteBuffer.allocateDirect(GradientCore.BLOCK * (n + 1) * Double.BYTES)
                        .order(ByteOrder.LITTLE_ENDIAN), new double[GradientCore.BLOCK * n], new double[GradientCore.BLOCK]);
                BUFFERS.set(b);
            }
            return b;
        }
    }

    RowFileReader(RowFile file) {
        this.file = file;
        this.n = file.cols();
        Buffers buffers = Buffers.of(n);  // a reader's rows are copied out (or summed) before another read on the thread
        this.bytes = buffers.bytes();
        this.x = buffers.x();
        this.y = buffers.y();
        try {
            this.channel = FileChannel.open(file.path(), StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads block b into {@code xOut} and {@code yOut} from row {@code at} on; returns its row count.
     */
    public int readBlock(int b, double[] xOut, double[] yOut, int at) {
        int rows = read(b);
        System.arraycopy(x, 0, xOut, at * n, rows * n);
        System.arraycopy(y, 0, yOut, at, rows);
        return rows;
    }

    /** A pass over every row in the file's order, a block at a time, for {@link GradientCore#sum}. */
    public RowStream pass() {
        return new RowStream() {
            private int next;

            @Override public int cols() { return n; }
            @Override public long rows() { return file.rows(); }
            @Override public int next() { return next < file.blocks() ? read(next++) : 0; }
            @Override public double[] x() { return x; }
            @Override public double[] y() { return y; }
        };
    }

    /** Block b into this reader's own x and y; its row count. */
    private int read(int b) {
        int rows = file.blockRows(b);
        bytes.clear().limit(rows * (n + 1) * Double.BYTES);
        long position = file.blockStart(b);
        try {
            file.requireUnchanged();
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, position + bytes.position()) < 0) {
                    file.requireUnchanged();  // shorter than when it was opened: say so
                    throw new IllegalStateException(file.path() + " ended in block " + b + " while it was read");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path() + ": " + e.getMessage(), e);
        }
        bytes.flip();
        bytes.asDoubleBuffer().get(x, 0, rows * n).get(y, 0, rows);
        // the tails past rows hold an earlier block's finite values (or zeros): the whole arrays are checked at once
        if (!Vectors.allFinite(x) || !Vectors.allFinite(y)) throw notFinite(b, rows);
        return rows;
    }

    private IllegalStateException notFinite(int b, int rows) {
        long first = (long) b * GradientCore.BLOCK;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j <= n; j++) {
                double v = j < n ? x[i * n + j] : y[i];
                if (!Double.isFinite(v)) {
                    String column = j < n ? file.names()[j] : file.target();
                    return new IllegalStateException(String.format(Locale.ROOT, "%s has the value %s in row %,d, column \"%s\": "
                            + "a row file holds finite numbers only, so the file is damaged; convert or write it again",
                            file.path(), v, first + i, column));
                }
            }
        }
        throw new IllegalStateException("a value of block " + b + " is not finite, but none of its rows holds it");
    }

    /** The file read. */
    RowFile file() {
        return file;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file.path() + ": " + e.getMessage(), e);
        }
    }
}
