package descent.autodiff;

import descent.Check;
import descent.function.Objective;
import java.util.function.Function;

/**
 * A function of a flat parameter vector whose value and gradient come from a {@link Tensor} graph:
 * an {@link Objective}, so that {@code Minimizer} and every optimiser of {@code descent.optim} minimise
 * it unchanged. Each call binds θ to the layout, builds the graph with {@code build} (which returns a
 * 1×1 node) and, for the gradient, runs the backward pass and gathers the parameters' gradients.
 *
 * <pre>{@code
 * GraphObjective f = new GraphObjective(layout, p -> TensorLosses.logLoss(x.matmul(p.get(w)), y));
 * Path path = Minimizer.walk(f, new Adam(0.01), new double[layout.size()], 500);
 * }</pre>
 */
public final class GraphObjective implements Objective {
    private final ParameterLayout layout;
    private final Function<Parameters, Tensor> build;

    public GraphObjective(ParameterLayout layout, Function<Parameters, Tensor> build) {
        this.layout = Check.notNull("layout", layout);
        this.build = Check.notNull("build", build);
        Check.atLeast("the layout's size", layout.size(), 1);
    }

    @Override
    public int dimension() {
        return layout.size();
    }

    @Override
    public double value(double[] p) {
        return graph(layout.bind(p)).value();
    }

    @Override
    public void gradient(double[] p, double[] grad) {
        valueAndGradient(p, grad);
    }

    /** f(p), with ∇f(p) written into {@code grad} (length {@link #dimension()}), from one forward and one backward pass. */
    public double valueAndGradient(double[] p, double[] grad) {
        Check.length("grad", grad, layout.size(), "one entry per parameter");
        Parameters params = layout.bind(p);
        Tensor result = graph(params);
        result.backward();
        params.gradient(grad);
        return result.value();
    }

    private Tensor graph(Parameters params) {
        Tensor result = build.apply(params);
        if (result == null) throw new IllegalStateException("build returned null: it must return the graph's 1×1 result");
        return result;
    }
}
