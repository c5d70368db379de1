package descent.bench;

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
 * The floor for an optimiser update of p parameters (a million): streaming loops that touch as many
 * arrays as the update must (θ and ∇J; plus one state array for momentum, Adagrad and RMSprop; plus
 * two for Adam).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
public class StreamingUpdateBenchmark {

    // the number of parameters, written here and in the other of the two benchmarks (the report checks they agree)
    @Param({"1000000"})
    public int p;
    private double[] theta;
    private double[] grad;
    private double[] s1;
    private double[] s2;

    @Setup(Level.Trial)
    public void setUp() {
        Matrices.awaitSimd();
        theta = Matrices.weights(p);
        grad = Matrices.weights(p);
        s1 = new double[p];
        s2 = new double[p];
    }

    /** Reads θ and ∇J, writes θ: what plain gradient descent must touch. */
    @Benchmark
    public double[] streamTwoArrays() {
        for (int i = 0; i < p; i++) theta[i] -= 1e-12 * grad[i];
        return theta;
    }

    /** Reads θ, ∇J and one state array, writes θ and the state: momentum, Adagrad, RMSprop. */
    @Benchmark
    public double[] streamThreeArrays() {
        for (int i = 0; i < p; i++) {
            s1[i] = 0.9 * s1[i] + grad[i];
            theta[i] -= 1e-12 * s1[i];
        }
        return theta;
    }

    /**
     * The same three arrays with Adagrad's own arithmetic, a square root and a division per
     * parameter: the floor for an update whose formula needs them, with no optimiser around it.
     */
    @Benchmark
    public double[] streamThreeArraysSqrtDiv() {
        for (int i = 0; i < p; i++) {
            s1[i] += grad[i] * grad[i];
            theta[i] -= 1e-12 * grad[i] / (Math.sqrt(s1[i]) + 1e-7);
        }
        return theta;
    }

    /** Four arrays with Adam's square root and division per parameter. */
    @Benchmark
    public double[] streamFourArraysSqrtDiv() {
        for (int i = 0; i < p; i++) {
            s1[i] = 0.9 * s1[i] + 0.1 * grad[i];
            s2[i] = 0.999 * s2[i] + 0.001 * grad[i] * grad[i];
            theta[i] -= 1e-12 * s1[i] / (Math.sqrt(s2[i]) + 1e-8);
        }
        return theta;
    }

    /** Reads θ, ∇J and two state arrays, writes θ and both states: Adam. */
    @Benchmark
    public double[] streamFourArrays() {
        for (int i = 0; i < p; i++) {
            s1[i] = 0.9 * s1[i] + 0.1 * grad[i];
            s2[i] = 0.999 * s2[i] + 0.001 * grad[i] * grad[i];
            theta[i] -= 1e-12 * s1[i] * s2[i];
        }
        return theta;
    }
}
