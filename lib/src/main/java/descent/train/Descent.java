package descent.train;

import descent.Check;
import descent.Vectors;
import descent.core.GradientCore;
import descent.data.Dataset;
import descent.loss.Loss;
import descent.optim.Optimizer;
import descent.linalg.HessianSpectrum;
import descent.loss.MeanSquaredError;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The descent loop: for each epoch, shuffle; for each batch, forward pass and cost, backward pass
 * (the gradient), update. Configure it, then {@link #run()}:
 *
 * <pre>{@code
 * History h = Descent.of(MeanSquaredError.mean(), data.withBias())
 *         .optimizer(new GradientDescent(0.1))
 *         .init(Init.random(42))
 *         .maxIterations(1000)
 *         .run();
 * }</pre>
 *
 * <p>Modes ({@link Mode}): batch, stochastic (shuffled pass or random index) and minibatch(b) with
 * ⌈m/b⌉ updates per epoch. Stopping: an iteration or epoch budget, |ΔJ| &lt; ε between checks
 * (every iteration in batch mode, every epoch otherwise; the course's ε = 1e-4), or ‖∇J‖ below a
 * tolerance. Divergence (a cost that is not finite, or that keeps growing far above its start)
 * stops the run and is reported in words by {@link History#message()}. Given the same seed and
 * inputs, a run is bit-for-bit repeatable.
 */
public final class Descent {
    /** The course's convergence tolerance ε for |ΔJ|. */
    public static final double DEFAULT_TOLERANCE = 1e-4;
    private static final int GROWTH_CHECKS = 5;
    private static final double GROWTH_FACTOR = 100;
    /** A batch's own cost is noisy (one example can cost far more than the mean): a wider margin. */
    private static final double BATCH_RUNAWAY = 1e4;
    /** Batches up to this size are gathered into contiguous chunks of about GATHER_ROWS rows. */
    private static final int GATHER_MAX_BATCH = 256;
    private static final int GATHER_ROWS = 512;

    private final Loss loss;
    private final Dataset data;
    private Optimizer optimizer;
    private Mode mode = Mode.BATCH;
    private int batchSize;
    private Init init = Init.zeros();
    private long seed;
    private long maxIterations = Long.MAX_VALUE;
    private int maxEpochs = Integer.MAX_VALUE;
    private double tolerance;
    private double gradientTolerance;
    private long recordEvery = 1;
    private int maxRecorded = 2_000; // enough for any plot; a million-step run stays cheap
    private long listenEvery;
    private Consumer<Progress> listener;

    private Descent(Loss loss, Dataset data) {
        this.loss = Check.notNull("loss", loss);
        this.data = Check.notNull("data", data);
        this.batchSize = data.rows();
    }

    /** A loop minimising {@code loss} over {@code data} (add the bias column first if wanted). */
    public static Descent of(Loss loss, Dataset data) {
        return new Descent(loss, data);
    }

    /** The optimiser performing each update (required). */
    public Descent optimizer(Optimizer optimizer) {
        this.optimizer = Check.notNull("optimizer", optimizer);
        return this;
    }

    /** Batch gradient descent: every update uses all m rows (the default). */
    public Descent batch() {
        this.mode = Mode.BATCH;
        this.batchSize = data.rows();
        return this;
    }

    /** Stochastic gradient descent: one row per update, rows in a fresh random order each epoch. */
    public Descent stochastic() {
        this.mode = Mode.STOCHASTIC_SHUFFLED;
        this.batchSize = 1;
        return this;
    }

    /** Stochastic gradient descent drawing each row uniformly at random, with replacement. */
    public Descent stochasticRandomIndex() {
        this.mode = Mode.STOCHASTIC_RANDOM_INDEX;
        this.batchSize = 1;
        return this;
    }

    /** Minibatch gradient descent with b rows per update (1 ≤ b ≤ m), reshuffled each epoch. */
    public Descent minibatch(int b) {
        if (b < 1 || b > data.rows()) {
            throw new IllegalArgumentException("batch size b = " + b
                    + " is invalid: it must be between 1 and m = " + data.rows() + " (the number of rows)");
        }
        this.mode = Mode.MINIBATCH;
        this.batchSize = b;
        return this;
    }

    /** How the weights start (default zeros). */
    public Descent init(Init init) {
        this.init = Check.notNull("init", init);
        return this;
    }

    /** Seed for shuffling and random row choice (default 0). */
    public Descent seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Stop after this many updates. */
    public Descent maxIterations(long iterations) {
        this.maxIterations = Check.atLeast("maxIterations", iterations, 1);
        return this;
    }

    /** Stop after this many epochs (passes over the data). */
    public Descent maxEpochs(int epochs) {
        this.maxEpochs = Check.atLeast("maxEpochs", epochs, 1);
        return this;
    }

    /** Stop when |J(θ_new) − J(θ_old)| &lt; ε between two checks (0 = never); see {@link #DEFAULT_TOLERANCE}. */
    public Descent tolerance(double epsilon) {
        this.tolerance = Check.nonNegative("tolerance", epsilon);
        return this;
    }

    /** Stop when the full-data gradient norm ‖∇J(θ)‖ falls below this value (0 = never). */
    public Descent gradientTolerance(double tolerance) {
        this.gradientTolerance = Check.nonNegative("gradientTolerance", tolerance);
        return this;
    }

    /** Record the weights every k updates (default 1), keeping at most {@code maxPoints} points (default 2,000). */
    public Descent recordEvery(long k, int maxPoints) {
        this.recordEvery = Check.atLeast("recordEvery", k, 1);
        this.maxRecorded = Check.atLeast("maxPoints", maxPoints, 2);
        return this;
    }

    /** Record the weights every k updates (default 1). */
    public Descent recordEvery(long k) {
        return recordEvery(k, maxRecorded);
    }

    /** Calls {@code listener} every k updates and once at the end, e.g. to redraw a live chart. */
    public Descent onProgress(long every, Consumer<Progress> listener) {
        this.listenEvery = Check.atLeast("every", every, 1);
        this.listener = Check.notNull("listener", listener);
        return this;
    }

    /** Updates per epoch for the configured mode: ⌈m/b⌉ (1 for batch, m for stochastic). */
    public int iterationsPerEpoch() {
        return Math.floorDiv(data.rows() + batchSize - 1, batchSize);
    }

    /** Runs the loop and returns what happened. */
    public History run() {
        if (optimizer == null) {
            throw new IllegalArgumentException(
                    "optimizer is not set: call optimizer(...) first, e.g. optimizer(new GradientDescent(0.1))");
        }
        if (maxIterations == Long.MAX_VALUE && maxEpochs == Integer.MAX_VALUE
                && tolerance == 0 && gradientTolerance == 0) {
            throw new IllegalArgumentException("no stopping rule is set: call maxIterations(...), "
                    + "maxEpochs(...), tolerance(...) or gradientTolerance(...)");
        }
        return new Run().execute();
    }

    /** One execution: the mutable state of the loop, kept out of the configuration object. */
    private final class Run {
        final int m = data.rows();
        final int n = data.cols();
        final double[] theta = init.weights(n);
        final double[] grad = new double[n];
        final double[] fullGrad = new double[n];
        final int[] rows = new int[m];
        final Random rng = new Random(seed);
        final DoubleSeries iterationLoss = new DoubleSeries();
        final DoubleSeries epochLoss = new DoubleSeries();
        final DoubleSeries epochSeconds = new DoubleSeries();
        final TrajectoryRecorder recorder = new TrajectoryRecorder(recordEvery, maxRecorded);
        final long start = System.nanoTime();
        long t;
        int epochs;
        int increases;
        /** J(θ_0), the full-data cost at the start: the divergence rules measure growth against it. */
        double startCost;
        StopReason reason;
        String detail = "";

        History execute() {
            Check.length("initial weights", theta, n, "one weight per column of the data");
            Check.finite("initial weights", theta);
            for (int i = 0; i < m; i++) rows[i] = i;
            optimizer.reset();
            double j0 = loss.valueAndGradient(data, theta, fullGrad);
            startCost = j0;
            epochLoss.add(j0);
            epochSeconds.add(0);
            recorder.offer(0, theta);
            if (!finite(j0, fullGrad)) {
                diverged("the cost at the initial weights is not finite (" + j0 + ")");
            } else if (mode == Mode.BATCH) {
                runBatch(j0);
            } else {
                runStochastic();
            }
            diagnoseBudgetEnd();
            recorder.finish(t, theta);
            if (listener != null) notifyListener(iterationLoss.size() > 0 ? iterationLoss.last() : j0);
            return new History(iterationLoss.toArray(), epochLoss.toArray(), epochSeconds.toArray(),
                    recorder.points(), recorder.steps(), theta.clone(), t, epochs,
                    iterationsPerEpoch(), seconds(), reason, report());
        }

        /** Batch mode: the pass that computes J(θ_t) also gives ∇J(θ_t), so each epoch is one pass. */
        private void runBatch(double j0) {
            double j = j0;
            System.arraycopy(fullGrad, 0, grad, 0, n);
            while (true) {
                if (t > 0) {
                    epochs++;
                    epochLoss.add(j);
                    epochSeconds.add(seconds());
                    if (stopAfterCheck(j, grad)) return;
                }
                if (t >= maxIterations) { reason = StopReason.MAX_ITERATIONS; return; }
                if (epochs >= maxEpochs) { reason = StopReason.MAX_EPOCHS; return; }
                iterationLoss.add(j);
                update(grad);
                j = loss.valueAndGradient(data, theta, grad);
            }
        }

        /**
         * Stochastic and minibatch modes: ⌈m/b⌉ updates per epoch, then one full-data check. Small
         * batches go through a chunk: the next {@code chunkRows} rows of the shuffled order are
         * copied into one contiguous block ({@link GradientCore#gather}), so the updates read
         * cached, consecutive rows instead of waiting on memory for every scattered row. The same
         * numbers meet the same arithmetic in the same order, so the history is unchanged.
         */
        private void runStochastic() {
            int[] one = new int[1];
            int perEpoch = iterationsPerEpoch();
            boolean gather = mode != Mode.STOCHASTIC_RANDOM_INDEX && batchSize <= GATHER_MAX_BATCH && batchSize < m;
            int chunkRows = gather ? batchSize * Math.max(1, GATHER_ROWS / batchSize) : 0;
            Dataset chunk = gather ? new Dataset(new double[chunkRows * n], new double[chunkRows], n, data.names()) : null;
            int[] inChunk = new int[chunkRows];
            for (int i = 0; i < chunkRows; i++) inChunk[i] = i;
            while (true) {
                if (mode != Mode.STOCHASTIC_RANDOM_INDEX) shuffle(rows);
                double batchCostSum = 0;
                for (int k = 0; k < perEpoch; k++) {
                    if (t >= maxIterations) {
                        reason = StopReason.MAX_ITERATIONS;
                        closeEpoch(false);
                        return;
                    }
                    double j;
                    if (mode == Mode.STOCHASTIC_RANDOM_INDEX) {
                        one[0] = rng.nextInt(m);
                        j = loss.valueAndGradient(data, theta, one, 0, 1, grad);
                    } else if (gather) {
                        int from = k * batchSize, offset = from % chunkRows;
                        if (offset == 0) {
                            GradientCore.gather(data.x(), data.y(), n, rows, from, Math.min(m, from + chunkRows),
                                    chunk.x(), chunk.y());
                        }
                        j = loss.valueAndGradient(chunk, theta, inChunk, offset,
                                offset + Math.min(m, from + batchSize) - from, grad);
                    } else {
                        int from = k * batchSize;
                        j = loss.valueAndGradient(data, theta, rows, from, Math.min(m, from + batchSize), grad);
                    }
                    if (!finite(j, grad)) {
                        diverged("the cost of update " + t + " is not finite (" + j + ")");
                        closeEpoch(false);
                        return;
                    }
                    if (startCost > 0 && j > BATCH_RUNAWAY * startCost) {
                        // between the epoch checks: a run can blow up and swing back by the epoch's end
                        diverged(String.format(Locale.ROOT, "the cost of update %d's batch reached %.4g, over %.0f "
                                + "times the cost at the start (%.4g)", t, j, BATCH_RUNAWAY, startCost));
                        closeEpoch(false);
                        return;
                    }
                    iterationLoss.add(j);
                    batchCostSum += j;
                    update(grad);
                }
                double meanBatchCost = batchCostSum / perEpoch;
                if (startCost > 0 && meanBatchCost > GROWTH_FACTOR * startCost) {
                    // the weights swing far out and back: the epoch-end check alone can miss it
                    diverged(String.format(Locale.ROOT, "the batches' mean cost in epoch %d was %.4g, over %.0f "
                            + "times the cost at the start (%.4g)", epochs + 1, meanBatchCost, GROWTH_FACTOR, startCost));
                    closeEpoch(true);
                    return;
                }
                if (closeEpoch(true)) return;
                if (epochs >= maxEpochs) { reason = StopReason.MAX_EPOCHS; return; }
                if (t >= maxIterations) { reason = StopReason.MAX_ITERATIONS; return; }
            }
        }

        /**
         * A run whose budget ran out while its cost rose at every check (at least two) and ended above
         * its start has not converged slowly: it diverged, too early in its growth for the rules above.
         */
        private void diagnoseBudgetEnd() {
            boolean budget = reason == StopReason.MAX_ITERATIONS || reason == StopReason.MAX_EPOCHS;
            int checks = epochLoss.size() - 1;
            double last = epochLoss.last();
            if (budget && checks >= 2 && increases == checks && last > startCost) {
                diverged(String.format(Locale.ROOT, "the cost rose at every one of its %d checks, from %.4g to %.4g",
                        checks, startCost, last));
            }
        }

        /** Stops the run as diverged, saying why; true, for the stopping checks to return. */
        private boolean diverged(String why) {
            reason = StopReason.DIVERGED;
            detail = why;
            return true;
        }

        /** Records the full-data cost after an epoch; returns true if a stopping rule fired. */
        private boolean closeEpoch(boolean complete) {
            double j = loss.valueAndGradient(data, theta, fullGrad);
            if (complete) epochs++;
            epochLoss.add(j);
            epochSeconds.add(seconds());
            if (reason != null) return true; // already stopping: keep the first reason
            return stopAfterCheck(j, fullGrad);
        }

        private void update(double[] g) {
            optimizer.step(theta, g);
            t++;
            recorder.offer(t, theta);
            if (listener != null && t % listenEvery == 0) notifyListener(iterationLoss.last());
        }

        /** Divergence, |ΔJ| and gradient-norm checks on the latest full-data cost. */
        private boolean stopAfterCheck(double j, double[] g) {
            double previous = epochLoss.get(epochLoss.size() - 2);
            increases = j > previous ? increases + 1 : 0;
            if (!finite(j, g)) {
                return diverged("the cost became " + j);
            }
            if (startCost > 0 && j > GROWTH_FACTOR * startCost) {
                return diverged(String.format(Locale.ROOT, "the cost rose from %.4g to %.4g, over %.0f times its start",
                        startCost, j, GROWTH_FACTOR));
            }
            if (increases >= GROWTH_CHECKS && j > startCost) {
                return diverged(String.format(Locale.ROOT,
                        "the cost grew %d checks in a row, from %.4g at the start to %.4g", increases, startCost, j));
            }
            if (tolerance > 0 && Math.abs(j - previous) < tolerance) {
                reason = StopReason.LOSS_CHANGE_BELOW_TOLERANCE;
                detail = String.format(Locale.ROOT, "|ΔJ| = %.3g < ε = %.3g", Math.abs(j - previous), tolerance);
                return true;
            }
            if (gradientTolerance > 0) {
                double norm = Vectors.norm(g);
                if (norm < gradientTolerance) {
                    reason = StopReason.GRADIENT_BELOW_TOLERANCE;
                    detail = String.format(Locale.ROOT, "‖∇J‖ = %.3g < %.3g", norm, gradientTolerance);
                    return true;
                }
            }
            return false;
        }

        /** Fisher–Yates shuffle driven by the run's seeded generator. */
        private void shuffle(int[] a) {
            for (int i = a.length - 1; i > 0; i--) {
                int k = rng.nextInt(i + 1);
                int tmp = a[i];
                a[i] = a[k];
                a[k] = tmp;
            }
        }

        private void notifyListener(double latest) {
            listener.accept(new Progress(t, epochs, latest, theta.clone(), iterationLoss.toArray(), seconds()));
        }

        private double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }

        private String report() {
            // No wall-clock time here: the same run must print the same message (History.seconds() has it).
            String what = String.format(Locale.ROOT, "%s after %d iteration%s (%d epoch%s, %s, %s)",
                    reason == StopReason.DIVERGED ? "Diverged" : "Stopped", t, t == 1 ? "" : "s",
                    epochs, epochs == 1 ? "" : "s", modeName(), optimizer.name());
            String why = reason == StopReason.DIVERGED
                    ? ": " + detail + ". The learning rate is too large for this problem; try a smaller one" + bound() + "."
                    : ": " + reason.description() + (detail.isEmpty() ? "" : " (" + detail + ")")
                      + String.format(Locale.ROOT, ". Final cost J = %.6g.", epochLoss.last());
            return what + why;
        }

        /**
         * Where it holds (batch steps on a least-squares cost, an optimiser with a known fixed-step bound),
         * the bound on η: 2/λ_max for gradient descent, 2(1 + μ)/λ_max for heavy-ball momentum.
         */
        private String bound() {
            if (mode != Mode.BATCH || !(loss instanceof MeanSquaredError mse)) return "";
            double lambdaMax = HessianSpectrum.of(mse, data).lambdaMax();
            double bound = optimizer.stableRateBound(lambdaMax);
            if (Double.isNaN(bound)) return "";
            return String.format(Locale.ROOT, " (for this least-squares cost, %s converges only for η < %s = %.4g, "
                    + "λ_max = %.4g being the largest eigenvalue of the Hessian; here η = %.4g)",
                    optimizer.name(), optimizer.stableRateRule(), bound, lambdaMax, optimizer.learningRate());
        }

        private String modeName() {
            return switch (mode) {
                case BATCH -> "batch";
                case STOCHASTIC_SHUFFLED -> "stochastic, shuffled";
                case STOCHASTIC_RANDOM_INDEX -> "stochastic, random index";
                case MINIBATCH -> "minibatch b=" + batchSize;
            };
        }
    }

    private static boolean finite(double j, double[] g) {
        return Double.isFinite(j) && Vectors.allFinite(g);
    }
}
