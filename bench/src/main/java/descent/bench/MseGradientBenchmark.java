package descent.bench;

import descent.core.GradientCore;
import descent.data.Dataset;
import descent.loss.MeanSquaredError;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
 * Full-batch MSE gradient ∇J(w) = (2/m) Xᵀ(Xw − y): the library's fused core (the gradient alone,
 * and with the cost) against a naive two-pass loop, EJML, and the floor set by one streaming read of X
 * — all in one run, so the report can quote ratios rather than absolute times. The JVM runs the
 * SIMD kernel (--add-modules jdk.incubator.vector); {@link PlainJavaCoreBenchmark} runs the same
 * calls on the plain-Java one.
 *
 * <p>{@link #gradientOneThread} and {@link #streamingReadOfX} give the goal table's figures; bench/run
 * launches them (with {@link LogLossGradientBenchmark}'s two) shape by shape, in turn with numpy's
 * process for that shape, three rounds, so that a drift of the machine falls on both sides of each
 * ratio (bench/NOTES.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g", "--add-modules", "jdk.incubator.vector"})
public class MseGradientBenchmark {

    @Param({"1000", "100000", "1000000"})
    public int m;

    @Param({"2", "16", "128"})
    public int n;

    private Dataset data;
    private double[] w;
    private double[] grad;
    private double[] residual;
    private final MeanSquaredError mse = MeanSquaredError.mean();
    private final MeanSquaredError mseAllCores = mse.onThreads(Runtime.getRuntime().availableProcessors());
    private DMatrixRMaj ejmlX;
    private DMatrixRMaj ejmlW;
    private DMatrixRMaj ejmlY;
    private DMatrixRMaj ejmlR;
    private DMatrixRMaj ejmlG;

    @Setup(Level.Trial)
    public void setUp() {
        Matrices.awaitSimd();
        data = Matrices.problem(m, n, 42, false);
        w = Matrices.weights(n);
        grad = new double[n];
        residual = new double[m];
        ejmlX = DMatrixRMaj.wrap(m, n, data.x());
        ejmlW = DMatrixRMaj.wrap(n, 1, w);
        ejmlY = DMatrixRMaj.wrap(m, 1, data.y());
        ejmlR = new DMatrixRMaj(m, 1);
        ejmlG = new DMatrixRMaj(n, 1);
    }

    /** The memory floor: read every entry of X once. */
    @Benchmark
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public double streamingReadOfX() {
        return GradientCore.streamingSum(data.x());
    }

    /** The gradient alone, as numpy's formula computes it: the figure the numpy ratios use. */
    @Benchmark
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public double[] gradientOneThread() {
        mse.gradient(data, w, grad);
        return grad;
    }

    /** Cost and gradient in the same pass (what the training loop asks for). */
    @Benchmark
    public double[] fusedCoreOneThread() {
        mse.valueAndGradient(data, w, grad);
        return grad;
    }

    @Benchmark
    public double[] fusedCoreAllCores() {
        mseAllCores.gradient(data, w, grad);
        return grad;
    }

    /** The textbook loop: residuals r = Xw − y in one pass, then Xᵀr in a second pass. */
    @Benchmark
    public double[] naiveTwoPass() {
        double[] x = data.x();
        double[] y = data.y();
        for (int i = 0; i < m; i++) {
            double z = 0;
            for (int j = 0; j < n; j++) z += x[i * n + j] * w[j];
            residual[i] = z - y[i];
        }
        Matrices.transposeTimes(x, m, n, residual, grad);
        for (int j = 0; j < n; j++) grad[j] *= 2.0 / m;
        return grad;
    }

    /** EJML's dense row-major kernels: r = Xw, r −= y, g = Xᵀr, g *= 2/m. */
    @Benchmark
    public DMatrixRMaj ejml() {
        CommonOps_DDRM.mult(ejmlX, ejmlW, ejmlR);
        CommonOps_DDRM.subtractEquals(ejmlR, ejmlY);
        CommonOps_DDRM.multTransA(ejmlX, ejmlR, ejmlG);
        CommonOps_DDRM.scale(2.0 / m, ejmlG);
        return ejmlG;
    }
}
