package descent.function;

import descent.Check;

/**
 * The 1-D warm-up: how badly a single guess μ summarises a sample,
 * MSE(μ) = (1/m) Σ (μ − x_i)², MSE′(μ) = 2(μ − x̄). A convex parabola, lowest at the sample mean x̄.
 */
public final class SampleMse extends LineFunction {
    private final double mean;
    private final double meanOfSquares;
    private final double sd;

    public SampleMse(double[] sample) {
        Check.finite("sample", sample);
        Check.atLeast("sample.length", sample.length, 1);
        double s = 0;
        double ss = 0;
        for (double v : sample) {
            s += v;
            ss += v * v;
        }
        mean = s / sample.length;
        meanOfSquares = ss / sample.length;
        sd = Math.sqrt(Math.max(0, meanOfSquares - mean * mean));
    }

    @Override
    double f(double mu) {
        // (1/m) Σ (μ − x_i)² = μ² − 2μ x̄ + mean(x²)
        return mu * mu - 2 * mu * mean + meanOfSquares;
    }

    @Override
    double df(double mu) {
        return 2 * (mu - mean);
    }

    /** The sample mean x̄, where MSE is lowest. */
    public double mean() {
        return mean;
    }

    @Override
    public String name() {
        return "MSE(μ)";
    }

    @Override
    public double[][] minima() {
        return new double[][] {{mean}};
    }

    @Override
    public double[] window() {
        double half = Math.max(3 * sd, 1e-3);
        return new double[] {mean - half, mean + half};
    }
}
