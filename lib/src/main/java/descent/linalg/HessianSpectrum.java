package descent.linalg;

import descent.Check;
import descent.data.Dataset;
import descent.loss.L2Penalty;
import descent.loss.MeanSquaredError;

/**
 * The extreme eigenvalues of the mean-squared-error Hessian H = (c/m) XᵀX (c = 2 for the 1/m
 * convention, 1 for 1/(2m)), and what they say about gradient descent with a fixed step η:
 * it converges iff η < 2/λ_max, and the step 2/(λ_max + λ_min) contracts fastest, at rate
 * (κ − 1)/(κ + 1) with κ = λ_max/λ_min (Nocedal &amp; Wright, <i>Numerical Optimization</i>, §3.3;
 * Goodfellow et al., <i>Deep Learning</i>, §4.3.1).
 *
 * <p>λ_max comes from power iteration on H from a fixed start (deterministic); λ_min from power
 * iteration on λ_max·I − H, whose largest eigenvalue is λ_max − λ_min.
 */
public final class HessianSpectrum {
    private static final int MAX_ITERATIONS = 10_000;
    private static final double TOLERANCE = 1e-13;
    private final double lambdaMax;
    private final double lambdaMin;

    private HessianSpectrum(double lambdaMax, double lambdaMin) {
        this.lambdaMax = lambdaMax;
        this.lambdaMin = lambdaMin;
    }

    /** The spectrum of the Hessian of {@code loss} (either convention) on {@code data}. */
    public static HessianSpectrum of(MeanSquaredError loss, Dataset data) {
        Check.notNull("loss", loss);
        Check.notNull("data", data);
        return of(SymmetricMatrix.gram(data, loss.hessianScale() / data.rows()));
    }

    /**
     * The spectrum of the Hessian of a least-squares cost with a ridge penalty on {@code data}:
     * H = (c/m) XᵀX + λD, D the identity but 0 for a bias column (which the penalty leaves alone).
     */
    public static HessianSpectrum of(L2Penalty loss, Dataset data) {
        Check.notNull("loss", loss);
        Check.notNull("data", data);
        if (!(loss.base() instanceof MeanSquaredError mse)) {
            throw new IllegalArgumentException("loss = " + loss.name() + " is invalid: its Hessian is constant only "
                    + "for a penalised mean squared error");
        }
        double[][] h = SymmetricMatrix.gram(data, mse.hessianScale() / data.rows());
        for (int j = data.hasBias() ? 1 : 0; j < h.length; j++) h[j][j] += loss.lambda();
        return of(h);
    }

    private static HessianSpectrum of(double[][] h) {
        double max = largestEigenvalue(h);
        int n = h.length;
        double[][] shifted = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) shifted[i][k] = (i == k ? max : 0) - h[i][k];
        }
        double min = Math.max(0, max - largestEigenvalue(shifted));
        return new HessianSpectrum(max, min);
    }

    /** Power iteration for a symmetric positive semi-definite matrix, by the Rayleigh quotient. */
    static double largestEigenvalue(double[][] a) {
        int n = a.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 1.0 / Math.sqrt(n) * (1 + 0.1 * i); // fixed, not axis-aligned
        normalise(v);
        double[] av = new double[n];
        double lambda = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            SymmetricMatrix.multiply(a, v, av);
            double next = 0;
            for (int i = 0; i < n; i++) next += v[i] * av[i];
            if (normalise(av) == 0) return 0;
            System.arraycopy(av, 0, v, 0, n);
            if (Math.abs(next - lambda) <= TOLERANCE * Math.abs(next)) return next;
            lambda = next;
        }
        return lambda;
    }

    private static double normalise(double[] v) {
        double s = 0;
        for (double e : v) s += e * e;
        double norm = Math.sqrt(s);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) v[i] /= norm;
        }
        return norm;
    }

    /** The largest eigenvalue of H: the curvature along the steepest direction. */
    public double lambdaMax() { return lambdaMax; }

    /** The smallest eigenvalue of H: the curvature along the flattest direction. */
    public double lambdaMin() { return lambdaMin; }

    /** 2/λ_max: fixed steps η at or above this diverge. */
    public double stabilityBound() { return 2 / lambdaMax; }

    /** 2/(λ_max + λ_min): the fixed step that contracts the error fastest. */
    public double optimalStep() { return 2 / (lambdaMax + lambdaMin); }

    /** κ = λ_max/λ_min (infinite if H is singular): large κ means a long narrow valley and zigzags. */
    public double conditionNumber() { return lambdaMax / lambdaMin; }

    @Override
    public String toString() {
        return String.format("λ_max = %.6g, λ_min = %.6g, κ = %.4g, 2/λ_max = %.6g, optimal η = %.6g",
                lambdaMax, lambdaMin, conditionNumber(), stabilityBound(), optimalStep());
    }
}
