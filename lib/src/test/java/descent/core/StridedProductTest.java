package descent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link GradientCore#product}, the network's hot loop: the SIMD and plain-Java kernels give the same bits
 * for A and Aᵀ, with offsets and with C added to, at shapes that leave every remainder of the 4×8 blocking;
 * both equal the textbook triple loop to rounding; the element loops of a layer match their formulas.
 */
class StridedProductTest {
    private static final int[][] SHAPES = {{1, 1, 1}, {3, 2, 4}, {4, 7, 8}, {5, 9, 13}, {8, 3, 10}, {7, 16, 3},
            {9, 1, 17}, {32, 64, 128}, {13, 128, 10}};

    private static double[] random(Random r, int size) {
        double[] a = new double[size];
        for (int k = 0; k < size; k++) a[k] = r.nextGaussian();
        return a;
    }

    @Test
    void simdAndPlainJavaAgreeBitForBitAndWithTheTripleLoop() {
        Random r = new Random(99);
        Kernel[] kernels = GradientCore.simd() ? new Kernel[] {ScalarKernel.INSTANCE, new VectorKernel()}
                : new Kernel[] {ScalarKernel.INSTANCE};
        for (int[] s : SHAPES) {
            int m = s[0], k = s[1], n = s[2];
            for (boolean transposed : new boolean[] {false, true}) {
                for (boolean add : new boolean[] {false, true}) {
                    int aAt = 3, bAt = 5, cAt = 2;
                    double[] a = random(r, aAt + m * k), b = random(r, bAt + k * n), c0 = random(r, cAt + m * n);
                    int rowStride = transposed ? 1 : k, colStride = transposed ? m : 1;
                    double[] expected = c0.clone();
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double sum = add ? c0[cAt + i * n + j] : 0;
                            for (int p = 0; p < k; p++) sum += a[aAt + i * rowStride + p * colStride] * b[bAt + p * n + j];
                            expected[cAt + i * n + j] = sum;
                        }
                    }
                    double[] first = null;
                    for (Kernel kernel : kernels) {
                        double[] c = c0.clone();
                        kernel.product(a, aAt, rowStride, colStride, b, bAt, m, k, n, c, cAt, add);
                        String where = kernel.description() + " " + m + "×" + k + "×" + n + (transposed ? " Aᵀ" : "")
                                + (add ? " +=" : "");
                        for (int q = 0; q < c.length; q++) {
                            assertEquals(expected[q], c[q], 1e-12 * (1 + k), where + " entry " + q);
                            if (first != null) {
                                assertEquals(Double.doubleToLongBits(first[q]), Double.doubleToLongBits(c[q]), where + " bits " + q);
                            }
                        }
                        first = c;
                    }
                }
            }
        }
    }

    @Test
    void tanhIsMathTanhToAFewUnitsOfTenToTheMinusSixteen() {
        double[] z = {-800, -20, -3, -1, -0.5, -1e-3, -1e-12, 0, 1e-300, 1e-9, 0.25, 0.9, 2, 7.5, 19, 400};
        double[] a = new double[z.length];
        GradientCore.tanh(z, z.length, a);
        for (int k = 0; k < z.length; k++) {
            assertEquals(Math.tanh(z[k]), a[k], 4e-16, "tanh(" + z[k] + ")");
            assertEquals(Math.signum(z[k]), Math.signum(a[k]), "sign of tanh(" + z[k] + ")");
        }
        assertThrows(IllegalArgumentException.class, () -> GradientCore.tanh(z, 1, z));
    }

    @Test
    void badShapesAreNamed() {
        double[] a = new double[6], b = new double[6], c = new double[4];
        GradientCore.product(a, 0, 3, 1, b, 0, 2, 3, 2, c, 0, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCore.product(a, 0, 3, 1, b, 0, 2, 3, 3, c, 0, false));
        assertEquals(true, e.getMessage().contains("B (k×n) ends at b[8]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradientCore.product(a, 0, 3, 1, b, 0, 0, 3, 2, c, 0, false));
    }
}
