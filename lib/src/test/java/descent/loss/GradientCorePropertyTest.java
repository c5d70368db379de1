package descent.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.core.GradientCore;
import descent.core.RowLoss;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of the fused core for every loss term, any shape (including row counts that are not
 * a multiple of the four-row unroll) and both row orders (contiguous and through an index array):
 * it equals a one-row-at-a-time reference written straight from the per-row formulas, and the
 * thread count never changes a bit.
 */
class GradientCorePropertyTest {

    /** The three per-row terms the library's losses use. */
    enum Kind {
        SQUARED, LOG, HUBER;

        RowLoss term(double delta) {
            return switch (this) {
                case SQUARED -> SquaredErrorTerm.INSTANCE;
                case LOG -> LogisticTerm.INSTANCE;
                case HUBER -> new HuberTerm(delta);
            };
        }
    }

    /**
     * Σ ℓ and Σ ℓ′·x_i row by row, from the textbook formulas (ℓ = ½r², the cross-entropy of p = σ(z),
     * Huber), not from the terms' code.
     */
    static double reference(Kind kind, double delta, double[] x, double[] y, int n, double[] w,
                            int[] rows, int from, int to, double[] grad) {
        java.util.Arrays.fill(grad, 0);
        double loss = 0;
        for (int k = from; k < to; k++) {
            int i = rows == null ? k : rows[k];
            double z = 0;
            for (int j = 0; j < n; j++) z += x[i * n + j] * w[j];
            double r = z - y[i], d;
            switch (kind) {
                case SQUARED -> {
                    loss += r * r / 2;
                    d = r;
                }
                case LOG -> {
                    double p = 1 / (1 + Math.exp(-z));
                    loss += -(y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p));
                    d = p - y[i];
                }
                default -> {
                    loss += Math.abs(r) <= delta ? r * r / 2 : delta * (Math.abs(r) - delta / 2);
                    d = Math.max(-delta, Math.min(delta, r));
                }
            }
            for (int j = 0; j < n; j++) grad[j] += d * x[i * n + j];
        }
        return loss;
    }

    @Property(tries = 300, seed = "20261122")
    void fusedEqualsRowByRowReference(@ForAll Kind kind, @ForAll @IntRange(min = 1, max = 41) int m,
                                      @ForAll @IntRange(min = 1, max = 19) int n, @ForAll boolean indexed,
                                      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random r = new Random(seed);
        double[] x = new double[m * n], y = new double[m], w = new double[n];
        for (int k = 0; k < x.length; k++) x[k] = r.nextGaussian();
        for (int i = 0; i < m; i++) y[i] = kind == Kind.LOG ? r.nextInt(2) : 2 * r.nextGaussian();
        for (int j = 0; j < n; j++) w[j] = r.nextGaussian() / Math.sqrt(n);
        int[] rows = null;
        int from = 0, to = m;
        if (indexed) { // a minibatch: random rows (repeats allowed) in the middle of a longer index array
            rows = new int[m + 3];
            for (int k = 0; k < rows.length; k++) rows[k] = r.nextInt(m);
            from = 1;
            to = 1 + r.nextInt(m) + 1;
        }
        double[] g = new double[n], expected = new double[n];
        double loss = GradientCore.sum(kind.term(0.8), x, y, n, w, rows, from, to, g);
        double expectedLoss = reference(kind, 0.8, x, y, n, w, rows, from, to, expected);
        assertEquals(expectedLoss, loss, 1e-12 * Math.max(1, Math.abs(expectedLoss)), "loss");
        for (int j = 0; j < n; j++) {
            assertEquals(expected[j], g[j], 1e-12 * Math.max(1, Math.abs(expected[j])), "grad[" + j + "]");
        }
    }

    @Property(tries = 12, seed = "20261122")
    void threadCountNeverChangesABit(@ForAll Kind kind, @ForAll @IntRange(min = 2, max = 4) int threads,
                                     @ForAll @IntRange(min = 1, max = 4) int blocks) {
        int m = blocks * GradientCore.BLOCK + 37, n = 5;
        Random r = new Random(m + threads);
        double[] x = new double[m * n], y = new double[m], w = {0.3, -0.1, 0.2, 0.05, -0.4};
        for (int k = 0; k < x.length; k++) x[k] = r.nextGaussian();
        for (int i = 0; i < m; i++) y[i] = r.nextInt(2);
        double[] one = new double[n], many = new double[n];
        double lossOne = GradientCore.sum(kind.term(0.5), x, y, n, w, null, 0, m, one);
        double lossMany = GradientCore.sum(kind.term(0.5), true, x, y, n, w, null, 0, m, many, threads);
        assertEquals(lossOne, lossMany, 0.0);
        assertArrayEquals(one, many, 0.0);
    }
}
