package descent.core;

/**
 * The kernel in plain Java, doing exactly the arithmetic of {@code VectorKernel} one lane at a time:
 * the same fused multiply-adds ({@link Math#fma}) into the same four lane sums, added in the same
 * order. Its results are therefore bit-identical to the SIMD kernel's, which is what lets
 * {@link GradientCore} run it wherever the SIMD kernel cannot run or is not compiled yet, without a
 * result ever depending on which of the two ran. It is what a JVM without
 * {@code --add-modules jdk.incubator.vector} runs.
 *
 * <p>The lanes of a row of X are its columns j ≡ 0, 1, 2, 3 (mod 4) below the last multiple of 4;
 * columns beyond it are added one by one at the end.
 */
final class ScalarKernel implements Kernel {
    static final ScalarKernel INSTANCE = new ScalarKernel();

    private ScalarKernel() {}

    @Override
    public void dots(double[] x, int at, int n, double[] w, int count, double[] z) {
        for (int c = 0; c < count; c++) z[c] = dot(x, at + c * n, w, n);
    }

    /**
     * Four lane sums l_k = Σ x_{4i+k} w_{4i+k} (multiply-adds), then (l₀ + l₁) + (l₂ + l₃), then the
     * columns beyond the last multiple of 4. Two columns: x₀w₀ + x₁w₁.
     */
    @Override
    public double dot(double[] x, int at, double[] w, int n) {
        if (n == 2) return x[at] * w[0] + x[at + 1] * w[1];
        int bound = n & ~3;
        double l0 = 0, l1 = 0, l2 = 0, l3 = 0;
        for (int j = 0; j < bound; j += 4) {
            l0 = Math.fma(x[at + j], w[j], l0);
            l1 = Math.fma(x[at + j + 1], w[j + 1], l1);
            l2 = Math.fma(x[at + j + 2], w[j + 2], l2);
            l3 = Math.fma(x[at + j + 3], w[j + 3], l3);
        }
        double z = (l0 + l1) + (l2 + l3);
        for (int j = bound; j < n; j++) z = Math.fma(x[at + j], w[j], z);
        return z;
    }

    /**
     * Column by column: the even rows' multiply-adds e_j and the odd rows' o_j (a last odd-numbered
     * row goes to e_j), then g_j + (e_j + o_j); columns beyond the last multiple of 4 one row after
     * another. Two columns: see {@link #accumulatePairs}.
     */
    @Override
    public void accumulate(double[] x, int at, int n, double[] d, int count, double[] g) {
        if (n == 2) {
            accumulatePairs(x, at, d, count, g);
            return;
        }
        int bound = n & ~3, pairs = count & ~1;
        for (int j = 0; j < bound; j++) {
            double e = 0, o = 0;
            int c = 0;
            for (; c < pairs; c += 2) {
                e = Math.fma(x[at + c * n + j], d[c], e);
                o = Math.fma(x[at + (c + 1) * n + j], d[c + 1], o);
            }
            if (c < count) e = Math.fma(x[at + c * n + j], d[c], e);
            g[j] = g[j] + (e + o);
        }
        for (int j = bound; j < n; j++) {
            double s = 0;
            for (int c = 0; c < count; c++) s = Math.fma(x[at + c * n + j], d[c], s);
            g[j] += s;
        }
    }

    /**
     * Two columns, four rows at a time as the SIMD kernel holds them: rows 4q and 4q + 2 share one
     * set of sums, 4q + 1 and 4q + 3 another; per column the two sets are added, then the pairs.
     */
    private static void accumulatePairs(double[] x, int at, double[] d, int count, double[] g) {
        double a0 = 0, b0 = 0, a1 = 0, b1 = 0;  // rows 4q and 4q + 1: column 0 (a) and 1 (b)
        double a2 = 0, b2 = 0, a3 = 0, b3 = 0;  // rows 4q + 2 and 4q + 3
        int c = 0;
        for (; c + 3 < count; c += 4) {
            int o = at + 2 * c;
            a0 = Math.fma(x[o], d[c], a0);
            b0 = Math.fma(x[o + 1], d[c], b0);
            a1 = Math.fma(x[o + 2], d[c + 1], a1);
            b1 = Math.fma(x[o + 3], d[c + 1], b1);
            a2 = Math.fma(x[o + 4], d[c + 2], a2);
            b2 = Math.fma(x[o + 5], d[c + 2], b2);
            a3 = Math.fma(x[o + 6], d[c + 3], a3);
            b3 = Math.fma(x[o + 7], d[c + 3], b3);
        }
        double g0 = (a0 + a2) + (a1 + a3), g1 = (b0 + b2) + (b1 + b3);
        for (; c < count; c++) {
            g0 = Math.fma(x[at + 2 * c], d[c], g0);
            g1 = Math.fma(x[at + 2 * c + 1], d[c], g1);
        }
        g[0] += g0;
        g[1] += g1;
    }

    /** Sixteen sums s_q = Σ a_{16i+q}; lanes t_k = (s_k + s_{4+k}) + (s_{8+k} + s_{12+k}); (t₀ + t₁) + (t₂ + t₃). */
    @Override
    public double sum(double[] a) {
        double[] s = new double[16];
        int k = 0;
        for (; k + 15 < a.length; k += 16) {
            for (int q = 0; q < 16; q++) s[q] += a[k + q];
        }
        double[] t = new double[4];
        for (int l = 0; l < 4; l++) t[l] = (s[l] + s[4 + l]) + (s[8 + l] + s[12 + l]);
        double total = (t[0] + t[1]) + (t[2] + t[3]);
        for (; k < a.length; k++) total += a[k];
        return total;
    }

    @Override
    public String description() {
        return "plain Java (start the JVM with --add-modules jdk.incubator.vector for SIMD)";
    }
}
