package descent.train;

import descent.data.BlockShuffle;
import descent.data.Dataset;
import descent.data.RowBlock;
import descent.data.RowShuffler;
import descent.loss.Loss;
import descent.optim.GradientDescent;

/**
 * Chooses the rows of each update: all of them (batch), b rows at a time from a fresh shuffle every
 * epoch (minibatch; stochastic is b = 1), or one row drawn at random with replacement. Then it hands
 * the chosen rows to the loss — the caller never sees indices.
 *
 * <p>Small batches are read through a chunk: the next {@code chunkRows} rows of the shuffled order
 * are copied into the sampler's own buffers (never into a {@link Dataset}, whose arrays nobody may
 * modify), so the updates read cached, consecutive rows instead of waiting on memory for every
 * scattered row. The same numbers meet the same arithmetic in the same order, so the costs and
 * gradients are bit-for-bit those of reading the rows in place (SamplingLoopTest pins it).
 */
final class BatchSampler {
    /** Batches up to this size are gathered into chunks of about CHUNK_ROWS rows. */
    private static final int GATHER_MAX_BATCH = 256;
    private static final int CHUNK_ROWS = 512;

    private final Dataset data;
    private final Mode mode;
    private final int b;
    /** The numbers of {@code new java.util.Random(seed)}, continued from epoch to epoch. */
    private final RowShuffler rng;
    private final int m;
    /** The current epoch's row order. */
    private final int[] order;
    /** For random-index mode: the drawn row. */
    private final int[] one = new int[1];
    /** Rows per chunk (a multiple of b), 0 when rows are read in place. */
    private final int chunkRows;
    private final RowBlock chunk;

    /** The order of a streamed file's epochs, followed in memory; null for a shuffle of all the rows. */
    private final BlockShuffle blockShuffle;

    /**
     * @param windowBlocks 0 to shuffle all the rows each epoch; else the order a file read a block at a
     *                     time would have: a {@link BlockShuffle} with windows of that many blocks
     */
    BatchSampler(Dataset data, Mode mode, int b, long seed) {
        this(data, mode, b, seed, 0);
    }

    BatchSampler(Dataset data, Mode mode, int b, long seed, int windowBlocks) {
        this.blockShuffle = windowBlocks > 0 ? new BlockShuffle(data.rows(), windowBlocks, seed) : null;
        this.data = data;
        this.mode = mode;
        this.b = b;
        this.rng = new RowShuffler(seed);
        this.m = data.rows();
        this.order = new int[m];
        for (int i = 0; i < m; i++) order[i] = i;
        boolean gather = (mode == Mode.STOCHASTIC_SHUFFLED || mode == Mode.MINIBATCH) && b <= GATHER_MAX_BATCH && b < m;
        this.chunkRows = gather ? chunkRows(b) : 0;
        this.chunk = gather ? new RowBlock(data, Math.min(chunkRows, m)) : null;
    }

    /**
     * Rows per chunk for batches of b rows: about CHUNK_ROWS rows, a multiple of b, for small batches;
     * one batch for larger ones (whose rows are read in place, or from a file, gathered).
     */
    static int chunkRows(int b) {
        return b <= GATHER_MAX_BATCH ? b * Math.max(1, CHUNK_ROWS / b) : b;
    }

    /** ⌈m/b⌉ batches per epoch (1 for batch mode, m for stochastic). */
    int batchesPerEpoch() {
        return batchesPerEpoch(m, b);
    }

    /** ⌈m/b⌉: b rows at a time, the last batch possibly smaller. */
    static int batchesPerEpoch(int m, int b) {
        return (m + b - 1) / b;
    }

    /** True in batch mode, where every batch is all the rows in their own order. */
    boolean batchIsAll() {
        return mode == Mode.BATCH;
    }

    /** A new epoch: a fresh shuffle of the row order (continuing the seeded generator), if the mode shuffles. */
    void newEpoch() {
        if (mode != Mode.STOCHASTIC_SHUFFLED && mode != Mode.MINIBATCH) return;
        if (blockShuffle != null) blockShuffle.epochOrder(order);
        else rng.shuffle(order);
    }

    /** The loss and its gradient on batch k of the epoch: rows order[k·b .. min(m, (k+1)·b)). */
    double costAndGradient(Loss loss, int k, double[] theta, double[] grad) {
        if (mode == Mode.BATCH) return loss.valueAndGradient(data, theta, grad);
        if (mode == Mode.STOCHASTIC_RANDOM_INDEX) {
            one[0] = rng.nextIndex(m);
            return loss.valueAndGradient(data, theta, one, 0, 1, grad);
        }
        int from = k * b, to = Math.min(m, from + b);
        if (chunkRows == 0) return loss.valueAndGradient(data, theta, order, from, to, grad);
        int offset = from % chunkRows;
        if (offset == 0) gatherChunk(from);
        return loss.valueAndGradient(chunk, offset, offset + to - from, theta, grad);
    }

    /**
     * Plain SGD's updates for batches k, k + 1, … in one go (at most {@code maxUpdates}, and never
     * past the current chunk), one shuffled row per batch (stochastic, or minibatches of 1): the
     * chunk's rows are what the one-row batches would read, so the costs and updates are the same
     * bits. Returns 0 in other modes.
     */
    int sgdSteps(GradientDescent sgd, Loss loss, int k, int maxUpdates, double[] theta, double costLimit, double[] costs) {
        boolean shuffledRows = mode == Mode.STOCHASTIC_SHUFFLED || mode == Mode.MINIBATCH;
        if (!shuffledRows || b != 1 || chunkRows == 0) return 0;
        int offset = k % chunkRows;  // b = 1: batch k is row k of the epoch's order
        if (offset == 0) gatherChunk(k);
        int updates = Math.min(maxUpdates, chunkRows - offset);  // maxUpdates also keeps k + updates <= m
        return sgd.stepRows(loss, chunk, offset, offset + updates, theta, costLimit, costs);
    }

    /** Copies rows order[from .. from + chunkRows) (fewer at the end) and their targets into the chunk. */
    private void gatherChunk(int from) {
        chunk.gather(order, from, Math.min(m, from + chunkRows));
    }

    /** How the rows are chosen, in words for reports. */
    String describe() {
        return switch (mode) {
            case BATCH -> "batch";
            case STOCHASTIC_SHUFFLED -> "stochastic, shuffled" + shuffleWords();
            case STOCHASTIC_RANDOM_INDEX -> "stochastic, random index";
            case MINIBATCH -> "minibatch b=" + b + shuffleWords();
        };
    }

    private String shuffleWords() {
        return blockShuffle == null ? "" : ", block shuffle";
    }
}
