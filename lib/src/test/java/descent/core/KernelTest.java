package descent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Which kernel a JVM gets, and the SIMD kernel against the plain-Java one. Surefire runs this class
 * twice: in a JVM started with {@code --add-modules jdk.incubator.vector} (as the course's kernels
 * and benchmarks start theirs) and in one without it ({@code -Ddescent.expect.kernel=scalar}).
 */
class KernelTest {

    private static boolean expectSimd() {
        return !"scalar".equals(System.getProperty("descent.expect.kernel"));
    }

    @Test
    void theJvmGetsTheKernelItWasStartedFor() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertEquals(expectSimd(), module, "--add-modules jdk.incubator.vector reached this JVM: " + module);
        assertEquals(expectSimd(), GradientCore.simd(), GradientCore.kernel());
        if (expectSimd()) {
            assertTrue(GradientCore.kernel().startsWith("SIMD, 4 doubles per instruction"), GradientCore.kernel());
        } else {
            assertFalse(GradientCore.simdInUse());
            assertTrue(GradientCore.kernel().contains("--add-modules jdk.incubator.vector"), GradientCore.kernel());
        }
    }

    /** Σ|x_c,j·w_j|: the scale a sum's rounding error is measured against. */
    private static double magnitude(double[] x, int at, int n, double[] w) {
        double s = 0;
        for (int j = 0; j < n; j++) s += Math.abs(x[at + j] * w[j]);
        return s;
    }

    @Test
    void theSimdLoopsAreCompiledAndInUseWithinSeconds() throws InterruptedException {
        assumeTrue(GradientCore.simd(), "this JVM has no Vector API");
        assertTrue(GradientCore.awaitSimd(), "the SIMD loops were not in use after 30 s");
        assertTrue(GradientCore.simdInUse());
    }

    @Test
    void simdKernelEqualsThePlainJavaKernelBitForBit() {
        assumeTrue(GradientCore.simd(), "this JVM has no Vector API");
        Kernel simd = new VectorKernel(), plain = ScalarKernel.INSTANCE;
        Random r = new Random(17);
        for (int n = 1; n <= 37; n++) {
            for (int count : new int[] {1, 2, 3, 4, 5, 7, 8, 13, 64, 129}) {
                int at = r.nextInt(5) * n;  // chunks start anywhere in the array
                double[] x = new double[at + count * n], w = new double[n], d = new double[count];
                for (int k = 0; k < x.length; k++) x[k] = r.nextGaussian();
                for (int j = 0; j < n; j++) w[j] = r.nextGaussian();
                for (int c = 0; c < count; c++) d[c] = r.nextGaussian();
                double[] zs = new double[count], zp = new double[count];
                simd.dots(x, at, n, w, count, zs);
                plain.dots(x, at, n, w, count, zp);
                for (int c = 0; c < count; c++) {
                    String where = "n = " + n + ", count = " + count + ", row " + c;
                    assertEquals(zp[c], zs[c], 0.0, "dots, " + where);
                    assertEquals(zp[c], simd.dot(x, at + c * n, w, n), 0.0, "dot, " + where);
                    assertEquals(zp[c], plain.dot(x, at + c * n, w, n), 0.0, "dot, " + where);
                    // and both are the dot product, to rounding
                    double exact = 0;
                    for (int j = 0; j < n; j++) exact += x[at + c * n + j] * w[j];
                    assertEquals(exact, zp[c], 1e-12 * Math.max(1, magnitude(x, at + c * n, n, w)), where);
                }
                double[] gs = new double[n], gp = new double[n];
                for (int j = 0; j < n; j++) gs[j] = gp[j] = j;  // accumulate adds to what is there
                simd.accumulate(x, at, n, d, count, gs);
                plain.accumulate(x, at, n, d, count, gp);
                for (int j = 0; j < n; j++) {
                    double scale = j, exact = j;
                    for (int c = 0; c < count; c++) {
                        scale += Math.abs(d[c] * x[at + c * n + j]);
                        exact += d[c] * x[at + c * n + j];
                    }
                    String where = "accumulate, n = " + n + ", count = " + count + ", column " + j;
                    assertEquals(gp[j], gs[j], 0.0, where);
                    assertEquals(exact, gp[j], 1e-12 * Math.max(1, scale), where);
                }
            }
        }
        for (int length : new int[] {0, 1, 15, 16, 17, 1000}) {
            double[] a = new double[length];
            double scale = 0;
            for (int k = 0; k < length; k++) scale += Math.abs(a[k] = r.nextGaussian());
            assertEquals(plain.sum(a), simd.sum(a), 0.0, "sum of " + length);
            double exact = 0;
            for (double v : a) exact += v;
            assertEquals(exact, plain.sum(a), 1e-12 * Math.max(1, scale), "sum of " + length);
        }
    }

    @Test
    void bothKernelsGiveExactAnswersOnSmallIntegers() {
        // integers below 2^53 add and multiply exactly, so every order of additions gives the same answer
        Kernel[] kernels = GradientCore.simd() ? new Kernel[] {ScalarKernel.INSTANCE, new VectorKernel()}
                : new Kernel[] {ScalarKernel.INSTANCE};
        for (Kernel simd : kernels) for (int n : new int[] {2, 3, 4, 16, 19}) {
            int count = 9;
            double[] x = new double[count * n], w = new double[n], d = new double[count], z = new double[count];
            for (int k = 0; k < x.length; k++) x[k] = k % 7 - 3;
            for (int j = 0; j < n; j++) w[j] = j % 5 - 2;
            for (int c = 0; c < count; c++) d[c] = c - 4;
            simd.dots(x, 0, n, w, count, z);
            double[] g = new double[n];
            simd.accumulate(x, 0, n, d, count, g);
            for (int c = 0; c < count; c++) {
                double expected = 0;
                for (int j = 0; j < n; j++) expected += x[c * n + j] * w[j];
                assertEquals(expected, z[c], 0.0, "z[" + c + "], n = " + n);
            }
            for (int j = 0; j < n; j++) {
                double expected = 0;
                for (int c = 0; c < count; c++) expected += d[c] * x[c * n + j];
                assertEquals(expected, g[j], 0.0, "g[" + j + "], n = " + n);
            }
        }
    }

    @Test
    void chunksHoldAbout2048EntriesOfX() {
        assertTrue(GradientCore.chunkRows(2) == 256 && GradientCore.chunkRows(16) == 128
                && GradientCore.chunkRows(128) == 16 && GradientCore.chunkRows(5000) == 4);
    }
}
