package descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.core.GradientCore;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The block shuffle's order: every row once, each window's rows from its own blocks, new each epoch, seeded. */
class BlockShuffleTest {
    private static final int B = GradientCore.BLOCK;

    @Test
    void everyEpochVisitsEveryRowOnceWindowByWindow() {
        int m = 5 * B + 123;  // six blocks, the last one short
        BlockShuffle shuffle = new BlockShuffle(m, 2, 17);
        int[] order = new int[m];
        int[] previous = null;
        for (int epoch = 0; epoch < 3; epoch++) {
            shuffle.epochOrder(order);
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < m; i++) assertEquals(i, sorted[i], "row " + i + " once");
            // window w's stretch of the order holds exactly the rows of its two blocks
            int at = 0;
            for (int w = 0; w < shuffle.windows(); w++) {
                Set<Integer> blocks = new HashSet<>();
                int rows = 0;
                for (int k = 0; k < shuffle.windowBlocks(w); k++) {
                    blocks.add(shuffle.block(w, k));
                    rows += shuffle.blockRows(shuffle.block(w, k));
                }
                for (int i = at; i < at + rows; i++) assertTrue(blocks.contains(order[i] / B), "row of window " + w);
                at += rows;
            }
            assertEquals(m, at);
            if (previous != null) assertFalse(Arrays.equals(previous, order), "a new order each epoch");
            previous = order.clone();
        }
        // rows within a window are mixed: the first window's first rows do not keep their blocks' order
        int ascending = 0;
        for (int i = 1; i < 100; i++) if (order[i] == order[i - 1] + 1) ascending++;
        assertTrue(ascending < 5, ascending + " neighbours kept");
    }

    @Test
    void theSameSeedGivesTheSameOrderAndTheWindowsDrawWhatTheWholeOrderDraws() {
        int m = 3 * B + 7;
        int[] a = new int[m], b = new int[m];
        new BlockShuffle(m, 1, 5).epochOrder(a);
        new BlockShuffle(m, 1, 5).epochOrder(b);
        assertArrayEquals(a, b);
        new BlockShuffle(m, 1, 6).epochOrder(b);
        assertFalse(Arrays.equals(a, b));
        // a reader's way: the blocks, then each window's positions, drawn one window at a time
        BlockShuffle reader = new BlockShuffle(m, 1, 5);
        reader.newEpoch();
        int[] positions = new int[B];
        int at = 0;
        for (int w = 0; w < reader.windows(); w++) {
            int block = reader.block(w, 0);
            int rows = reader.shuffleWindow(w, positions);
            for (int p = 0; p < rows; p++) assertEquals(a[at++], block * B + positions[p]);
        }
    }
}
