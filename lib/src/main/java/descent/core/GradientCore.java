package descent.core;

import descent.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The gradient core: the only hot loops in the library. For a linear model z_i = x_i·w and a
 * per-row loss ℓ (a {@link RowLoss}), one pass over the rows of a row-major X computes the summed
 * loss Σ ℓ(z_i, y_i) and the summed gradient Σ ℓ′(z_i, y_i)·x_i, with no m-length temporaries.
 *
 * <p><b>How a pass goes.</b> Rows are taken in chunks small enough to stay in the L1 cache (about
 * 16 KB of X). For each chunk the kernel computes the outputs z = X_chunk·w, the loss's own loop
 * turns them into slopes ℓ′ (and sums ℓ when asked), and the kernel adds X_chunkᵀ·ℓ′ into the
 * gradient. The chunk's rows are read from memory once; the second look at them hits the cache.
 * For the squared error, whose slope is the residual z − y ({@link RowLoss#slopeIsResidual}), the
 * kernel forms the residuals, their squares and the update in one pass instead, without calling the
 * loss's loops. Rows picked through an index array are first copied into a contiguous chunk, so both
 * forms do the same arithmetic.
 *
 * <p><b>Kernels.</b> When the JVM has the module {@code jdk.incubator.vector} (the course's kernels,
 * tests and benchmarks start it with {@code --add-modules jdk.incubator.vector}) and 256-bit
 * vectors, the loops use SIMD instructions; otherwise they are plain Java. {@link #kernel()} says
 * which. The plain-Java kernel does the SIMD kernel's arithmetic lane by lane, so the two give the
 * same bits: a result never depends on which ran. The system property {@code descent.simd=false}
 * forces plain Java.
 *
 * <p><b>Threads.</b> Rows are processed in blocks of {@link #BLOCK} rows; every block's partial sums
 * are formed on their own and added in block order. The arithmetic is therefore the same whether one
 * thread does every block or several threads share them, so results are bit-identical for any thread
 * count. The single-thread path allocates nothing per call (its buffers are reused per thread).
 *
 * <p>Callers (the {@link descent.loss} classes) scale the sums by 1/m, 2/m, … as their formula says.
 */
public final class GradientCore {
    /** Rows per block: the unit of work and of summation order. */
    public static final int BLOCK = 8192;

    /** The SIMD kernel, or null in a JVM that cannot run it. */
    private static final Kernel SIMD = loadSimd();
    /**
     * Set once the SIMD loops are compiled. Until then every sum runs {@link ScalarKernel}, which gives
     * bit-identical results: Vector API code that HotSpot has not compiled yet runs a hundred times
     * slower than plain Java, which would cost a notebook's first cells about half a second per loop.
     */
    private static volatile boolean simdCompiled;
    /**
     * Entries of X (2²², 32 MB) from which a sum over consecutive rows tells the kernel that they
     * come from main memory ({@link Kernel#dots}), not from a cache. Measured on the AMD EPYC at 128
     * columns: one row after another was slower up to 16 MB of X and faster from 32 MB on.
     */
    static final long FROM_MEMORY_ENTRIES = 1L << 22;
    private static final java.util.concurrent.atomic.AtomicBoolean WARM_UP_STARTED =
            new java.util.concurrent.atomic.AtomicBoolean();

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
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private GradientCore() {}

    /**
     * The SIMD kernel when the Vector API is there, the machine has 256-bit vectors and
     * {@code descent.simd} is not "false"; else null. The SIMD class is loaded only after the module
     * is known to be present, so a JVM without it never touches the class.
     */
    private static Kernel loadSimd() {
        if ("false".equals(System.getProperty("descent.simd"))) return null;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return null;
        try {
            return (Kernel) Class.forName("descent.core.VectorKernel").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) { // no 256-bit vectors, or no module after all
            return null;
        }
    }

    /**
     * A daemon thread runs both kernels on small data of its own, side by side, until the SIMD one is
     * no longer far slower than plain Java three rounds in a row: HotSpot has compiled its loops. Then
     * every sum switches to it. The switch never changes a result (the two are bit-identical); it only
     * spares the caller the slow start. After a minute without that, plain Java stays.
     */
    private static void startWarmUp() {
        if (SIMD == null || !WARM_UP_STARTED.compareAndSet(false, true)) return;
        Kernel simd = SIMD;
        Thread warmer = new Thread(() -> {
            long deadline = System.nanoTime() + 60_000_000_000L;
            int fastRounds = 0;
            while (System.nanoTime() < deadline && fastRounds < 3) {
                long vector = exercise(simd), plain = exercise(ScalarKernel.INSTANCE);
                fastRounds = vector <= 2 * plain ? fastRounds + 1 : 0;
            }
            simdCompiled = fastRounds == 3;
        }, "descent-simd-warm-up");
        warmer.setDaemon(true);
        warmer.start();
    }

    /**
     * Nanoseconds for 20 rounds of every path of {@code kernel}: two columns, four-row groups,
     * leftover rows, 16-column blocks, leftover columns, the streaming sum, the residuals and their
     * squares, the one-pass residual gradient, the exponential and σ, the matrix product of a layer.
     * Few rows per call: the compiler counts calls, and each call before compilation is slow.
     * Not {@link Kernel#stepRows}: it calls the loss's ℓ and ℓ′ for every row, and a warm-up loss of
     * its own would join the losses the compiler sees there (HotSpot inlines two; of three or more,
     * only one that makes nearly all the calls). It compiles during its first long run instead: that
     * run is about 0.15 s slower, once per JVM (100,000 rows of 16 columns, measured on the Intel Xeon).
     */
    private static long exercise(Kernel kernel) {
        long start = System.nanoTime();
        double[] z = new double[20], d = new double[20];
        double[] b = new double[3 * 13], c = new double[5 * 13];
        for (int k = 0; k < b.length; k++) b[k] = (k % 5 - 2) * 0.5;
        for (int rep = 0; rep < 20; rep++) {
            // a network layer's product: 4-row blocks and a leftover row, 8 and 4 columns and a leftover
            kernel.product(b, 0, 3, 1, b, 0, 5, 3, 13, c, 0, rep % 2 == 0);
            kernel.product(b, 0, 1, 5, b, 0, 5, 3, 13, c, 0, false);
            for (int n : new int[] {2, 5, 16, 19, 32}) {
                double[] x = new double[20 * n], w = new double[n], g = new double[n];
                for (int k = 0; k < x.length; k++) x[k] = (k % 7 - 3) * 0.25;
                for (int j = 0; j < n; j++) w[j] = j % 3 - 1;
                int count = rep % 4 == 0 ? 20 : 7;
                boolean fromMemory = rep % 2 == 1;
                kernel.dots(x, 0, n, w, count, z, fromMemory);
                System.arraycopy(z, 0, d, 0, count);
                kernel.accumulate(x, 0, n, d, count, g);
                kernel.dot(x, n, w, n);
                kernel.sum(x);
                kernel.subtract(z, d, 0, count);
                kernel.sumOfSquares(z, count);
                kernel.residualGradient(x, 0, n, w, d, 0, count, z, g, fromMemory);
                kernel.expOfMinusAbs(z, count, d);
                kernel.logistic(z, d, count, d);
            }
        }
        return System.nanoTime() - start;
    }

    /** The loops a sum runs now. */
    private static Kernel kernelNow() {
        return simdCompiled ? SIMD : ScalarKernel.INSTANCE;
    }

    /**
     * True once the SIMD loops are compiled and in use: about a second after the core's first sum, or
     * after {@link #awaitSimd()} (false for good in a JVM without SIMD).
     * Results do not depend on it; timings do.
     */
    public static boolean simdInUse() {
        return simdCompiled;
    }

    /**
     * Starts compiling the SIMD loops if nothing has yet, waits until they are in use (at most 30 s; at
     * once in a JVM without SIMD) and returns {@link #simdInUse()}. For timings only: a measurement taken in the first second
     * after the core's first use would time the plain-Java twin. Results never depend on it.
     */
    public static boolean awaitSimd() {
        startWarmUp();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (SIMD != null && !simdCompiled && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return simdCompiled;
    }

    /**
     * True when this JVM runs the SIMD loops (the Vector API): from the moment they are compiled, a
     * fraction of a second after the core's first use; false when it runs plain Java. Either way the
     * results are the same, to the last bit.
     */
    public static boolean simd() {
        return SIMD != null;
    }

    /** Which loops this JVM runs, in words: "SIMD, 4 doubles per instruction (…)" or "plain Java (…)". */
    public static String kernel() {
        return (SIMD != null ? SIMD : ScalarKernel.INSTANCE).description();
    }

    /**
     * Sums ℓ(x_i·w, y_i) over rows {@code rows[from..to)} (or rows from..to when {@code rows} is
     * null) and writes Σ ℓ′(x_i·w, y_i) x_i into {@code grad} (overwritten, length n), on one thread.
     *
     * @return the summed loss
     */
    public static double sum(RowLoss loss, double[] x, double[] y, int n, double[] w,
                             int[] rows, int from, int to, double[] grad) {
        return sum(loss, true, x, y, n, w, rows, from, to, grad, 1);
    }

    /**
     * As {@link #sum(RowLoss, double[], double[], int, double[], int[], int, int, double[])}, with the
     * blocks shared among up to {@code threads} threads when there is more than one block (the result
     * is bit-identical for any thread count), and the loss summed only if {@code withLoss}: a
     * gradient alone never evaluates ℓ.
     *
     * @return the summed loss, or 0 when {@code withLoss} is false
     */
    public static double sum(RowLoss loss, boolean withLoss, double[] x, double[] y, int n, double[] w,
                             int[] rows, int from, int to, double[] grad, int threads) {
        Check.atLeast("threads", threads, 1);
        checkSum(loss, x, y, n, w, rows, from, to, grad);
        if (to - from == 1) return oneRow(loss, withLoss, x, y, n, w, rows == null ? from : rows[from], grad);
        // The first sum of any size starts compiling the SIMD loops on a thread of their own (about a second of
        // one core, once per JVM): a session that only ever sums 1,000 × 16 would otherwise stay on the plain
        // loops, 5× slower there, for good. Until they are compiled the twin runs, with the same bits.
        if (!simdCompiled) startWarmUp();
        int blocks = (to - from + BLOCK - 1) / BLOCK;
        int workers = Math.min(threads, blocks);
        boolean fromMemory = fromMemory(rows, from, to, n);
        if (workers <= 1) {
            return sequential(loss, withLoss, x, y, n, w, rows, from, to, grad, fromMemory);
        }
        return parallel(workers, blocks, loss, withLoss, x, y, n, w, rows, from, to, grad, fromMemory);
    }

    /**
     * As {@link #sum(RowLoss, boolean, double[], double[], int, double[], int[], int, int, double[], int)}
     * over all the rows of X, X handed over a block at a time ({@link RowStream}: a file read a block
     * at a time): the same blocks of {@link #BLOCK} rows, each block's partial sums formed on their own
     * and added in block order, so the result has the bits of the sum over the same rows in memory.
     * Only one block's rows are in memory at a time.
     *
     * @return the summed loss, or 0 when {@code withLoss} is false
     */
    public static double sum(RowLoss loss, boolean withLoss, RowStream rows, double[] w, double[] grad) {
        Check.notNull("loss", loss);
        Check.notNull("rows", rows);
        int n = rows.cols();
        long total = rows.rows();
        Check.length("w", w, n, "one weight per column of X");
        Check.length("grad", grad, n, "one entry per weight");
        if (total == 1) {  // as in memory: one row takes the one-row path
            next(rows, 0, total);
            return oneRow(loss, withLoss, rows.x(), rows.y(), n, w, 0, grad);
        }
        if (!simdCompiled) startWarmUp();
        Scratch scratch = SCRATCH.get();
        Kernel kernel = kernelNow();
        java.util.Arrays.fill(grad, 0, n, 0.0);
        if (total <= BLOCK) {  // as in memory: one block sums in place
            int count = next(rows, 0, total);
            return block(kernel, scratch, loss, withLoss, rows.x(), rows.y(), n, w, null, 0, count, grad, false);
        }
        double[] partial = scratch.partial(n);
        double sum = 0;
        for (long seen = 0; seen < total; ) {
            int count = next(rows, seen, total);
            java.util.Arrays.fill(partial, 0, n, 0.0);
            sum += block(kernel, scratch, loss, withLoss, rows.x(), rows.y(), n, w, null, 0, count, partial, false);
            for (int j = 0; j < n; j++) grad[j] += partial[j];
            seen += count;
        }
        return sum;
    }

    /** The stream's next block, which must hold min(BLOCK, rows left) rows: the blocks of a sum in memory. */
    private static int next(RowStream rows, long seen, long total) {
        int count = rows.next();
        if (count != Math.min(BLOCK, total - seen)) {
            throw new IllegalStateException("a row stream of " + total + " rows handed over " + count + " rows after "
                    + seen + ": every block but the last must hold " + BLOCK + " rows");
        }
        return count;
    }

    /**
     * Whether the kernel is to read the rows of a sum as rows from main memory ({@link Kernel#dots}):
     * consecutive rows (picked rows are copied into a chunk in the cache first), at least
     * {@link #FROM_MEMORY_ENTRIES} entries of X in all.
     */
    static boolean fromMemory(int[] rows, int from, int to, int n) {
        return rows == null && (long) (to - from) * n >= FROM_MEMORY_ENTRIES;
    }

    private static double sequential(RowLoss loss, boolean withLoss, double[] x, double[] y, int n, double[] w,
                                      int[] rows, int from, int to, double[] grad, boolean fromMemory) {
        Scratch scratch = SCRATCH.get();
        Kernel kernel = kernelNow();
        java.util.Arrays.fill(grad, 0, n, 0.0);
        if (to - from <= BLOCK) { // one block (every minibatch): 0 + partial = partial, so sum in place
            return block(kernel, scratch, loss, withLoss, x, y, n, w, rows, from, to, grad, fromMemory);
        }
        double[] partial = scratch.partial(n);
        double sum = 0;
        for (int start = from; start < to; start += BLOCK) {
            java.util.Arrays.fill(partial, 0, n, 0.0);
            sum += block(kernel, scratch, loss, withLoss, x, y, n, w, rows, start, Math.min(start + BLOCK, to), partial,
                    fromMemory);
            for (int j = 0; j < n; j++) grad[j] += partial[j];
        }
        return sum;
    }

    private static double parallel(int workers, int blocks, RowLoss loss, boolean withLoss, double[] x,
                                   double[] y, int n, double[] w, int[] rows, int from, int to, double[] grad,
                                   boolean fromMemory) {
        Kernel kernel = kernelNow();
        double[][] partials = new double[blocks][n];
        double[] sums = new double[blocks];
        List<Future<?>> jobs = new ArrayList<>(workers);
        for (int t = 0; t < workers; t++) {
            int first = t;
            jobs.add(WORKERS.submit(() -> {
                Scratch scratch = SCRATCH.get();
                for (int b = first; b < blocks; b += workers) {
                    int start = from + b * BLOCK;
                    sums[b] = block(kernel, scratch, loss, withLoss, x, y, n, w, rows, start,
                            Math.min(start + BLOCK, to), partials[b], fromMemory);
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
        double sum = 0;
        for (int b = 0; b < blocks; b++) {
            sum += sums[b];
            for (int j = 0; j < n; j++) grad[j] += partials[b][j];
        }
        return sum;
    }

    /**
     * One row (per-sample SGD) without the chunk machinery, with the chunk path's arithmetic: a chunk
     * of one row computes z as {@link Kernel#dot} does, ℓ and ℓ′ as the row forms do (0 + v = v), and
     * g_j = 0 + ℓ′·x_j.
     */
    private static double oneRow(RowLoss loss, boolean withLoss, double[] x, double[] y, int n, double[] w, int i,
                                 double[] g) {
        int off = i * n;
        double z = kernelNow().dot(x, off, w, n), d = loss.slope(z, y[i]);
        for (int j = 0; j < n; j++) g[j] = 0.0 + d * x[off + j];
        return withLoss ? loss.value(z, y[i]) : 0;
    }

    /**
     * Per-sample SGD over rows {@code from..to} of a row-major x, one update per row, in row order:
     * for the row i of update k, with z = x_i·θ,
     * <pre>
     *   J_k = valueScale · ℓ(z, y_i),   ∇J_k = gradientScale · ℓ′(z, y_i) · x_i,   θ ← θ − η_k ∇J_k
     * </pre>
     * (Robbins and Monro 1951; Bottou, "Large-scale machine learning with stochastic gradient descent",
     * 2010: the update on one example). Each number is rounded exactly as {@link #sum} over that one
     * row, the loss's scaling and {@code GradientDescent}'s update round it, so the trajectory is the
     * same bits as one public call per update; only the calls, checks and copies between the updates
     * are gone. This loop is the whole inner loop of a per-sample epoch: each update's dot product
     * needs the θ of the update before, so what is left between two updates is the arithmetic. With
     * SIMD, rows of 16 to 19 columns keep θ in four vector registers for the whole span (see
     * {@code VectorKernel.stepRows}); the bits are the same.
     *
     * <p>It stops before the update whose J_k is not finite or exceeds {@code costLimit}, or whose
     * ∇J_k might not be finite (its bound (|ℓ′|·M)·|gradientScale| overflows, M = {@code largest}; see
     * {@code ScalarKernel.stepRows}): the caller decides what that means (the descent loop makes that
     * update through the one-row call, whose check reports divergence).
     * Callers check the arguments (lengths, finite θ and η).
     *
     * @param largest a bound on every |x_ij| of the rows (the dataset's {@code largestMagnitude})
     * @param etas   η_k for update k = 0, 1, …, to − from − 1
     * @param costs  receives J_k for each update made
     * @return the number of updates made, {@code to − from} unless one was stopped
     */
    public static int stepRows(RowLoss loss, double valueScale, double gradientScale, double[] x, double[] y, int n,
                               double largest, int from, int to, double[] theta, double[] etas, double costLimit,
                               double[] costs) {
        checkSum(loss, x, y, n, theta, null, from, to, theta);
        Check.notNull("etas", etas);
        Check.notNull("costs", costs);
        if (etas.length < to - from || costs.length < to - from) {
            throw new IllegalArgumentException("etas has length " + etas.length + " and costs " + costs.length + " but "
                    + (to - from) + " updates need one entry each");
        }
        return kernelNow().stepRows(loss, valueScale, gradientScale, x, y, n, largest, from, to, theta, etas, costLimit,
                costs);
    }

    /**
     * One block of rows, chunk by chunk: outputs, slopes (and losses), gradient. {@code g} must be
     * zero on entry; the block's summed loss is returned (0 without {@code withLoss}). Chunks start at
     * the block's first row, so the order of additions depends only on the rows' positions in the
     * block, never on the thread count. {@code fromMemory} is {@link Kernel#dots}'s: it changes the
     * order the rows are read in, never the bits.
     */
    private static double block(Kernel kernel, Scratch scratch, RowLoss loss, boolean withLoss, double[] x, double[] y, int n,
                                double[] w, int[] rows, int from, int to, double[] g, boolean fromMemory) {
        int chunk = chunkRows(n);
        double[] z = scratch.z(chunk), work = scratch.work(chunk);
        boolean residual = loss.slopeIsResidual();
        double sum = 0;
        for (int k = from; k < to; k += chunk) {
            int count = Math.min(chunk, to - k);
            double[] xs = x, ys = y;
            int xAt = k * n, yAt = k;
            if (rows != null) { // copy the picked rows next to each other (the loops read them twice)
                xs = scratch.x(chunk * n);
                ys = scratch.y(chunk);
                copyRows(x, y, n, rows, k, k + count, xs, ys);
                xAt = 0;
                yAt = 0;
            }
            if (residual) { // the squared error: outputs, residuals, their squares and the update in one pass
                double squares = kernel.residualGradient(xs, xAt, n, w, ys, yAt, count, z, g, fromMemory);
                if (withLoss) sum += loss.valueOfResiduals(squares);
                continue;
            }
            kernel.dots(xs, xAt, n, w, count, z, fromMemory);
            if (withLoss) {
                sum += loss.valuesAndSlopes(z, ys, yAt, count, work);
            } else {
                loss.slopes(z, ys, yAt, count, work);
            }
            kernel.accumulate(xs, xAt, n, z, count, g);
        }
        return sum;
    }

    /** Rows per chunk: about 2,048 entries of X (16 KB, well inside L1), 4 to 256 rows, a multiple of 4. */
    static int chunkRows(int n) {
        return Math.max(4, Math.min(256, 2048 / n & ~3));
    }

    /**
     * Σ a_k, every entry read once from start to end (with SIMD additions when the kernel has them):
     * the floor any gradient over the same array must pay, since every entry has to come from memory
     * once. The benchmarks and the course's "why minibatches are fast" notebook compare against it,
     * and {@link descent.Vectors#allFinite} adds with it.
     */
    public static double streamingSum(double[] a) {
        Check.notNull("a", a);
        return kernelNow().sum(a);
    }

    /**
     * Copies rows {@code rows[from..to)} of X (n columns) and their targets into {@code xOut} and
     * {@code yOut}, in that order. Small batches of shuffled rows otherwise wait on memory once per
     * row; the copies here are independent of each other, so the processor overlaps their waits,
     * and the batches then read the copied rows from cache.
     */
    public static void gather(double[] x, double[] y, int n, int[] rows, int from, int to,
                              double[] xOut, double[] yOut) {
        gather(x, y, n, rows, from, to, xOut, yOut, 0);
    }

    /**
     * As {@link #gather(double[], double[], int, int[], int, int, double[], double[])}, the rows written
     * from row {@code at} of {@code xOut} and {@code yOut} on: a batch that takes the end of one window of
     * a streamed file and the start of the next is gathered in two calls.
     */
    public static void gather(double[] x, double[] y, int n, int[] rows, int from, int to,
                              double[] xOut, double[] yOut, int at) {
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
        Check.atLeast("at", at, 0);
        if (xOut.length < (at + to - from) * (long) n || yOut.length < at + to - from) {
            throw new IllegalArgumentException("xOut has length " + xOut.length + " and yOut " + yOut.length
                    + " but the " + (to - from) + " rows" + (at == 0 ? "" : " from row " + at + " on") + " need "
                    + (at + to - from) * (long) n
                    + " and " + (at + to - from));
        }
        int m = Math.min(y.length, x.length / n);
        for (int k = from; k < to; k++) {
            if (rows[k] < 0 || rows[k] >= m) {
                throw new IllegalArgumentException("rows[" + k + "] = " + rows[k] + " is invalid: rows are 0.." + (m - 1));
            }
        }
        copyRows(x, y, n, rows, from, to, xOut, yOut, at);
    }

    /** Rows rows[from..to) of X and their targets into xOut, yOut from their start; unchecked. */
    private static void copyRows(double[] x, double[] y, int n, int[] rows, int from, int to,
                                 double[] xOut, double[] yOut) {
        copyRows(x, y, n, rows, from, to, xOut, yOut, 0);
    }

    /** Rows rows[from..to) of X and their targets into xOut, yOut from row {@code at} on; unchecked. */
    private static void copyRows(double[] x, double[] y, int n, int[] rows, int from, int to,
                                 double[] xOut, double[] yOut, int at) {
        for (int k = from; k < to; k++) {
            int i = rows[k];
            System.arraycopy(x, i * n, xOut, (k - from + at) * n, n);
            yOut[k - from + at] = y[i];
        }
    }

    /**
     * σ(z) = 1/(1 + e^−z), evaluated without overflow for large |z|: with e = e^−|z|, 1/(1 + e) for
     * z ≥ 0 and e/(1 + e) below. The same bits as {@link #logistic} gives for a chunk.
     */
    public static double sigmoid(double z) {
        return ScalarKernel.sigmoid(z, ScalarKernel.exp(-Math.abs(z)));
    }

    /**
     * The core's exponential: e^x within one unit in the last place of {@link StrictMath#exp}
     * (Cody–Waite reduction, degree-13 Taylor polynomial; see {@code ScalarKernel.exp}), the same bits
     * in SIMD and plain Java, compiled or not. The losses use it, never {@link Math#exp}, so a single
     * row and a chunk of rows agree exactly.
     */
    public static double exp(double x) {
        return ScalarKernel.exp(x);
    }

    /** e[k] = e^−|z[k]| for k = 0 … count − 1, as {@link #exp} rounds it (SIMD when available). */
    public static void expOfMinusAbs(double[] z, int count, double[] e) {
        checkRoom("z", z, count);
        checkRoom("e", e, count);
        kernelNow().expOfMinusAbs(z, count, e);
    }

    /**
     * s[k] = σ(z[k]) for k = 0 … count − 1 given e[k] = e^−|z[k]| (from {@link #expOfMinusAbs}), as
     * {@link #sigmoid} rounds it (SIMD when available). {@code s} may be {@code z}.
     */
    public static void logistic(double[] z, double[] e, int count, double[] s) {
        checkRoom("z", z, count);
        checkRoom("e", e, count);
        checkRoom("s", s, count);
        kernelNow().logistic(z, e, count, s);
    }

    /**
     * z[k] −= y[at + k] for k = 0 … count − 1 (SIMD when available): the residuals z − y of a chunk of
     * rows, which the squared error's and the log loss's slopes end with.
     */
    public static void subtract(double[] z, double[] y, int at, int count) {
        checkRoom("z", z, count);
        Check.atLeast("at", at, 0);
        Check.notNull("y", y);
        if (y.length - at < count) {
            throw new IllegalArgumentException("y has length " + y.length + " but entries y[" + at + " … " + at + " + "
                    + count + ") are asked for");
        }
        kernelNow().subtract(z, y, at, count);
    }

    /**
     * Σ a[k]² for k = 0 … count − 1 (SIMD when available), added in the order in which {@link #sum}
     * adds up the squares of a chunk's residuals z − y for a term whose slope is the residual.
     */
    public static double sumOfSquares(double[] a, int count) {
        checkRoom("a", a, count);
        return kernelNow().sumOfSquares(a, count);
    }

    /**
     * The shapes of a sum over rows {@code rows[from..to)} (or rows from..to when {@code rows} is null) of
     * the m = y.length rows of X: a non-empty range inside the rows, row indices inside X, w and grad of
     * length n. A reversed range would otherwise sum nothing and return 0, and one past the end would
     * fail with an index error from inside the loops. O(1), plus O(to − from) for picked rows.
     */
    private static void checkSum(RowLoss loss, double[] x, double[] y, int n, double[] w, int[] rows, int from, int to,
                                 double[] grad) {
        Check.notNull("loss", loss);
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.atLeast("n", n, 1);
        int m = y.length;
        if ((long) m * n > x.length) {
            throw new IllegalArgumentException("x has length " + x.length + " but y's " + m + " rows of n = " + n
                    + " columns need " + (long) m * n);
        }
        Check.length("w", w, n, "one weight per column");
        Check.length("grad", grad, n, "one entry per weight");
        int end = rows == null ? m : rows.length;
        if (from < 0 || from >= to || to > end) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") are invalid: need 0 <= from < to <= " + end
                    + (rows == null ? " (the rows of X)" : " (rows.length)"));
        }
        if (rows != null) {
            for (int k = from; k < to; k++) {
                if (rows[k] < 0 || rows[k] >= m) {
                    throw new IllegalArgumentException("rows[" + k + "] = " + rows[k] + " is invalid: rows are 0.." + (m - 1));
                }
            }
        }
    }

    /** count ≥ 0 and {@code array} non-null with room for count entries: O(1), once per chunk of rows. */
    /** An element-wise loss's arguments: count outputs and targets, room for count slopes, a finite scale. */
    private static void checkLossArguments(String outputName, double[] outputs, String targetName, double[] targets,
                                           int count, double scale, double[] delta) {
        checkRoom(outputName, outputs, count);
        checkRoom(targetName, targets, count);
        checkRoom("delta", delta, count);
        checkScale(scale);
    }

    private static void checkScale(double scale) {
        if (!Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale = " + scale + " is invalid: it must be a finite number (1/m for a mean)");
        }
    }

    /** {@code array[at … at + count)} exists: O(1), before a loop that reads or writes it unchecked. */
    private static void checkSlot(String name, double[] array, int at, long count) {
        Check.notNull(name, array);
        Check.atLeast("at", at, 0);
        if (at + count > array.length) {
            throw new IllegalArgumentException(name + " has length " + array.length + " but entries " + name + "[" + at
                    + " … " + at + " + " + count + ") are asked for");
        }
    }

    private static void checkRoom(String name, double[] array, int count) {
        Check.atLeast("count", count, 0);
        Check.notNull(name, array);
        if (array.length < count) {
            throw new IllegalArgumentException(name + " has length " + array.length + " but count = " + count
                    + " entries are asked for");
        }
    }

    // ---- matrix products: the hot loops of the array-level autodiff (descent.autodiff.Tensor) ----

    /**
     * C = A·B for a row-major m×k matrix A and k×n matrix B, into the m×n matrix {@code c} (overwritten).
     * Each entry is a row of A times a column of B as {@link Kernel#dot} rounds a dot product (SIMD when
     * available, the same bits either way): B is transposed once, then row i of C is the kernel's dots of
     * row i of A against the rows of Bᵀ. For a column vector B (n = 1) that is exactly the linear
     * model's z = Xw of {@link #sum}, bit for bit.
     */
    public static void matmul(double[] a, double[] b, int m, int k, int n, double[] c) {
        checkProduct(a, "m×k", m, k, b, "k×n", k, n, c, "m×n", m, n);
        matmul(kernelForProducts(), a, b, m, k, n, c);
    }

    /**
     * C = A·Bᵀ for a row-major m×k matrix A and n×k matrix B, into the m×n matrix {@code c} (overwritten):
     * entry (i, j) is row i of A times row j of B, as {@link #matmul} rounds it. The backward pass of
     * C = A·B gives dA = dC·Bᵀ this way.
     */
    public static void matmulTransposedB(double[] a, double[] b, int m, int k, int n, double[] c) {
        checkProduct(a, "m×k", m, k, b, "n×k", n, k, c, "m×n", m, n);
        matmulTransposedB(kernelForProducts(), a, b, m, k, n, c);
    }

    /**
     * C = Aᵀ·B for a row-major m×k matrix A and m×n matrix B, into the k×n matrix {@code c} (overwritten):
     * column j of C is Σ_i B[i, j]·(row i of A), summed as the kernel's {@link Kernel#accumulate} sums a
     * gradient Σ ℓ′_i x_i. The backward pass of C = A·B gives dB = Aᵀ·dC this way; for n = 1 it is the
     * linear model's Xᵀd.
     */
    public static void matmulTransposedA(double[] a, double[] b, int m, int k, int n, double[] c) {
        checkProduct(a, "m×k", m, k, b, "m×n", m, n, c, "k×n", k, n);
        matmulTransposedA(kernelForProducts(), a, b, m, k, n, c);
    }

    /**
     * C = A·B, or C += A·B when {@code add}, for an m×k matrix A read from {@code a} with strides: entry
     * (i, p) is {@code a[aAt + i·rowStride + p·colStride]}, so (k, 1) reads a row-major A and (1, m) the
     * transpose of a row-major k×m array; B is row-major k×n from {@code b[bAt]}, C row-major m×n from
     * {@code c[cAt]} (so both can be slots of a flat θ or gradient).
     * Each entry is one chain of FMAs over p in order ({@link Kernel#product}): the same bits on the
     * SIMD and plain-Java kernels. A layer's three products run here: Z = A·W (after C = b, with add),
     * dW = Aᵀ·δ and dA = δ·Wᵀ (with Wᵀ as B). Allocates nothing.
     */
    public static void product(double[] a, int aAt, int rowStride, int colStride, double[] b, int bAt, int m, int k,
                               int n, double[] c, int cAt, boolean add) {
        Check.notNull("a", a);
        Check.notNull("b", b);
        Check.notNull("c", c);
        Check.atLeast("m", m, 1);
        Check.atLeast("k", k, 1);
        Check.atLeast("n", n, 1);
        Check.atLeast("rowStride", rowStride, 0);
        Check.atLeast("colStride", colStride, 0);
        Check.atLeast("aAt", aAt, 0);
        Check.atLeast("bAt", bAt, 0);
        Check.atLeast("cAt", cAt, 0);
        long lastOfA = aAt + (long) (m - 1) * rowStride + (long) (k - 1) * colStride;
        if (lastOfA >= a.length || bAt + (long) k * n > b.length || cAt + (long) m * n > c.length) {
            throw new IllegalArgumentException("a has length " + a.length + ", b " + b.length + " and c " + c.length
                    + " but A (m×k = " + m + "×" + k + ", strides " + rowStride + ", " + colStride + ") reads up to a["
                    + lastOfA + "], B (k×n) ends at b[" + (bAt + (long) k * n - 1) + "] and C (m×n) at c["
                    + (cAt + (long) m * n - 1) + "]");
        }
        kernelForProducts().product(a, aAt, rowStride, colStride, b, bAt, m, k, n, c, cAt, add);
    }

    /**
     * a[k] = tanh(z[k]) for k &lt; count, as sign(z)·(1 − e)/(1 + e) with e = e^−2|z| from the kernel's
     * exponential ({@link #expOfMinusAbs}): finite for every z, within a few units of 10⁻¹⁶ of
     * {@link Math#tanh} absolutely (for small |z|, where 1 − e cancels, not relatively; below 2⁻²⁸ it is z
     * itself). {@code a} must not be
     * {@code z}.
     */
    public static void tanh(double[] z, int count, double[] a) {
        checkRoom("z", z, count);
        checkRoom("a", a, count);
        if (z == a) throw new IllegalArgumentException("tanh: z and a must be different arrays");
        for (int k = 0; k < count; k++) a[k] = 2 * z[k];
        kernelNow().expOfMinusAbs(a, count, a);
        // below 2⁻²⁸, tanh z = z in doubles, where 1 − e would cancel to nothing
        for (int k = 0; k < count; k++) a[k] = Math.abs(z[k]) < 0x1p-28 ? z[k] : Math.copySign((1 - a[k]) / (1 + a[k]), z[k]);
    }

    /** s[k] = σ(z[k]) for k &lt; count, through {@link #expOfMinusAbs} and {@link #logistic}; s must not be z. */
    public static void sigmoids(double[] z, int count, double[] s) {
        checkRoom("z", z, count);
        checkRoom("s", s, count);
        if (z == s) throw new IllegalArgumentException("sigmoids: z and s must be different arrays");
        Kernel kernel = kernelNow();
        kernel.expOfMinusAbs(z, count, s);
        kernel.logistic(z, s, count, s);
    }

    /** a[k] = max(z[k], 0) for k &lt; count. */
    public static void relu(double[] z, int count, double[] a) {
        checkRoom("z", z, count);
        checkRoom("a", a, count);
        for (int k = 0; k < count; k++) a[k] = Math.max(z[k], 0);
    }

    /**
     * The backward step of an activation a = g(z), entry by entry for k &lt; count: d[k] ×= g′, with g′
     * from the activation's output a: 1 − a² (tanh), a(1 − a) (σ), [a &gt; 0] (ReLU, {@code kind} 2).
     * {@code kind}: 0 tanh, 1 σ, 2 ReLU.
     */
    public static void activationSlope(int kind, double[] a, int count, double[] d) {
        checkRoom("a", a, count);
        checkRoom("d", d, count);
        switch (kind) {
            case 0 -> { for (int k = 0; k < count; k++) d[k] *= 1 - a[k] * a[k]; }
            case 1 -> { for (int k = 0; k < count; k++) d[k] *= a[k] * (1 - a[k]); }
            case 2 -> { for (int k = 0; k < count; k++) if (!(a[k] > 0)) d[k] = 0; }
            default -> throw new IllegalArgumentException("kind = " + kind + " is invalid: 0 (tanh), 1 (σ) or 2 (ReLU)");
        }
    }

    /** t (n×m, row-major) = the transpose of the m×n matrix stored from a[at]: Wᵀ for the product δ·Wᵀ. */
    public static void transpose(double[] a, int at, int m, int n, double[] t) {
        Check.atLeast("m", m, 0);
        Check.atLeast("n", n, 0);
        checkSlot("a", a, at, (long) m * n);
        checkSlot("t", t, 0, (long) m * n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) t[j * m + i] = a[at + i * n + j];
        }
    }

    /** into[at + j] = Σ_i d[i·n + j] over m rows (a bias's gradient: the column sums of δ), rows in order. */
    public static void columnSums(double[] d, int m, int n, double[] into, int at) {
        Check.atLeast("m", m, 0);
        Check.atLeast("n", n, 0);
        checkSlot("d", d, 0, (long) m * n);
        checkSlot("into", into, at, n);
        java.util.Arrays.fill(into, at, at + n, 0.0);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) into[at + j] += d[i * n + j];
        }
    }

    /**
     * The softmax cross-entropy of m rows of K logits z against classes y_i (whole numbers 0 … K − 1, not
     * checked here): returns Σ_i logΣ_c e^{z_ic} − z_{i,y_i}, with max_c z_ic subtracted inside the
     * exponentials, and writes δ_ic = (softmax(z_i)_c − [c = y_i])·scale (Goodfellow, Bengio and
     * Courville, <i>Deep Learning</i>, 2016, §6.2.2.3), the arithmetic of {@code TensorLosses.softmaxCrossEntropy}.
     */
    public static double softmaxCrossEntropy(double[] z, int m, int kinds, double[] y, double scale, double[] delta) {
        Check.atLeast("m", m, 0);
        Check.atLeast("kinds", kinds, 2);
        checkRoom("y", y, m);  // first: its message names m
        checkSlot("z", z, 0, (long) m * kinds);
        checkSlot("delta", delta, 0, (long) m * kinds);
        checkScale(scale);
        double s = 0;
        for (int i = 0; i < m; i++) {
            int at = i * kinds;
            double largest = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < kinds; c++) largest = Math.max(largest, z[at + c]);
            double total = 0;
            for (int c = 0; c < kinds; c++) total += delta[at + c] = Math.exp(z[at + c] - largest);
            int label = (int) y[i];
            if (label != y[i] || label < 0 || label >= kinds) {  // one comparison a row: a class must be 0 … K − 1
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is invalid: a class is a whole number 0 … "
                        + (kinds - 1));
            }
            for (int c = 0; c < kinds; c++) delta[at + c] = (delta[at + c] / total - (c == label ? 1 : 0)) * scale;
            s += largest + Math.log(total) - z[at + label];
        }
        return s;
    }

    /**
     * Σ_k log(1 + e^{z_k}) − y_k z_k over count logits (as {@code descent.loss.LogLoss}), writing
     * δ_k = (σ(z_k) − y_k)·scale.
     */
    public static double logLoss(double[] z, double[] y, int count, double scale, double[] delta) {
        checkLossArguments("z", z, "y", y, count, scale, delta);
        double s = 0;
        for (int k = 0; k < count; k++) {
            s += Math.max(z[k], 0) + Math.log1p(exp(-Math.abs(z[k]))) - y[k] * z[k];
            delta[k] = (sigmoid(z[k]) - y[k]) * scale;
        }
        return s;
    }

    /** Σ_k (p_k − t_k)² over count predictions, writing δ_k = 2(p_k − t_k)·scale. */
    public static double squaredError(double[] p, double[] t, int count, double scale, double[] delta) {
        checkLossArguments("p", p, "t", t, count, scale, delta);
        double s = 0;
        for (int k = 0; k < count; k++) {
            double r = p[k] - t[k];
            s += r * r;
            delta[k] = 2 * scale * r;
        }
        return s;
    }

    /** The kernel now, having started the SIMD warm-up (as {@link #sum} does). */
    private static Kernel kernelForProducts() {
        if (!simdCompiled) startWarmUp();
        return kernelNow();
    }

    static void matmul(Kernel kernel, double[] a, double[] b, int m, int k, int n, double[] c) {
        double[] bt = new double[n * k];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) bt[j * k + p] = b[p * n + j];
        }
        matmulTransposedB(kernel, a, bt, m, k, n, c);
    }

    static void matmulTransposedB(Kernel kernel, double[] a, double[] b, int m, int k, int n, double[] c) {
        double[] row = new double[k], out = new double[n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(a, i * k, row, 0, k);  // the kernel's w starts at 0
            kernel.dots(b, 0, k, row, n, out, false);
            System.arraycopy(out, 0, c, i * n, n);
        }
    }

    static void matmulTransposedA(Kernel kernel, double[] a, double[] b, int m, int k, int n, double[] c) {
        double[] column = new double[m], sum = new double[k];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) column[i] = b[i * n + j];
            java.util.Arrays.fill(sum, 0.0);
            kernel.accumulate(a, 0, k, column, m, sum);
            for (int p = 0; p < k; p++) c[p * n + j] = sum[p];
        }
    }

    /** Sizes ≥ 1 and arrays of exactly the sizes their shapes say. */
    private static void checkProduct(double[] a, String aShape, int aRows, int aCols, double[] b, String bShape,
                                     int bRows, int bCols, double[] c, String cShape, int cRows, int cCols) {
        checkMatrix("a", a, aShape, aRows, aCols);
        checkMatrix("b", b, bShape, bRows, bCols);
        checkMatrix("c", c, cShape, cRows, cCols);
    }

    private static void checkMatrix(String name, double[] array, String shape, int rows, int cols) {
        Check.notNull(name, array);
        Check.atLeast(name + "'s rows", rows, 1);
        Check.atLeast(name + "'s columns", cols, 1);
        if ((long) rows * cols != array.length) {
            throw new IllegalArgumentException(name + " has length " + array.length + " but its " + shape + " shape "
                    + rows + "×" + cols + " needs " + (long) rows * cols);
        }
    }

    /** The linear model's output x_i·w for one row. */
    public static double predict(double[] x, int n, double[] w, int row) {
        Check.notNull("x", x);
        Check.atLeast("n", n, 1);
        Check.length("w", w, n, "one weight per column");
        Check.index("row", row, x.length / n, "rows");
        return kernelNow().dot(x, row * n, w, n);
    }

    /** One thread's buffers, grown on demand and then reused: a pass allocates nothing. */
    private static final class Scratch {
        private double[] z = new double[0], work = new double[0], x = new double[0], y = new double[0],
                partial = new double[0];

        double[] z(int size) {
            if (z.length < size) z = new double[size];
            return z;
        }

        double[] work(int size) {
            if (work.length < size) work = new double[size];
            return work;
        }

        double[] x(int size) {
            if (x.length < size) x = new double[size];
            return x;
        }

        double[] y(int size) {
            if (y.length < size) y = new double[size];
            return y;
        }

        double[] partial(int size) {
            if (partial.length < size) partial = new double[size];
            return partial;
        }
    }
}
