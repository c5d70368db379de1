package descent.data;

import descent.Check;
import descent.core.GradientCore;

/**
 * A few blocks of a {@link RowFile}, read one after another into one buffer: the rows a block
 * shuffle ({@link BlockShuffle}) mixes among themselves. Row p of the window is row p of its blocks
 * laid end to end in the order they were read. Rows come only from the file's reader, which checks
 * them, so a {@link RowBlock} may copy them as it copies a dataset's.
 */
public final class RowWindow {
    private final RowFile file;
    private final double[] x;
    private final double[] y;
    private int rows;

    /** Room for {@code blocks} blocks of {@code file}. */
    public RowWindow(RowFile file, int blocks) {
        this.file = Check.notNull("file", file);
        Check.atLeast("blocks", blocks, 1);
        int capacity = (int) Math.min((long) blocks * GradientCore.BLOCK, file.rows());
        Check.fitsHeap("a window of " + blocks + " blocks of " + GradientCore.BLOCK + " rows of " + (file.cols() + 1)
                + " doubles", (long) capacity * (file.cols() + 1) * Double.BYTES, "give fewer blocks per window");
        this.x = new double[capacity * file.cols()];
        this.y = new double[capacity];
    }

    /** Empties the window. */
    public void clear() {
        rows = 0;
    }

    /** Appends block b of the file, read by {@code reader}; returns the window's rows. */
    public int append(RowFileReader reader, int b) {
        Check.notNull("reader", reader);
        if (reader.file() != file) throw new IllegalArgumentException("reader reads " + reader.file() + ", not " + file);
        if (rows + file.blockRows(b) > y.length) {
            throw new IllegalStateException("the window is full: it holds " + rows + " of " + y.length + " rows");
        }
        rows += reader.readBlock(b, x, y, rows);
        return rows;
    }

    /** The file the rows come from. */
    public RowFile file() { return file; }

    /** Rows in the window. */
    public int rows() { return rows; }

    double[] x() { return x; }

    double[] y() { return y; }
}
