package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.autodiff.Value;
import org.junit.jupiter.api.Test;

class GraphPictureTest {

    @Test
    void aSmallGraphIsDrawnAndDescribedFromItsNumbers() {
        Value x = Value.of(3, "x"), w = Value.of(-2, "w");
        Value z = x.mul(w).named("z");
        Value loss = z.mul(z).named("L");
        loss.backward();
        ChartImage image = GraphPicture.of(loss);
        assertEquals("Computation graph of 4 nodes and 4 edges, inputs first, the result last: x = 3 (gradient 24); "
                + "w = -2 (gradient -36); z = × of x and w = -6 (gradient -12); L = × of z and z = 36 (gradient 1).",
                image.altText().replace('−', '-'));
        assertTrue(image.getWidth() >= 3 * 112 && image.getHeight() > 100, image.getWidth() + "×" + image.getHeight());
        // the result's box (third column) is drawn: not white at its top-left corner
        assertNotEquals(0xFFFFFF, image.getRGB(20 + 2 * (112 + 34) + 5, 34 + 20 + 5) & 0xFFFFFF);
    }

    @Test
    void aGraphTooLargeToReadIsRefused() {
        Value v = Value.of(1);
        for (int k = 0; k < GraphPicture.MAX_NODES; k++) v = v.add(1);
        Value big = v;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GraphPicture.of(big));
        assertTrue(e.getMessage().contains("nodes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GraphPicture.of((Value) null));
    }
}
