package descent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
