package descent.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.function.GradientCheck;
import descent.loss.HuberLoss;
import descent.loss.L2Penalty;
import descent.loss.LogLoss;
import descent.loss.Loss;
import descent.loss.Losses;
import descent.loss.MeanSquaredError;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fused core against a plain two-pass reference, finite differences, and thread counts. */
class GradientCoreTest {

    static Dataset random(int m, int n, long seed, boolean binary) {
        Random r = new Random(seed);
        double[] x = new double[m * n], y = new double[m];
        for (int k = 0; k < x.length; k++) x[k] = r.nextGaussian();
        for (int i = 0; i < m; i++) y[i] = binary ? r.nextInt(2) : 3 * r.nextGaussian();
        return new Dataset(x, y, n);
    }

    /** Two passes, residuals first: the textbook (2/m) Xᵀ(Xw − y). */
    static double naiveMse(Dataset d, double[] w, double[] grad) {
        int m = d.rows(), n = d.cols();
        double[] r = new double[m];
        double j = 0;
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < n; k++) r[i] += d.x(i, k) * w[k];
            r[i] -= d.y(i);
            j += r[i] * r[i] / m;
        }
        java.util.Arrays.fill(grad, 0);
        for (int k = 0; k < n; k++) for (int i = 0; i < m; i++) grad[k] += 2.0 / m * d.x(i, k) * r[i];
        return j;
    }

    static double naiveLog(Dataset d, double[] w, double[] grad) {
        int m = d.rows(), n = d.cols();
        double j = 0;
        java.util.Arrays.fill(grad, 0);
        for (int i = 0; i < m; i++) {
            double z = 0;
            for (int k = 0; k < n; k++) z += d.x(i, k) * w[k];
            double p = 1 / (1 + Math.exp(-z));
            j -= (d.y(i) * Math.log(p) + (1 - d.y(i)) * Math.log(1 - p)) / m;
            for (int k = 0; k < n; k++) grad[k] += (p - d.y(i)) * d.x(i, k) / m;
        }
        return j;
    }

    static void assertClose(double[] expected, double[] actual) {
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], 1e-12 * Math.max(1, Math.abs(expected[k])), "component " + k);
        }
    }

    @Test
    void fusedMseMatchesTwoPassReference() {
        Dataset d = random(20_000, 7, 1, false);
        double[] w = {0.1, -0.2, 0.3, 0.5, -1, 2, 0}, g = new double[7], ref = new double[7];
        double j = MeanSquaredError.mean().valueAndGradient(d, w, g);
        assertEquals(naiveMse(d, w, ref), j, 1e-12 * j);
        assertClose(ref, g);
    }

    @Test
    void fusedLogLossMatchesReference() {
        Dataset d = random(5_000, 4, 2, true);
        double[] w = {0.3, -0.7, 0.2, 1.1}, g = new double[4], ref = new double[4];
        double j = new LogLoss().valueAndGradient(d, w, g);
        assertEquals(naiveLog(d, w, ref), j, 1e-12);
        assertClose(ref, g);
    }

    @Test
    void minibatchSliceEqualsTheSelectedRows() {
        Dataset d = random(300, 3, 3, false);
        int[] rows = {5, 17, 250, 3, 99, 42};
        double[] w = {1, 2, 3}, g = new double[3], ref = new double[3];
        double j = MeanSquaredError.mean().valueAndGradient(d, w, rows, 1, 5, g);
        double jr = naiveMse(d.select(new int[] {17, 250, 3, 99}), w, ref);
        assertEquals(jr, j, 1e-12 * jr);
        assertClose(ref, g);
    }

    @Test
    void rowsFromMemoryGiveTheBitsOfRowsFromTheCache() {
        int m = 32_768, n = 128;  // 2²² entries (32 MB): the kernel is told the rows come from main memory
        assertTrue(GradientCore.fromMemory(null, 0, m, n));
        assertTrue(!GradientCore.fromMemory(null, 0, m - 1, n), "one row fewer is below the threshold");
        int[] all = new int[m];
        for (int i = 0; i < m; i++) all[i] = i;
        assertTrue(!GradientCore.fromMemory(all, 0, m, n), "picked rows are copied into the cache first");
        Dataset d = random(m, n, 41, true);
        double[] w = new double[n];
        Random r = new Random(43);
        for (int j = 0; j < n; j++) w[j] = r.nextGaussian() * 0.1;
        GradientCore.awaitSimd();  // the SIMD loops, where the two reading orders differ
        for (Loss loss : new Loss[] {MeanSquaredError.mean(), new LogLoss()}) {
            double[] streamed = new double[n], picked = new double[n], twoThreads = new double[n];
            double valueStreamed = loss.valueAndGradient(d, w, streamed);
            double valuePicked = loss.valueAndGradient(d, w, all, 0, m, picked);
            assertEquals(valuePicked, valueStreamed, 0.0, loss + ": value");
            assertArrayEquals(picked, streamed, 0.0, loss + ": gradient");
            Loss onTwo = loss instanceof LogLoss l ? l.onThreads(2) : MeanSquaredError.mean().onThreads(2);
            onTwo.gradient(d, w, twoThreads);
            assertArrayEquals(streamed, twoThreads, 0.0, loss + ": gradient on two threads");
        }
    }

    @Test
    void resultIsBitIdenticalForAnyThreadCount() {
        Dataset d = random(3 * GradientCore.BLOCK + 123, 5, 4, false);
        double[] w = {0.5, -0.5, 0.25, 1, -2};
        double[] one = new double[5];
        double j1 = MeanSquaredError.mean().valueAndGradient(d, w, one);
        for (int t : new int[] {2, 3}) {
            double[] g = new double[5];
            assertEquals(t, MeanSquaredError.mean().onThreads(t).threads());
            assertEquals(j1, MeanSquaredError.mean().onThreads(t).valueAndGradient(d, w, g), 0.0);
            assertArrayEquals(one, g, 0.0);
        }
    }

    @Test
    void everyLossGradientMatchesCentralDifferences() {
        Dataset reg = random(200, 3, 5, false), cls = random(200, 3, 6, true);
        Loss[] losses = {MeanSquaredError.mean(), MeanSquaredError.half(), new HuberLoss(1.0),
            L2Penalty.of(MeanSquaredError.mean(), 0.3)};
        Random r = new Random(9);
        for (int trial = 0; trial < 20; trial++) {
            double[] w = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            for (Loss loss : losses) {
                assertTrue(GradientCheck.compare(Losses.asObjective(loss, reg), w).maxRelativeError() < 1e-6, loss.name());
            }
            assertTrue(GradientCheck.compare(Losses.asObjective(new LogLoss(), cls), w).passed());
        }
    }

    @Test
    void logLossStaysFiniteForHugeLogits() {
        Dataset d = new Dataset(new double[] {800, -800}, new double[] {0, 1}, 1);
        double[] g = new double[1];
        double j = new LogLoss().valueAndGradient(d, new double[] {1}, g);
        assertEquals(800, j, 1e-9); // each row costs |z| = 800
        assertTrue(Double.isFinite(g[0]));
    }

    @Test
    void badInputsAreNamed() {
        Dataset d = random(10, 2, 7, false);
        var e = assertThrows(IllegalArgumentException.class,
                () -> MeanSquaredError.mean().valueAndGradient(d, new double[3], new double[2]));
        assertTrue(e.getMessage().startsWith("w has length 3 but must have length 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LogLoss().valueAndGradient(d, new double[2], new double[2]));
        assertTrue(e.getMessage().contains("is invalid for log loss: targets must be 0 or 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MeanSquaredError.mean().valueAndGradient(d, new double[2], new int[] {0, 10}, 0, 2, new double[2]));
        assertTrue(e.getMessage().startsWith("rows[1] = 10 is invalid"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new HuberLoss(0));
        assertTrue(e.getMessage().startsWith("delta = 0.0 is invalid"), e.getMessage());
    }

    @Test
    void theStreamingReadSumsEveryEntry() {
        double[] a = new double[1001];
        for (int k = 0; k < a.length; k++) a[k] = k % 7 - 3 + 0.5;
        double expected = 0;
        for (double v : a) expected += v;
        assertEquals(expected, GradientCore.streamingSum(a), 1e-9);
        assertEquals(0.5, GradientCore.streamingSum(new double[] {0.5}), 0.0);
    }

    @Test
    void gatherCopiesTheRowsInOrderAndNamesABadRow() {
        double[] x = {1, 2, 3, 4, 5, 6}, y = {10, 20, 30};
        double[] xo = new double[4], yo = new double[2];
        GradientCore.gather(x, y, 2, new int[] {2, 0, 1}, 0, 2, xo, yo);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {5, 6, 1, 2}, xo, 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {30, 10}, yo, 0.0);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GradientCore.gather(x, y, 2, new int[] {0, 3}, 0, 2, xo, yo));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("rows[1] = 3"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GradientCore.gather(x, y, 2, new int[] {0, 1, 2}, 0, 3, xo, yo), "room for 2 rows only");
    }

    @Test
    void sigmoidIsFiniteEverywhere() {
        assertEquals(0.5, GradientCore.sigmoid(0), 0.0);
        assertEquals(1 / (1 + Math.exp(-3)), GradientCore.sigmoid(3), 1e-16);
        assertEquals(Math.exp(-3) / (1 + Math.exp(-3)), GradientCore.sigmoid(-3), 1e-16);
        assertEquals(0.0, GradientCore.sigmoid(-1000), 0.0);
    }

    @Test
    void theChunkFunctionsNameTheArrayThatIsMissingOrShort() {
        double[] four = new double[4], three = new double[3];
        var e = assertThrows(IllegalArgumentException.class, () -> GradientCore.expOfMinusAbs(null, 4, four));
        assertTrue(e.getMessage().contains("z"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientCore.expOfMinusAbs(four, 4, three));
        assertTrue(e.getMessage().contains("e has length 3") && e.getMessage().contains("count = 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientCore.expOfMinusAbs(three, 4, four));
        assertTrue(e.getMessage().contains("z has length 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientCore.expOfMinusAbs(four, -1, four));
        assertTrue(e.getMessage().contains("count") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientCore.logistic(three, four, 4, four));
        assertTrue(e.getMessage().contains("z has length 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientCore.logistic(four, three, 4, four));
        assertTrue(e.getMessage().contains("e has length 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientCore.logistic(four, four, 4, three));
        assertTrue(e.getMessage().contains("s has length 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientCore.subtract(three, four, 0, 4));
        assertTrue(e.getMessage().contains("z has length 3") && e.getMessage().contains("count = 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientCore.subtract(four, four, 1, 4));
        assertTrue(e.getMessage().contains("y has length 4") && e.getMessage().contains("y[1 … 1 + 4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientCore.subtract(four, four, -1, 2));
        assertTrue(e.getMessage().contains("at") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientCore.subtract(four, null, 0, 2));
        assertTrue(e.getMessage().contains("y"), e.getMessage());
        double[] z = {5, 6, 7}, y = {1, 2, 3, 4};
        GradientCore.subtract(z, y, 1, 3);  // at + count = y.length exactly: allowed
        assertEquals(3.0, z[0], 0.0);
        assertEquals(3.0, z[2], 0.0);
        GradientCore.expOfMinusAbs(three, 0, four);  // nothing asked, nothing done
        assertEquals(0.0, four[0], 0.0);
    }

    @Test
    void gatherCopiesRowsInTheGivenOrderAndChecksTheirBounds() {
        double[] x = {0, 1, 10, 11, 20, 21, 30, 31}, y = {0, 1, 2};  // 4 rows of X, but only 3 targets
        int[] rows = {2, 0, 1};
        double[] xOut = new double[6], yOut = new double[3];
        GradientCore.gather(x, y, 2, rows, 0, 3, xOut, yOut);  // to = rows.length is allowed
        assertArrayEquals(new double[] {20, 21, 0, 1, 10, 11}, xOut, 0.0);
        assertArrayEquals(new double[] {2, 0, 1}, yOut, 0.0);
        GradientCore.gather(x, y, 2, rows, 1, 1, new double[0], new double[0]);  // an empty range copies nothing
        var e = assertThrows(IllegalArgumentException.class,
                () -> GradientCore.gather(x, y, 2, rows, 1, 3, new double[3], yOut));
        assertTrue(e.getMessage().contains("xOut has length 3") && e.getMessage().contains("the 2 rows need 4 and 2"),
                e.getMessage());
        // row 3 has x values but no target: the rows that exist are those with both
        e = assertThrows(IllegalArgumentException.class,
                () -> GradientCore.gather(x, y, 2, new int[] {3}, 0, 1, xOut, yOut));
        assertTrue(e.getMessage().contains("rows[0] = 3") && e.getMessage().contains("0..2"), e.getMessage());
        double[] shortX = {0, 1, 10, 11};  // 2 rows of X, 3 targets
        e = assertThrows(IllegalArgumentException.class,
                () -> GradientCore.gather(shortX, y, 2, new int[] {2}, 0, 1, xOut, yOut));
        assertTrue(e.getMessage().contains("rows[0] = 2") && e.getMessage().contains("0..1"), e.getMessage());
    }
}
