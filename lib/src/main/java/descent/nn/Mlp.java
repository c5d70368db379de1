package descent.nn;

import descent.Check;
import descent.autodiff.GraphLoss;
import descent.autodiff.ParameterLayout;
import descent.autodiff.Parameters;
import descent.autodiff.Tensor;
import descent.data.Dataset;
import descent.loss.Loss;
import descent.train.Init;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A multilayer perceptron: layers a⁽ˡ⁾ = g(a⁽ˡ⁻¹⁾ W⁽ˡ⁾ + b⁽ˡ⁾) with the activation g on every hidden layer
 * and none on the last, whose outputs z go to the {@link Head}'s cost. Rows are examples (a⁽⁰⁾ = X, m × n),
 * so W⁽ˡ⁾ is n_{l−1} × n_l and b⁽ˡ⁾ a row added to every example (Goodfellow, Bengio and Courville, <i>Deep
 * Learning</i>, 2016, §6.1–6.4; the long tutorial's notation).
 *
 * <p>All weights and biases are one flat θ ({@link ParameterLayout}: W1, b1, W2, b2, …), so a network is
 * trained by {@code Descent} exactly like the linear models, with every optimiser, minibatches, schedules,
 * divergence checks and progress. Its gradient is backpropagation: {@link #graphLoss()} builds the autodiff
 * graph of the layers and runs its backward pass; {@link #loss()}, what training uses, runs the same pass
 * written out layer by layer in the gradient core ({@link MlpPass}; equal to the graph to 1e-12 and to
 * PyTorch to 1e-10 in the tests, many times faster). The data must not have a bias column: each layer has
 * its own b.
 *
 * <pre>{@code
 * Mlp net = Mlp.classes(64, 10, Activation.TANH, 32);           // 64 → 32 → 10
 * History h = Descent.of(net.loss(), train).optimizer(new Adam(0.01))
 *         .init(net.init(WeightInit.XAVIER, 1)).minibatch(32).maxEpochs(30).run();
 * double acc = net.accuracy(h.weights(), test);
 * }</pre>
 */
public final class Mlp {
    private final int[] widths;
    private final Activation activation;
    private final Head head;
    private final ParameterLayout layout = new ParameterLayout();
    private final List<ParameterLayout.Slot> weights = new ArrayList<>();
    private final List<ParameterLayout.Slot> biases = new ArrayList<>();

    /** A network with layer widths n_0 (inputs), hidden widths …, n_L (outputs). */
    public Mlp(Head head, Activation activation, int... widths) {
        this.head = Check.notNull("head", head);
        this.activation = Check.notNull("activation", activation);
        Check.notNull("widths", widths);
        if (widths.length < 2) {
            throw new IllegalArgumentException("widths = " + Arrays.toString(widths) + " is invalid: give at least "
                    + "the inputs and the outputs (n_0, …, n_L)");
        }
        for (int l = 0; l < widths.length; l++) Check.atLeast("widths[" + l + "]", widths[l], 1);
        int outputs = widths[widths.length - 1];
        if (head != Head.CLASSES && outputs != 1) {
            throw new IllegalArgumentException("widths ends in " + outputs + " outputs, but a " + head + " head has one output");
        }
        if (head == Head.CLASSES && outputs < 2) {
            throw new IllegalArgumentException("widths ends in " + outputs + " output, but a CLASSES head needs one per class (at least 2)");
        }
        this.widths = widths.clone();
        for (int l = 1; l < widths.length; l++) {
            weights.add(layout.add("W" + l, widths[l - 1], widths[l]));
            biases.add(layout.add("b" + l, 1, widths[l]));
        }
    }

    /** Two classes y ∈ {0, 1}: {@code inputs} → hidden widths → one logit, log loss. */
    public static Mlp binary(int inputs, Activation activation, int... hidden) {
        return new Mlp(Head.BINARY, activation, widths(inputs, hidden, 1));
    }

    /** K classes y ∈ {0, …, K − 1}: {@code inputs} → hidden widths → K logits, softmax cross-entropy. */
    public static Mlp classes(int inputs, int classes, Activation activation, int... hidden) {
        return new Mlp(Head.CLASSES, activation, widths(inputs, hidden, classes));
    }

    /** A number: {@code inputs} → hidden widths → one output, mean squared error. */
    public static Mlp regression(int inputs, Activation activation, int... hidden) {
        return new Mlp(Head.NUMBER, activation, widths(inputs, hidden, 1));
    }

    private static int[] widths(int inputs, int[] hidden, int outputs) {
        Check.notNull("hidden", hidden);
        int[] w = new int[hidden.length + 2];
        w[0] = inputs;
        System.arraycopy(hidden, 0, w, 1, hidden.length);
        w[w.length - 1] = outputs;
        return w;
    }

    /** The length of θ: Σ_l (n_{l−1} + 1) n_l. */
    public int parameterCount() {
        return layout.size();
    }

    public int[] widths() {
        return widths.clone();
    }

    /**
     * The loss {@code Descent} minimises: the head's mean cost of the network's outputs on a batch, from the
     * written-out forward and backward pass ({@link MlpPass}, its loops in the gradient core): the numbers
     * of {@link #graphLoss()} to about 1e-12, many times faster.
     */
    public Loss loss() {
        return new MlpLoss(this, ThreadLocal.withInitial(this::pass));
    }

    /** The same loss through the array-level autodiff: the network as a graph of {@link Tensor} operations. */
    public GraphLoss graphLoss() {
        return new GraphLoss(toString(), layout, (p, x, y) -> head.cost(forward(p, x), y));
    }

    /** A fresh forward and backward pass with its own buffers (one per thread). */
    MlpPass pass() {
        int[] weightAt = new int[widths.length], biasAt = new int[widths.length];
        for (int l = 1; l < widths.length; l++) {
            weightAt[l] = weights.get(l - 1).offset();
            biasAt[l] = biases.get(l - 1).offset();
        }
        return new MlpPass(widths.clone(), weightAt, biasAt, activation, head);
    }

    /**
     * The start θ: every W⁽ˡ⁾ drawn by {@code scheme} (one {@code Random(seed)} for all, layer by layer), every b⁽ˡ⁾ = 0.
     */
    public Init init(WeightInit scheme, long seed) {
        Check.notNull("scheme", scheme);
        return new Init() {
            @Override
            public double[] weights(int n) {
                if (n != parameterCount()) {
                    throw new IllegalArgumentException("n = " + n + " is invalid: this network has " + parameterCount()
                            + " parameters (train it on its own loss(), whose parameterCount is " + parameterCount() + ")");
                }
                double[] theta = new double[n];
                Random random = new Random(seed);
                for (ParameterLayout.Slot w : weights) scheme.fill(theta, w.offset(), w.rows(), w.cols(), random);
                return theta;
            }

            @Override
            public String toString() {
                return scheme + (scheme == WeightInit.ZEROS ? "" : ", seed " + seed);
            }
        };
    }

    /** The outputs z (one row per row of the data: K logits, one logit, or the prediction) at θ. */
    public double[][] outputs(double[] theta, Dataset data) {
        Tensor z = forward(layout.bind(theta), inputs(data));
        double[][] out = new double[z.rows()][z.cols()];
        for (int i = 0; i < z.rows(); i++) out[i] = Arrays.copyOfRange(z.data(), i * z.cols(), (i + 1) * z.cols());
        return out;
    }

    /**
     * z(x) at θ for one input x of n_0 values, as a function: a binary network's logit (p = σ(z)), e.g. for
     * {@code Plots.decisionBoundary(data, net.logit(theta), title)}; a regression network's prediction.
     */
    public java.util.function.ToDoubleFunction<double[]> logit(double[] theta) {
        if (head == Head.CLASSES) throw new IllegalStateException("logit is for a network with one output; this one has "
                + widths[widths.length - 1] + " (use outputs)");
        double[] at = Check.length("theta", theta, parameterCount(), "this network's parameters").clone();
        return x -> {
            Check.length("x", x, widths[0], "one value per input");
            return forward(layout.bind(at), Tensor.of(x, 1, x.length)).value();
        };
    }

    /** Each row's prediction: the class with the largest logit, the label 1 where z ≥ 0 (σ(z) ≥ ½), or the number. */
    public double[] predict(double[] theta, Dataset data) {
        double[][] z = outputs(theta, data);
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = switch (head) {
                case CLASSES -> largest(z[i]);
                case BINARY -> z[i][0] >= 0 ? 1 : 0;
                case NUMBER -> z[i][0];
            };
        }
        return p;
    }

    /** The share of rows whose predicted class is their y (classifiers only). */
    public double accuracy(double[] theta, Dataset data) {
        if (head == Head.NUMBER) throw new IllegalStateException("accuracy is for classifiers; this network predicts a number");
        double[] p = predict(theta, data);
        int right = 0;
        for (int i = 0; i < p.length; i++) if (p[i] == data.y(i)) right++;
        return (double) right / p.length;
    }

    /** The head's mean cost on all rows of the data at θ (cross-entropy, log loss or MSE). */
    public double cost(double[] theta, Dataset data) {
        return head.cost(forward(layout.bind(theta), inputs(data)), data.y()).value();
    }

    /** W⁽ˡ⁾ at θ as n_{l−1} rows × n_l columns: column u holds the weights into unit u of layer l (1 … L). */
    public double[][] weights(double[] theta, int layer) {
        Check.length("theta", theta, parameterCount(), "this network's parameters");
        if (layer < 1 || layer > weights.size()) {
            throw new IllegalArgumentException("layer = " + layer + " is invalid: layers are 1 … " + weights.size());
        }
        ParameterLayout.Slot s = weights.get(layer - 1);
        double[][] w = new double[s.rows()][];
        for (int r = 0; r < s.rows(); r++) w[r] = Arrays.copyOfRange(theta, s.offset() + r * s.cols(), s.offset() + (r + 1) * s.cols());
        return w;
    }

    /** Data of {@code cols} columns fits: one per input, no bias column. */
    void checkColumns(int cols) {
        if (cols != widths[0]) {
            throw new IllegalArgumentException("the data has " + cols + " columns but the network takes n_0 = "
                    + widths[0] + " inputs" + (cols == widths[0] + 1 ? " (a bias column? each layer has its own b: "
                    + "use the data without withBias())" : ""));
        }
    }

    /** Targets y[from..to) fit the head: class indices 0 … K − 1, labels 0 or 1, or finite numbers. */
    void checkTargets(double[] y, int from, int to) {
        int kinds = widths[widths.length - 1];
        for (int i = from; i < to; i++) {
            boolean valid = switch (head) {
                case CLASSES -> y[i] == Math.rint(y[i]) && y[i] >= 0 && y[i] < kinds;
                case BINARY -> y[i] == 0 || y[i] == 1;
                case NUMBER -> Double.isFinite(y[i]);
            };
            if (!valid) {
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is invalid for " + this + ": " + switch (head) {
                    case CLASSES -> "each target must be a class index 0 … " + (kinds - 1);
                    case BINARY -> "labels must be 0 or 1";
                    case NUMBER -> "targets must be finite";
                });
            }
        }
    }

    private Tensor forward(Parameters p, Tensor x) {
        checkColumns(x.cols());
        Tensor a = x;
        for (int l = 0; l < weights.size(); l++) {
            a = a.matmul(p.get(weights.get(l))).addRow(p.get(biases.get(l)));
            if (l < weights.size() - 1) a = activation.apply(a);
        }
        return a;
    }

    private Tensor inputs(Dataset data) {
        Check.notNull("data", data);
        return Tensor.of(data.x(), data.rows(), data.cols());
    }

    private static int largest(double[] z) {
        int best = 0;
        for (int c = 1; c < z.length; c++) if (z[c] > z[best]) best = c;
        return best;
    }

    /** E.g. "MLP 64-32-10, tanh, softmax cross-entropy". */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("MLP ");
        for (int l = 0; l < widths.length; l++) s.append(l == 0 ? "" : "-").append(widths[l]);
        return s + ", " + activation.name().toLowerCase() + ", " + switch (head) {
            case BINARY -> "log loss";
            case CLASSES -> "softmax cross-entropy";
            case NUMBER -> "mean squared error";
        };
    }
}
