package descent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.optim.GradientDescent;
import descent.optim.Momentum;
import org.junit.jupiter.api.Test;

/** Numbers in labels and messages read as people write them. */
class FormatTest {
    @Test
    void plainDecimalsForOrdinarySizes() {
        assertEquals("0.0005", Format.number(5.0E-4));
        assertEquals("2", Format.number(2.0));
        assertEquals("10000", Format.number(1e4));
        assertEquals("0.408034", Format.number(0.40803412));
        assertEquals("0.408", Format.number(0.40803412, 3));
        assertEquals("-1.5", Format.number(-1.5));
        assertEquals("0", Format.number(0.0));
        assertEquals("0", Format.number(-0.0));
    }

    @Test
    void scientificOutsideThem() {
        assertEquals("1.5e-05", Format.number(1.5e-5));
        assertEquals("1e+07", Format.number(1e7));
        assertEquals("2.14e+85", Format.number(2.1357e85));
        assertEquals("NaN", Format.number(Double.NaN));
        assertEquals("Infinity", Format.number(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Format.number(1, 0));
    }

    @Test
    void optimiserNamesUseIt() {
        assertEquals("GD(η=0.0005)", new GradientDescent(5e-4).name());
        assertEquals("Momentum(η=0.0005, μ=0.9)", new Momentum(5e-4, 0.9).name());
    }
}
