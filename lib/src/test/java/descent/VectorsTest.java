package descent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.core.GradientCore;
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
        // long arrays: the core's sum (SIMD once it is in use, plain Java in a JVM without the module),
        // its sixteen-entry loop and its leftover entries, a bad value at each end of both
        GradientCore.awaitSimd();
        for (int n = Vectors.SIMD_FROM; n < Vectors.SIMD_FROM + 17; n++) {
            for (int at : new int[] {0, 1, 15, 16, n / 2, n - 17, n - 16, n - 2, n - 1}) {
                for (double value : bad) {
                    double[] v = new double[n];
                    for (int i = 0; i < n; i++) v[i] = i - 2.5;
                    assertTrue(Vectors.allFinite(v), "n = " + n);
                    v[at] = value;
                    assertFalse(Vectors.allFinite(v), "n = " + n + ", " + value + " at " + at);
                }
            }
        }
        // +∞ and −∞ in different sums: their total is NaN, still not finite
        assertFalse(Vectors.allFinite(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1, 1}));
    }

    @Test
    void finiteEntriesWhoseSumOverflowsAreStillFinite() {
        double big = Double.MAX_VALUE;
        double[] longer = new double[Vectors.SIMD_FROM + 5];
        java.util.Arrays.fill(longer, big);
        GradientCore.awaitSimd();
        double[][] cases = {{big, big}, {big, 1, 1, 1, big}, {-big, -big, -big}, {big, 0, 0, 0, big, 0, 0, 0, big}, longer};
        for (double[] v : cases) {
            assertTrue(Vectors.allFinite(v), java.util.Arrays.toString(v));
            assertSame(v, Check.finite("v", v));
        }
        assertTrue(Vectors.allFinite(new double[0]));
    }
}
