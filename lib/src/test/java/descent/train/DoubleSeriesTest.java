package descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The loss histories' list of doubles: one at a time and in blocks, past its first capacity, in order. */
class DoubleSeriesTest {

    @Test
    void keepsEveryValueInOrderWhateverWayTheyCame() {
        DoubleSeries s = new DoubleSeries();
        double[] expected = new double[1000];
        double[] block = new double[300];
        int n = 0;
        for (int i = 0; i < 50; i++) s.add(expected[n++] = i);           // within the first capacity
        for (int i = 0; i < block.length; i++) block[i] = 1000 + i;
        s.addAll(block, 270);                                             // past it, in one block
        System.arraycopy(block, 0, expected, n, 270);
        n += 270;
        s.reserve(10);                                                    // room already there: nothing lost
        for (int i = 0; i < 600; i++) s.add(expected[n++] = -i);
        s.addAll(block, 80);
        System.arraycopy(block, 0, expected, n, 80);
        n += 80;
        assertEquals(1000, s.size());
        assertArrayEquals(expected, s.toArray(), 0.0);
        assertEquals(-599.0, s.get(919), 0.0);
        assertEquals(1079.0, s.last(), 0.0);
    }

    @Test
    void sumsARangeInOrder() {
        DoubleSeries s = new DoubleSeries();
        s.addAll(new double[] {1e16, 1, -1e16, 1, 5}, 5);
        // left to right: ((1e16 + 1) − 1e16) + 1 = 0 + 1 (the 1 is lost against 1e16), then + 5
        assertEquals(6.0, s.sum(0, 5), 0.0);
        assertEquals(1.0 + -1e16 + 1 + 5, s.sum(1, 5), 0.0);  // the same additions, in the same order
        assertEquals(-9999999999999996.0, s.sum(2, 5), 0.0);  // (−1e16 + 1) + 5: the 1 is lost, the 5 becomes 4 (a tie, to even)
        assertEquals(0.0, s.sum(3, 3), 0.0);
    }
}
