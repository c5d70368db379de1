package descent.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.core.RowLoss;
import descent.data.Dataset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each loss's per-row term on its own: ℓ against closed forms, ℓ′ against central differences of ℓ,
 * and the chunk forms (SIMD or plain Java, whichever this JVM runs) against the per-row forms.
 */
class RowLossTermTest {
    private static final RowLoss[] TERMS = {SquaredErrorTerm.INSTANCE, LogisticTerm.INSTANCE, new HuberTerm(0.7)};

    @Test
    void valuesAreTheTextbookFormulas() {
        assertEquals(0.5 * 9, SquaredErrorTerm.INSTANCE.value(1, 4), 0.0);
        assertEquals(-3, SquaredErrorTerm.INSTANCE.slope(1, 4), 0.0);
        double p = 1 / (1 + Math.exp(-0.3));
        assertEquals(-Math.log(p), LogisticTerm.INSTANCE.value(0.3, 1), 1e-15);
        assertEquals(-Math.log(1 - p), LogisticTerm.INSTANCE.value(0.3, 0), 1e-15);
        assertEquals(p - 1, LogisticTerm.INSTANCE.slope(0.3, 1), 1e-16);
        assertEquals(800, LogisticTerm.INSTANCE.value(800, 0), 0.0);  // log(1 + e^800) − 0 without overflow
        assertEquals(0, LogisticTerm.INSTANCE.value(-800, 0), 0.0);
        HuberTerm huber = new HuberTerm(0.7);
        assertEquals(0.5 * 0.25, huber.value(0.5, 0), 0.0);            // |r| ≤ δ: ½r²
        assertEquals(0.7 * (2 - 0.35), huber.value(0, 2), 1e-15);       // beyond: δ(|r| − ½δ)
        assertEquals(-0.7, huber.slope(0, 2), 0.0);                      // clamped at −δ
        assertEquals(0.5 * 0.49, huber.value(0.7, 0), 1e-16);           // both pieces meet at |r| = δ
        assertEquals(0.7 * (0.7 - 0.35), huber.value(0.7, 0), 1e-16);
    }

    @Test
    void slopeIsTheDerivativeOfTheValue() {
        Random r = new Random(3);
        for (RowLoss term : TERMS) {
            for (int k = 0; k < 200; k++) {
                double z = 4 * r.nextGaussian(), y = term == LogisticTerm.INSTANCE ? r.nextInt(2) : 2 * r.nextGaussian();
                double h = 1e-6, numeric = (term.value(z + h, y) - term.value(z - h, y)) / (2 * h);
                assertEquals(numeric, term.slope(z, y), 1e-7, term + " at z = " + z + ", y = " + y);
            }
        }
    }

    @Test
    void chunkFormsEqualTheRowFormsForEveryLengthAndOffset() {
        Random r = new Random(5);
        for (RowLoss term : TERMS) {
            for (int count = 1; count <= 37; count++) {
                int at = r.nextInt(6);
                double[] z = new double[count], y = new double[at + count];
                for (int k = 0; k < count; k++) z[k] = 30 * r.nextGaussian();  // logits far into both tails
                for (int k = 0; k < y.length; k++) y[k] = term == LogisticTerm.INSTANCE ? r.nextInt(2) : 3 * r.nextGaussian();
                double[] slopes = z.clone(), both = z.clone();
                term.slopes(slopes, y, at, count, new double[count]);
                double sum = term.valuesAndSlopes(both, y, at, count, new double[count]), expected = 0, scale = 0;
                for (int k = 0; k < count; k++) {
                    double value = term.value(z[k], y[at + k]);
                    expected += value;
                    scale += Math.abs(value);
                    double slope = term.slope(z[k], y[at + k]);
                    // the same formula and the same exponential (SIMD or not): the same bits
                    assertEquals(slope, slopes[k], 0.0, term + " slopes[" + k + "]");
                }
                assertArrayEquals(slopes, both, 0.0, term + ": a gradient alone has the same slopes");
                assertEquals(expected, sum, 1e-12 * Math.max(1, scale), term + ", " + count + " rows");
            }
        }
    }

    @Test
    void theSquaredErrorsValueIsHalfItsResidualsSquaresAndNoOtherTermGivesOne() {
        assertEquals(5.0, SquaredErrorTerm.INSTANCE.valueOfResiduals(10.0), 0.0);  // ½ · 10
        double[] z = {1.5, -2, 4}, y = {0.5, 1, 4};  // residuals 1, −3, 0: Σ ½r² = 5
        assertEquals(5.0, SquaredErrorTerm.INSTANCE.valuesAndSlopes(z, y, 0, 3, new double[3]), 0.0);
        assertArrayEquals(new double[] {1, -3, 0}, z, 0.0);
        for (RowLoss term : TERMS) {
            if (term.slopeIsResidual()) continue;
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> term.valueOfResiduals(1.0), term.toString());
            assertTrue(e.getMessage().contains(term.toString()) && e.getMessage().contains("residual"), e.getMessage());
        }
    }

    @Test
    void onlyTheSquaredErrorSaysItsSlopeIsTheResidual() {
        Random r = new Random(6);
        for (RowLoss term : TERMS) {
            assertEquals(term == SquaredErrorTerm.INSTANCE, term.slopeIsResidual(), term.toString());
            if (!term.slopeIsResidual()) continue;
            for (int k = 0; k < 1000; k++) {  // the claim the core relies on: ℓ′(z, y) is z − y to the bit
                double z = 1e3 * r.nextGaussian(), y = r.nextGaussian();
                assertEquals(z - y, term.slope(z, y), 0.0, term + " at z = " + z + ", y = " + y);
            }
        }
    }

    /**
     * A gradient alone takes other loops than the gradient beside the loss (for the squared error at 2
     * and 16 columns, one pass; see {@code GradientCore}); both must give the same bits, at widths with
     * and without a one-pass loop and with leftover rows (3,001 rows: the last chunk is not full).
     */
    @Test
    void gradientAloneEqualsTheGradientBesideTheValue() {
        Random r = new Random(8);
        int m = 3001;
        for (int n : new int[] {2, 5, 16}) {
            double[] x = new double[m * n], y = new double[m], labels = new double[m], w = new double[n];
            for (int k = 0; k < x.length; k++) x[k] = r.nextGaussian();
            for (int i = 0; i < m; i++) {
                y[i] = 2 * r.nextGaussian();
                labels[i] = r.nextInt(2);
            }
            for (int j = 0; j < n; j++) w[j] = r.nextGaussian() / Math.sqrt(n);
            Dataset regression = new Dataset(x, y, n), classes = new Dataset(x, labels, n);
            Loss[] losses = {MeanSquaredError.mean(), MeanSquaredError.half(), new HuberLoss(0.5),
                L2Penalty.of(MeanSquaredError.mean(), 0.2), new LogLoss()};
            for (Loss loss : losses) {
                Dataset data = loss instanceof LogLoss ? classes : regression;
                double[] alone = new double[n], beside = new double[n];
                loss.gradient(data, w, alone);
                loss.valueAndGradient(data, w, beside);
                assertArrayEquals(beside, alone, 0.0, loss.name() + ", n = " + n);
                assertTrue(alone[0] != 0, loss.name());
            }
        }
    }
}
