package descent.data;

import descent.core.GradientCore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a row file ({@link RowFileHeader} gives the layout) one row at a time, with one block of rows
 * in the heap: into a temporary file beside the target, renamed onto it by {@link #finish()} in one
 * atomic step. A reader therefore sees the old file or the whole new one, never half of it; a writer
 * closed without {@code finish} (an error in the middle) deletes its temporary file.
 */
final class RowFileWriter implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final int n;
    private final String[] names;
    private final String targetName;
    private final RowFileHeader.Source source;
    private final double[] x;
    private final double[] y;
    private final ByteBuffer bytes;
    /**
     * Bytes written since the data was last forced to disk. The operating system holds written data in
     * its page cache as "dirty" pages until it writes them out, and a container (a 2 GB Binder) is charged
     * for them; a file larger than the free memory, written in one go, can fill it with pages that cannot
     * be dropped until they reach the disk, and the container is killed. Forcing every
     * {@link #FORCE_EVERY_BYTES} keeps them few: the rest of the cache is clean and dropped when needed.
     */
    private long unforced;
    /** 64 MB: a few forces per file of hundreds of MB, a small share of a 2 GB container's memory. */
    static final long FORCE_EVERY_BYTES = 64L << 20;
    private int rows;       // rows in the current block
    private long m;         // rows written
    private double largest;
    private long nonBinaryRow = -1;
    private double nonBinaryValue;
    private boolean finished;

    RowFileWriter(Path target, String[] names, String targetName, RowFileHeader.Source source) {
        this.target = target.toAbsolutePath();
        this.n = names.length;
        this.names = names.clone();
        this.targetName = targetName;
        this.source = source;
        this.x = new double[GradientCore.BLOCK * n];
        this.y = new double[GradientCore.BLOCK];
        this.bytes = ByteBuffer.allocateDirect(GradientCore.BLOCK * (n + 1) * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try {
            this.temporary = createTemporary(this.target);
            this.channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
            channel.write(header(), 0);  // m = 0 for now: a file left behind by a crash reads as damaged, not as data
            channel.position(header().limit());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a row file beside " + target + ": " + e.getMessage(), e);
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong TEMPORARIES = new java.util.concurrent.atomic.AtomicLong();

    /**
     * A new file beside the target, named after it, this process and a count: created with the
     * default permissions (a temporary file of {@code Files.createTempFile} would be readable by its
     * owner alone, and so would the row file renamed from it).
     */
    private static Path createTemporary(Path target) throws IOException {
        while (true) {
            Path candidate = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + TEMPORARIES.incrementAndGet() + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // left by a process of the same id that ended: take the next count
            }
        }
    }

    /** Adds a row: features {@code row[at .. at + n)} (finite, checked by the caller) and target {@code target}. */
    void add(double[] row, int at, double target) {
        System.arraycopy(row, at, x, rows * n, n);
        for (int j = 0; j < n; j++) largest = Math.max(largest, Math.abs(row[at + j]));
        if (nonBinaryRow < 0 && target != 0 && target != 1) {
            nonBinaryRow = m;
            nonBinaryValue = target;
        }
        y[rows++] = target;
        m++;
        if (rows == GradientCore.BLOCK) flush();
    }

    /** Rows added so far. */
    long rows() {
        return m;
    }

    /** Writes the last block and the header, forces the data to disk and renames the file onto the target. */
    Path finish() {
        if (m == 0) throw new IllegalArgumentException("no rows to write to " + target + ": a row file holds at least one row");
        flush();
        try {
            channel.write(header(), 0);
            channel.force(true);
            channel.close();
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            finished = true;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Without {@link #finish()}: deletes the temporary file, leaving the target as it was. */
    @Override
    public void close() {
        if (finished) return;
        try {
            channel.close();
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + temporary + ": " + e.getMessage(), e);
        }
    }

    private ByteBuffer header() {
        return new RowFileHeader(n, m, names, targetName, largest, nonBinaryRow, nonBinaryValue, source).encode();
    }

    /** The block so far: its X, then its y. */
    private void flush() {
        if (rows == 0) return;
        bytes.clear();
        bytes.asDoubleBuffer().put(x, 0, rows * n).put(y, 0, rows);
        bytes.limit(rows * (n + 1) * Double.BYTES);
        try {
            while (bytes.hasRemaining()) unforced += channel.write(bytes);
            if (unforced >= FORCE_EVERY_BYTES) {
                channel.force(false);
                unforced = 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temporary + ": " + e.getMessage(), e);
        }
        rows = 0;
    }
}
