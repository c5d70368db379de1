package descent.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    /**
     * Row widths the kernels are checked at: 1 to 37 (every path of the loops: two columns, four-row
     * groups, the 16-column blocks and the leftover columns) and the edges of the one-row-after-another
     * path for rows from main memory, 32 to 192 columns.
     */
    private static final int[] WIDTHS = java.util.stream.IntStream.concat(java.util.stream.IntStream.rangeClosed(1, 37),
            java.util.stream.IntStream.of(63, 64, 128, 130, 191, 192, 193, 256)).toArray();

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
        for (int n : WIDTHS) {
            for (int count : new int[] {1, 2, 3, 4, 5, 7, 8, 13, 64, 129}) {
                int at = r.nextInt(5) * n;  // chunks start anywhere in the array
                double[] x = new double[at + count * n], w = new double[n], d = new double[count];
                for (int k = 0; k < x.length; k++) x[k] = r.nextGaussian();
                for (int j = 0; j < n; j++) w[j] = r.nextGaussian();
                for (int c = 0; c < count; c++) d[c] = r.nextGaussian();
                double[] zs = new double[count], zm = new double[count], zp = new double[count];
                simd.dots(x, at, n, w, count, zs, false);
                simd.dots(x, at, n, w, count, zm, true);
                plain.dots(x, at, n, w, count, zp, r.nextBoolean());
                for (int c = 0; c < count; c++) {
                    String where = "n = " + n + ", count = " + count + ", row " + c;
                    assertEquals(zp[c], zs[c], 0.0, "dots, " + where);
                    assertEquals(zp[c], zm[c], 0.0, "dots of rows from memory, " + where);
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

    /** Units in the last place between two doubles of the same sign. */
    private static long ulps(double a, double b) {
        return Math.abs(Double.doubleToLongBits(a) - Double.doubleToLongBits(b));
    }

    @Test
    void theCoresExponentialIsWithinOneUlpOfFdlibm() {
        Random r = new Random(23);
        for (int k = 0; k < 200_000; k++) {
            double x = switch (k % 4) {
                case 0 -> -745.1 + 1454.8 * r.nextDouble();  // the whole range, subnormal results included
                case 1 -> -40 * r.nextDouble();              // where the log loss lives
                case 2 -> r.nextGaussian() * 1e-3;           // near 0: e^x ≈ 1 + x
                default -> (r.nextInt(2001) - 1000) * 0.6931471805599453 + (r.nextDouble() - 0.5) * 1e-9;  // near k·ln 2
            };
            double expected = StrictMath.exp(x), actual = GradientCore.exp(x);
            assertTrue(ulps(expected, actual) <= 1, "e^" + x + " = " + actual + ", fdlibm " + expected);
        }
        assertEquals(1.0, GradientCore.exp(0.0), 0.0);
        assertEquals(1.0, GradientCore.exp(-0.0), 0.0);
        assertEquals(2.0, GradientCore.exp(0.6931471805599453), 0.0);
        assertEquals(Double.MIN_VALUE, GradientCore.exp(-745.1), 0.0, "the smallest subnormal");
        assertEquals(0.0, GradientCore.exp(-745.2), 0.0, "below half the smallest subnormal");
        assertEquals(0.0, GradientCore.exp(-1e300), 0.0);
        assertEquals(0.0, GradientCore.exp(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(1.7928227943945155e308, GradientCore.exp(709.78), 0.0, "the largest finite results");
        assertEquals(Double.POSITIVE_INFINITY, GradientCore.exp(709.79), 0.0, "overflow");
        assertEquals(Double.POSITIVE_INFINITY, GradientCore.exp(Double.POSITIVE_INFINITY), 0.0);
        assertTrue(Double.isNaN(GradientCore.exp(Double.NaN)));
    }

    @Test
    void theChunkExponentialAndLogisticAreTheOneValueFormsInBothKernels() {
        Kernel[] kernels = GradientCore.simd() ? new Kernel[] {ScalarKernel.INSTANCE, new VectorKernel()}
                : new Kernel[] {ScalarKernel.INSTANCE};
        Random r = new Random(29);
        double[] special = {0.0, -0.0, 1e-300, -1e-300, 708.4, -708.4, 745.1, 745.2, -1e300, 1e300,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 36.7, -36.7, 0.5, -0.5};
        for (Kernel kernel : kernels) {
            for (int count : new int[] {1, 2, 3, 4, 5, 7, 8, 13, 17, 64, 129, 256}) {
                double[] z = new double[count];
                for (int k = 0; k < count; k++) {
                    z[k] = r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : 30 * r.nextGaussian();
                }
                double[] e = new double[count], s = z.clone();
                kernel.expOfMinusAbs(z, count, e);
                kernel.logistic(s, e, count, s);  // in place, as the log loss calls it
                for (int k = 0; k < count; k++) {
                    String where = kernel.description() + ", count " + count + ", z = " + z[k];
                    assertEquals(GradientCore.exp(-Math.abs(z[k])), e[k], 0.0, "e^−|z|, " + where);
                    assertEquals(GradientCore.sigmoid(z[k]), s[k], 0.0, "σ(z), " + where);
                    if (Double.isNaN(z[k])) continue;
                    // and σ is the logistic function: 1/(1 + e^−z) computed independently, to rounding
                    double expected = 1 / (1 + StrictMath.exp(-z[k]));
                    assertEquals(expected, s[k], 4e-16 * expected, "σ against 1/(1 + e^−z), " + where);
                }
            }
        }
    }

    @Test
    void subtractLeavesTheResidualsZMinusYInBothKernels() {
        Kernel[] kernels = GradientCore.simd() ? new Kernel[] {ScalarKernel.INSTANCE, new VectorKernel()}
                : new Kernel[] {ScalarKernel.INSTANCE};
        Random r = new Random(31);
        for (Kernel kernel : kernels) {
            for (int count : new int[] {0, 1, 3, 4, 5, 8, 13, 256}) {
                int at = r.nextInt(7);  // the chunk's targets start anywhere in y
                double[] y = new double[at + count + 3], z = new double[count + 2];
                for (int k = 0; k < y.length; k++) y[k] = r.nextGaussian();
                for (int k = 0; k < z.length; k++) z[k] = r.nextGaussian();
                double[] before = z.clone();
                kernel.subtract(z, y, at, count);
                for (int k = 0; k < count; k++) {
                    // one subtraction each, so exact to the bit: z − y rounded once
                    assertEquals(before[k] - y[at + k], z[k], 0.0, kernel.description() + ", count " + count + ", k " + k);
                }
                for (int k = count; k < z.length; k++) assertEquals(before[k], z[k], 0.0, "z beyond count is left alone");
            }
            double[] z = {3.5, -0.0, 1e308}, y = {9, 1.5, 0.0, -1e308};
            kernel.subtract(z, y, 1, 3);  // hand-worked: 3.5 − 1.5, −0 − 0, 1e308 + 1e308 overflows
            assertEquals(2.0, z[0], 0.0);
            assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(z[1]), "−0 − 0 = −0");
            assertEquals(Double.POSITIVE_INFINITY, z[2], 0.0);
        }
    }

    @Test
    void residualGradientIsTheFourLoopsInOnePassInBothKernels() {
        Kernel[] kernels = GradientCore.simd() ? new Kernel[] {ScalarKernel.INSTANCE, new VectorKernel()}
                : new Kernel[] {ScalarKernel.INSTANCE};
        Random r = new Random(37);
        for (int n : WIDTHS) {
            for (int count : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 64, 128, 129, 256}) {
                int at = r.nextInt(5) * n, yAt = r.nextInt(7);  // a chunk starts anywhere in X and in y
                double[] x = new double[at + count * n], w = new double[n], y = new double[yAt + count + 2];
                for (int k = 0; k < x.length; k++) x[k] = r.nextGaussian();
                for (int j = 0; j < n; j++) w[j] = r.nextGaussian();
                for (int k = 0; k < y.length; k++) y[k] = r.nextGaussian();
                double[] start = new double[n];
                for (int j = 0; j < n; j++) start[j] = r.nextGaussian();  // the update adds to what is there
                double[] first = null;
                double firstSquares = 0;
                for (Kernel kernel : kernels) {
                    String where = kernel.description() + ", n = " + n + ", count = " + count;
                    double[] z = new double[count], steps = start.clone(), onePass = start.clone();
                    boolean fromMemory = r.nextBoolean();  // either way, the same bits
                    where += fromMemory ? ", rows from memory" : "";
                    kernel.dots(x, at, n, w, count, z, fromMemory);
                    kernel.subtract(z, y, yAt, count);
                    double squaresInSteps = kernel.sumOfSquares(z, count);
                    kernel.accumulate(x, at, n, z, count, steps);
                    double squares = kernel.residualGradient(x, at, n, w, y, yAt, count, new double[count], onePass,
                            fromMemory);
                    assertArrayEquals(steps, onePass, 0.0, "one pass against the four loops, " + where);
                    assertEquals(squaresInSteps, squares, 0.0, "Σ r² in one pass against the four loops, " + where);
                    if (first == null) {
                        first = onePass;
                        firstSquares = squares;
                    }
                    assertArrayEquals(first, onePass, 0.0, "SIMD against plain Java, " + where);
                    assertEquals(firstSquares, squares, 0.0, "Σ r², SIMD against plain Java, " + where);
                    double exactSquares = 0, squaresScale = 0;
                    for (int c = 0; c < count; c++) {  // Σ r², r = x·w − y, to rounding
                        double residual = -y[yAt + c];
                        for (int i = 0; i < n; i++) residual += x[at + c * n + i] * w[i];
                        exactSquares += residual * residual;
                        squaresScale += Math.pow(magnitude(x, at + c * n, n, w) + Math.abs(y[yAt + c]), 2);
                    }
                    assertEquals(exactSquares, squares, 1e-12 * Math.max(1, squaresScale), "Σ r², " + where);
                    for (int j = 0; j < n; j++) {  // and it is g + Σ (x·w − y)·x, to rounding
                        double exact = start[j], scale = Math.abs(start[j]);
                        for (int c = 0; c < count; c++) {
                            double residual = -y[yAt + c];
                            for (int i = 0; i < n; i++) residual += x[at + c * n + i] * w[i];
                            exact += residual * x[at + c * n + j];
                            double size = magnitude(x, at + c * n, n, w) + Math.abs(y[yAt + c]);
                            scale += size * Math.abs(x[at + c * n + j]);
                        }
                        assertEquals(exact, onePass[j], 1e-12 * Math.max(1, scale), where + ", column " + j);
                    }
                }
            }
        }
    }

    @Test
    void sumOfSquaresIsTheSameInBothKernelsAndCloseToExact() {
        Kernel[] kernels = GradientCore.simd() ? new Kernel[] {ScalarKernel.INSTANCE, new VectorKernel()}
                : new Kernel[] {ScalarKernel.INSTANCE};
        Random r = new Random(41);
        for (int count = 0; count <= 41; count++) {
            double[] a = new double[count + 3];  // longer than count: the entries beyond it must not count
            for (int k = 0; k < a.length; k++) a[k] = Math.scalb(r.nextGaussian(), r.nextInt(41) - 20);
            double exact = 0, scale = 0;
            for (int k = 0; k < count; k++) {
                exact += a[k] * a[k];
                scale += a[k] * a[k];
            }
            Double first = null;
            for (Kernel kernel : kernels) {
                double squares = kernel.sumOfSquares(a, count);
                assertEquals(exact, squares, 1e-14 * scale, kernel.description() + ", count = " + count);
                if (first == null) first = squares;
                assertEquals(first, squares, 0.0, "SIMD against plain Java, count = " + count);
            }
        }
        for (Kernel kernel : kernels) {
            // hand-worked: 3² + 4² = 25; 1..9 squared add to 285 (exact in doubles, any order)
            assertEquals(25.0, kernel.sumOfSquares(new double[] {3, -4, 100}, 2), 0.0);
            assertEquals(285.0, kernel.sumOfSquares(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 9), 0.0);
            assertEquals(0.0, kernel.sumOfSquares(new double[] {7}, 0), 0.0);
            // a NaN or ∞ among the entries summed comes out, never a number (one past count is not summed)
            assertEquals(Double.POSITIVE_INFINITY, kernel.sumOfSquares(new double[] {1, 2, 3, 4, 5, Double.NEGATIVE_INFINITY}, 6), 0.0);
            assertTrue(Double.isNaN(kernel.sumOfSquares(new double[] {1, 2, Double.NaN, 4, 5}, 5)));
        }
        assertEquals(25.0, GradientCore.sumOfSquares(new double[] {3, 4, Double.NaN}, 2), 0.0);
        IllegalArgumentException tooShort = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GradientCore.sumOfSquares(new double[] {3, 4}, 3));
        assertTrue(tooShort.getMessage().contains("a has length 2") && tooShort.getMessage().contains("count = 3"),
                tooShort.getMessage());
    }

    /**
     * The order the kernels promise (four lane sums, lane l taking entries l, 4 + l, …, then the lanes
     * as (l₀ + l₁) + (l₂ + l₃), then the rest one by one), checked where it shows: t = 2⁻²⁷ squares to
     * 2⁻⁵⁴, a quarter of an ulp of 1, so 1 + t² rounds to 1 while t² + t² + t² + t² = 2⁻⁵² does not
     * vanish. Nine entries: two groups of four and one left over. Hand-worked results, each of which
     * another order would change (given beside it).
     */
    @Test
    void sumOfSquaresAddsInTheOrderTheKernelsShare() {
        Kernel[] kernels = GradientCore.simd() ? new Kernel[] {ScalarKernel.INSTANCE, new VectorKernel()}
                : new Kernel[] {ScalarKernel.INSTANCE};
        double t = Math.scalb(1.0, -27), oneUlpUp = Math.nextUp(1.0);
        for (Kernel kernel : kernels) {
            String where = kernel.description();
            // lanes (1 + t², 2t², 2t², 2t²) = (1, 2⁻⁵³, 2⁻⁵³, 2⁻⁵³); 1 + 2⁻⁵³ rounds to 1, plus 2⁻⁵² (left to right: 1)
            assertEquals(oneUlpUp, kernel.sumOfSquares(new double[] {1, t, t, t, t, t, t, t, 0}, 9), 0.0, where);
            // the leftover 1 comes after the lanes' 4t² = 2⁻⁵² (the 1 first: 1)
            assertEquals(oneUlpUp, kernel.sumOfSquares(new double[] {t, t, t, t, 0, 0, 0, 0, 1}, 9), 0.0, where);
            // the second group meets the first lane by lane: lanes (1 + t², t², t², t²) = (1, t², t², t²),
            // then 1 + 2t² rounds to 1 (group by group: 1 + 4t² = 1 + 2⁻⁵²)
            assertEquals(1.0, kernel.sumOfSquares(new double[] {1, 0, 0, 0, t, t, t, t, 0}, 9), 0.0, where);
        }
    }

    @Test
    void bothKernelsGiveExactAnswersOnSmallIntegers() {
        // integers below 2^53 add and multiply exactly, so every order of additions gives the same answer
        Kernel[] kernels = GradientCore.simd() ? new Kernel[] {ScalarKernel.INSTANCE, new VectorKernel()}
                : new Kernel[] {ScalarKernel.INSTANCE};
        for (Kernel simd : kernels) for (int n : new int[] {2, 3, 4, 16, 19, 32, 128}) {
            int count = 9;
            double[] x = new double[count * n], w = new double[n], d = new double[count], z = new double[count];
            for (int k = 0; k < x.length; k++) x[k] = k % 7 - 3;
            for (int j = 0; j < n; j++) w[j] = j % 5 - 2;
            for (int c = 0; c < count; c++) d[c] = c - 4;
            simd.dots(x, 0, n, w, count, z, n >= 32);
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

    /** ℓ = ½r² (slope r) or ℓ = r⁴/4 (slope r³), r = z − y: a linear and a non-linear slope for stepRows. */
    private static RowLoss rowLoss(boolean quartic) {
        return new RowLoss() {
            @Override
            public double value(double z, double y) {
                double r = z - y;
                return quartic ? r * r * r * r / 4 : 0.5 * (r * r);
            }

            @Override
            public double slope(double z, double y) {
                double r = z - y;
                return quartic ? r * r * r : r;
            }

            @Override
            public void slopes(double[] z, double[] y, int at, int count, double[] work) {
                throw new UnsupportedOperationException("stepRows uses the one-row forms");
            }

            @Override
            public double valuesAndSlopes(double[] z, double[] y, int at, int count, double[] work) {
                throw new UnsupportedOperationException("stepRows uses the one-row forms");
            }
        };
    }

    @Test
    void stepRowsIsTheSameInBothKernelsAtEveryWidthAndStopsAtTheSameRow() {
        assumeTrue(GradientCore.simd(), "this JVM has no Vector API");
        Kernel simd = new VectorKernel(), plain = ScalarKernel.INSTANCE;
        Random r = new Random(23);
        for (boolean quartic : new boolean[] {false, true}) {
            RowLoss loss = rowLoss(quartic);
            for (int n = 1; n <= 37; n++) {
                int m = 40;
                double[] x = new double[m * n], y = new double[m], etas = new double[m], start = new double[n];
                for (int k = 0; k < x.length; k++) x[k] = r.nextGaussian();
                for (int i = 0; i < m; i++) y[i] = r.nextGaussian();
                for (int k = 0; k < m; k++) etas[k] = 0.01 / (1 + 0.1 * k);
                for (int j = 0; j < n; j++) start[j] = 0.1 * r.nextGaussian();
                double largest = 0;
                for (double v : x) largest = Math.max(largest, Math.abs(v));
                // a whole span; one that stops at a cost above a limit; one whose gradient bound overflows
                double[] allCosts = new double[m];
                double[] theta = start.clone();
                // (r⁴/4 may run away before the end: its cost turns infinite, and the span stops there)
                int full = plain.stepRows(loss, 0.5, 2.0, x, y, n, largest, 3, m, theta, etas, Double.MAX_VALUE,
                        allCosts);
                assertTrue(full > 2, "updates made before any limit: " + full);
                double[] sorted = java.util.Arrays.copyOf(allCosts, full);
                java.util.Arrays.sort(sorted);
                // {largest, cost limit}: no stop; a limit at the middle cost; a bound that overflows once |ℓ′| > 1
                double[][] cases = {{largest, Double.MAX_VALUE}, {largest, sorted[full / 2]},
                    {Double.MAX_VALUE / 2, Double.MAX_VALUE}};
                for (double[] c : cases) {
                    String where = (quartic ? "r⁴/4" : "½r²") + ", n = " + n + ", largest = " + c[0] + ", cost limit = " + c[1];
                    double[] ts = start.clone(), tp = start.clone(), cs = new double[m], cp = new double[m];
                    int madeS = simd.stepRows(loss, 0.5, 2.0, x, y, n, c[0], 3, m, ts, etas, c[1], cs);
                    int madeP = plain.stepRows(loss, 0.5, 2.0, x, y, n, c[0], 3, m, tp, etas, c[1], cp);
                    assertEquals(madeP, madeS, "updates made, " + where);
                    assertArrayEquals(tp, ts, 0.0, "θ, " + where);
                    assertArrayEquals(cp, cs, 0.0, "costs, " + where);
                    if (c != cases[0]) assertTrue(madeP < full, "the span stops inside: " + where);
                }
                // and the plain loop is the definition, row by row: z = x_i·θ, J = 0.5ℓ, θ_j −= η((0 + ℓ′x_j)·2)
                double[] w = start.clone();
                for (int i = 3; i < 3 + full; i++) {
                    double z = plain.dot(x, i * n, w, n), d = loss.slope(z, y[i]);
                    assertEquals(0.5 * loss.value(z, y[i]), allCosts[i - 3], 0.0, "J at row " + i + ", n = " + n);
                    for (int j = 0; j < n; j++) w[j] -= etas[i - 3] * ((0.0 + d * x[i * n + j]) * 2.0);
                }
                assertArrayEquals(w, theta, 0.0, "θ after the span, n = " + n);
            }
        }
    }

    @Test
    void chunksHoldAbout2048EntriesOfX() {
        assertTrue(GradientCore.chunkRows(2) == 256 && GradientCore.chunkRows(16) == 128
                && GradientCore.chunkRows(128) == 16 && GradientCore.chunkRows(5000) == 4);
    }
}
