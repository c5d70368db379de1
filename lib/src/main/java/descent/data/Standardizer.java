package descent.data;

import descent.Check;

/**
 * Feature scaling x'_ij = (x_ij − μ_j)/σ_j with each column's mean and (population) standard
 * deviation, learned on one dataset (the training set) and applied to others. Gradient descent
 * needs it: columns on very different scales make the cost a long narrow valley. A bias column is
 * left alone.
 */
public final class Standardizer {
    private final double[] means;
    private final double[] sds;
    private final boolean bias;

    private Standardizer(double[] means, double[] sds, boolean bias) {
        this.means = means;
        this.sds = sds;
        this.bias = bias;
    }

    /** Learns μ_j and σ_j of every column of {@code data}. */
    public static Standardizer fit(Dataset data) {
        Check.notNull("data", data);
        int m = data.rows();
        int n = data.cols();
        boolean bias = data.hasBias();
        double[] means = new double[n];
        double[] sds = new double[n];
        String[] names = data.names();
        for (int j = 0; j < n; j++) {
            if (bias && j == 0) {
                sds[j] = 1;
                continue;
            }
            double s = 0;
            for (int i = 0; i < m; i++) s += data.x(i, j);
            double mean = s / m;
            double ss = 0;
            for (int i = 0; i < m; i++) ss += (data.x(i, j) - mean) * (data.x(i, j) - mean);
            double sd = Math.sqrt(ss / m);
            if (!(sd > 0)) {
                throw new IllegalArgumentException("column " + j + " (\"" + names[j] + "\") has standard deviation 0: "
                        + "a constant column cannot be standardised; drop it or add it as the bias column");
            }
            means[j] = mean;
            sds[j] = sd;
        }
        return new Standardizer(means, sds, bias);
    }

    /** A new dataset with every (non-bias) column scaled by the learned μ_j and σ_j. */
    public Dataset transform(Dataset data) {
        Check.notNull("data", data);
        if (data.cols() != means.length) {
            throw new IllegalArgumentException("data has " + data.cols() + " columns but this standardizer was fitted on "
                    + means.length);
        }
        int n = data.cols();
        double[] x = data.x().clone();
        for (int i = 0; i < data.rows(); i++) {
            for (int j = bias ? 1 : 0; j < n; j++) x[i * n + j] = (x[i * n + j] - means[j]) / sds[j];
        }
        return new Dataset(x, data.y(), n, data.names());
    }

    /** μ_j per column (0 for a bias column). */
    public double[] means() { return means.clone(); }

    /** σ_j per column (1 for a bias column). */
    public double[] sds() { return sds.clone(); }
}
