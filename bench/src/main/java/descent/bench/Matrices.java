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

    /** A weight vector with small deterministic entries. */
    static double[] weights(int n) {
        double[] w = new double[n];
        for (int j = 0; j < n; j++) w[j] = 0.01 * (j + 1);
        return w;
    }

    /** A seeded random permutation of 0 … m−1 (Fisher–Yates). */
    static int[] permutation(int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] p = new int[m];
        for (int i = 0; i < m; i++) p[i] = i;
        for (int i = m - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[k];
            p[k] = t;
        }
        return p;
    }

    /**
     * The memory-bandwidth floor: one streaming read of the array. Four independent accumulators
     * so the loop is limited by loads, not by the latency of one chain of additions.
     */
    static double streamingSum(double[] a) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (; k + 3 < a.length; k += 4) {
            s0 += a[k];
            s1 += a[k + 1];
            s2 += a[k + 2];
            s3 += a[k + 3];
        }
        for (; k < a.length; k++) s0 += a[k];
        return (s0 + s1) + (s2 + s3);
    }
}
