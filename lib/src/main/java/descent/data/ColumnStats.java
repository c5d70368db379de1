package descent.data;

/**
 * The mean and the standard deviation of one column, computed without overflow or underflow: the values
 * are first divided by their largest magnitude s, so that every sum is of numbers in [−1, 1], and the
 * results are scaled back (mean = s·mean(v/s), sd = s·sd(v/s)). A column of ±1e200 or of values near
 * 1e308 gets its true mean and deviation instead of 0 or ∞ (the squares of 1e200 overflow; so does the
 * sum of two values near 1e308). Columns whose largest magnitude lies in [1e-150, 1e150], where neither
 * can happen, are not scaled (s = 1), so their results are the plain two-pass formula's to the bit
 * (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, §1.9).
 */
final class ColumnStats {
    /** The largest |v_i|, by which the column was scaled. */
    final double scale;
    /** mean(v/scale) and the population and sample standard deviations of v/scale. */
    private final double scaledMean, scaledPopulationSd, scaledSampleSd;

    ColumnStats(double[] v) {
        double s = 0;
        for (double a : v) s = Math.max(s, Math.abs(a));
        if (s >= 1e-150 && s <= 1e150) s = 1;  // no square or sum can overflow or underflow here
        scale = s;
        if (s == 0) {
            scaledMean = scaledPopulationSd = scaledSampleSd = 0;
            return;
        }
        int m = v.length;
        double sum = 0;
        for (double a : v) sum += a / s;
        double mean = sum / m;
        double ss = 0;
        for (double a : v) ss += (a / s - mean) * (a / s - mean);
        scaledMean = mean;
        scaledPopulationSd = Math.sqrt(ss / m);
        scaledSampleSd = m > 1 ? Math.sqrt(ss / (m - 1)) : 0;
    }

    double mean() { return scale * scaledMean; }

    /** √(Σ(v − mean)²/m). */
    double populationSd() { return scale * scaledPopulationSd; }

    /** √(Σ(v − mean)²/(m − 1)), 0 for one value. */
    double sampleSd() { return scale * scaledSampleSd; }

    /** mean/scale, for a transform that works on v/scale. */
    double scaledMean() { return scaledMean; }

    /** populationSd/scale. */
    double scaledPopulationSd() { return scaledPopulationSd; }
}
