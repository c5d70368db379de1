package descent.data;

/**
 * Rows of a design matrix X and their targets y, wherever they live: in the heap ({@link Dataset})
 * or in a file read a block at a time ({@link RowFile}). What a loss needs to know about the rows
 * besides their values.
 */
public sealed interface RowSource permits Dataset, RowFile {

    /** Number of rows (examples), m. */
    int rows();

    /** Number of columns (features, including the bias column if added), n. */
    int cols();

    /** Column names. */
    String[] names();

    /** True if column 0 is all ones and named "bias". */
    boolean hasBias();

    /** The largest |x_ij| in X: a bound that tells a per-sample SGD loop when no gradient can overflow. */
    double largestMagnitude();
}
