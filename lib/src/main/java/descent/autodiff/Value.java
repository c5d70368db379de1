package descent.autodiff;

import descent.Check;
import descent.core.GradientCore;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A number that remembers how it was made: the scalar level of reverse-mode automatic
 * differentiation, small enough to read in one sitting. Each operation returns a new {@code Value}
 * holding its result, its inputs, the operation's name and a {@link BackwardRule}; {@link #backward()}
 * then runs the chain rule from the result back to every input, and each node's {@link #grad()} is the
 * derivative of the result with respect to that node.
 *
 * <pre>{@code
 * Value x = Value.of(3, "x");
 * Value y = x.mul(x).add(x.tanh());   // y = x² + tanh x
 * y.backward();                       // x.grad() is now dy/dx = 2x + 1 − tanh²x
 * }</pre>
 *
 * <p>Backpropagation is the chain rule applied in reverse topological order, each node's gradient
 * complete before it is passed on (Rumelhart, Hinton and Williams, "Learning representations by
 * back-propagating errors", Nature 323, 1986; Baydin, Pearlmutter, Radul and Siskind, "Automatic
 * differentiation in machine learning: a survey", JMLR 18, 2018, §3.2). The design follows Andrej
 * Karpathy's micrograd (github.com/karpathy/micrograd): one class, one closure per operation. Unlike
 * micrograd the order is found without recursion ({@link TopologicalOrder}), so a chain of a million
 * nodes works, and an operation whose result is not finite (log of 0, exp of 1000, 1/0) fails at once
 * with the operation's name instead of spreading NaN through the gradients.
 *
 * <p>Gradients <b>accumulate</b>: a node used twice receives a share from each use ({@link BackwardRule}).
 * {@link #backward()} therefore adds to what is there; call {@link #zeroGrad()} between two passes.
 */
public final class Value {
    private final double data;
    private final List<Value> inputs;
    private final String op;
    private final BackwardRule rule;
    private String label = "";
    /** d(result)/d(this node), filled by the backward pass: mutable by design. */
    double grad;
    /** The number of the last search for a topological order that reached this node ({@link TopologicalOrder}). */
    int mark;

    private Value(double data, String op, BackwardRule rule, List<Value> inputs) {
        this.data = data;
        this.op = op;
        this.rule = rule;
        this.inputs = inputs;
    }

    /** An input (a leaf of the graph): a finite number. */
    public static Value of(double data) {
        if (!Double.isFinite(data)) {
            throw new IllegalArgumentException("data = " + data + " is invalid: a Value must be a finite number");
        }
        return new Value(data, "", null, List.of());
    }

    /** An input with a name, shown by {@link #toString()} and in pictures of the graph. */
    public static Value of(double data, String label) {
        return of(data).named(label);
    }

    /**
     * The result of an operation of your own: {@code data} computed from {@code inputs}, and the rule
     * that passes the result's gradient back to them (it must add to their gradients: {@link #addGrad}).
     *
     * @throws ArithmeticException when {@code data} is not finite, naming {@code op}
     */
    public static Value operation(String op, double data, BackwardRule rule, Value... inputs) {
        Check.notNull("op", op);
        Check.notNull("rule", rule);
        Check.notNull("inputs", inputs);
        for (int i = 0; i < inputs.length; i++) Check.notNull("inputs[" + i + "]", inputs[i]);
        return result(op, data, rule, inputs);
    }

    private static Value result(String op, double data, BackwardRule rule, Value... inputs) {
        if (!Double.isFinite(data)) {
            StringBuilder of = new StringBuilder();
            for (Value v : inputs) of.append(of.length() == 0 ? "" : ", ").append(v.data);
            throw new ArithmeticException("the operation " + op + " produced " + data + " from " + of
                    + ": every value of the graph must be a finite number");
        }
        return new Value(data, op, rule, List.of(inputs));
    }

    /** Gives this node a name (for printing and pictures) and returns it. */
    public Value named(String label) {
        this.label = Check.notNull("label", label);
        return this;
    }

    public double data() {
        return data;
    }

    /** d(result)/d(this node) after {@link #backward()} on the result; 0 before. */
    public double grad() {
        return grad;
    }

    /** Adds {@code amount} to this node's gradient: what a {@link BackwardRule} does to each input. */
    public void addGrad(double amount) {
        grad += amount;
    }

    /** The operation that made this node, "" for an input. */
    public String op() {
        return op;
    }

    public String label() {
        return label;
    }

    /** The nodes this one was computed from (none for an input). */
    public List<Value> inputs() {
        return inputs;
    }

    // ---- the operations: each is its forward value and its local derivatives ----

    /** this + other; ∂/∂a = ∂/∂b = 1. */
    public Value add(Value other) {
        Value a = this, b = other(other);
        return result("+", a.data + b.data, out -> {
            a.grad += out.grad;
            b.grad += out.grad;
        }, a, b);
    }

    public Value add(double other) {
        return add(constant(other));
    }

    /** this − other; ∂/∂a = 1, ∂/∂b = −1. */
    public Value sub(Value other) {
        Value a = this, b = other(other);
        return result("−", a.data - b.data, out -> {
            a.grad += out.grad;
            b.grad -= out.grad;
        }, a, b);
    }

    public Value sub(double other) {
        return sub(constant(other));
    }

    /** this × other; ∂/∂a = b, ∂/∂b = a. */
    public Value mul(Value other) {
        Value a = this, b = other(other);
        return result("×", a.data * b.data, out -> {
            a.grad += b.data * out.grad;
            b.grad += a.data * out.grad;
        }, a, b);
    }

    public Value mul(double other) {
        return mul(constant(other));
    }

    /** this ÷ other; ∂/∂a = 1/b, ∂/∂b = −a/b². */
    public Value div(Value other) {
        Value a = this, b = other(other);
        return result("÷", a.data / b.data, out -> {
            a.grad += out.grad / b.data;
            b.grad -= a.data / (b.data * b.data) * out.grad;
        }, a, b);
    }

    /** this ÷ a constant other than 0. */
    public Value div(double other) {
        if (other == 0) throw new IllegalArgumentException("other = " + other + " is invalid: division by zero");
        return div(constant(other));
    }

    /** −this; ∂/∂a = −1. */
    public Value neg() {
        Value a = this;
        return result("neg", -a.data, out -> a.grad -= out.grad, a);
    }

    /** this^p for a constant p; ∂/∂a = p·a^(p−1). */
    public Value pow(double p) {
        if (!Double.isFinite(p)) throw new IllegalArgumentException("p = " + p + " is invalid: the exponent must be finite");
        Value a = this;
        return result("^" + Double.toString(p).replaceAll("\\.0$", ""), Math.pow(a.data, p),
                out -> a.grad += p * Math.pow(a.data, p - 1) * out.grad, a);
    }

    /** e^this; ∂/∂a = e^a, the result itself. */
    public Value exp() {
        Value a = this;
        return result("exp", Math.exp(a.data), out -> a.grad += out.data * out.grad, a);
    }

    /** ln this (this &gt; 0); ∂/∂a = 1/a. */
    public Value log() {
        Value a = this;
        return result("log", Math.log(a.data), out -> a.grad += out.grad / a.data, a);
    }

    /** tanh this; ∂/∂a = 1 − tanh²a. */
    public Value tanh() {
        Value a = this;
        return result("tanh", Math.tanh(a.data), out -> a.grad += (1 - out.data * out.data) * out.grad, a);
    }

    /** σ(this) = 1/(1 + e^−a), without overflow for any a; ∂/∂a = σ(a)(1 − σ(a)). */
    public Value sigmoid() {
        Value a = this;
        return result("σ", GradientCore.sigmoid(a.data), out -> a.grad += out.data * (1 - out.data) * out.grad, a);
    }

    /** max(this, 0); ∂/∂a = 1 where a &gt; 0, else 0 (the usual choice at the kink a = 0). */
    public Value relu() {
        Value a = this;
        return result("relu", Math.max(a.data, 0), out -> a.grad += (a.data > 0 ? out.grad : 0), a);
    }

    private static Value other(Value other) {
        return Check.notNull("other", other);
    }

    private static Value constant(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("other = " + c + " is invalid: a constant must be a finite number");
        }
        return new Value(c, "", null, List.of());
    }

    // ---- the backward pass ----

    /**
     * Backpropagation from this node: its own gradient becomes 1 (d this/d this) and every node it
     * depends on, visited in reverse topological order, passes its gradient to its inputs. Gradients
     * add to what the nodes held: {@link #zeroGrad()} first when the graph was differentiated before.
     */
    public void backward() {
        List<Value> order = TopologicalOrder.reversed(this, Value::inputs, n -> n.mark, (n, m) -> n.mark = m);
        grad = 1;
        for (Value node : order) {
            if (node.rule != null) node.rule.propagate(node);
        }
    }

    /** Sets the gradient of every node this one depends on (and its own) to 0. */
    public void zeroGrad() {
        for (Value node : TopologicalOrder.of(this, Value::inputs, n -> n.mark, (n, m) -> n.mark = m)) node.grad = 0;
    }

    /** The graph this node is the result of, as numbers: nodes in topological order and edges. */
    public ComputationGraph graph() {
        List<Value> order = TopologicalOrder.of(this, Value::inputs, n -> n.mark, (n, m) -> n.mark = m);
        Map<Value, Integer> id = new IdentityHashMap<>();
        List<ComputationGraph.Node> nodes = new ArrayList<>(order.size());
        List<ComputationGraph.Edge> edges = new ArrayList<>();
        for (Value v : order) {
            int k = nodes.size();
            id.put(v, k);
            nodes.add(new ComputationGraph.Node(k, v.label, v.op, v.data, v.grad));
            for (Value in : v.inputs) edges.add(new ComputationGraph.Edge(id.get(in), k));
        }
        return new ComputationGraph(nodes, edges);
    }

    /** e.g. {@code Value(x: data=3.0, grad=6.0)}. */
    @Override
    public String toString() {
        return "Value(" + (label.isEmpty() ? "" : label + ": ") + "data=" + data + ", grad=" + grad + ")";
    }
}
