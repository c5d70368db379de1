package descent.data;

import descent.Check;
import descent.core.GradientCore;

/**
 * A reusable buffer of rows copied out of one {@link RowSource}: where a minibatch sampler gathers the
 * next stretch of a shuffled row order, so that the batches read consecutive, cached rows. The
 * source itself is never written (a dataset's arrays are shared and must stay as built); the only
 * way to fill a block is to copy rows of its source — of its dataset, or of a {@link RowWindow} read
 * from its file — so its values are as finite and as checked as the source's.
 */
public final class RowBlock {
    private final RowSource source;
    private final double[] x;
    private final double[] y;
    private int rows;

    /** An empty block for up to {@code capacity} rows of {@code source}. */
    public RowBlock(RowSource source, int capacity) {
        this.source = Check.notNull("source", source);
        if (capacity < 1 || capacity > source.rows()) {
            throw new IllegalArgumentException("capacity = " + capacity + " is invalid: a block holds between 1 and "
                    + source.rows() + " rows (the source's m)");
        }
        Check.fitsHeap("a block of " + capacity + " rows of " + (source.cols() + 1) + " doubles",
                (long) capacity * (source.cols() + 1) * Double.BYTES);
        this.x = new double[capacity * source.cols()];
        this.y = new double[capacity];
    }

    /** Replaces the block's rows by rows {@code order[from..to)} of the dataset, in that order. */
    public void gather(int[] order, int from, int to) {
        Check.notNull("order", order);
        if (!(source instanceof Dataset data)) {
            throw new IllegalStateException("this block's rows come from " + source + ": gather them from a RowWindow of it");
        }
        checkRoom(0, from, to);
        GradientCore.gather(data.x(), data.y(), data.cols(), order, from, to, x, y);
        rows = to - from;
    }

    /**
     * Puts rows {@code positions[from..to)} of {@code window} (rows of this block's file) into the
     * block from row {@code at} on; the block then holds {@code at + to − from} rows.
     */
    public void gather(RowWindow window, int[] positions, int from, int to, int at) {
        Check.notNull("window", window);
        if (window.file() != source) {
            throw new IllegalArgumentException("window holds rows of " + window.file() + ", not of this block's " + source);
        }
        checkRoom(at, from, to);
        GradientCore.gather(window.x(), window.y(), source.cols(), positions, from, to, x, y, at);
        rows = at + to - from;
    }

    private void checkRoom(int at, int from, int to) {
        if (at < 0 || at > rows && at != 0 || at + to - from > y.length) {
            throw new IllegalArgumentException("from = " + from + ", to = " + to + " at row " + at + " is invalid: the block "
                    + "holds at most " + y.length + " rows, filled from row 0 on");
        }
    }

    /** Where the rows come from: its columns, names and checks apply to them. */
    public RowSource source() { return source; }

    /** The rows gathered last. */
    public int rows() { return rows; }

    /** Checks that rows {@code from..to} are a non-empty range of the rows the block holds. */
    public void checkRange(int from, int to) {
        if (from < 0 || from >= to || to > rows) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") are invalid: need 0 <= from < to <= "
                    + rows + " (the rows the block holds)");
        }
    }

    /** The gathered rows, row-major (only the first rows()·cols entries count); do not modify. */
    public double[] x() { return x; }

    /** Their targets (only the first rows() entries count); do not modify. */
    public double[] y() { return y; }
}
