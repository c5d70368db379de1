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
    /** Per column: the scale s_j its values are divided by first, and μ_j/s_j, σ_j/s_j (see {@link ColumnStats}). */
    private final double[] scales, scaledMeans, scaledSds;
    private final boolean bias;

    private Standardizer(double[] means, double[] sds, double[] scales, double[] scaledMeans, double[] scaledSds,
                         boolean bias) {
        this.means = means;
        this.sds = sds;
        this.scales = scales;
        this.scaledMeans = scaledMeans;
        this.scaledSds = scaledSds;
        this.bias = bias;
    }

    /**
     * Learns μ_j and σ_j of every column of {@code data}, without overflow: a column of ±1e200 or of values
     * near 1e308 gets its true mean and deviation (see {@link ColumnStats}), not zeros or ∞.
     */
    public static Standardizer fit(Dataset data) {
        Check.notNull("data", data);
        int n = data.cols();
        boolean bias = data.hasBias();
        double[] means = new double[n], sds = new double[n];
        double[] scales = new double[n], scaledMeans = new double[n], scaledSds = new double[n];
        String[] names = data.names();
        for (int j = 0; j < n; j++) {
            if (bias && j == 0) {
                sds[j] = scales[j] = scaledSds[j] = 1;
                continue;
            }
            ColumnStats stats = new ColumnStats(data.column(j));
            if (!(stats.scaledPopulationSd() > 0)) {
                throw new IllegalArgumentException("column " + j + " (\"" + names[j] + "\") has standard deviation 0: "
                        + "a constant column cannot be standardised; drop it or add it as the bias column");
            }
            means[j] = stats.mean();
            sds[j] = stats.populationSd();
            scales[j] = stats.scale;
            scaledMeans[j] = stats.scaledMean();
            scaledSds[j] = stats.scaledPopulationSd();
        }
        return new Standardizer(means, sds, scales, scaledMeans, scaledSds, bias);
    }

    /**
     * A new dataset with every (non-bias) column scaled by the learned μ_j and σ_j: x' = (x/s_j − μ_j/s_j)/(σ_j/s_j),
     * which is (x − μ_j)/σ_j without the overflow of x − μ_j near 1e308.
     */
    public Dataset transform(Dataset data) {
        Check.notNull("data", data);
        if (data.cols() != means.length) {
            throw new IllegalArgumentException("data has " + data.cols() + " columns but this standardizer was fitted on "
                    + means.length);
        }
        int n = data.cols();
        double[] x = data.x().clone();
        for (int i = 0; i < data.rows(); i++) {
            for (int j = bias ? 1 : 0; j < n; j++) {
                double v = (x[i * n + j] / scales[j] - scaledMeans[j]) / scaledSds[j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("data.x(" + i + ", " + j + ") = " + x[i * n + j] + " is invalid: "
                            + "standardised with μ = " + means[j] + " and σ = " + sds[j] + " (learned by fit) it is " + v
                            + "; it lies too far outside the data the standardizer was fitted on");
                }
                x[i * n + j] = v;
            }
        }
        return new Dataset(x, data.y(), n, data.names());
    }

    /** μ_j per column (0 for a bias column). */
    public double[] means() { return means.clone(); }

    /** σ_j per column (1 for a bias column). */
    public double[] sds() { return sds.clone(); }
}
