package descent.function;

/**
 * A differentiable function f: R^d → R, the thing an optimiser minimises: a test function's point,
 * or a model's weights.
 */
public interface Objective {

    /** The number of variables d. */
    int dimension();

    /** f(p). */
    double value(double[] p);

    /** Writes ∇f(p) into {@code grad} (length d). */
    void gradient(double[] p, double[] grad);

    /**
     * λ_max, the largest eigenvalue of the Hessian ∇²f, where it is the same at every point (a quadratic):
     * then fixed steps of gradient descent converge only for η &lt; 2/λ_max, which a diverged walk's report
     * quotes. NaN (the default) for a function whose curvature changes from point to point.
     */
    default double hessianLambdaMax() {
        return Double.NaN;
    }
}
