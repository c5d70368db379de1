package descent.autodiff;

import descent.Check;
import descent.core.GradientCore;
import java.util.Arrays;
import java.util.List;

/**
 * A matrix that remembers how it was made: the array level of reverse-mode automatic
 * differentiation, the same mechanism as {@link Value} with one node per matrix instead of one per
 * number. A vector is a 1×n or m×1 matrix, a scalar 1×1. Entries are stored row-major in a
 * {@code double[]}; an operation makes a new node, never changes one, so a node's entries are
 * final once made. The matrix products run in the gradient core ({@link GradientCore#matmul} and its
 * two transposed forms), with its SIMD and plain-Java kernels.
 *
 * <pre>{@code
 * Tensor hidden = x.matmul(w1).addRow(b1).tanh();          // m×h
 * Tensor loss = TensorLosses.logLoss(hidden.matmul(w2).addRow(b2), y);
 * loss.backward();                                         // w1.grad() … b2.grad()
 * }</pre>
 *
 * <p>Each operation's backward rule is the textbook matrix form of the chain rule (for C = A·B:
 * dA = dC·Bᵀ, dB = Aᵀ·dC); the order of the pass and the accumulation are {@link Value}'s (Rumelhart,
 * Hinton and Williams 1986; Baydin et al., "Automatic differentiation in machine learning: a survey",
 * JMLR 18, 2018). An operation whose result has an entry that is not finite fails at once, naming the
 * operation and the entry; shapes that do not fit fail naming the operation and both shapes.
 */
public final class Tensor {
    private final int rows;
    private final int cols;
    /** Entries, row-major; never written after the constructor. */
    final double[] data;
    /** d(result)/d(entry), row-major, filled by the backward pass. */
    final double[] grad;
    /** The number of the last search for a topological order that reached this node ({@link TopologicalOrder}). */
    int mark;
    private final String op;
    private final List<Tensor> inputs;
    private final TensorRule rule;
    /**
     * True for rows of a dataset that {@link GraphLoss} hands to a model: nobody asks for their gradient,
     * so a matrix product skips forming it (dX = dC·Wᵀ would cost as much as the product itself). Their
     * {@link #grad()} stays 0.
     */
    private boolean dataOnly;

    Tensor(double[] data, int rows, int cols, String op, TensorRule rule, List<Tensor> inputs) {
        this.data = data;
        this.rows = rows;
        this.cols = cols;
        this.op = op;
        this.rule = rule;
        this.inputs = inputs;
        this.grad = new double[data.length];
    }

    /** The backward rule of one operation: adds its share of {@code out.grad} into its inputs' gradients. */
    @FunctionalInterface
    interface TensorRule {
        void propagate(Tensor out);
    }

    /** An input (data or a constant): a rows×cols matrix of finite entries, copied from {@code entries}, row-major. */
    public static Tensor of(double[] entries, int rows, int cols) {
        Check.notNull("entries", entries);
        Check.size("rows", rows, cols);
        Check.size("cols", cols, rows);
        if ((long) rows * cols != entries.length) {
            throw new IllegalArgumentException("entries has length " + entries.length + " but a " + rows + "×" + cols
                    + " matrix has " + (long) rows * cols + " entries");
        }
        Check.finite("entries", entries);
        return leaf(entries.clone(), rows, cols);
    }

    /** A column vector (m×1) of the given entries. */
    public static Tensor column(double... entries) {
        Check.notNull("entries", entries);
        return of(entries, entries.length, 1);
    }

    /** A row vector (1×n) of the given entries. */
    public static Tensor row(double... entries) {
        Check.notNull("entries", entries);
        return of(entries, 1, entries.length);
    }

    /** Rows of data as a leaf whose gradient nobody needs (no copy, no check): see {@link #dataOnly}. */
    static Tensor dataOnly(double[] entries, int rows, int cols) {
        Tensor t = leaf(entries, rows, cols);
        t.dataOnly = true;
        return t;
    }

