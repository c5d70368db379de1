package descent.data;

import descent.Check;
import descent.core.GradientCore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dataset that lives in a file and is read a block of {@link GradientCore#BLOCK} rows at a time:
 * for data larger than the heap. {@code Descent.of(loss, file)} trains on it as on a {@link Dataset}
 * (minibatch and stochastic descent from a block shuffle, batch descent as one pass over the file per
 * update), with the bits of the same run in memory when the rows come in the same order.
 *
 * <p>The file is the course's binary row format ({@link RowFileHeader}): written from memory by
 * {@link #write}, or converted from a CSV file by {@link CsvRows#convert}. Opening it checks its
 * header and its size; every read checks that the file has not changed since it was opened and that
 * the values read are finite, and says where when they are not.
 */
public final class RowFile implements RowSource {
    private final Path path;
    private final RowFileHeader header;
    private final long size;
    private final long modifiedNanos;
    /** False for a {@link #streamedOnly} view, whose {@link #load} refuses. */
    private final boolean loadable;
    /** Readers of this object opened and not yet closed. */
    private final AtomicInteger openReaders = new AtomicInteger();
    /** The most rows one readBlock of this object's readers needed its arrays to hold, {@code at} + the block's rows. */
    private final AtomicInteger widestRead = new AtomicInteger();

    private RowFile(Path path, RowFileHeader header, long size, long modifiedNanos, boolean loadable) {
        this.path = path;
        this.header = header;
        this.size = size;
        this.modifiedNanos = modifiedNanos;
        this.loadable = loadable;
    }

    /** Opens a row file: checks its header and that it holds every row the header promises (nothing more). */
    public static RowFile open(Path file) {
        Check.notNull("file", file);
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("file = " + file + " is invalid: no such file");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long size = attributes.size();
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, RowFileHeader.FIXED + (1 << 20)));
            while (head.hasRemaining() && channel.read(head) >= 0) { /* the first bytes, at most 1 MB of names */ }
            RowFileHeader header = RowFileHeader.decode(file, head.flip(), size);
            long expected = header.fileSize();
            if (size != expected) {
                // a block is its X, then its y: a file cut inside a block lacks part of every row of that block
                long blockBytes = (long) GradientCore.BLOCK * (header.n() + 1) * Double.BYTES;
                long firstIncomplete = Math.max(0, Math.min(header.m(),
                        (size - header.dataStart()) / blockBytes * GradientCore.BLOCK));
                throw new IllegalArgumentException(size < expected
                        ? String.format(Locale.ROOT, "%s is truncated: it has %,d bytes, but its header promises m = %,d rows "
                                + "of n + 1 = %d doubles, %,d bytes with the header: rows %,d to %,d are missing or incomplete; "
                                + "convert or write it again", file, size, header.m(), header.n() + 1, expected, firstIncomplete,
                                header.m() - 1)
                        : String.format(Locale.ROOT, "%s has %,d bytes, more than the %,d bytes its header's m = %,d rows of "
                                + "n + 1 = %d doubles make with the header: the last %,d bytes are not rows; convert or write "
                                + "it again", file, size, expected, header.m(), header.n() + 1, size - expected));
            }
            return new RowFile(file, header, size, attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                    true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code data} to {@code file} as a row file (atomically: a temporary file renamed) and opens it. */
    public static RowFile write(Dataset data, Path file) {
        Check.notNull("data", data);
        Check.notNull("file", file);
        String target = "y";
        for (int k = 0; Arrays.asList(data.names()).contains(target); k++) target = "y" + k;
        try (RowFileWriter writer = new RowFileWriter(file, data.names(), target, null)) {
            double[] x = data.x(), y = data.y();
            for (int i = 0; i < data.rows(); i++) writer.add(x, i * data.cols(), y[i]);
            writer.finish();
        }
        return open(file);
    }

    /**
     * Reads the whole file into a {@link Dataset}, when it fits: stops before allocating, naming the
     * size it needs and the heap this JVM has, when it does not.
     */
    public Dataset load() {
        if (!loadable) {
            throw new UnsupportedOperationException(path + " is open streamed only: load() would put all its m = " + rows()
                    + " rows in the heap at once; read it a block at a time with reader() and readBlock(b, x, y, 0)");
        }
        long bytes = (long) rows() * (cols() + 1) * Double.BYTES;
        Check.fitsHeap(path + " (m = " + rows() + " rows of n = " + cols() + " features and a target)", bytes,
                "train on it streamed instead: Descent.of(loss, RowFile.open(file)) reads a block of "
                        + GradientCore.BLOCK + " rows at a time");
        double[] x = new double[rows() * cols()];
        double[] y = new double[rows()];
        try (RowFileReader reader = reader()) {
            for (int b = 0; b < blocks(); b++) reader.readBlock(b, x, y, b * GradientCore.BLOCK);
        }
        return new Dataset(x, y, cols(), names());
    }

    /** A reader of this file's blocks: one block of rows in the heap. Close it when done. */
    public RowFileReader reader() {
        return new RowFileReader(this);
    }

    /**
     * This file, for code that must stream it: its {@link #load} refuses (an {@link UnsupportedOperationException}
     * that says to read it a block at a time). Exercise 15.2's check gives its probe files so.
     */
    public RowFile streamedOnly() {
        return new RowFile(path, header, size, modifiedNanos, false);
    }

    /** Readers this object has opened ({@link #reader}) that are not closed yet: 0 once every reader is closed. */
    public int openReaders() {
        return openReaders.get();
    }

    /**
     * The most rows one {@link RowFileReader#readBlock} of this object's readers wrote its arrays up to ({@code at}
     * plus the block's rows): at most {@link GradientCore#BLOCK} for code that holds one block at a time, up to m
     * for code that gathers the file into arrays of its own.
     */
    public int widestRead() {
        return widestRead.get();
    }

    /** A readBlock wrote its arrays up to row {@code end} (exclusive). */
    void readUpTo(int end) {
        widestRead.accumulateAndGet(end, Math::max);
    }

    /** A reader opened (+1) or closed (−1). */
    void readerOpened(int change) {
        openReaders.addAndGet(change);
    }

    /** Blocks of {@link GradientCore#BLOCK} rows in the file (the last one possibly shorter). */
    public int blocks() {
        return (int) ((header.m() + GradientCore.BLOCK - 1) / GradientCore.BLOCK);
    }

    /** Rows in block b. */
    public int blockRows(int b) {
        Check.index("b", b, blocks(), "blocks");
        return (int) Math.min(GradientCore.BLOCK, header.m() - (long) b * GradientCore.BLOCK);
    }

    /** Where block b starts in the file. */
    long blockStart(int b) {
        return header.dataStart() + (long) b * GradientCore.BLOCK * (cols() + 1) * Double.BYTES;
    }

    /** Fails unless the file is as it was when opened: the same size and modification time. */
    void requireUnchanged() throws IOException {
        BasicFileAttributes now = Files.readAttributes(path, BasicFileAttributes.class);
        long modified = now.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
        if (now.size() != size || modified != modifiedNanos) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s changed while it was read: it had %,d bytes, "
                    + "modified at %s, when it was opened, and has %,d bytes, modified at %s, now; a file being read must not be "
                    + "rewritten (open it again once it is complete)", path, size,
                    java.time.Instant.EPOCH.plusNanos(modifiedNanos), now.size(), now.lastModifiedTime()));
        }
    }

    RowFileHeader header() { return header; }

    /** The file. */
    public Path path() { return path; }

    /** The file's size in bytes. */
    public long bytes() { return size; }

    @Override
    public int rows() { return (int) header.m(); }

    @Override
    public int cols() { return header.n(); }

    @Override
    public String[] names() { return header.names().clone(); }

    /** The target's name (the CSV column it was converted from). */
    public String target() { return header.target(); }

    @Override
    public boolean hasBias() { return header.names()[0].equals("bias"); }

    @Override
    public double largestMagnitude() { return header.largest(); }

    /**
     * Fails unless every target is 0 or 1 (a classifier's labels), naming the first row that is not:
     * the file's header records it, so no pass over the file is needed.
     */
    public void requireBinaryTargets(String what) {
        if (header.nonBinaryRow() >= 0) {
            throw new IllegalArgumentException("y[" + header.nonBinaryRow() + "] = " + header.nonBinaryValue() + " of "
                    + path + " is invalid " + what + " must be 0 or 1");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RowFile[%s, m=%d, n=%d, %,d bytes, columns=%s, target=%s]", path, rows(), cols(),
                size, Arrays.toString(header.names()), target());
    }
}
