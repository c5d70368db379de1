package descent.core;

/**
 * The rows of X and their targets handed over one block at a time, in order: a file read a block
 * at a time ({@code descent.data.RowFile}). {@link GradientCore#sum(RowLoss, boolean, RowStream,
 * double[], double[])} sums over them with the bits of the same sum in memory.
 */
public interface RowStream {

    /** Columns of X, n. */
    int cols();

    /** All the rows the stream hands over, m. */
    long rows();

    /**
     * Reads the next block into {@link #x()} and {@link #y()} from their start and returns its row
     * count: {@link GradientCore#BLOCK} rows, fewer in the last block, 0 after it.
     */
    int next();

    /** The block's rows, row-major (the first count·n entries count). */
    double[] x();

    /** The block's targets. */
    double[] y();
}
