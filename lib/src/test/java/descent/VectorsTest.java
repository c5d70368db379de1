package descent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VectorsTest {
    @Test
    void normIsTheEuclideanLength() {
        assertEquals(5, Vectors.norm(new double[] {3, -4}), 0);
        assertEquals(0, Vectors.norm(new double[0]), 0);
    }

    @Test
    void allFiniteRejectsNaNAndInfinity() {
        assertTrue(Vectors.allFinite(new double[] {1, -2, 0}));
        assertFalse(Vectors.allFinite(new double[] {1, Double.NaN}));
        assertFalse(Vectors.allFinite(new double[] {Double.NEGATIVE_INFINITY}));
    }

    @Test
    void aNonFiniteEntryIsFoundAtEveryPositionOfEveryLength() {
        // lengths 1..9 cover the four sums and the leftover entries; each bad value at each position
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int n = 1; n <= 9; n++) {
            for (int at = 0; at < n; at++) {
                for (double value : bad) {
                    double[] v = new double[n];
                    for (int i = 0; i < n; i++) v[i] = i - 2.5;
                    v[at] = value;
                    assertFalse(Vectors.allFinite(v), "n = " + n + ", " + value + " at " + at);
                    double[] w = v;
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Check.finite("w", w));
                    assertEquals("w[" + at + "] = " + value + " is invalid: every entry must be a finite number", e.getMessage());
                }
            }
        }
        // +∞ and −∞ in different sums: their total is NaN, still not finite
        assertFalse(Vectors.allFinite(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1, 1}));
    }

    @Test
    void finiteEntriesWhoseSumOverflowsAreStillFinite() {
        double big = Double.MAX_VALUE;
        double[][] cases = {{big, big}, {big, 1, 1, 1, big}, {-big, -big, -big}, {big, 0, 0, 0, big, 0, 0, 0, big}};
        for (double[] v : cases) {
            assertTrue(Vectors.allFinite(v), java.util.Arrays.toString(v));
            assertSame(v, Check.finite("v", v));
        }
        assertTrue(Vectors.allFinite(new double[0]));
    }
}
