package descent.bench;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.loss.MeanSquaredError;
import descent.optim.GradientDescent;
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
 * One minibatch update (gradient over b random rows read in place through an index array, then a
 * gradient-descent step), as the descent loop performs it. Run with {@code -prof gc} to see the
 * bytes allocated per step, which must be zero.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "--add-modules", "jdk.incubator.vector"})
public class MinibatchStepBenchmark {

    @Param({"32", "256"})
    public int b;

    // the shape, written only here (the report takes it from the results)
    @Param({"1000000"})
    public int m;

    @Param({"16"})
    public int n;

    private Dataset data;
    private int[] order;
    private int next;
    private double[] w;
    private double[] grad;
    private final MeanSquaredError mse = MeanSquaredError.mean();
    private final GradientDescent sgd = new GradientDescent(1e-3);

    @Setup(Level.Trial)
    public void setUp() {
        Matrices.awaitSimd();
        data = Matrices.problem(m, n, 44, false);
        order = Datasets.permutation(m, 7);
        w = Matrices.weights(n);
        grad = new double[n];
    }

    @Benchmark
    public double[] minibatchStep() {
        if (next + b > m) next = 0;
        mse.valueAndGradient(data, w, order, next, next + b, grad);
        sgd.step(w, grad);
        next += b;
        return w;
    }
}
