package descent.data;

import descent.Check;
import descent.core.GradientCore;

/**
 * A shuffle of m rows that never needs them all in memory: the rows are cut into blocks of
 * {@link GradientCore#BLOCK} consecutive rows (a row file's blocks); each epoch the blocks come in a
 * new random order, and the rows are shuffled within windows of {@code windowBlocks} consecutive
 * blocks of that order. A reader of a file holds one window; memory holds all the rows and can
 * follow the same order ({@link #epochOrder}), which is how a streamed run and a run in memory see
 * their rows in the same order.
 *
 * <p>Every draw comes from one {@link RowShuffler} of the seed, in this order each epoch: the shuffle
 * of the blocks, then the shuffle of each window, first window first.
 */
public final class BlockShuffle {
    private final int m;
    private final int windowBlocks;
    private final int[] blocks;
    private final RowShuffler rng;

    /** The order of m rows in blocks of {@link GradientCore#BLOCK}, shuffled within windows of {@code windowBlocks} blocks. */
    public BlockShuffle(int m, int windowBlocks, long seed) {
        this.m = Check.atLeast("m", m, 1);
        this.windowBlocks = Check.atLeast("windowBlocks", windowBlocks, 1);
        this.blocks = new int[(int) (((long) m + GradientCore.BLOCK - 1) / GradientCore.BLOCK)];  // m near 2³¹: no overflow
        for (int b = 0; b < blocks.length; b++) blocks[b] = b;
        this.rng = new RowShuffler(seed);
    }

    /** A new epoch: a new order of the blocks. */
    public void newEpoch() {
        rng.shuffle(blocks);
    }

    /** Windows per epoch. */
    public int windows() {
        return (int) (((long) blocks.length + windowBlocks - 1) / windowBlocks);
    }

    /** Blocks in window w. */
    public int windowBlocks(int w) {
        Check.index("w", w, windows(), "windows");
        return Math.min(windowBlocks, blocks.length - w * windowBlocks);
    }

    /** The file block that comes k-th in window w this epoch. */
    public int block(int w, int k) {
        Check.index("k", k, windowBlocks(w), "blocks of window " + w);
        return blocks[w * windowBlocks + k];
    }

    /** Rows in block b. */
    public int blockRows(int b) {
        return Math.min(GradientCore.BLOCK, m - b * GradientCore.BLOCK);
    }

    /**
     * The order the epoch visits window w's rows: {@code positions[0..r)} becomes a random permutation
     * of 0 … r − 1 (r, returned, the window's rows), position p meaning row p of the window's blocks
     * laid end to end in this epoch's order. Call it once per window, in order, after {@link #newEpoch}.
     */
    public int shuffleWindow(int w, int[] positions) {
        int rows = 0;
        for (int k = 0; k < windowBlocks(w); k++) rows += blockRows(block(w, k));
        Check.notNull("positions", positions);
        if (positions.length < rows) {
            throw new IllegalArgumentException("positions has length " + positions.length + " but window " + w + " has "
                    + rows + " rows");
        }
        for (int p = 0; p < rows; p++) positions[p] = p;
        rng.shuffle(positions, rows);
        return rows;
    }

    /**
     * The whole epoch's order of the rows (a new one each call: it starts an epoch), as a reader of a
     * file visits them: for rows in memory, which then see the order a streamed run sees.
     */
    public void epochOrder(int[] order) {
        Check.notNull("order", order);
        if (order.length != m) {
            throw new IllegalArgumentException("order has length " + order.length + " but must have length m = " + m);
        }
        newEpoch();
        int[] positions = new int[Math.min(m, windowBlocks * GradientCore.BLOCK)];
        int[] rows = new int[positions.length];
        int out = 0;
        for (int w = 0; w < windows(); w++) {
            int count = 0;
            for (int k = 0; k < windowBlocks(w); k++) {
                int b = block(w, k);
                for (int i = 0; i < blockRows(b); i++) rows[count++] = b * GradientCore.BLOCK + i;
            }
            shuffleWindow(w, positions);
            for (int p = 0; p < count; p++) order[out++] = rows[positions[p]];
        }
    }
}
