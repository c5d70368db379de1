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
}
