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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a {@link RowFile} a block at a time with positional reads into one direct buffer, so the
 * heap holds one block of rows (8,192·(n + 1) doubles: 1.1 MB at n = 16) however large the file;
 * the buffers (two blocks: a pass reads one ahead) are the thread's own, shared by its readers.
 * Each read checks that the file has not changed since it was opened and that its values are
 * finite. Not memory-mapped on purpose: a file truncated under a mapping kills the JVM with a bus
 * error, where a read reports it. One reader belongs to one thread.
 */
public final class RowFileReader implements AutoCloseable {
    /**
     * Reads the next block of a pass while the caller sums the current one: daemon threads (they never
     * keep a notebook's JVM alive), created on demand, ended after a minute idle.
     */
    private static final ExecutorService READ_AHEAD = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "descent-row-file-read-ahead");
        t.setDaemon(true);
        return t;
    });
    /**
     * One thread's two sets of buffers, reused by its readers: batch descent opens a reader for every
     * pass, and a direct buffer per pass would wait for a garbage collection to give its memory back.
     */
    private static final ThreadLocal<Block[]> BUFFERS = new ThreadLocal<>();

    private final RowFile file;
    private final FileChannel channel;
    private final int n;
    /** Two blocks' buffers: a pass hands over one while the other is read. */
    private final Block[] blocks;
    /** The read of the next block of the current pass, or null. */
    private Future<Integer> ahead;
    /** Whether {@link #close} ran (a second close changes nothing). */
    private boolean closed;

    /** One block's buffers: the bytes read, then its X and y. */
    private record Block(ByteBuffer bytes, double[] x, double[] y) {
        static Block[] of(int n) {
            Block[] b = BUFFERS.get();
            if (b == null || b[0].x.length != GradientCore.BLOCK * n) {
                b = new Block[] {allocate(n), allocate(n)};
                BUFFERS.set(b);
            }
            return b;
        }

        private static Block allocate(int n) {
            return new Block(ByteBuffer.allocateDirect(GradientCore.BLOCK * (n + 1) * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN),
                    new double[GradientCore.BLOCK * n], new double[GradientCore.BLOCK]);
        }
    }

    RowFileReader(RowFile file) {
        this.file = file;
        this.n = file.cols();
        // the thread's readers share these: each copies a block out (or sums it) before the thread reads another
        this.blocks = Block.of(n);
        try {
            this.channel = FileChannel.open(file.path(), StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path() + ": " + e.getMessage(), e);
        }
        file.readerOpened(+1);
    }

    /**
     * Reads block b into {@code xOut} and {@code yOut} from row {@code at} on; returns its row count.
     */
    public int readBlock(int b, double[] xOut, double[] yOut, int at) {
        finishReadAhead();
        int rows = read(b, blocks[0]);
        System.arraycopy(blocks[0].x(), 0, xOut, at * n, rows * n);
        System.arraycopy(blocks[0].y(), 0, yOut, at, rows);
        file.readUpTo(at + rows);
        return rows;
    }

    /**
     * A pass over every row in the file's order, a block at a time, for {@link GradientCore#sum}: while
     * the caller sums one block, another thread reads the next, so a pass costs about the larger of the
     * read and the sum rather than both.
     */
    public RowStream pass() {
        finishReadAhead();
        return new RowStream() {
            private int next;
            private Block current = blocks[0];

            @Override public int cols() { return n; }
            @Override public long rows() { return file.rows(); }
            @Override public double[] x() { return current.x(); }
            @Override public double[] y() { return current.y(); }

            @Override
            public int next() {
                if (next >= file.blocks()) return 0;
                Block block = blocks[next % 2];
                int rows = ahead != null ? await() : read(next, block);
                current = block;
                int following = ++next;
                if (following < file.blocks()) {
                    Block other = blocks[following % 2];  // the caller is done with it: it asked for the next block
                    ahead = READ_AHEAD.submit(() -> read(following, other));
                }
                return rows;
            }
        };
    }

    /** The block being read ahead: its row count, or what its read threw. */
    private int await() {
        Future<Integer> read = ahead;
        ahead = null;
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + file.path(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Waits for a read ahead that nobody will take (a pass left early): its buffers are about to be reused. */
    private void finishReadAhead() {
        if (ahead == null) return;
        try {
            await();
        } catch (RuntimeException ignored) {
            // the pass that asked for it ended already; its error, if any, belongs to no one now
        }
    }

    /** Block b into {@code block}'s x and y; its row count. */
    private int read(int b, Block block) {
        int rows = file.blockRows(b);
        ByteBuffer bytes = block.bytes();
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
        bytes.asDoubleBuffer().get(block.x(), 0, rows * n).get(block.y(), 0, rows);
        // the tails past rows hold an earlier block's finite values (or zeros): the whole arrays are checked at once
        if (!Vectors.allFinite(block.x()) || !Vectors.allFinite(block.y())) throw notFinite(b, rows, block);
        return rows;
    }

    private IllegalStateException notFinite(int b, int rows, Block block) {
        double[] x = block.x(), y = block.y();
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
        if (closed) return;
        closed = true;
        file.readerOpened(-1);
        finishReadAhead();
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file.path() + ": " + e.getMessage(), e);
        }
    }
}
