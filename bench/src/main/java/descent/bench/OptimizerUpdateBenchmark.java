package descent.bench;

import descent.optim.Adagrad;
import descent.optim.Adam;
import descent.optim.GradientDescent;
import descent.optim.Momentum;
import descent.optim.Nesterov;
import descent.optim.Optimizer;
import descent.optim.RMSprop;
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
 * One optimiser update of p parameters (a million); compare with {@link StreamingUpdateBenchmark}, which
 * reads and writes the same arrays with the least possible arithmetic.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
public class OptimizerUpdateBenchmark {

    @Param({"GradientDescent", "Momentum", "Nesterov", "Adagrad", "RMSprop", "Adam"})
    public String method;

    // the number of parameters, written here and in the other of the two benchmarks (the report checks they agree)
    @Param({"1000000"})
    public int p;
    private double[] theta;
    private double[] grad;
    private Optimizer optimizer;

    @Setup(Level.Trial)
    public void setUp() {
        Matrices.awaitSimd();
        theta = Matrices.weights(p);
        grad = Matrices.weights(p);
        // Tiny rates keep θ finite over millions of benchmark updates.
        optimizer = switch (method) {
            case "GradientDescent" -> new GradientDescent(1e-12);
            case "Momentum" -> new Momentum(1e-12, 0.9);
            case "Nesterov" -> new Nesterov(1e-12, 0.9);
            case "Adagrad" -> new Adagrad(1e-12);
            case "RMSprop" -> new RMSprop(1e-12);
            case "Adam" -> new Adam(1e-12);
            default -> throw new IllegalArgumentException("method = " + method);
        };
    }

    @Benchmark
    public double[] update() {
        optimizer.step(theta, grad);
        return theta;
    }
}
