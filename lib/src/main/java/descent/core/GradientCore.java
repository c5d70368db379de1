package descent.core;

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

    private static volatile int threads = 1;
    private static ExecutorService pool;
    private static final ThreadLocal<double[]> BLOCK_GRADIENT = ThreadLocal.withInitial(() -> new double[0]);

    private GradientCore() {}

    /** Uses up to {@code count} threads for inputs of more than one block (default 1). */
    public static synchronized void setThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count = " + count + " is invalid: it must be >= 1 thread");
        }
        if (count != threads && pool != null) {
            pool.shutdown();
            pool = null;
        }
        threads = count;
    }

    /** The number of threads the core may use. */
    public static int threads() {
        return threads;
    }

    /**
     * Sums ℓ(x_i·w, y_i) over rows {@code rows[from..to)} (or rows from..to when {@code rows} is
     * null) and writes Σ ℓ'(x_i·w, y_i) x_i into {@code grad} (overwritten, length n).
     *
     * @param delta Huber's δ (ignored by the other kinds)
     * @return the summed loss
     */
    public static double sum(Kind kind, double delta, double[] x, double[] y, int n, double[] w,
                             int[] rows, int from, int to, double[] grad) {
        int count = to - from;
        int blocks = (count + BLOCK - 1) / BLOCK;
        int workers = Math.min(threads, blocks);
        if (workers <= 1) {
            return sequential(kind, delta, x, y, n, w, rows, from, to, grad);
        }
        return parallel(workers, blocks, kind, delta, x, y, n, w, rows, from, to, grad);
    }

    private static double sequential(Kind kind, double delta, double[] x, double[] y, int n, double[] w,
                                      int[] rows, int from, int to, double[] grad) {
        double[] partial = blockBuffer(n);
        java.util.Arrays.fill(grad, 0, n, 0.0);
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
        ExecutorService executor = executor();
        for (int t = 0; t < workers; t++) {
            int first = t;
            jobs.add(executor.submit(() -> {
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

    /** One block of rows: the fused loop. {@code g} must be zero on entry; the block's loss is returned. */
    private static double block(Kind kind, double delta, double[] x, double[] y, int n, double[] w,
                                int[] rows, int from, int to, double[] g) {
        double loss = 0;
        for (int k = from; k < to; k++) {
            int i = rows == null ? k : rows[k];
            int off = i * n;
            double z = dot(x, off, w, n);
            double yi = y[i];
            double d;
            switch (kind) {
                case SQUARED -> {
                    d = z - yi;
                    loss += d * d;
                }
                case LOG -> {
                    // log(1 + e^z) = max(z, 0) + log1p(e^−|z|): finite for any z.
                    loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - yi * z;
                    d = sigmoid(z) - yi;
                }
                default -> {
                    double r = z - yi;
                    if (Math.abs(r) <= delta) {
                        loss += 0.5 * r * r;
                        d = r;
                    } else {
                        loss += delta * (Math.abs(r) - 0.5 * delta);
                        d = Math.copySign(delta, r);
                    }
                }
            }
            for (int j = 0; j < n; j++) g[j] += d * x[off + j];
        }
        return loss;
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

    /** σ(z) = 1/(1 + e^−z), evaluated without overflow for large |z|. */
    public static double sigmoid(double z) {
        if (z >= 0) return 1 / (1 + Math.exp(-z));
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** The linear model's output x_i·w for one row. */
    public static double predict(double[] x, int n, double[] w, int row) {
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

    private static synchronized ExecutorService executor() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "descent-gradient-core");
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }
}
