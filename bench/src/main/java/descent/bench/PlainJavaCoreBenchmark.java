package descent.bench;

import descent.core.GradientCore;
import descent.data.Dataset;
import descent.loss.LogLoss;
import descent.loss.MeanSquaredError;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same gradients as {@link MseGradientBenchmark} and {@link LogLossGradientBenchmark}, in a JVM
 * whose core runs its plain-Java loops ({@code -Ddescent.simd=false}: what a JVM started without
 * {@code --add-modules jdk.incubator.vector} gets). The report divides these by the SIMD figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g", "--add-modules", "jdk.incubator.vector", "-Ddescent.simd=false"})
public class PlainJavaCoreBenchmark {

    @Param({"100000"})
    public int m;

    @Param({"2", "16", "128"})
    public int n;

    private Dataset regression;
    private Dataset classes;
    private double[] w;
    private double[] grad;
    private final MeanSquaredError mse = MeanSquaredError.mean();
    private final LogLoss log = new LogLoss();

    @Setup(Level.Trial)
    public void setUp() {
        if (GradientCore.simd()) throw new IllegalStateException("expected the plain-Java kernel: " + GradientCore.kernel());
        regression = Matrices.problem(m, n, 42, false);
        classes = Matrices.problem(m, n, 43, true);
        w = Matrices.weights(n);
        grad = new double[n];
    }

    @Benchmark
    public double[] mseGradient() {
        mse.gradient(regression, w, grad);
        return grad;
    }

    @Benchmark
    public double[] logLossGradient() {
        log.gradient(classes, w, grad);
        return grad;
    }
}
