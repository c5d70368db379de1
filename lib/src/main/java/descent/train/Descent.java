package descent.train;

import descent.Check;
import descent.data.Dataset;
import descent.data.RowFile;
import descent.loss.Loss;
import descent.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Trains a linear model: configure the loss, the data, the optimiser, how rows are chosen and when to
 * stop, then {@link #run()}:
 *
 * <pre>{@code
 * History h = Descent.of(MeanSquaredError.mean(), data.withBias())
 *         .optimizer(new GradientDescent(0.1))
 *         .init(Init.random(42))
 *         .maxIterations(1000)
 *         .run();
 * }</pre>
 *
 * <p>This class only collects the settings and reports. The parts with one job each:
 * {@link BatchSampler} chooses each update's rows ({@link Mode}: batch, stochastic — shuffled pass or
 * random index — and minibatch(b), ⌈m/b⌉ updates per epoch); {@link Loop} is the loop itself (for
 * each epoch: shuffle; for each batch: cost, gradient, update; then a check of the full cost);
 * {@link StoppingRule}s end it (an iteration or epoch budget, |ΔJ| &lt; ε between checks — every
 * iteration in batch mode, every epoch otherwise; the course's ε = 1e-4 — or ‖∇J‖ below a tolerance,
 * or a rule of your own); {@link Divergence} watches for a cost that is not finite or keeps growing
 * far above its start, and {@link History#message()} reports it in words, with
 * {@link DivergenceAdvice} where a layer above knows more. Given the same seed and inputs, a run is
 * bit-for-bit repeatable.
 *
 * <p>The rows may live in a file larger than the heap ({@link #of(Loss, RowFile)}, read a block at a
 * time): the same loop, the same bits as in memory for the same order of rows.
 */
public final class Descent {
    /** The course's convergence tolerance ε for |ΔJ|. */
    public static final double DEFAULT_TOLERANCE = 1e-4;

    /**
     * The budget of a run given neither {@link #maxIterations} nor {@link #maxEpochs}: a tolerance that the
     * run never reaches must not let it run for ever. Its stop message says that it stopped there.
     */
    public static final long DEFAULT_MAX_ITERATIONS = 100_000;

    /** The largest budget that means anything: 10¹² updates, over a quarter of an hour at 10⁹ updates a second. */
    public static final long MAX_BUDGET = IterationBudget.MAX;

    /** Blocks per window of a block shuffle on a {@link RowFile} unless {@link #blockShuffle} says otherwise. */
    public static final int DEFAULT_WINDOW_BLOCKS = 4;

    private final Loss loss;
    /** The rows in memory, or null when they are in {@link #file}. */
    private final Dataset data;
    /** The rows in a file read a block at a time, or null when they are in {@link #data}. */
    private final RowFile file;
    /** Blocks per window of a block shuffle; 0: shuffle all the rows (in memory only). */
    private int windowBlocks;
    private Optimizer optimizer;
    private Mode mode = Mode.BATCH;
    private int batchSize;
    private Init init = Init.zeros();
    private long seed;
    private long maxIterations;   // 0: not set
    private int maxEpochs;        // 0: not set
    private double tolerance;
    private double gradientTolerance;
    private long recordEvery = 1;
    private int maxRecorded = 2_000; // enough for any plot; a million-step run stays cheap
    private long listenEvery;
    private Consumer<Progress> listener;
    private final List<StoppingRule> extraRules = new ArrayList<>();

    private Descent(Loss loss, Dataset data, RowFile file) {
        this.loss = Check.notNull("loss", loss);
        this.data = data;
        this.file = file;
        this.batchSize = rows();
        this.windowBlocks = file == null ? 0 : DEFAULT_WINDOW_BLOCKS;
    }

    /** A loop minimising {@code loss} over {@code data} (add the bias column first if wanted). */
    public static Descent of(Loss loss, Dataset data) {
        return new Descent(loss, Check.notNull("data", data), null);
    }

    /**
     * A loop minimising {@code loss} over the rows of a file, read a block at a time: the heap holds a
     * window of a few blocks, never the data. Every mode but random-index SGD works as on a
     * {@link Dataset}; batch descent reads the whole file once per update. Minibatches come from a
     * block shuffle ({@link #blockShuffle}); a run in memory with the same block shuffle sees the rows
     * in the same order and gives the same bits.
     */
    public static Descent of(Loss loss, RowFile file) {
        return new Descent(loss, null, Check.notNull("file", file));
    }

    /** m, the rows the loop trains on. */
    private int rows() {
        return data != null ? data.rows() : file.rows();
    }

    /**
     * Shuffles each epoch without needing all the rows at once: a new order of the blocks of
     * {@link descent.core.GradientCore#BLOCK} rows, the rows shuffled within windows of
     * {@code windowBlocks} blocks ({@link descent.data.BlockShuffle}). On a file this is the shuffle
     * (default {@link #DEFAULT_WINDOW_BLOCKS} blocks, and the window is what the heap holds); in memory
     * (default: all rows shuffled) it gives a file's order to rows in memory.
     */
    public Descent blockShuffle(int windowBlocks) {
        this.windowBlocks = Check.atLeast("windowBlocks", windowBlocks, 1);
        return this;
    }

    /** The optimiser performing each update (required). */
    public Descent optimizer(Optimizer optimizer) {
        this.optimizer = Check.notNull("optimizer", optimizer);
        return this;
    }

    /** Batch gradient descent: every update uses all m rows (the default). */
    public Descent batch() {
        this.mode = Mode.BATCH;
        this.batchSize = rows();
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
        if (file != null) {
            throw new IllegalStateException("stochasticRandomIndex() is invalid for data in a file (" + file.path()
                    + "): each update would read one row from anywhere in it; use stochastic(), which shuffles blocks of rows");
        }
        this.mode = Mode.STOCHASTIC_RANDOM_INDEX;
        this.batchSize = 1;
        return this;
    }

    /** Minibatch gradient descent with b rows per update (1 ≤ b ≤ m), reshuffled each epoch. */
    public Descent minibatch(int b) {
        if (b < 1 || b > rows()) {
            throw new IllegalArgumentException("batch size b = " + b
                    + " is invalid: it must be between 1 and m = " + rows() + " (the number of rows)");
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

    /** Stop after this many updates (1 to {@link #MAX_BUDGET}; without a budget a run stops at {@link #DEFAULT_MAX_ITERATIONS}). */
    public Descent maxIterations(long iterations) {
        this.maxIterations = IterationBudget.check("maxIterations", iterations);
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
        return BatchSampler.batchesPerEpoch(rows(), batchSize);
    }

    /**
     * Adds a stopping rule of your own (see {@link StoppingRule}); it is consulted after the built-in
     * ones, at every check.
     */
    public Descent stopWhen(StoppingRule rule) {
        extraRules.add(Check.notNull("rule", rule));
        return this;
    }

    /** Runs the loop and returns what happened. */
    public History run() {
        if (optimizer == null) {
            throw new IllegalArgumentException(
                    "optimizer is not set: call optimizer(...) first, e.g. optimizer(new GradientDescent(0.1))");
        }
        if (maxEpochs > 0 && (double) maxEpochs * iterationsPerEpoch() > MAX_BUDGET) {
            throw new IllegalArgumentException("maxEpochs = " + maxEpochs + " is invalid: at " + iterationsPerEpoch()
                    + " updates per epoch it is too large to mean anything as a budget (over " + MAX_BUDGET
                    + " updates); give at most " + MAX_BUDGET / iterationsPerEpoch() + " epochs");
        }
        // one per column of the data for a linear model (the only models that stream)
        int parameters = data != null ? loss.parameterCount(data) : file.cols();
        double[] theta = init.weights(parameters);
        Check.length("initial weights", theta, parameters, parameters == (data != null ? data.cols() : file.cols())
                ? "one weight per column of the data" : "the loss's " + parameters + " parameters");
        Check.finite("initial weights", theta);
        if (file != null) {
            try (StreamedLoss streamed = new StreamedLoss(loss, file, mode, batchSize, windowBlocks, seed)) {
                return history(run(streamed, theta), theta, streamed.describe());
            }
        }
        BatchSampler sampler = new BatchSampler(data, mode, batchSize, seed, windowBlocks);
        return history(run(new SampledLoss(loss, data, sampler), theta), theta, sampler.describe());
    }

    private Loop run(Problem problem, double[] theta) {
        return new Loop(problem, optimizer, theta, Divergence.ofTraining(), stoppingRules(),
                new TrajectoryRecorder(recordEvery, maxRecorded), listenEvery, listener).run();
    }

    private History history(Loop loop, double[] theta, String sampling) {
        return new History(loop.iterationCosts.toArray(), loop.checkCosts.toArray(), loop.checkSeconds.toArray(),
                loop.recorder.points(), loop.recorder.steps(), theta.clone(), loop.t, loop.epochs,
                iterationsPerEpoch(), loop.seconds(), loop.stop.reason(), report(loop, sampling));
    }

    /** The rules in the order they are consulted: convergence first, then the budgets, then the user's. */
    private List<StoppingRule> stoppingRules() {
        List<StoppingRule> rules = new ArrayList<>();
        if (tolerance > 0) rules.add(StoppingRule.lossChange(tolerance));
        if (gradientTolerance > 0) rules.add(StoppingRule.gradientNorm(gradientTolerance));
        if (maxIterations > 0) rules.add(StoppingRule.maxIterations(maxIterations));
        if (maxEpochs > 0) rules.add(StoppingRule.maxEpochs(maxEpochs));
        rules.addAll(extraRules);
        // a run always ends: without a budget of the caller's, the default one
        if (!hasBudget()) rules.add(StoppingRule.maxIterations(DEFAULT_MAX_ITERATIONS));
        return rules;
    }

    /** True when the caller gave an iteration or epoch budget. */
    private boolean hasBudget() {
        return maxIterations > 0 || maxEpochs > 0;
    }

    /** What happened, in words; no wall-clock time, so that the same run prints the same message. */
    private String report(Loop loop, String sampling) {
        Stop stop = loop.stop;
        long t = loop.t;
        int epochs = loop.epochs;
        String what = String.format(Locale.ROOT, "%s after %d iteration%s (%d epoch%s, %s, %s)",
                stop.reason() == StopReason.DIVERGED ? "Diverged" : "Stopped", t, t == 1 ? "" : "s",
                epochs, epochs == 1 ? "" : "s", sampling, optimizer.name());
        if (stop.reason() == StopReason.DIVERGED) {
            if (loop.updateBroke && optimizer instanceof descent.optim.CustomOptimizer) {
                // a finite θ and gradient went in and NaN or ∞ came out: the rule, not the learning rate
                return what + ": " + stop.detail() + ". Look at the update rule of " + optimizer.name()
                        + ": a division by 0, the square root of a negative number or an overflow there gives NaN or ∞.";
            }
            return what + ": " + stop.detail() + ". The learning rate is too large for this problem; try a smaller one"
                    + (data != null ? DivergenceAdvice.forRun(loss, data, optimizer, mode == Mode.BATCH) : "") + ".";
        }
        String budget = stop.reason() == StopReason.MAX_ITERATIONS && !hasBudget()
                ? String.format(Locale.ROOT, " (the default budget of %,d iterations: no maxIterations(...) or "
                        + "maxEpochs(...) was set)", DEFAULT_MAX_ITERATIONS)
                : "";
        return what + ": " + stop.reason().description() + (stop.detail().isEmpty() ? "" : " (" + stop.detail() + ")")
                + budget + String.format(Locale.ROOT, ". Final cost J = %.6g.", loop.checkCosts.last());
    }
}
