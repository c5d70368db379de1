package descent.data;

import descent.Check;
import descent.core.GradientCore;

/**
 * A reusable buffer of rows copied out of one {@link Dataset}: where a minibatch sampler gathers the
 * next stretch of a shuffled row order, so that the batches read consecutive, cached rows. The
 * dataset itself is never written (its arrays are shared and must stay as built); the only way to
 * fill a block is to copy rows of its dataset, so its values are as finite and as checked as the
 * dataset's.
 */
public final class RowBlock {
    private final Dataset source;
    private final double[] x;
    private final double[] y;
    private int rows;

    /** An empty block for up to {@code capacity} rows of {@code source}. */
    public RowBlock(Dataset source, int capacity) {
        this.source = Check.notNull("source", source);
        if (capacity < 1 || capacity > source.rows()) {
            throw new IllegalArgumentException("capacity = " + capacity + " is invalid: a block holds between 1 and "
                    + source.rows() + " rows (the dataset's m)");
        }
        this.x = new double[capacity * source.cols()];
        this.y = new double[capacity];
    }

    /** Replaces the block's rows by rows {@code order[from..to)} of the dataset, in that order. */
    public void gather(int[] order, int from, int to) {
        Check.notNull("order", order);
        if (to - from > y.length) {
            throw new IllegalArgumentException("from = " + from + ", to = " + to + " is invalid: the block holds at most "
                    + y.length + " rows");
        }
        GradientCore.gather(source.x(), source.y(), source.cols(), order, from, to, x, y);
        rows = to - from;
    }

    /** The dataset the rows come from: its columns, names and checks apply to them. */
    public Dataset source() { return source; }

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
