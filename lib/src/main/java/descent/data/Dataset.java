package descent.data;

import descent.Check;
import java.util.Arrays;

/**
 * A design matrix X (m rows, n columns, stored row-major in one {@code double[]}) and its targets y.
 *
 * <p>Row i, column j lives at {@code x[i * n + j]}. The arrays are shared, not copied: the gradient
 * core reads them directly, so nothing may modify them after construction. Feature names travel
 * with the data so plots and tables can label columns.
 */
public final class Dataset implements RowSource {
    private final double[] x;
    private final double[] y;
    private final int m;
    private final int n;
    private final String[] names;
    /** max |x_ij|, or −1 until {@link #largestMagnitude} is first asked (X never changes, so once is enough). */
    private volatile double largest = -1;

    /**
     * @param x     row-major m×n features (length m·n), all finite
     * @param y     m targets, all finite
     * @param n     number of columns (features), at least 1
     * @param names column names (length n), or null for x0, x1, …
     */
    public Dataset(double[] x, double[] y, int n, String[] names) {
        Check.atLeast("n (number of columns)", n, 1);
        Check.notNull("y", y);
        Check.atLeast("m (number of rows, y.length)", y.length, 1);
        this.m = y.length;
        this.n = n;
        Check.length("x", x, m * n, "m·n = " + m + "·" + n + ", row-major");
        Check.finite("x", x);
        Check.finite("y", y);
        if (names == null) {
            names = new String[n];
            for (int j = 0; j < n; j++) names[j] = "x" + j;
        }
        if (names.length != n) {
            throw new IllegalArgumentException("names has length " + names.length
                    + " but must have length n = " + n + " (one name per column)");
        }
        // tables, charts and CSV columns are found by name: a blank or repeated one would be taken silently
        Check.distinctNames("names", names);
        this.x = x;
        this.y = y;
        this.names = names.clone();
    }

    /** Data with default column names x0 … x(n-1). */
    public Dataset(double[] x, double[] y, int n) {
        this(x, y, n, null);
    }

    /** Builds a dataset from rows {@code features[i]} (each of the same length) and targets. */
    public static Dataset of(double[][] features, double[] y) {
        Check.notNull("features", features);
        Check.atLeast("features.length (rows)", features.length, 1);
        Check.notNull("y", y);
        if (y.length != features.length) {
            throw new IllegalArgumentException("y has length " + y.length + " but features has " + features.length
                    + " rows: give one target per row");
        }
        Check.notNull("features[0]", features[0]);
        int n = features[0].length;
        double[] x = new double[features.length * n];
        Check.size("features.length (rows)", features.length, n);
        for (int i = 0; i < features.length; i++) {
            Check.notNull("features[" + i + "]", features[i]);
            if (features[i].length != n) {
                throw new IllegalArgumentException("features[" + i + "] has length "
                        + features[i].length + " but must have length " + n + " like features[0]");
            }
            System.arraycopy(features[i], 0, x, i * n, n);
        }
        return new Dataset(x, y, n);
    }

    /** Number of rows (examples), m. */
    public int rows() { return m; }

    /** Number of columns (features, including the bias column if added), n. */
    public int cols() { return n; }

    /** The shared row-major feature array; do not modify. */
    public double[] x() { return x; }

    /**
     * The largest |x_ij| in X, computed on the first call: a bound that tells a per-sample SGD loop
     * when no gradient ℓ′·x_i can overflow (see {@code GradientCore.stepRows}).
     */
    public double largestMagnitude() {
        double m = largest;
        if (m < 0) {
            m = 0;
            for (double v : x) {
                double a = Math.abs(v);
                if (a > m) m = a;
            }
            largest = m;
        }
        return m;
    }

    /** The shared target array; do not modify. */
    public double[] y() { return y; }

    /** X[i][j] (an index out of range is an error: in the flat array it would silently read the next row). */
    public double x(int i, int j) {
        Check.index("i", i, m, "rows");
        Check.index("j", j, n, "columns");
        return x[i * n + j];
    }

    /** y[i]. */
    public double y(int i) {
        Check.index("i", i, m, "rows");
        return y[i];
    }

    /** Copy of column j. */
    public double[] column(int j) {
        Check.index("j", j, n, "columns");
        double[] c = new double[m];
        for (int i = 0; i < m; i++) c[i] = x[i * n + j];
        return c;
    }

    /** Column names. */
    public String[] names() { return names.clone(); }

    /** True if column 0 is all ones and named "bias". */
    public boolean hasBias() { return names[0].equals("bias"); }

    /**
     * X_b = [1, X]: a new dataset with a column of ones in front, so that w[0] is the intercept.
     */
    public Dataset withBias() {
        if (hasBias()) {
            throw new IllegalStateException("this dataset has a bias column already (column 0, \"bias\"): "
                    + "call withBias() once");
        }
        double[] xb = new double[m * (n + 1)];
        for (int i = 0; i < m; i++) {
            xb[i * (n + 1)] = 1.0;
            System.arraycopy(x, i * n, xb, i * (n + 1) + 1, n);
        }
        String[] nb = new String[n + 1];
        nb[0] = "bias";
        System.arraycopy(names, 0, nb, 1, n);
        return new Dataset(xb, y, n + 1, nb);
    }

    /** A new dataset holding the given rows, in that order (for train/test splits). */
    public Dataset select(int[] rows) {
        Check.notNull("rows", rows);
        Check.atLeast("rows.length", rows.length, 1);
        double[] xs = new double[rows.length * n];
        double[] ys = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            if (i < 0 || i >= m) {
                throw new IllegalArgumentException("rows[" + k + "] = " + i
                        + " is invalid: row indices are 0.." + (m - 1));
            }
            System.arraycopy(x, i * n, xs, k * n, n);
            ys[k] = y[i];
        }
        return new Dataset(xs, ys, n, names);
    }

    @Override
    public String toString() {
        return "Dataset[m=" + m + ", n=" + n + ", columns=" + Arrays.toString(names) + "]";
    }
}
