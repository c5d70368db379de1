package descent.train;

import descent.data.BlockShuffle;
import descent.data.RowBlock;
import descent.data.RowFile;
import descent.data.RowFileReader;
import descent.data.RowWindow;
import descent.loss.Loss;
import descent.optim.GradientDescent;

/**
 * A model's cost over a {@link RowFile}, read a block at a time: {@link BatchSampler}'s batches
 * for data that is not in memory. The epoch's order is a {@link BlockShuffle} (a new order of the
 * file's blocks, rows shuffled within windows of a few blocks): the reader holds one window, and
 * each chunk of batches is gathered from it, taking the next window where one runs out. A batch of
 * all the rows (batch mode, and every check) is one pass over the file, summed block by block by the
 * gradient core. The same rows in the same order give the bits of {@link SampledLoss} on the data in
 * memory (a {@code Descent} in memory follows the same order with {@code blockShuffle(w)}).
 */
final class StreamedLoss implements Problem, AutoCloseable {
    private final Loss loss;
    private final RowFile file;
    private final Mode mode;
    private final int b;
    private final int m;
    private final BlockShuffle shuffle;
    private final RowFileReader reader;
    private final RowWindow window;
    /** The epoch's order of the current window's rows (positions in the window). */
    private final int[] positions;
    private final int chunkRows;
    private final RowBlock chunk;
    private int nextWindow;
    private int windowRows;
    private int used;
    /** The row of the epoch's order the chunk starts at (−1: none yet this epoch): a chunk is read once. */
    private int chunkFrom = -1;

    StreamedLoss(Loss loss, RowFile file, Mode mode, int b, int windowBlocks, long seed) {
        if (mode == Mode.STOCHASTIC_RANDOM_INDEX) throw new IllegalArgumentException("a file's rows are not drawn at random");
        this.loss = loss;
        this.file = file;
        this.mode = mode;
        this.b = b;
        this.m = file.rows();
        this.shuffle = new BlockShuffle(m, windowBlocks, seed);
        boolean sampled = mode != Mode.BATCH;
        this.chunkRows = Math.min(m, BatchSampler.chunkRows(b));
        this.reader = sampled ? file.reader() : null;
        this.window = sampled ? new RowWindow(file, windowBlocks) : null;
        this.positions = sampled ? new int[Math.min(m, windowBlocks * descent.core.GradientCore.BLOCK)] : null;
        this.chunk = sampled ? new RowBlock(file, chunkRows) : null;
    }

    @Override
    public int batchesPerEpoch() {
        return BatchSampler.batchesPerEpoch(m, b);
    }

    @Override
    public boolean batchIsWhole() {
        return mode == Mode.BATCH;
    }

    @Override
    public void newEpoch() {
        if (mode == Mode.BATCH) return;
        shuffle.newEpoch();
        nextWindow = 0;
        windowRows = 0;
        used = 0;
        chunkFrom = -1;
    }

    @Override
    public double batch(int k, double[] theta, double[] grad) {
        if (mode == Mode.BATCH) return whole(theta, grad);
        int from = k * b, to = Math.min(m, from + b);
        int offset = from % chunkRows;
        if (offset == 0) gatherChunk(from);
        return loss.valueAndGradient(chunk, offset, offset + to - from, theta, grad);
    }

    @Override
    public int sgdSteps(GradientDescent sgd, int k, int maxUpdates, double[] theta, double costLimit, double[] costs) {
        if (mode == Mode.BATCH || b != 1) return 0;
        int offset = k % chunkRows;  // b = 1: batch k is row k of the epoch's order
        if (offset == 0) gatherChunk(k);
        int updates = Math.min(maxUpdates, chunkRows - offset);
        return sgd.stepRows(loss, chunk, offset, offset + updates, theta, costLimit, costs);
    }

    @Override
    public double whole(double[] theta, double[] grad) {
        return loss.valueAndGradient(file, theta, grad);
    }

    /** Rows from .. from + chunkRows of the epoch's order (fewer at its end) into the chunk, window after window. */
    private void gatherChunk(int from) {
        if (from == chunkFrom) return;  // gathered for sgdSteps, whose loss then left the update to batch()
        if (from != (chunkFrom < 0 ? 0 : chunkFrom + chunkRows)) {
            throw new IllegalStateException("rows from " + from + " of the epoch asked for after the chunk at " + chunkFrom
                    + ": a file's rows are read in order");
        }
        chunkFrom = from;
        int count = Math.min(m, from + chunkRows) - from;
        for (int filled = 0; filled < count; ) {
            if (used == windowRows) nextWindow();
            int take = Math.min(count - filled, windowRows - used);
            chunk.gather(window, positions, used, used + take, filled);
            used += take;
            filled += take;
        }
    }

    /** Reads the epoch's next window of blocks and draws the order of its rows. */
    private void nextWindow() {
        window.clear();
        for (int k = 0; k < shuffle.windowBlocks(nextWindow); k++) window.append(reader, shuffle.block(nextWindow, k));
        windowRows = shuffle.shuffleWindow(nextWindow++, positions);
        used = 0;
    }

    /** How the rows are chosen, in words for reports. */
    String describe() {
        return (mode == Mode.BATCH ? "batch" : mode == Mode.MINIBATCH ? "minibatch b=" + b : "stochastic, shuffled")
                + ", streamed from " + file.path().getFileName();
    }

    @Override
    public void close() {
        if (reader != null) reader.close();
    }
}
