package descent.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.data.Datasets;
import org.junit.jupiter.api.Test;

/**
 * What PIT found the other tests did not pin down: the documented choice at relu's kink, entries read by
 * (row, column) of a matrix that is not square, bad input at the edges of ranges, and gradients gathered into
 * an array that held something before.
 */
class AutodiffEdgesTest {

    @Test
    void reluPassesNothingBackAtItsKink() {
        Value a = Value.of(0.0);
        a.relu().mul(3).backward();
        assertEquals(0, a.grad(), 0.0, "relu'(0) is taken as 0");
        Tensor t = Tensor.row(0.0, 2.0);
        t.relu().scale(3).sum().backward();
        assertArrayEquals(new double[] {0, 3}, t.grad(), 0.0);
    }

    @Test
    void entriesOfARectangularMatrixAreReadRowMajor() {
        Tensor t = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals(2, t.get(0, 1), 0.0);
        assertEquals(4, t.get(1, 0), 0.0);
        assertEquals(6, t.get(1, 2), 0.0);
        assertThrows(IllegalArgumentException.class, () -> t.get(2, 0));
        assertThrows(IllegalArgumentException.class, () -> t.get(0, 3));
    }

    @Test
    void valueOfANodeThatIsNotOneNumberIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Tensor.row(1, 2).value());
        assertTrue(e.getMessage().contains("1×2"), e.getMessage());
        assertEquals(3, Tensor.row(1, 2).sum().value(), 0.0);
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TensorLosses.meanSquaredError(Tensor.row(1, 2), new double[] {0, Double.NaN}));
        assertTrue(e.getMessage().contains("targets"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[] {1, 2, 3}, 2, 2));
        assertTrue(e.getMessage().contains("length 3") && e.getMessage().contains("4 entries"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Value.operation("f", 1, out -> { }, Value.of(1), null));
        ArithmeticException nan = assertThrows(ArithmeticException.class, () -> Value.of(-1).log());
        assertTrue(nan.getMessage().contains("log") && nan.getMessage().contains("from -1.0:"), nan.getMessage());
        ArithmeticException two = assertThrows(ArithmeticException.class, () -> Value.of(1).div(Value.of(0)));
        assertTrue(two.getMessage().contains("from 1.0, 0.0:"), two.getMessage());
    }

    @Test
    void aRangeOfRowsMustHoldAtLeastOneRowInsideTheIndex() {
        ParameterLayout layout = new ParameterLayout();
        ParameterLayout.Slot w = layout.add("w", 2, 1);
        GraphLoss loss = new GraphLoss("mse", layout, (p, x, y) -> TensorLosses.meanSquaredError(x.matmul(p.get(w)), y));
        Dataset data = Datasets.linear(5, 2, new double[] {1, -1}, 0.1, 3);
        int[] rows = {0, 1, 2, 3, 4};
        double[] g = new double[2];
        for (int[] range : new int[][] {{2, 2}, {-1, 3}, {0, 6}, {3, 2}}) {
            assertThrows(IllegalArgumentException.class, () -> loss.valueAndGradient(data, new double[2], rows, range[0], range[1], g),
                    range[0] + ".." + range[1]);
        }
        // the whole range and one row are fine, and the returned cost is the batch's
        double all = loss.valueAndGradient(data, new double[] {0.3, 0.2}, rows, 0, 5, g);
        assertEquals(loss.value(data, new double[] {0.3, 0.2}), all, 1e-15);
        double one = loss.valueAndGradient(data, new double[] {0.3, 0.2}, rows, 4, 5, g);
        double r = 0.3 * data.x(4, 0) + 0.2 * data.x(4, 1) - data.y(4);
        assertEquals(r * r, one, 1e-15);
    }

    @Test
    void gradientsOverwriteWhatTheArrayHeldAndUnusedSlotsGetZero() {
        ParameterLayout layout = new ParameterLayout();
        ParameterLayout.Slot used = layout.add("used", 1, 2), unused = layout.add("unused", 1, 1);
        GraphObjective f = new GraphObjective(layout, p -> p.get(used).mul(p.get(used)).sum());
        double[] g = {9, 9, 9};
        double value = f.valueAndGradient(new double[] {1, -2, 5}, g);
        assertEquals(5, value, 0.0);
        assertArrayEquals(new double[] {2, -4, 0}, g, 0.0);
        assertEquals(2, layout.slots().size());
        assertTrue(layout.owns(unused));
        assertTrue(!new ParameterLayout().owns(unused));
    }
}
