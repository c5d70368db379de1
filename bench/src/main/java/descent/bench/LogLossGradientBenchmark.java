package descent.bench;

import descent.core.GradientCore;
import descent.data.Dataset;
import descent.loss.LogLoss;
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
 * Full-batch log-loss gradient (1/m) Xᵀ(σ(Xw) − y): fused core vs a naive two-pass loop vs the read of X.
 * {@link #gradientOneThread} and {@link #streamingReadOfX} give goal-table figures, launched by bench/run
 * shape by shape in turn with numpy (see {@link MseGradientBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g", "--add-modules", "jdk.incubator.vector"})
public class LogLossGradientBenchmark {

    @Param({"1000", "100000", "1000000"})
    public int m;

    @Param({"2", "16", "128"})
    public int n;

    private Dataset data;
    private double[] w;
    private double[] grad;
    private double[] residual;
    private final LogLoss loss = new LogLoss();

    @Setup(Level.Trial)
    public void setUp() {
        Matrices.awaitSimd();
        data = Matrices.problem(m, n, 43, true);
        w = Matrices.weights(n);
        grad = new double[n];
        residual = new double[m];
    }

    @Benchmark
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public double streamingReadOfX() {
        return GradientCore.streamingSum(data.x());
    }

    /** The gradient alone: no log1p per row (numpy's formula computes the gradient alone too). */
    @Benchmark
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public double[] gradientOneThread() {
        loss.gradient(data, w, grad);
        return grad;
    }

    @Benchmark
    public double[] fusedCoreOneThread() {
        loss.valueAndGradient(data, w, grad);
        return grad;
    }

    /** σ(x_i·w) − y_i for every row into an m-vector, then Xᵀ of it. */
    @Benchmark
    public double[] naiveTwoPass() {
        double[] x = data.x();
        double[] y = data.y();
        for (int i = 0; i < m; i++) {
            double z = 0;
            for (int j = 0; j < n; j++) z += x[i * n + j] * w[j];
            residual[i] = 1 / (1 + Math.exp(-z)) - y[i];
        }
        Matrices.transposeTimes(x, m, n, residual, grad);
        for (int j = 0; j < n; j++) grad[j] /= m;
        return grad;
    }
}
