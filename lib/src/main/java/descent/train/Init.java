package descent.train;

import descent.Check;
import java.util.Random;

/**
 * How the weights start: zeros, small random values, or Xavier's scale (variance 1/n of the inputs).
 * Random starts take an explicit seed, so a run is repeatable.
 */
@FunctionalInterface
public interface Init {

    /** A fresh weight vector of length n. */
    double[] weights(int n);

    /** All zeros: fine for convex losses such as MSE of a linear model. */
    static Init zeros() {
        return named("zeros", n -> new double[n]);
    }

    /** Each weight drawn from N(0, 1), as in the lecture's {@code np.random.randn(2, 1)}. */
    static Init random(long seed) {
        return random(seed, 1.0);
    }

    /** Each weight drawn from N(0, sd²): "small random values" for sd ≪ 1. */
    static Init random(long seed, double sd) {
        Check.positive("sd", sd);
        return named("random N(0, " + sd + "²), seed " + seed, n -> {
            Random rng = new Random(seed);
            double[] w = new double[n];
            for (int j = 0; j < n; j++) w[j] = sd * rng.nextGaussian();
            return w;
        });
    }

    /**
     * Xavier/Glorot initialisation for a unit with n inputs: N(0, 1/n), so x·w keeps the scale of
     * one input. Glorot &amp; Bengio, "Understanding the difficulty of training deep feedforward
     * neural networks", AISTATS 2010 (the course uses the fan-in form, variance 1/n).
     */
    static Init xavier(long seed) {
        return named("Xavier N(0, 1/n), seed " + seed, n -> random(seed, Math.sqrt(1.0 / n)).weights(n));
    }

    /** A given start, copied (e.g. a point far from the optimum, for a picture). */
    static Init of(double... start) {
        Check.finite("start", start);
        double[] copy = start.clone();
        return named("start " + java.util.Arrays.toString(copy), n -> {
            Check.length("start", copy, n, "one start value per column of the data");
            return copy.clone();
        });
    }

    /** Gives an initialiser a readable name for printing. */
    private static Init named(String name, Init init) {
        return new Init() {
            @Override
            public double[] weights(int n) {
                // a size that would exhaust the heap is refused with the size and the heap, before allocating
                Check.size("n (number of weights)", n, 1);
                return init.weights(n);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
