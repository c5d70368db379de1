package descent.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.data.RowBlock;
import descent.optim.GradientDescent;
import descent.schedule.Schedules;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Loss#sgdSteps} and {@link GradientDescent#stepRows} against their definition: for each row,
 * the public one-row call {@code valueAndGradient(block, i, i + 1, w, g)} and then
 * {@code GradientDescent.step(w, g)}, the same bits, at every row width the core's dot product treats
 * differently; where they stop; and bad arguments.
 */
class SgdStepsTest {

    private static Dataset data(int m, int n, boolean classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[m * n], y = new double[m];
        for (int i = 0; i < x.length; i++) x[i] = 2 * r.nextDouble() - 1;
        for (int i = 0; i < m; i++) y[i] = classes ? r.nextInt(2) : 3 * r.nextDouble() - 1;
        return new Dataset(x, y, n);
    }

    private static RowBlock block(Dataset d) {
        RowBlock b = new RowBlock(d, d.rows());
        int[] order = new int[d.rows()];
        for (int i = 0; i < order.length; i++) order[i] = (i * 7) % order.length;  // m not a multiple of 7
        b.gather(order, 0, order.length);
        return b;
    }

    @Test
    void spansEqualOneRowCallsAndStepsBitForBit() {
        Loss[] losses = {MeanSquaredError.mean(), new LogLoss(), new HuberLoss(0.5)};
        for (Loss loss : losses) {
            for (int n : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 18, 19, 37}) {
                Dataset d = data(61, n, loss instanceof LogLoss, 100 + n);
                RowBlock b = block(d);
                double[] start = new double[n];
                for (int j = 0; j < n; j++) start[j] = 0.3 * Math.sin(j + 1);
                // the reference: one public call and one step per row, at the schedule's rates
                GradientDescent one = new GradientDescent(Schedules.inverseTime(5, 50));
                double[] w = start.clone(), g = new double[n], costs = new double[61];
                for (int i = 3; i < 61; i++) {
                    costs[i - 3] = loss.valueAndGradient(b, i, i + 1, w, g);
                    one.step(w, g);
                }
                GradientDescent spans = new GradientDescent(Schedules.inverseTime(5, 50));
                double[] v = start.clone(), spanCosts = new double[61];
                assertEquals(20, spans.stepRows(loss, b, 3, 23, v, Double.POSITIVE_INFINITY, spanCosts));
                double[] rest = new double[61];
                assertEquals(38, spans.stepRows(loss, b, 23, 61, v, Double.POSITIVE_INFINITY, rest));
                System.arraycopy(rest, 0, spanCosts, 20, 38);
                String what = loss.name() + ", n = " + n;
                assertArrayEquals(w, v, 0.0, what);
                assertArrayEquals(costs, spanCosts, 0.0, what);
                assertEquals(58, spans.steps(), "each update counts as a step: " + what);
                assertEquals(one.learningRate(), spans.learningRate(), 0.0, "the schedule moved on as many steps: " + what);
            }
        }
    }

    @Test
    void itStopsBeforeACostAboveTheLimitOrAGradientThatIsNotFinite() {
        // row 0: x = (1e200, 1), y = 0 at w = (1e-60, 0): z = 1e140, J = ½z² = 5e279 (finite), ∇J = 2·z·x₀ = 2e340 = ∞
        Dataset d = new Dataset(new double[] {0.5, 1, 1e200, 1, 0.25, 1}, new double[] {0, 0, 0}, 2);
        RowBlock b = block(d);  // order 0, 1, 2 (i·7 mod 3): rows 0, 1, 2
        double[] w = {1e-60, 0}, costs = new double[3];
        GradientDescent sgd = new GradientDescent(0.1);
        assertEquals(1, sgd.stepRows(MeanSquaredError.mean(), b, 0, 3, w, Double.POSITIVE_INFINITY, costs),
                "the update on row 1 has a finite cost and an infinite gradient");
        double[] before = w.clone();
        assertEquals(0, sgd.stepRows(MeanSquaredError.mean(), b, 1, 3, w, Double.POSITIVE_INFINITY, costs));
        assertArrayEquals(before, w, 0.0, "no update made");
        assertEquals(1, sgd.steps());
        // the infinite entry in each position of a 9-wide row (each of the four sums, and the tail)
        for (int at = 0; at < 9; at++) {
            double[] x = new double[9];
            java.util.Arrays.fill(x, 0.5);
            x[at] = 1e200;
            double[] wide = new double[9];
            wide[at] = 1e-60;
            double[] c = new double[1];
            assertEquals(0, new GradientDescent(0.1).stepRows(MeanSquaredError.mean(), block(new Dataset(x, new double[] {0}, 9)),
                    0, 1, wide, Double.POSITIVE_INFINITY, c), "∇J infinite in entry " + at);
        }
        // ℓ′·x₀ = 1.5e308 is finite, ×2 (the MSE's gradient scale) is not: the bound must count the scale
        double[] edge = {1.5e-92};
        assertEquals(0, new GradientDescent(0.1).stepRows(MeanSquaredError.mean(),
                block(new Dataset(new double[] {1e200}, new double[] {0}, 1)), 0, 1, edge, Double.POSITIVE_INFINITY,
                new double[1]));
        assertArrayEquals(new double[] {1.5e-92}, edge, 0.0);
        // a limit equal to the first row's cost lets that update through (only a cost above it stops)
        double[] atLimit = {0.3, -0.2};
        double firstCost = MeanSquaredError.mean().valueAndGradient(b, 0, 1, atLimit.clone(), new double[2]);
        assertTrue(new GradientDescent(1e-3).stepRows(MeanSquaredError.mean(), b, 0, 3, atLimit, firstCost, costs) >= 1,
                "the first update, whose cost equals the limit, is made");
        // a cost limit below the first row's cost: no update
        double[] v = {1, 1};
        assertEquals(0, new GradientDescent(0.1).stepRows(MeanSquaredError.mean(), b, 0, 3, v, 0.01, costs));
        assertArrayEquals(new double[] {1, 1}, v, 0.0);
        // a schedule whose rate stops being valid after 2 steps: two updates, the third is left to step()
        GradientDescent badlyScheduled = new GradientDescent(t -> t < 2 ? 0.1 : Double.NaN);
        assertEquals(2, badlyScheduled.stepRows(MeanSquaredError.mean(), block(data(5, 2, false, 1)), 0, 5, new double[2],
                Double.POSITIVE_INFINITY, new double[5]));
    }

    @Test
    void aLossWithoutAPerRowFormMakesNoUpdate() {
        Dataset d = data(10, 3, false, 2);
        double[] w = {0.1, 0.2, 0.3};
        double[] etas = new double[10];
        java.util.Arrays.fill(etas, 0.1);
        assertEquals(0, L2Penalty.of(MeanSquaredError.mean(), 0.1).sgdSteps(block(d), 0, 10, w, etas, 1, new double[10]));
        // what it is given is checked all the same: a NaN weight is not a silent 0
        w[1] = Double.NaN;
        assertThrows(IllegalArgumentException.class,
                () -> L2Penalty.of(MeanSquaredError.mean(), 0.1).sgdSteps(block(d), 0, 10, w, etas, 1, new double[10]));
        w[1] = 0.2;
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, w, 0.0);
    }

    @Test
    void badArgumentsAreNamedWithTheirValue() {
        Dataset d = data(10, 3, false, 3);
        RowBlock b = block(d);
        Loss mse = MeanSquaredError.mean();
        double[] w = new double[3], etas = {0.1, 0.1, 0.1}, costs = new double[3];
        String m = assertThrows(IllegalArgumentException.class, () -> mse.sgdSteps(b, 0, 3, w, new double[] {0.1, -1, 0.1}, 1, costs)).getMessage();
        assertTrue(m.contains("etas[1] = -1.0"), m);
        m = assertThrows(IllegalArgumentException.class, () -> mse.sgdSteps(b, 0, 4, w, etas, 1, costs)).getMessage();
        assertTrue(m.contains("etas has length 3") && m.contains("4 updates"), m);
        m = assertThrows(IllegalArgumentException.class, () -> mse.sgdSteps(b, 0, 3, w, etas, Double.NaN, costs)).getMessage();
        assertTrue(m.contains("costLimit = NaN"), m);
        m = assertThrows(IllegalArgumentException.class, () -> mse.sgdSteps(b, 0, 3, w, etas, 1, new double[2])).getMessage();
        assertTrue(m.contains("costs has length 2"), m);
        m = assertThrows(IllegalArgumentException.class, () -> mse.sgdSteps(b, 2, 11, w, etas, 1, costs)).getMessage();
        assertTrue(m.contains("[2, 11)"), m);
        m = assertThrows(IllegalArgumentException.class, () -> mse.sgdSteps(b, 0, 3, new double[] {0, Double.NaN, 0}, etas, 1, costs)).getMessage();
        assertTrue(m.contains("NaN"), m);
        m = assertThrows(IllegalArgumentException.class, () -> mse.sgdSteps(b, 0, 3, w, new double[] {0.1, 0, 0.1}, 1, costs)).getMessage();
        assertTrue(m.contains("etas[1] = 0.0"), m);
        m = assertThrows(IllegalArgumentException.class, () -> mse.sgdSteps(b, 3, 3, w, etas, 1, costs)).getMessage();
        assertTrue(m.contains("[3, 3)"), m);
        GradientDescent used = new GradientDescent(0.1);
        used.stepRows(mse, b, 0, 1, w, 1e300, costs);
        Dataset wider = data(10, 4, false, 4);
        m = assertThrows(IllegalArgumentException.class,
                () -> used.stepRows(mse, block(wider), 0, 1, new double[4], 1e300, costs)).getMessage();
        assertTrue(m.contains("reset()"), "the optimiser's state has the first θ's length: " + m);
        m = assertThrows(IllegalArgumentException.class,
                () -> new GradientDescent(0.1).stepRows(mse, b, 5, 5, w, 1, costs)).getMessage();
        assertTrue(m.contains("[5, 5)"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> new GradientDescent(0.1).stepRows(null, b, 0, 1, w, 1, costs)).getMessage();
        assertTrue(m.contains("loss"), m);
    }
}
