package descent.bench;

import descent.core.GradientCore;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the log loss pays per row beyond the MSE's arithmetic: e^−|z| and σ(z) for one chunk of 256
 * outputs, with the core's SIMD exponential against {@link Math#exp} one value at a time. The report
 * divides by 256 (nanoseconds per row).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"--add-modules", "jdk.incubator.vector"})
public class ExpBenchmark {
    static final int CHUNK = 256;
    private final double[] z = new double[CHUNK];
    private final double[] e = new double[CHUNK];
    private final double[] s = new double[CHUNK];

    @Setup(Level.Trial)
    public void setUp() {
        Matrices.awaitSimd();
        SplittableRandom r = new SplittableRandom(47);
        for (int k = 0; k < CHUNK; k++) z[k] = 8 * r.nextDouble() - 4;  // logits of both signs, as in training
    }

    /** e^−|z| for the chunk: the core's exponential, four rows per instruction. */
    @Benchmark
    public double[] coreExpOfMinusAbs() {
        GradientCore.expOfMinusAbs(z, CHUNK, e);
        return e;
    }

    /** The same with {@link Math#exp}, one row at a time (what the log loss used before). */
    @Benchmark
    public double[] mathExp() {
        for (int k = 0; k < CHUNK; k++) e[k] = Math.exp(-Math.abs(z[k]));
        return e;
    }

    /** σ(z) for the chunk as the log loss computes it: the core's e^−|z|, then its SIMD logistic. */
    @Benchmark
    public double[] coreSigmoid() {
        GradientCore.expOfMinusAbs(z, CHUNK, e);
        GradientCore.logistic(z, e, CHUNK, s);
        return s;
    }

    /** σ(z) row by row with {@link Math#exp}, a branch and a division (the log loss before). */
    @Benchmark
    public double[] mathSigmoid() {
        for (int k = 0; k < CHUNK; k++) {
            double zk = z[k], ek = Math.exp(-Math.abs(zk));
            s[k] = (zk >= 0 ? 1 : ek) / (1 + ek);
        }
        return s;
    }
}