    /** A leaf over {@code entries} as they are (no copy, no check): the caller's array must not change. */
    static Tensor leaf(double[] entries, int rows, int cols) {
        return new Tensor(entries, rows, cols, "", null, List.of());
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** "rows×cols", as error messages write it. */
    public String shape() {
        return rows + "×" + cols;
    }

    /** The operation that made this node, "" for an input. */
    public String op() {
        return op;
    }

    /** The nodes this one was computed from. */
    public List<Tensor> inputs() {
        return inputs;
    }

    /** A copy of the entries, row-major. */
    public double[] data() {
        return data.clone();
    }

    /** Entry (i, j). */
    public double get(int i, int j) {
        Check.index("i", i, rows, "rows");
        Check.index("j", j, cols, "columns");
        return data[i * cols + j];
    }

    /** The one entry of a 1×1 node. */
    public double value() {
        requireScalar("value()");
        return data[0];
    }

    /** A copy of the gradient, row-major: d(result)/d(entry) after {@link #backward()} on the result. */
    public double[] grad() {
        return grad.clone();
    }

    // ---- operations ----

    /** The matrix product this·other (m×k times k×n); dA = dC·Bᵀ, dB = Aᵀ·dC, in the gradient core. */
    public Tensor matmul(Tensor other) {
        Tensor a = this, b = Check.notNull("other", other);
        if (a.cols != b.rows) {
            throw mismatch("matmul", a, b, "the left's columns (" + a.cols + ") must equal the right's rows (" + b.rows + ")");
        }
        int m = a.rows, k = a.cols, n = b.cols;
        double[] c = new double[m * n];
        GradientCore.matmul(a.data, b.data, m, k, n, c);
        return result("matmul", c, m, n, out -> {
            if (!a.dataOnly) {
                double[] da = new double[m * k];
                GradientCore.matmulTransposedB(out.grad, b.data, m, n, k, da);
                addInto(a.grad, da);
            }
            if (!b.dataOnly) {
                double[] db = new double[k * n];
                GradientCore.matmulTransposedA(a.data, out.grad, m, k, n, db);
                addInto(b.grad, db);
            }
        }, a, b);
    }

    /** this + bias, the 1×n row {@code bias} added to every row of this m×n matrix; d bias = column sums of dC. */
    public Tensor addRow(Tensor bias) {
        Tensor a = this, b = Check.notNull("bias", bias);
        if (b.rows != 1 || b.cols != a.cols) {
            throw mismatch("addRow", a, b, "the bias must be one row of " + a.cols + " columns (1×" + a.cols + ")");
        }
        double[] c = new double[a.data.length];
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < a.cols; j++) c[i * a.cols + j] = a.data[i * a.cols + j] + b.data[j];
        }
        return result("addRow", c, a.rows, a.cols, out -> {
            addInto(a.grad, out.grad);
            for (int i = 0; i < a.rows; i++) {
                for (int j = 0; j < a.cols; j++) b.grad[j] += out.grad[i * a.cols + j];
            }
        }, a, b);
    }

    /** Entry-wise this + other (same shapes). */
    public Tensor add(Tensor other) {
        Tensor a = this, b = sameShape("add", other);
        double[] c = new double[a.data.length];
        for (int k = 0; k < c.length; k++) c[k] = a.data[k] + b.data[k];
        return result("add", c, rows, cols, out -> {
            addInto(a.grad, out.grad);
            addInto(b.grad, out.grad);
        }, a, b);
    }

    /** Entry-wise this − other (same shapes). */
    public Tensor sub(Tensor other) {
        Tensor a = this, b = sameShape("sub", other);
        double[] c = new double[a.data.length];
        for (int k = 0; k < c.length; k++) c[k] = a.data[k] - b.data[k];
        return result("sub", c, rows, cols, out -> {
            for (int k = 0; k < c.length; k++) {
                a.grad[k] += out.grad[k];
                b.grad[k] -= out.grad[k];
            }
        }, a, b);
    }

    /** Entry-wise this × other (same shapes; the Hadamard product). */
    public Tensor mul(Tensor other) {
        Tensor a = this, b = sameShape("mul", other);
        double[] c = new double[a.data.length];
        for (int k = 0; k < c.length; k++) c[k] = a.data[k] * b.data[k];
        return result("mul", c, rows, cols, out -> {
            for (int k = 0; k < c.length; k++) {
                a.grad[k] += b.data[k] * out.grad[k];
                b.grad[k] += a.data[k] * out.grad[k];
            }
        }, a, b);
    }

    /** Every entry times the constant {@code factor}. */
    public Tensor scale(double factor) {
        if (!Double.isFinite(factor)) throw new IllegalArgumentException("factor = " + factor + " is invalid: it must be finite");
        Tensor a = this;
        double[] c = new double[a.data.length];
        for (int k = 0; k < c.length; k++) c[k] = a.data[k] * factor;
        return result("scale", c, rows, cols, out -> {
            for (int k = 0; k < c.length; k++) a.grad[k] += factor * out.grad[k];
        }, a);
    }

    /** Entry-wise tanh; d/da = 1 − tanh²a. */
    public Tensor tanh() {
        Tensor a = this;
        double[] c = new double[a.data.length];
        for (int k = 0; k < c.length; k++) c[k] = Math.tanh(a.data[k]);
        return result("tanh", c, rows, cols, out -> {
            for (int k = 0; k < c.length; k++) a.grad[k] += (1 - c[k] * c[k]) * out.grad[k];
        }, a);
    }

    /** Entry-wise σ(a) = 1/(1 + e^−a), finite for any a; d/da = σ(1 − σ). */
    public Tensor sigmoid() {
        Tensor a = this;
        double[] c = new double[a.data.length];
        for (int k = 0; k < c.length; k++) c[k] = GradientCore.sigmoid(a.data[k]);
        return result("sigmoid", c, rows, cols, out -> {
            for (int k = 0; k < c.length; k++) a.grad[k] += c[k] * (1 - c[k]) * out.grad[k];
        }, a);
    }

    /** Entry-wise max(a, 0); d/da = 1 where a &gt; 0, else 0. */
    public Tensor relu() {
        Tensor a = this;
        double[] c = new double[a.data.length];
        for (int k = 0; k < c.length; k++) c[k] = Math.max(a.data[k], 0);
        return result("relu", c, rows, cols, out -> {
            for (int k = 0; k < c.length; k++) if (a.data[k] > 0) a.grad[k] += out.grad[k];
        }, a);
    }

    /** Entry-wise e^a; d/da = e^a. */
    public Tensor exp() {
        Tensor a = this;
        double[] c = new double[a.data.length];
        for (int k = 0; k < c.length; k++) c[k] = Math.exp(a.data[k]);
        return result("exp", c, rows, cols, out -> {
            for (int k = 0; k < c.length; k++) a.grad[k] += c[k] * out.grad[k];
        }, a);
    }

    /** Entry-wise ln a (every a &gt; 0); d/da = 1/a. */
    public Tensor log() {
        Tensor a = this;
        double[] c = new double[a.data.length];
        for (int k = 0; k < c.length; k++) c[k] = Math.log(a.data[k]);
        return result("log", c, rows, cols, out -> {
            for (int k = 0; k < c.length; k++) a.grad[k] += out.grad[k] / a.data[k];
        }, a);
    }

    /** The sum of every entry, 1×1; each entry's gradient is the result's. */
    public Tensor sum() {
        Tensor a = this;
        double s = 0;
        for (double v : a.data) s += v;
        return result("sum", new double[] {s}, 1, 1, out -> {
            for (int k = 0; k < a.data.length; k++) a.grad[k] += out.grad[0];
        }, a);
    }

    /** The mean of every entry, 1×1; each entry's gradient is the result's over the count. */
    public Tensor mean() {
        Tensor a = this;
        int count = a.data.length;
        double s = 0;
        for (double v : a.data) s += v;
        return result("mean", new double[] {s / count}, 1, 1, out -> {
            double share = out.grad[0] / count;
            for (int k = 0; k < count; k++) a.grad[k] += share;
        }, a);
    }

    // ---- the backward pass ----

    /**
     * Backpropagation from this 1×1 node: its gradient becomes 1 and every node it depends on, in reverse
     * topological order, passes its gradient to its inputs (adding to what they hold: {@link #zeroGrad()}
     * between passes over the same graph).
     *
     * @throws IllegalStateException when this node is not 1×1: a gradient is of one number
     */
    public void backward() {
        requireScalar("backward()");
        List<Tensor> order = TopologicalOrder.reversed(this, Tensor::inputs, n -> n.mark, (n, m) -> n.mark = m);
        grad[0] = 1;
        for (Tensor node : order) {
            if (node.rule != null) node.rule.propagate(node);
        }
    }

    /** Sets the gradient of this node and of every node it depends on to 0. */
    public void zeroGrad() {
        for (Tensor node : TopologicalOrder.of(this, Tensor::inputs, n -> n.mark, (n, m) -> n.mark = m)) Arrays.fill(node.grad, 0.0);
    }

    /** e.g. {@code Tensor(3×1 from tanh)}; the entries are in {@link #data()}. */
    @Override
    public String toString() {
        return "Tensor(" + shape() + (op.isEmpty() ? ", input" : " from " + op) + ")";
    }

    // ---- shared pieces ----

    /**
     * A new node, after checking that every entry is finite: a NaN or ∞ is reported here, with the
     * operation that made it, not later as a NaN gradient.
     */
    static Tensor result(String op, double[] c, int rows, int cols, TensorRule rule, Tensor... inputs) {
        for (int k = 0; k < c.length; k++) {
            if (!Double.isFinite(c[k])) {
                StringBuilder from = new StringBuilder();
                for (Tensor in : inputs) {
                    from.append(from.length() == 0 ? "" : " and ").append(in.shape());
                    if (in.data.length == c.length) from.append(" (that entry: ").append(in.data[k]).append(')');
                }
                throw new ArithmeticException("the operation " + op + " produced " + c[k] + " at entry ("
                        + k / cols + ", " + k % cols + ") of its " + rows + "×" + cols + " result from " + from
                        + ": every entry of the graph must be a finite number");
            }
        }
        return new Tensor(c, rows, cols, op, rule, List.of(inputs));
    }

    private Tensor sameShape(String op, Tensor other) {
        Check.notNull("other", other);
        if (other.rows != rows || other.cols != cols) throw mismatch(op, this, other, "they must be equal");
        return other;
    }

    static IllegalArgumentException mismatch(String op, Tensor a, Tensor b, String rule) {
        return new IllegalArgumentException(op + ": the shapes " + a.shape() + " and " + b.shape()
                + " do not match: " + rule);
    }

    private void requireScalar(String what) {
        if (rows != 1 || cols != 1) {
            throw new IllegalStateException(what + " needs a scalar (a 1×1 node) but this node is " + shape()
                    + (op.isEmpty() ? "" : " (made by " + op + ")")
                    + ": reduce it to one number first, e.g. with sum(), mean() or a loss of TensorLosses");
        }
    }

    static void addInto(double[] target, double[] amounts) {
        for (int k = 0; k < target.length; k++) target[k] += amounts[k];
    }
}
