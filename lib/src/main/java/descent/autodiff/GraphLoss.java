package descent.autodiff;

import descent.Check;
import descent.data.Dataset;
import descent.data.RowBlock;
import descent.loss.Loss;

/**
 * A {@link Loss} whose cost and gradient come from a {@link Tensor} graph built per batch: any model
 * written with the graph's operations (a network with hidden layers, a softmax classifier) is trained
 * by {@code Descent} with every optimiser, batch mode, minibatches, schedules, divergence checks and
 * progress, unchanged. Its parameters are the flat θ of a {@link ParameterLayout}, whose size need not
 * be the data's column count ({@link #parameterCount}).
 *
 * <pre>{@code
 * GraphLoss loss = new GraphLoss("2-layer net", layout, (p, x, y) ->
 *         TensorLosses.logLoss(x.matmul(p.get(w1)).addRow(p.get(b1)).tanh().matmul(p.get(w2)), y));
 * History h = Descent.of(loss, data).optimizer(new Adam(0.01)).init(Init.random(1)).maxEpochs(50).minibatch(32).run();
 * }</pre>
 */
public final class GraphLoss implements Loss {
    private final String name;
    private final ParameterLayout layout;
    private final BatchModel model;

    public GraphLoss(String name, ParameterLayout layout, BatchModel model) {
        this.name = Check.notNull("name", name);
        this.layout = Check.notNull("layout", layout);
        this.model = Check.notNull("model", model);
        Check.atLeast("the layout's size", layout.size(), 1);
    }

    /** The length of θ: the layout's size. */
    @Override
    public int parameterCount(Dataset data) {
        Check.notNull("data", data);
        return layout.size();
    }

    @Override
    public double valueAndGradient(Dataset data, double[] w, double[] grad) {
        Check.notNull("data", data);
        return evaluate(data.x(), data.y(), data.rows(), data.cols(), w, grad);
    }

    @Override
    public double valueAndGradient(Dataset data, double[] w, int[] rows, int from, int to, double[] grad) {
        Check.notNull("data", data);
        Check.rowRange(rows, from, to);
        int n = data.cols(), count = to - from;
        double[] x = new double[count * n], y = new double[count];
        for (int k = from; k < to; k++) {
            Check.index("rows[" + k + "]", rows[k], data.rows(), "row indices");
            System.arraycopy(data.x(), rows[k] * n, x, (k - from) * n, n);
            y[k - from] = data.y()[rows[k]];
        }
        return evaluate(x, y, count, n, w, grad);
    }

    @Override
    public double valueAndGradient(RowBlock block, int from, int to, double[] w, double[] grad) {
        Check.notNull("block", block);
        block.checkRange(from, to);
        int n = block.source().cols(), count = to - from;
        double[] x = java.util.Arrays.copyOfRange(block.x(), from * n, to * n);
        double[] y = java.util.Arrays.copyOfRange(block.y(), from, to);
        return evaluate(x, y, count, n, w, grad);
    }

    @Override
    public double value(Dataset data, double[] w) {
        Check.notNull("data", data);
        return cost(layout.bind(w), data.x(), data.y(), data.rows(), data.cols()).value();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    private double evaluate(double[] x, double[] y, int rows, int cols, double[] w, double[] grad) {
        Check.length("grad", grad, layout.size(), "one entry per parameter");
        Parameters params = layout.bind(w);
        Tensor cost = cost(params, x, y, rows, cols);
        cost.backward();
        params.gradient(grad);
        return cost.value();
    }

    /** The model's cost over rows X (never copied: a graph never writes an input's entries) and y. */
    private Tensor cost(Parameters params, double[] x, double[] y, int rows, int cols) {
        Tensor result = model.cost(params, Tensor.dataOnly(x, rows, cols), y.clone());
        if (result == null) throw new IllegalStateException("the model returned null: it must return the batch's 1×1 cost");
        return result;
    }
}
