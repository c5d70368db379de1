package descent.function;

/**
 * A classic 2-D (or 1-D) optimisation test function with its analytic gradient, its known minima,
 * and a plotting window that shows them.
 */
public interface TestFunction extends Objective {

    /** Display name, e.g. "Himmelblau". */
    String name();

    /** The known global (and, where it matters, local) minima, one point per row. */
    double[][] minima();

    /** The plotting window {xmin, xmax, ymin, ymax} (1-D functions: {xmin, xmax}). */
    double[] window();
}
