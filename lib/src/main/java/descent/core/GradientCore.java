package descent.core;

import descent.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The gradient core: the only hot loops in the library. One fused pass over the rows of a
 * row-major X computes, for a linear model z_i = x_i·w, both the summed loss Σ ℓ(z_i, y_i) and the
 * summed gradient Σ ℓ'(z_i, y_i) x_i — no m-length temporaries, each row read once.
 *
 * <p>Rows are processed in blocks of {@link #BLOCK} rows; every block's partial sums are formed on
 * their own and added in block order. The arithmetic is therefore the same whether one thread does
 * every block or several threads share them, so results are bit-identical for any thread count.
 * The single-thread path allocates nothing per call (its block buffer is reused per thread).
 *
 * <p>Callers (the {@link descent.loss} classes) scale the sums by 1/m, 2/m, … as their formula says.
 */
public final class GradientCore {
    /** Rows per block: the unit of work and of summation order. */
    public static final int BLOCK = 8192;

    /** Which per-row loss ℓ(z, y) to accumulate. */
    public enum Kind {
        /** ℓ = r², ℓ' = r with r = z − y (the factor 2 is applied by the caller). */
        SQUARED,
        /** ℓ = log(1 + e^z) − y z (binary cross-entropy in terms of the logit), ℓ' = σ(z) − y. */
        LOG,
        /** ℓ = ½r² for |r| ≤ δ, δ(|r| − ½δ) otherwise; ℓ' = clamp(r, −δ, δ). */
        HUBER
    }

    /**
     * Worker threads for sums split over several threads: created on demand, shared, daemon (they never
     * keep a notebook's JVM alive) and ended after a minute idle. Holds no settings: how many threads a
     * sum uses is an argument of {@link #sum}.
     */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "descent-gradient-core");
        t.setDaemon(true);
        return t;
    });
    private static final ThreadLocal<double[]> BLOCK_GRADIENT = ThreadLocal.withInitial(() -> new double[0]);

    private GradientCore() {}

    /**
     * Sums ℓ(x_i·w, y_i) over rows {@code rows[from..to)} (or rows from..to when {@code rows} is
     * null) and writes Σ ℓ'(x_i·w, y_i) x_i into {@code grad} (overwritten, length n), on one thread.
     *
     * @param delta Huber's δ (ignored by the other kinds)
     * @return the summed loss
     */
    public static double sum(Kind kind, double delta, double[] x, double[] y, int n, double[] w,
                             int[] rows, int from, int to, double[] grad) {
        return sum(kind, delta, x, y, n, w, rows, from, to, grad, 1);
    }

    /**
     * As {@link #sum(Kind, double, double[], double[], int, double[], int[], int, int, double[])}, with
     * the blocks shared among up to {@code threads} threads when there is more than one block. The
     * result is bit-identical for any thread count.
     */
    public static double sum(Kind kind, double delta, double[] x, double[] y, int n, double[] w,
                             int[] rows, int from, int to, double[] grad, int threads) {
        Check.atLeast("threads", threads, 1);
        int count = to - from;
        if (count == 1) return oneRow(kind, delta, x, y, n, w, rows == null ? from : rows[from], grad);
        int blocks = (count + BLOCK - 1) / BLOCK;
        int workers = Math.min(threads, blocks);
        if (workers <= 1) {
            return sequential(kind, delta, x, y, n, w, rows, from, to, grad);
        }
        return parallel(workers, blocks, kind, delta, x, y, n, w, rows, from, to, grad);
    }

    private static double sequential(Kind kind, double delta, double[] x, double[] y, int n, double[] w,
                                      int[] rows, int from, int to, double[] grad) {
        java.util.Arrays.fill(grad, 0, n, 0.0);
        if (to - from <= BLOCK) { // one block (every minibatch): 0 + partial = partial, so sum in place
            return block(kind, delta, x, y, n, w, rows, from, to, grad);
        }
        double[] partial = blockBuffer(n);
        double loss = 0;
        for (int start = from; start < to; start += BLOCK) {
            java.util.Arrays.fill(partial, 0, n, 0.0);
            loss += block(kind, delta, x, y, n, w, rows, start, Math.min(start + BLOCK, to), partial);
            for (int j = 0; j < n; j++) grad[j] += partial[j];
        }
        return loss;
    }

    private static double parallel(int workers, int blocks, Kind kind, double delta, double[] x, double[] y,
                                   int n, double[] w, int[] rows, int from, int to, double[] grad) {
        double[][] partials = new double[blocks][n];
        double[] losses = new double[blocks];
        List<Future<?>> jobs = new ArrayList<>(workers);
        for (int t = 0; t < workers; t++) {
            int first = t;
            jobs.add(WORKERS.submit(() -> {
                for (int b = first; b < blocks; b += workers) {
                    int start = from + b * BLOCK;
                    losses[b] = block(kind, delta, x, y, n, w, rows, start, Math.min(start + BLOCK, to), partials[b]);
                }
            }));
        }
        for (Future<?> job : jobs) {
            try {
                job.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while computing a gradient", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        // Same order of additions as the sequential path: block by block.
        java.util.Arrays.fill(grad, 0, n, 0.0);
        double loss = 0;
        for (int b = 0; b < blocks; b++) {
            loss += losses[b];
            for (int j = 0; j < n; j++) grad[j] += partials[b][j];
        }
        return loss;
    }

    /**
     * One block of rows: the fused loop. {@code g} must be zero on entry; the block's loss is
     * returned. Each kind has its own copy of the loop so that the JIT compiles each without the
     * others' branches. Rows go four at a time: their four dot products share each load of w, and
     * the gradient update g += d₀x₀ + d₁x₁ + d₂x₂ + d₃x₃ touches g once per four rows instead of
     * once per row (the JIT vectorises that loop). The order of additions depends only on the rows'
     * positions in the block, never on the thread count.
     */
    private static double block(Kind kind, double delta, double[] x, double[] y, int n, double[] w,
                                int[] rows, int from, int to, double[] g) {
        return switch (kind) {
            case SQUARED -> blockSquared(x, y, n, w, rows, from, to, g);
            case LOG -> blockLog(x, y, n, w, rows, from, to, g);
            case HUBER -> blockHuber(delta, x, y, n, w, rows, from, to, g);
        };
    }

    /** ℓ = r², ℓ' = r, r = z − y. */
    private static double blockSquared(double[] x, double[] y, int n, double[] w, int[] rows, int from, int to,
                                       double[] g) {
        double loss = 0;
        int k = from;
        for (; k + 3 < to; k += 4) {
            int i0 = row(rows, k), i1 = row(rows, k + 1), i2 = row(rows, k + 2), i3 = row(rows, k + 3);
            int o0 = i0 * n, o1 = i1 * n, o2 = i2 * n, o3 = i3 * n;
            double z0 = 0, z1 = 0, z2 = 0, z3 = 0;
            for (int j = 0; j < n; j++) {
                double wj = w[j];
                z0 += x[o0 + j] * wj;
                z1 += x[o1 + j] * wj;
                z2 += x[o2 + j] * wj;
                z3 += x[o3 + j] * wj;
            }
            double r0 = z0 - y[i0], r1 = z1 - y[i1], r2 = z2 - y[i2], r3 = z3 - y[i3];
            loss += (r0 * r0 + r1 * r1) + (r2 * r2 + r3 * r3);
            addRows(g, x, n, o0, o1, o2, o3, r0, r1, r2, r3);
        }
        for (; k < to; k++) {
            int i = row(rows, k), off = i * n;
            double r = dot(x, off, w, n) - y[i];
            loss += r * r;
            addRow(g, x, n, off, r);
        }
        return loss;
    }

    /**
     * ℓ = log(1 + e^z) − y z, ℓ' = σ(z) − y. With e = e^−|z| ≤ 1, log(1 + e^z) = max(z, 0) +
     * log(1 + e) and σ(z) = 1/(1 + e) or e/(1 + e): one exponential per row, finite for any z.
     */
    private static double blockLog(double[] x, double[] y, int n, double[] w, int[] rows, int from, int to,
                                   double[] g) {
        double loss = 0;
        int k = from;
        for (; k + 3 < to; k += 4) {
            int i0 = row(rows, k), i1 = row(rows, k + 1), i2 = row(rows, k + 2), i3 = row(rows, k + 3);
            int o0 = i0 * n, o1 = i1 * n, o2 = i2 * n, o3 = i3 * n;
            double z0 = 0, z1 = 0, z2 = 0, z3 = 0;
            for (int j = 0; j < n; j++) {
                double wj = w[j];
                z0 += x[o0 + j] * wj;
                z1 += x[o1 + j] * wj;
                z2 += x[o2 + j] * wj;
                z3 += x[o3 + j] * wj;
            }
            double e0 = Math.exp(-Math.abs(z0)), e1 = Math.exp(-Math.abs(z1));
            double e2 = Math.exp(-Math.abs(z2)), e3 = Math.exp(-Math.abs(z3));
            loss += (logLoss(z0, e0, y[i0]) + logLoss(z1, e1, y[i1])) + (logLoss(z2, e2, y[i2]) + logLoss(z3, e3, y[i3]));
            addRows(g, x, n, o0, o1, o2, o3, sigmoid(z0, e0) - y[i0], sigmoid(z1, e1) - y[i1],
                    sigmoid(z2, e2) - y[i2], sigmoid(z3, e3) - y[i3]);
        }
        for (; k < to; k++) {
            int i = row(rows, k), off = i * n;
            double z = dot(x, off, w, n), e = Math.exp(-Math.abs(z));
            loss += logLoss(z, e, y[i]);
            addRow(g, x, n, off, sigmoid(z, e) - y[i]);
        }
        return loss;
    }

    /** ℓ = ½r² for |r| ≤ δ, δ(|r| − ½δ) otherwise; ℓ' = clamp(r, −δ, δ). */
    private static double blockHuber(double delta, double[] x, double[] y, int n, double[] w, int[] rows,
                                     int from, int to, double[] g) {
        double loss = 0;
        for (int k = from; k < to; k++) {
            int i = row(rows, k), off = i * n;
            double r = dot(x, off, w, n) - y[i];
            double a = Math.abs(r);
            loss += a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
            addRow(g, x, n, off, a <= delta ? r : Math.copySign(delta, r));
        }
        return loss;
    }

    /**
     * One row (per-sample SGD): the block loop's arithmetic without its set-up. g = ℓ'·x_i written
     * directly equals 0 + ℓ'·x_i, so the result is the block loop's.
     */
    private static double oneRow(Kind kind, double delta, double[] x, double[] y, int n, double[] w, int i,
                                 double[] g) {
        int off = i * n;
        double z = dot(x, off, w, n), loss, d;
        switch (kind) {
            case SQUARED -> {
                d = z - y[i];
                loss = d * d;
            }
            case LOG -> {
                double e = Math.exp(-Math.abs(z));
                loss = logLoss(z, e, y[i]);
                d = sigmoid(z, e) - y[i];
            }
            default -> {
                double r = z - y[i], a = Math.abs(r);
                loss = a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
                d = a <= delta ? r : Math.copySign(delta, r);
            }
        }
        for (int j = 0; j < n; j++) g[j] = d * x[off + j];
        return loss;
    }

    private static int row(int[] rows, int k) {
        return rows == null ? k : rows[k];
    }

    /** log(1 + e^z) − y z without overflow: max(z, 0) + log1p(e) − y z, given e = e^−|z|. */
    private static double logLoss(double z, double e, double y) {
        return Math.max(z, 0) + Math.log1p(e) - y * z;
    }

    /** σ(z) given e = e^−|z|: 1/(1 + e) for z ≥ 0, e/(1 + e) otherwise (as {@link #sigmoid(double)}). */
    private static double sigmoid(double z, double e) {
        return (z >= 0 ? 1 : e) / (1 + e);
    }

    /** g += d₀x₀ + d₁x₁ + d₂x₂ + d₃x₃ for the rows at offsets o₀…o₃. */
    private static void addRows(double[] g, double[] x, int n, int o0, int o1, int o2, int o3,
                                double d0, double d1, double d2, double d3) {
        for (int j = 0; j < n; j++) {
            g[j] += (d0 * x[o0 + j] + d1 * x[o1 + j]) + (d2 * x[o2 + j] + d3 * x[o3 + j]);
        }
    }

    /** g += d·x for the row at offset off. */
    private static void addRow(double[] g, double[] x, int n, int off, double d) {
        for (int j = 0; j < n; j++) g[j] += d * x[off + j];
    }

    /** x[off..off+n)·w with four independent partial sums, so the loop is not one long add chain. */
    static double dot(double[] x, int off, double[] w, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += x[off + j] * w[j];
            s1 += x[off + j + 1] * w[j + 1];
            s2 += x[off + j + 2] * w[j + 2];
            s3 += x[off + j + 3] * w[j + 3];
        }
        for (; j < n; j++) s0 += x[off + j] * w[j];
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Σ a_k, read once from start to end with four independent partial sums: the floor any
     * gradient over the same array must pay (every entry has to come from memory once). The
     * benchmarks and the course's "why minibatches are fast" notebook compare against it.
     */
    public static double streamingSum(double[] a) {
        Check.notNull("a", a);
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

    /**
     * Copies rows {@code rows[from..to)} of X (n columns) and their targets into {@code xOut} and
     * {@code yOut}, in that order. Small batches of shuffled rows otherwise wait on memory once per
     * row; the copies here are independent of each other, so the processor overlaps their waits,
     * and the batches then read the copied rows from cache.
     */
    public static void gather(double[] x, double[] y, int n, int[] rows, int from, int to,
                              double[] xOut, double[] yOut) {
        // O(1) checks, once per block: the copy loop itself stays unchecked
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.notNull("rows", rows);
        Check.atLeast("n", n, 1);
        if (from < 0 || to < from || to > rows.length) {
            throw new IllegalArgumentException("from = " + from + ", to = " + to + " is invalid: need 0 ≤ from ≤ to ≤ "
                    + rows.length + " (rows.length)");
        }
        Check.notNull("xOut", xOut);
        Check.notNull("yOut", yOut);
        if (xOut.length < (to - from) * n || yOut.length < to - from) {
            throw new IllegalArgumentException("xOut has length " + xOut.length + " and yOut " + yOut.length
                    + " but the " + (to - from) + " rows need " + (to - from) * n + " and " + (to - from));
        }
        int m = Math.min(y.length, x.length / n);
        for (int k = from; k < to; k++) {
            int i = rows[k];
            if (i < 0 || i >= m) {
                throw new IllegalArgumentException("rows[" + k + "] = " + i + " is invalid: rows are 0.." + (m - 1));
            }
            System.arraycopy(x, i * n, xOut, (k - from) * n, n);
            yOut[k - from] = y[i];
        }
    }

    /** σ(z) = 1/(1 + e^−z), evaluated without overflow for large |z|. */
    public static double sigmoid(double z) {
        if (z >= 0) return 1 / (1 + Math.exp(-z));
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** The linear model's output x_i·w for one row. */
    public static double predict(double[] x, int n, double[] w, int row) {
        Check.notNull("x", x);
        Check.atLeast("n", n, 1);
        Check.length("w", w, n, "one weight per column");
        Check.index("row", row, x.length / n, "rows");
        return dot(x, row * n, w, n);
    }

    private static double[] blockBuffer(int n) {
        double[] buffer = BLOCK_GRADIENT.get();
        if (buffer.length < n) {
            buffer = new double[n];
            BLOCK_GRADIENT.set(buffer);
        }
        return buffer;
    }
}
