package descent.data;

import descent.core.GradientCore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The header of the course's binary row file ({@link RowFile}), little-endian:
 *
 * <pre>
 *  0  8 bytes  magic "DSCTROWS"          40  long    first row whose target is not 0 or 1 (−1: none)
 *  8  int      version (1)               48  double  that target
 * 12  int      n, feature columns        56  long    source CSV's size in bytes (−1: no source)
 * 16  long     m, rows                   64  long    source CSV's modification time, ns since 1970
 * 24  int      rows per block (8,192)    72  long    CRC-32 of the source's first 64 KiB
 * 28  int      bytes of the names        80  names: n feature names, then the target's, UTF-8, each ended by '\n'
 * 32  double   max |x_ij|                    then zeros up to a multiple of 8 bytes: the data's start
 * </pre>
 *
 * Then the data, block after block of {@link GradientCore#BLOCK} rows (the last one shorter): the
 * block's X row-major (rows·n doubles), then its y (rows doubles). A block is what the gradient
 * core sums at a time, so reading one block fills one sum's block in two bulk copies.
 *
 * @param source what the file was converted from (null when it was written from memory)
 */
record RowFileHeader(int n, long m, String[] names, String target, double largest, long nonBinaryRow,
                     double nonBinaryValue, Source source) {
    static final byte[] MAGIC = "DSCTROWS".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int FIXED = 80;

    /** The CSV file a row file was converted from, as it was then: re-use the row file while it is still so. */
    record Source(long size, long modifiedNanos, long hash) {}

    /** Where the data starts: the header rounded up to whole doubles. */
    long dataStart() {
        return (FIXED + namesBytes().length + 7) & ~7L;
    }

    /** The file's size: the header, then m rows of n features and a target. */
    long fileSize() {
        return dataStart() + m * (n + 1L) * Double.BYTES;
    }

    private byte[] namesBytes() {
        StringBuilder b = new StringBuilder();
        for (String name : names) b.append(name).append('\n');
        return b.append(target).append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The header's bytes, zero-padded to {@link #dataStart()}. */
    ByteBuffer encode() {
        byte[] text = namesBytes();
        ByteBuffer b = ByteBuffer.allocate((int) dataStart()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(VERSION).putInt(n).putLong(m).putInt(GradientCore.BLOCK).putInt(text.length)
                .putDouble(largest).putLong(nonBinaryRow).putDouble(nonBinaryValue)
                .putLong(source == null ? -1 : source.size()).putLong(source == null ? 0 : source.modifiedNanos())
                .putLong(source == null ? 0 : source.hash()).put(text);
        return b.position(0);
    }

    /**
     * Reads a header from the file's first bytes ({@code head}, as many as the file has, at least
     * {@link #FIXED} unless the file is shorter), or fails naming the file and what is wrong.
     */
    static RowFileHeader decode(Path file, ByteBuffer head, long fileSize) {
        head.order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        if (head.remaining() < MAGIC.length || !java.util.Arrays.equals(magic(head, magic), MAGIC)) {
            throw new IllegalArgumentException(file + " is not a row file of the course: it does not start with \""
                    + new String(MAGIC, StandardCharsets.US_ASCII) + "\" (write one with RowFile.write or CsvRows.convert)");
        }
        if (fileSize < FIXED) {
            throw new IllegalArgumentException(file + " is truncated: it has " + fileSize + " bytes, fewer than the "
                    + FIXED + " of a row file's header; convert or write it again");
        }
        int version = head.getInt(8);
        if (version != VERSION) {
            throw new IllegalArgumentException(file + " is a row file of version " + version + " but this library reads version "
                    + VERSION + "; convert or write it again");
        }
        int n = head.getInt(12), blockRows = head.getInt(24), textBytes = head.getInt(28);
        long m = head.getLong(16);
        if (n < 1 || m < 1 || m > Integer.MAX_VALUE || blockRows != GradientCore.BLOCK || textBytes < 0
                || FIXED + (long) textBytes > fileSize) {
            throw new IllegalArgumentException(file + " has a damaged header (n = " + n + ", m = " + m + ", rows per block = "
                    + blockRows + ", " + textBytes + " bytes of names in a file of " + fileSize + " bytes); convert or write it again");
        }
        if (head.limit() < FIXED + textBytes) {
            throw new IllegalStateException("read " + head.limit() + " bytes of a header of " + (FIXED + textBytes));
        }
        byte[] text = new byte[textBytes];
        head.get(FIXED, text);
        String[] all = new String(text, StandardCharsets.UTF_8).split("\n", -1);
        if (all.length != n + 2 || !all[n + 1].isEmpty()) {
            throw new IllegalArgumentException(file + " has a damaged header: " + (all.length - 1) + " column names for n = " + n
                    + " features and a target; convert or write it again");
        }
        long sourceSize = head.getLong(56);
        Source source = sourceSize < 0 ? null : new Source(sourceSize, head.getLong(64), head.getLong(72));
        return new RowFileHeader(n, m, java.util.Arrays.copyOf(all, n), all[n], head.getDouble(32), head.getLong(40),
                head.getDouble(48), source);
    }

    private static byte[] magic(ByteBuffer head, byte[] into) {
        head.get(0, into);
        return into;
    }
}
