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

    /** Row by row, p outer and j inner, so each c_ij is the chain fma(A_ip, B_pj, ·) over p in order. */
    @Override
    public void product(double[] a, int aAt, int rowStride, int colStride, double[] b, int bAt, int m, int k, int n,
                        double[] c, int cAt, boolean add) {
        for (int i = 0; i < m; i++) {
            int row = cAt + i * n;
            if (!add) java.util.Arrays.fill(c, row, row + n, 0.0);
            for (int p = 0; p < k; p++) {
                double aip = a[aAt + i * rowStride + p * colStride];
                int from = bAt + p * n;
                for (int j = 0; j < n; j++) c[row + j] = Math.fma(aip, b[from + j], c[row + j]);
            }
        }
    }

    @Override
    public void dots(double[] x, int at, int n, double[] w, int count, double[] z, boolean fromMemory) {
        for (int c = 0; c < count; c++) z[c] = dot(x, at + c * n, w, n);
    }

    /**
     * Four lane sums l_k = Σ x_{4i+k} w_{4i+k} (multiply-adds), then (l₀ + l₁) + (l₂ + l₃), then the
     * columns beyond the last multiple of 4. Two columns: x₀w₀ + x₁w₁.
     */
    @Override
    public double dot(double[] x, int at, double[] w, int n) {
        return rowDot(x, at, w, n);
    }

    /**
     * Per row: z = x_i·θ ({@link #rowDot}), ℓ′ and J_k, the stop test, then θ_j −= η_k·((0 + ℓ′x_j)·s)
     * for every column, as {@code oneRow}, {@code LinearModelLoss}'s scaling and
     * {@code GradientDescent.update} round it: ∇J_j = (0 + ℓ′x_j) × gradientScale / 1 row (the sum's
     * start, then the scaling), then θ_j − η∇J_j.
     *
     * <p>The stop test bounds the gradient instead of looking at its n entries: every
     * |∇J_j| = |(0 + ℓ′·x_j)·s| is at most (|ℓ′|·M)·|s|, M = largest ≥ every |x_j|, because rounding
     * keeps the order of magnitudes; when that bound is finite, so is every entry. Where the bound
     * overflows the span stops, and the one-row call makes that update and checks its gradient itself.
     */
    @Override
    public int stepRows(RowLoss loss, double valueScale, double gradientScale, double[] x, double[] y, int n,
                        double largest, int from, int to, double[] theta, double[] etas, double costLimit,
                        double[] costs) {
        double scale = Math.abs(gradientScale);
        for (int i = from; i < to; i++) {
            int off = i * n, k = i - from;
            double z = rowDot(x, off, theta, n), d = loss.slope(z, y[i]);
            double cost = valueScale * loss.value(z, y[i]);
            if (stopsBefore(cost, d, largest, scale, costLimit)) return k;
            double eta = etas[k];
            for (int j = 0; j < n; j++) theta[j] -= eta * ((0.0 + d * x[off + j]) * gradientScale);
            costs[k] = cost;
        }
        return to - from;
    }

    /**
     * The span's stop test, for both kernels: the update's cost J is not finite or is above the limit,
     * or its gradient's bound (|ℓ′|·M)·|s| overflows (see {@link #stepRows}).
     */
    static boolean stopsBefore(double cost, double slope, double largest, double scale, double costLimit) {
        return !Double.isFinite(cost) || !Double.isFinite(Math.abs(slope) * largest * scale) || cost > costLimit;
    }

    /** {@link #dot} as a static method, for the per-sample loop ({@link #stepRows}). */
    static double rowDot(double[] x, int at, double[] w, int n) {
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
     * Two columns, eight rows at a time as the SIMD kernel holds them: row 8q + r adds into its own
     * pair of sums (a_r for column 0, b_r for column 1). Then, per column, ((r0 + r4) + (r2 + r6)) +
     * ((r1 + r5) + (r3 + r7)), then the last count mod 8 rows one by one.
     */
    private static void accumulatePairs(double[] x, int at, double[] d, int count, double[] g) {
        double a0 = 0, b0 = 0, a1 = 0, b1 = 0, a2 = 0, b2 = 0, a3 = 0, b3 = 0;  // rows 8q … 8q + 3
        double a4 = 0, b4 = 0, a5 = 0, b5 = 0, a6 = 0, b6 = 0, a7 = 0, b7 = 0;  // rows 8q + 4 … 8q + 7
        int c = 0;
        for (; c + 7 < count; c += 8) {
            int o = at + 2 * c;
            a0 = Math.fma(x[o], d[c], a0);
            b0 = Math.fma(x[o + 1], d[c], b0);
            a1 = Math.fma(x[o + 2], d[c + 1], a1);
            b1 = Math.fma(x[o + 3], d[c + 1], b1);
            a2 = Math.fma(x[o + 4], d[c + 2], a2);
            b2 = Math.fma(x[o + 5], d[c + 2], b2);
            a3 = Math.fma(x[o + 6], d[c + 3], a3);
            b3 = Math.fma(x[o + 7], d[c + 3], b3);
            a4 = Math.fma(x[o + 8], d[c + 4], a4);
            b4 = Math.fma(x[o + 9], d[c + 4], b4);
            a5 = Math.fma(x[o + 10], d[c + 5], a5);
            b5 = Math.fma(x[o + 11], d[c + 5], b5);
            a6 = Math.fma(x[o + 12], d[c + 6], a6);
            b6 = Math.fma(x[o + 13], d[c + 6], b6);
            a7 = Math.fma(x[o + 14], d[c + 7], a7);
            b7 = Math.fma(x[o + 15], d[c + 7], b7);
        }
        double g0 = ((a0 + a4) + (a2 + a6)) + ((a1 + a5) + (a3 + a7));
        double g1 = ((b0 + b4) + (b2 + b6)) + ((b1 + b5) + (b3 + b7));
        for (; c < count; c++) {
            g0 = Math.fma(x[at + 2 * c], d[c], g0);
            g1 = Math.fma(x[at + 2 * c + 1], d[c], g1);
        }
        g[0] += g0;
        g[1] += g1;
    }

    @Override
    public void expOfMinusAbs(double[] z, int count, double[] e) {
        for (int k = 0; k < count; k++) e[k] = exp(-Math.abs(z[k]));
    }

    @Override
    public void logistic(double[] z, double[] e, int count, double[] s) {
        for (int k = 0; k < count; k++) s[k] = sigmoid(z[k], e[k]);
    }

    @Override
    public void subtract(double[] z, double[] y, int at, int count) {
        for (int k = 0; k < count; k++) z[k] -= y[at + k];
    }

    /** The vector kernel's four lanes as four sums, in its order. */
    @Override
    public double sumOfSquares(double[] a, int count) {
        double l0 = 0, l1 = 0, l2 = 0, l3 = 0;
        int k = 0;
        for (; k + 3 < count; k += 4) {
            l0 = Math.fma(a[k], a[k], l0);
            l1 = Math.fma(a[k + 1], a[k + 1], l1);
            l2 = Math.fma(a[k + 2], a[k + 2], l2);
            l3 = Math.fma(a[k + 3], a[k + 3], l3);
        }
        double s = (l0 + l1) + (l2 + l3);
        for (; k < count; k++) s = Math.fma(a[k], a[k], s);
        return s;
    }

    /** σ(z) from e = e^−|z|, as both kernels compute it: (z ≥ 0 ? 1 : e) / (1 + e). */
    static double sigmoid(double z, double e) {
        return (z >= 0 ? 1 : e) / (1 + e);
    }

    /** log₂ e, and ln 2 split into a double and the rest (Cody and Waite): k·LN2_HI is exact in an FMA. */
    static final double LOG2_E = 1.4426950408889634, LN2_HI = 0.6931471805599453, LN2_LO = 2.3190468138462996e-17;
    /**
     * 1.5·2⁵²: adding it rounds a double of magnitude below 2⁵¹ to an integer, which then sits in the low
     * bits of the sum; with 1023 (the exponent bias) added too, shifting those bits up by 52 gives 2^k.
     */
    static final double ROUNDER = 0x1.8p52, ROUNDER_BIASED = 0x1.8p52 + 1023;
    /** 1/i!: the Taylor coefficients of e^r (1/0! = 1/1! = 1), rounded to doubles. */
    static final double C2 = 1 / 2.0, C3 = 1 / 6.0, C4 = 1 / 24.0, C5 = 1 / 120.0, C6 = 1 / 720.0, C7 = 1 / 5040.0,
            C8 = 1 / 40320.0, C9 = 1 / 362880.0, C10 = 1 / 3628800.0, C11 = 1 / 39916800.0, C12 = 1 / 479001600.0,
            C13 = 1 / 6227020800.0;

    /**
     * e^x within one unit in the last place of {@link StrictMath#exp} (KernelTest tries 200,000
     * arguments over the whole range and the special values), by the textbook reduction (Muller, <i>Elementary
     * Functions</i>, ch. 11; Cody and Waite 1980): x = k·ln 2 + r with k an integer and |r| ≤ ln 2 / 2,
     * e^r by its Taylor polynomial of degree 13 (truncation below 5·10⁻¹⁸ relative) in Horner's form
     * with fused multiply-adds, then e^x = e^r · 2^k₁ · 2^(k − k₁) with k₁ ≈ k/2 (two factors, so that
     * results down to the smallest subnormal come out right). Written with only +, ×, FMA and bit
     * moves, each rounded as IEEE 754 prescribes, so that {@code VectorKernel} computes the same bits
     * four lanes at a time, compiled or not. {@link Math#exp} has no vector form that rounds as it does,
     * and the Vector API's {@code EXP} rounds differently before and after HotSpot compiles it.
     */
    static double exp(double x) {
        x = Math.max(Math.min(x, 710.0), -746.0);  // beyond these e^x is ∞ or 0 anyway; NaN stays NaN
        double k = Math.fma(x, LOG2_E, ROUNDER) - ROUNDER;  // round(x·log₂e)
        double r = Math.fma(-k, LN2_HI, x);
        r = Math.fma(-k, LN2_LO, r);
        double p = Math.fma(C13, r, C12);  // Horner: ((C13·r + C12)·r + C11)·r + …
        p = Math.fma(p, r, C11);
        p = Math.fma(p, r, C10);
        p = Math.fma(p, r, C9);
        p = Math.fma(p, r, C8);
        p = Math.fma(p, r, C7);
        p = Math.fma(p, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1.0);
        p = Math.fma(p, r, 1.0);
        double k1 = (k * 0.5 + ROUNDER) - ROUNDER, k2 = k - k1;
        return p * powerOfTwo(k1) * powerOfTwo(k2);
    }

    /** 2^k for an integer-valued k in −1022 … 1023. */
    private static double powerOfTwo(double k) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(k + ROUNDER_BIASED) << 52);
    }

    /**
     * Sixteen sums s_q = Σ a_{16i+q}; lanes t_k = (s_k + s_{4+k}) + (s_{8+k} + s_{12+k}); (t₀ + t₁) + (t₂ + t₃).
     * The sums are locals, not an array: {@link descent.Vectors#allFinite} adds long arrays with this
     * until the SIMD loops are in use (always, in a JVM without them), once per optimiser step.
     */
    @Override
    public double sum(double[] a) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        double s8 = 0, s9 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0;
        int k = 0;
        for (; k + 15 < a.length; k += 16) {
            s0 += a[k];
            s1 += a[k + 1];
            s2 += a[k + 2];
            s3 += a[k + 3];
            s4 += a[k + 4];
            s5 += a[k + 5];
            s6 += a[k + 6];
            s7 += a[k + 7];
            s8 += a[k + 8];
            s9 += a[k + 9];
            s10 += a[k + 10];
            s11 += a[k + 11];
            s12 += a[k + 12];
            s13 += a[k + 13];
            s14 += a[k + 14];
            s15 += a[k + 15];
        }
        double t0 = (s0 + s4) + (s8 + s12), t1 = (s1 + s5) + (s9 + s13);
        double t2 = (s2 + s6) + (s10 + s14), t3 = (s3 + s7) + (s11 + s15);
        double total = (t0 + t1) + (t2 + t3);
        for (; k < a.length; k++) total += a[k];
        return total;
    }

    @Override
    public String description() {
        return "plain Java (start the JVM with --add-modules jdk.incubator.vector for SIMD)";
    }
}
