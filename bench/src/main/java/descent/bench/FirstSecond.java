package descent.bench;

import descent.core.GradientCore;
import descent.data.Dataset;
import descent.loss.MeanSquaredError;
import java.util.Locale;

/**
 * The default path a student meets: in a fresh JVM, without {@code GradientCore.awaitSimd()}, cost + gradient
 * ({@code MeanSquaredError.mean().valueAndGradient}) called back to back for three seconds from the first call.
 * Prints one JSON line: the calls made and the mean time per call in each of those seconds (the first second holds
 * the plain-Java twin's calls while the SIMD loops compile), when the SIMD loops came into use, and which loops run
 * at the end. {@code bench/first_second.py} runs it beside numpy, one fresh JVM per shape and round.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp ... descent.bench.FirstSecond M N</pre>
 */
public final class FirstSecond {
    private static final int SECONDS = 3;

    private FirstSecond() {}

    public static void main(String[] args) {
        int m = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        Dataset data = Matrices.problem(m, n, 42, false);
        double[] w = Matrices.weights(n);
        double[] grad = new double[n];
        MeanSquaredError mse = MeanSquaredError.mean();
        double sink = 0;
        long[] calls = new long[SECONDS];
        long[] nanos = new long[SECONDS];
        long start = System.nanoTime();
        long now = start;
        double simdAt = -1;
        while (now - start < SECONDS * 1_000_000_000L) {
            long before = now;
            sink += mse.valueAndGradient(data, w, grad);
            now = System.nanoTime();
            int second = (int) ((before - start) / 1_000_000_000L);
            calls[second]++;
            nanos[second] += now - before;
            if (simdAt < 0 && GradientCore.simdInUse()) simdAt = (now - start) / 1e9;
        }
        StringBuilder perSecond = new StringBuilder();
        for (int s = 0; s < SECONDS; s++) {
            perSecond.append(s == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", nanos[s] / 1e3 / calls[s]));
        }
        System.out.println(String.format(Locale.ROOT,
                "{\"m\": %d, \"n\": %d, \"calls\": %d, \"us_per_call_by_second\": [%s], \"simd_in_use_at_s\": %.3f,"
                        + " \"kernel\": \"%s\", \"sink\": %.6g}",
                m, n, calls[0] + calls[1] + calls[2], perSecond, simdAt, GradientCore.kernel(), sink));
    }
}
