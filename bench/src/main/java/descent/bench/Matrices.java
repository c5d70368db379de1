package descent.bench;

import descent.data.Dataset;
import java.util.SplittableRandom;

/** Seeded random problems shared by the benchmarks, so every method sees the same bytes. */
final class Matrices {
    private Matrices() {}

    /** An m×n design matrix with entries in [−1, 1) and targets from a fixed linear model plus noise. */
    static Dataset problem(int m, int n, long seed, boolean binaryTargets) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[m * n];
        for (int k = 0; k < x.length; k++) x[k] = 2 * random.nextDouble() - 1;
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double z = 0;
            for (int j = 0; j < n; j++) z += x[i * n + j] * (j % 3 - 1);
            double noisy = z + 0.1 * (random.nextDouble() - 0.5);
            y[i] = binaryTargets ? (noisy > 0 ? 1 : 0) : noisy;
        }
        return new Dataset(x, y, n);
    }

    /**
     * Waits (up to 30 s) until the gradient core runs its compiled SIMD loops, so that no measurement
     * catches the plain-Java loops it uses while HotSpot compiles them (same results, other timings).
     */
    static void awaitSimd() {
        descent.core.GradientCore.awaitSimd();
    }

    /** A weight vector with small deterministic entries. */
    static double[] weights(int n) {
        double[] w = new double[n];
        for (int j = 0; j < n; j++) w[j] = 0.01 * (j + 1);
        return w;
    }

    /** The naive second pass, g = Xᵀr, row by row over the row-major m×n X: both two-pass baselines use it. */
    static void transposeTimes(double[] x, int m, int n, double[] r, double[] g) {
        java.util.Arrays.fill(g, 0);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) g[j] += x[i * n + j] * r[i];
        }
    }
}
