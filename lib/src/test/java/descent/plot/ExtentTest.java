package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExtentTest {
    @Test
    void skipsWhatCannotBePlotted() {
        Extent all = Extent.finite().add(new double[][] {{3, Double.NaN, -2}, {Double.POSITIVE_INFINITY, 7}});
        assertEquals(-2, all.lo(), 0.0);
        assertEquals(7, all.hi(), 0.0);
        Extent positive = Extent.positive().add(new double[] {0, -1, 0.5, 40, Double.NaN});
        assertEquals(0.5, positive.lo(), 0.0);
        assertEquals(40, positive.hi(), 0.0);
        assertFalse(positive.isEmpty());
        assertTrue(Extent.finite().add(new double[] {Double.NaN}).isEmpty());
        assertTrue(Extent.positive().add(new double[] {0, -3}).isEmpty());
    }
}
