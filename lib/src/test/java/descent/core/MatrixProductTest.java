package descent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The core's matrix products (the array-level autodiff's hot loops): the SIMD and plain-Java kernels
 * give the same bits, both equal the textbook triple loop to rounding, and a product with a column
 * vector is the linear model's z = Xw of the gradient core, bit for bit. Runs in both of surefire's JVMs.
 */
class MatrixProductTest {
    private static final int[][] SHAPES = {{1, 1, 1}, {1, 5, 1}, {3, 2, 4}, {7, 16, 3}, {5, 19, 2}, {13, 30, 1},
            {4, 33, 17}, {9, 1, 8}, {2, 64, 5}, {20, 7, 9}};

    private static double[] random(Random r, int size) {
        double[] a = new double[size];
        for (int k = 0; k < size; k++) a[k] = r.nextGaussian();
        return a;
    }

    @Test
    void simdAndPlainJavaProductsAreBitIdentical() {
        assumeTrue(GradientCore.simd(), "this JVM has no Vector API");
        Kernel simd = new VectorKernel(), plain = ScalarKernel.INSTANCE;
        Random r = new Random(4711);
        for (int[] s : SHAPES) {
            int m = s[0], k = s[1], n = s[2];
            double[] a = random(r, m * k), b = random(r, k * n), bt = random(r, n * k), g = random(r, m * n);
            double[] cs = new double[m * n], cp = new double[m * n];
            GradientCore.matmul(simd, a, b, m, k, n, cs);
            GradientCore.matmul(plain, a, b, m, k, n, cp);
            assertBitsEqual(cp, cs, "A·B " + m + "×" + k + "×" + n);
            cs = new double[m * n];
            cp = new double[m * n];
            GradientCore.matmulTransposedB(simd, a, bt, m, k, n, cs);
            GradientCore.matmulTransposedB(plain, a, bt, m, k, n, cp);
            assertBitsEqual(cp, cs, "A·Bᵀ " + m + "×" + k + "×" + n);
            cs = new double[k * n];
            cp = new double[k * n];
            GradientCore.matmulTransposedA(simd, a, g, m, k, n, cs);
            GradientCore.matmulTransposedA(plain, a, g, m, k, n, cp);
            assertBitsEqual(cp, cs, "Aᵀ·B " + m + "×" + k + "×" + n);
        }
    }

    private static void assertBitsEqual(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], 0.0, what + ", entry " + i);
    }

    @Test
    void productsEqualTheTripleLoopToRounding() {
        Random r = new Random(12);
        for (int[] s : SHAPES) {
            int m = s[0], k = s[1], n = s[2];
            double[] a = random(r, m * k), b = random(r, k * n), bt = random(r, n * k), g = random(r, m * n);
            double[] c = new double[m * n], ct = new double[m * n], ca = new double[k * n];
            GradientCore.matmul(a, b, m, k, n, c);
            GradientCore.matmulTransposedB(a, bt, m, k, n, ct);
            GradientCore.matmulTransposedA(a, g, m, k, n, ca);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double ab = 0, abt = 0, scale = 0, scaleT = 0;
                    for (int p = 0; p < k; p++) {
                        ab += a[i * k + p] * b[p * n + j];
                        abt += a[i * k + p] * bt[j * k + p];
                        scale += Math.abs(a[i * k + p] * b[p * n + j]);
                        scaleT += Math.abs(a[i * k + p] * bt[j * k + p]);
                    }
                    assertEquals(ab, c[i * n + j], 1e-13 * Math.max(1, scale), "A·B (" + i + ", " + j + ")");
                    assertEquals(abt, ct[i * n + j], 1e-13 * Math.max(1, scaleT), "A·Bᵀ (" + i + ", " + j + ")");
                }
            }
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    double atg = 0, scale = 0;
                    for (int i = 0; i < m; i++) {
                        atg += a[i * k + p] * g[i * n + j];
                        scale += Math.abs(a[i * k + p] * g[i * n + j]);
                    }
                    assertEquals(atg, ca[p * n + j], 1e-13 * Math.max(1, scale), "Aᵀ·B (" + p + ", " + j + ")");
                }
            }
        }
    }

    @Test
    void aProductWithAColumnIsTheLinearModelsOutputBitForBit() {
        Random r = new Random(3);
        for (int n : new int[] {1, 2, 5, 16, 30, 31}) {
            int m = 37;
            double[] x = random(r, m * n), w = random(r, n), z = new double[m];
            GradientCore.matmul(x, w, m, n, 1, z);
            for (int i = 0; i < m; i++) assertEquals(GradientCore.predict(x, n, w, i), z[i], 0.0, "n = " + n + ", row " + i);
        }
    }

    @Test
    void shapesThatDoNotFitAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCore.matmul(new double[6], new double[5], 2, 3, 2, new double[4]));
        assertTrue(e.getMessage().contains("b has length 5") && e.getMessage().contains("3×2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GradientCore.matmulTransposedA(new double[6], new double[4], 2, 3, 2, new double[4]));
        assertTrue(e.getMessage().contains("c has length 4") && e.getMessage().contains("k×n shape 3×2"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GradientCore.matmulTransposedB(new double[0], new double[0], 0, 1, 1, new double[0]));
    }
}
