package descent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import descent.loss.MeanSquaredError;
import descent.data.Datasets;
import descent.data.Dataset;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A small problem gets the SIMD loops too: in a fresh JVM (this test's own child, so that no other test has
 * started the warm-up) one cost + gradient of 1,000 × 16, far below the 65,536 entries the warm-up once waited
 * for, is enough for the SIMD loops to be in use a little later, without {@link GradientCore#awaitSimd()}.
 */
class FirstSumWarmUpTest {

    /** The child: one sum at 1,000 × 16, then the milliseconds until the SIMD loops are in use (or -1 after 30 s). */
    public static void main(String[] args) throws InterruptedException {
        Dataset data = Datasets.linear(1_000, 16, new double[16], 0.1, 1);
        double[] w = new double[16], g = new double[16];
        long start = System.nanoTime();
        MeanSquaredError.mean().valueAndGradient(data, w, g);
        while (!GradientCore.simdInUse() && System.nanoTime() - start < 30_000_000_000L) Thread.sleep(5);
        System.out.println(GradientCore.simdInUse() ? (System.nanoTime() - start) / 1_000_000 : -1);
    }

    @Test
    void theFirstSmallSumStartsTheWarmUp() throws Exception {
        assumeTrue(GradientCore.simd(), "this JVM runs plain Java: there is no SIMD to warm up");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process child = new ProcessBuilder(List.of(java, "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), FirstSumWarmUpTest.class.getName()))
                .redirectErrorStream(false).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, child.exitValue(), out);
        long ms = Long.parseLong(out);
        assertTrue(ms >= 0, "the SIMD loops were not in use 30 s after a sum of 1,000 × 16");
    }
}
