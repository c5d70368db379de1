package descent.core;

/**
 * The two loops every gradient of a linear model needs, over a chunk of {@code count} rows stored
 * one after another from {@code x[at]} (row-major, n columns): the outputs z = X_chunk·w, and the
 * update g += X_chunkᵀ·d. One implementation uses the Vector API ({@code VectorKernel}), the other
 * plain Java ({@link ScalarKernel}); {@link GradientCore} picks one when it loads.
 */
interface Kernel {

    /**
     * z[c] = x_c·w for c = 0 … count − 1, each as {@link #dot} gives it. {@code fromMemory} says the
     * rows stream from main memory (the caller's X is larger than the caches): a kernel may then read
     * them in another order, never with other bits.
     */
    void dots(double[] x, int at, int n, double[] w, int count, double[] z, boolean fromMemory);

    /** g += Σ_c d[c]·x_c over the same rows. */
    void accumulate(double[] x, int at, int n, double[] d, int count, double[] g);

    /** x_i·w for the one row stored from x[at]: the same arithmetic as {@link #dots} gives that row. */
    double dot(double[] x, int at, double[] w, int n);

    /** e[k] = e^−|z[k]| for k = 0 … count − 1 (in (0, 1], never overflowing), as {@link ScalarKernel#exp} rounds it. */
    void expOfMinusAbs(double[] z, int count, double[] e);

    /**
     * s[k] = σ(z[k]) = 1/(1 + e^−z[k]) for k = 0 … count − 1, given e[k] = e^−|z[k]|: 1/(1 + e) for
     * z ≥ 0 and e/(1 + e) below. {@code s} may be {@code z} itself.
     */
    void logistic(double[] z, double[] e, int count, double[] s);

    /** z[k] −= y[at + k] for k = 0 … count − 1: the residuals z − y of a chunk, one subtraction per row. */
    void subtract(double[] z, double[] y, int at, int count);

    /**
     * Σ_k a[k]² for k = 0 … count − 1, in one order on every kernel: four lane sums, lane l taking
     * a[l], a[4 + l], a[8 + l], … up to the last multiple of 4, then the lanes as (l₀ + l₁) + (l₂ + l₃),
     * then the last count mod 4 entries one by one. Each square is added with one FMA.
     */
    double sumOfSquares(double[] a, int count);

    /**
     * g += Σ_c r_c·x_c over the chunk, with the residuals r_c = x_c·w − y[yAt + c], and returns
     * Σ_c r_c²: the gradient of the squared error (ℓ′ = r) and what its value needs. The squares are
     * formed even for a gradient alone, at one FMA per four rows: a flag to skip them, tested inside the
     * SIMD loops, made the 16-column gradient alone 20 times slower in the benchmarks (JMH, 100,000 × 16:
     * 6.2 ms against 0.39 without the flag). The same bits as {@link #dots}, {@link #subtract},
     * {@link #sumOfSquares} and {@link #accumulate} in turn, which is what this default does; a kernel
     * may do them in one pass.
     * {@code z} (count long) is room for the residuals; what it holds afterwards is unspecified;
     * {@code fromMemory} is {@link #dots}'s.
     */
    default double residualGradient(double[] x, int at, int n, double[] w, double[] y, int yAt, int count,
                                    double[] z, double[] g, boolean fromMemory) {
        dots(x, at, n, w, count, z, fromMemory);
        subtract(z, y, yAt, count);
        double squares = sumOfSquares(z, count);
        accumulate(x, at, n, z, count, g);
        return squares;
    }

    /**
     * Per-sample SGD over rows from..to of a row-major x, one update per row: exactly
     * {@link GradientCore#stepRows}, which documents the arithmetic, where a span stops and the
     * arguments. The plain-Java loop is {@link ScalarKernel#stepRows}; a kernel may keep θ in registers
     * where it can, with the same roundings, so the same bits.
     */
    int stepRows(RowLoss loss, double valueScale, double gradientScale, double[] x, double[] y, int n, double largest,
                 int from, int to, double[] theta, double[] etas, double costLimit, double[] costs);

    /**
     * C = A·B, or C += A·B when {@code add}, for an m×k matrix A whose entry (i, p) is
     * {@code a[aAt + i·rowStride + p·colStride]} (so A or Aᵀ of a row-major array), a row-major k×n B
     * from {@code b[bAt]} and a row-major m×n C from {@code c[cAt]}. Every entry is one chain of FMAs over p = 0, 1, …, k − 1, c ← fma(A_ip, B_pj, c),
     * starting from C's entry (add) or 0: the same bits on every kernel, whatever the blocking.
     */
    void product(double[] a, int aAt, int rowStride, int colStride, double[] b, int bAt, int m, int k, int n, double[] c,
                 int cAt, boolean add);

    /** Σ a_k, every entry read once: the memory floor of any pass over {@code a}. */
    double sum(double[] a);

    /** What this kernel is, for people: e.g. "SIMD, 4 doubles per instruction (Vector API)". */
    String description();
}
