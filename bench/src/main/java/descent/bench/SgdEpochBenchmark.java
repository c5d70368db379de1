package descent.bench;

import descent.core.GradientCore;
import descent.data.Dataset;
import descent.data.Datasets;
import descent.loss.MeanSquaredError;
import descent.optim.GradientDescent;
import descent.train.Descent;
import descent.train.History;
import descent.train.Init;
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
 * One epoch of per-sample SGD (m updates in shuffled order, a million by default) against one
 * full-batch gradient pass over the same m×n data: the price of a million tiny updates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// bench/run launches this class three times, one JVM per benchmark each time, and the report takes each
// figure's median JVM (as for the goal table): one JVM can run at half the speed of another here, the
// machine drifts over minutes, and "one more epoch in a run" is the difference of two of these figures
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "--add-modules", "jdk.incubator.vector"})
public class SgdEpochBenchmark {

    // the shape, written only here: bench/run reads it (JMH's -lp) for numpy's lecture loop, the report from the results
    @Param({"1000000"})
    public int m;

    @Param({"16"})
    public int n;

    private Dataset data;
    private int[] order;
    private double[] w;
    private double[] grad;
    private final MeanSquaredError mse = MeanSquaredError.mean();
    private final GradientDescent sgd = new GradientDescent(1e-4);
    private static final int CHUNK = 512;
    private double[] chunkX;
    private double[] chunkY;
    private int[] inOrder;

    @Setup(Level.Trial)
    public void setUp() {
        Matrices.awaitSimd();
        data = Matrices.problem(m, n, 45, false);
        order = Datasets.permutation(m, 8);
        inOrder = new int[m];
        for (int i = 0; i < m; i++) inOrder[i] = i;
        w = Matrices.weights(n);
        grad = new double[n];
        chunkX = new double[CHUNK * n];
        chunkY = new double[CHUNK];
    }

    /** The course's loop: Descent in stochastic mode for one shuffled epoch (plus its two full-cost passes). */
    @Benchmark
    public History descentEpoch() {
        return Descent.of(mse, data).stochastic().seed(8).optimizer(new GradientDescent(1e-4))
                .init(Init.zeros()).maxEpochs(1).tolerance(0).run();
    }

    /**
     * Two epochs of the same run: minus {@link #descentEpoch}, what one more epoch costs inside a run
     * (its shuffle, its million updates and its check), without the run's cost at the start.
     */
    @Benchmark
    public History descentTwoEpochs() {
        return Descent.of(mse, data).stochastic().seed(8).optimizer(new GradientDescent(1e-4))
                .init(Init.zeros()).maxEpochs(2).tolerance(0).run();
    }

    /** The floor for visiting rows in a random order: copy every row once, in the shuffled order. */
    @Benchmark
    public double[] gatherShuffledRows() {
        for (int from = 0; from < m; from += CHUNK) {
            GradientCore.gather(data.x(), data.y(), n, order, from, Math.min(m, from + CHUNK), chunkX, chunkY);
        }
        return chunkX;
    }

    /** The same per-sample epoch with the rows in storage order: what is left without the random access. */
    @Benchmark
    public double[] perSampleEpochInOrder() {
        for (int i = 0; i < m; i++) {
            mse.valueAndGradient(data, w, inOrder, i, i + 1, grad);
            sgd.step(w, grad);
        }
        return w;
    }

    /** A hand-written per-sample epoch over the shuffled order, through the loss API. */
    @Benchmark
    public double[] perSampleEpoch() {
        for (int i = 0; i < m; i++) {
            mse.valueAndGradient(data, w, order, i, i + 1, grad);
            sgd.step(w, grad);
        }
        return w;
    }

    @Benchmark
    public double[] fullBatchPass() {
        mse.valueAndGradient(data, w, grad);
        return grad;
    }
}
