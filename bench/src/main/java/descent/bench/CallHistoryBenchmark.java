package descent.bench;

import descent.data.Dataset;
import descent.loss.HuberLoss;
import descent.loss.L2Penalty;
import descent.loss.LogLoss;
import descent.loss.Loss;
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
 * Does what ran before in the JVM change a gradient's speed? A notebook mixes losses in one kernel.
 * Each (loss, history) pair gets a JVM of its own: "fresh" measures the loss first thing;
 * "afterOthers" first runs every other loss of the library (cost and gradient, several shapes) for
 * a few seconds, so the JIT has compiled the core for them, and then measures the same call.
 * Several JVMs per pair: on this machine one JVM's figure for the same call can be twice another's
 * (bench/NOTES.md), and the report compares the medians of the JVMs. One fork per launch:
 * {@code bench/run} launches this class six times per history, fresh and "after" alternating, so
 * that the two histories' JVMs run interleaved in time. Run as one job with several forks, JMH would
 * run every fresh JVM of a cell before every "after" one, and the machine's drift over those
 * minutes would read as an effect of history.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g", "--add-modules", "jdk.incubator.vector"})
public class CallHistoryBenchmark {

    @Param({"mse", "log"})
    public String loss;

    @Param({"fresh", "afterOthers"})
    public String history;

    // the measured loss's shape, written only here (the report takes it from the results)
    @Param({"100000"})
    public int m;

    @Param({"16"})
    public int n;

    private Loss measured;
    private Dataset data;
    private double[] w;
    private double[] grad;

    @Setup(Level.Trial)
    public void setUp() {
        Matrices.awaitSimd();
        boolean log = loss.equals("log");
        measured = log ? new LogLoss() : MeanSquaredError.mean();
        data = Matrices.problem(m, n, 44, log);
        w = Matrices.weights(n);
        grad = new double[n];
        if (history.equals("afterOthers")) {
            Loss[] others = log
                    ? new Loss[] {MeanSquaredError.mean(), new HuberLoss(0.5), L2Penalty.of(MeanSquaredError.half(), 0.1)}
                    : new Loss[] {new LogLoss(), new HuberLoss(0.5), L2Penalty.of(new LogLoss(), 0.1)};
            for (Loss other : others) {
                for (int width : new int[] {2, 16, 128}) {
                    Dataset d = Matrices.problem(20_000, width, 45, other.name().startsWith("log"));
                    double[] v = Matrices.weights(width), g = new double[width];
                    long end = System.nanoTime() + 700_000_000L;
                    while (System.nanoTime() < end) {
                        other.valueAndGradient(d, v, g);
                        other.gradient(d, v, g);
                    }
                }
            }
        }
    }

    @Benchmark
    public double[] gradient() {
        measured.gradient(data, w, grad);
        return grad;
    }

    @Benchmark
    public double[] valueAndGradient() {
        measured.valueAndGradient(data, w, grad);
        return grad;
    }
}
