package descent.exercise;

import descent.autodiff.Value;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks for notebook 13, backpropagation. Each runs the student's backward rule or operation on inputs chosen
 * so that the usual mistakes give different numbers (an incoming gradient other than 1 exposes a forgotten
 * out.grad(); a ≠ b exposes swapped factors; a second share into the same entry exposes assignment), then inside
 * a small graph whose gradient the calculus (or central differences) gives independently. The chain rule run
 * backwards follows Rumelhart, Hinton and Williams (Nature 323, 1986) and micrograd's closures.
 */
public final class BackpropExercises {
    private static final Set<String> LIBRARY_OPS = Set.of("+", "−", "×", "÷", "neg", "exp", "log", "tanh", "σ", "relu");

    private BackpropExercises() {}

    /** A node made from {@code inputs} with value {@code data}, holding the incoming gradient {@code g}, its own rule empty. */
    private static Value node(String op, double data, double g, Value... inputs) {
        Value out = Value.operation(op, data, o -> { }, inputs);
        out.addGrad(g);
        return out;
    }

    private static boolean same(double mine, double expected) {
        return Math.abs(mine - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
    }

    private static Feedback outChanged(Value out, double g) {
        return same(out.grad(), g) ? null : Feedback.wrong("changes-argument", "your rule changed out's own gradient from "
                + Exercise.num(g) + " to " + Exercise.num(out.grad()) + ": a rule only reads out.grad() and adds into its "
                + "inputs' gradients");
    }

    // ---- 13.1 the rule of a × b ----
    public static void checkMulRule(BinaryRule rule) { assessMulRule(rule).print(); }

    static Feedback assessMulRule(BinaryRule rule) {
        return Exercise.report("write the two addGrad calls of the rule", () -> {
            if (Exercise.isTodo(rule)) return Feedback.notDone("write the two addGrad calls of the rule");
            double av = 3, bv = -2, g = 0.5;
            Value a = Value.of(av, "a"), b = Value.of(bv, "b"), out = node("×", av * bv, g, a, b);
            rule.propagate(a, b, out);
            Feedback changed = outChanged(out, g);
            if (changed != null) return changed;
            double da = a.grad(), db = b.grad();
            String got = "with a = 3, b = −2 and out.grad() = 0.5 your rule gave a.grad() = " + Exercise.num(da)
                    + " and b.grad() = " + Exercise.num(db);
            if (da == 0 && db == 0) return Feedback.wrong("adds-nothing", got + ": the addGrad calls are missing");
            if (same(da, av * g) && same(db, bv * g)) {
                return Feedback.wrong("swapped", got + ": you gave each input its own value. ∂(a·b)/∂a is the other "
                        + "factor, b; ∂(a·b)/∂b is a");
            }
            if (same(da, bv) && same(db, av)) {
                return Feedback.wrong("no-upstream", got + ", the local derivatives alone: multiply them by out.grad(), "
                        + "the gradient that arrives from above (the chain rule), to get −1 and 1.5");
            }
            if (same(da, g) && same(db, g)) return Feedback.wrong("add-rule", got + ": that is the rule of a + b, whose local "
                    + "derivatives are 1. For a·b they are b and a");
            if (same(da, -bv * g) && same(db, -av * g)) return Feedback.wrong("sign", got + ": the signs are flipped; "
                    + "∂(a·b)/∂a = +b");
            if (same(da, bv * g) != same(db, av * g)) {
                return Feedback.wrong("one-input", got + ": " + (same(da, bv * g) ? "a's share is right, but b's "
                        + missing(db, av, g, "a.data()") + " (b needs a.data() × out.grad() = 1.5)" : "b's share is right, but a's "
                        + missing(da, bv, g, "b.data()") + " (a needs b.data() × out.grad() = −1)"));
            }
            if (!same(da, bv * g)) return Feedback.wrong("other", got + "; they should be b·out.grad() = −1 and a·out.grad() = 1.5");
            Value x = Value.of(3, "x"), twice = node("×", 9, 1, x, x);  // x·x: one node, both factors
            rule.propagate(x, x, twice);
            if (!same(x.grad(), 6)) {
                return Feedback.wrong("used-twice", "for x·x at x = 3 your rule gave x.grad() = " + Exercise.num(x.grad())
                        + " instead of 2x = 6: when a and b are the same node both shares must be added to it");
            }
            double xv = 1.5, yv = -0.7;  // f = (x·y)·x + y: df/dx = 2xy, df/dy = x² + 1
            Value px = Value.of(xv), py = Value.of(yv);
            Value f = times(rule, times(rule, px, py), px).add(py);
            f.backward();
            if (!same(px.grad(), 2 * xv * yv) || !same(py.grad(), xv * xv + 1)) {
                return Feedback.wrong("in-graph", "alone your rule is right, but in f = (x·y)·x + y at (1.5, −0.7) backward gave ("
                        + Exercise.num(px.grad()) + ", " + Exercise.num(py.grad()) + ") instead of (2xy, x² + 1) = (−2.1, 3.25)");
            }
            return Feedback.done("∂(a·b)/∂a = b·out.grad() and ∂(a·b)/∂b = a·out.grad(); x·x gets 2x; and backward through "
                    + "f = (x·y)·x + y with your rule gives (2xy, x² + 1) = (−2.1, 3.25)");
        });
    }

    /** What is missing from a share {@code got} that should be local × g. */
    private static String missing(double got, double local, double g, String factor) {
        if (got == 0) return "is missing: nothing was added";
        if (same(got, g)) return "misses the factor " + factor;
        if (same(got, local)) return "misses the factor out.grad()";
        return "is " + Exercise.num(got);
    }

    private static Value times(BinaryRule rule, Value a, Value b) {
        return Value.operation("×", a.data() * b.data(), out -> rule.propagate(a, b, out), a, b);
    }

    // ---- 13.2 the rule of tanh ----
    public static void checkTanhRule(UnaryRule rule) { assessTanhRule(rule).print(); }

    static Feedback assessTanhRule(UnaryRule rule) {
        return Exercise.report("write the addGrad call of the rule", () -> {
            if (Exercise.isTodo(rule)) return Feedback.notDone("write the addGrad call of the rule");
            double[][] probes = {{0.7, 2}, {-1.3, -0.8}};
            for (double[] probe : probes) {
                double av = probe[0], g = probe[1], t = Math.tanh(av), right = (1 - t * t) * g;
                Value a = Value.of(av, "a"), out = node("tanh", t, g, a);
                rule.propagate(a, out);
                Feedback changed = outChanged(out, g);
                if (changed != null) return changed;
                double da = a.grad();
                if (same(da, right)) continue;
                String got = "at a = " + Exercise.num(av) + " with out.grad() = " + Exercise.num(g) + " your rule added "
                        + Exercise.num(da) + " to a.grad(); tanh'(a)·out.grad() = (1 − out²)·out.grad() = " + Exercise.num(right);
                if (da == 0) return Feedback.wrong("adds-nothing", got + ": the addGrad call is missing");
                if (same(da, g)) return Feedback.wrong("no-local", got + ": you passed out.grad() on unchanged, without the "
                        + "local derivative: the factor 1 − out² is missing");
                if (same(da, 1 - t * t)) return Feedback.wrong("no-upstream", got + ": you left out the factor out.grad(), the "
                        + "gradient arriving from above; the chain rule multiplies by it");
                if (same(da, (1 - av * av) * g)) return Feedback.wrong("squared-input", got + ": you squared the input a. "
                        + "tanh'(a) = 1 − tanh²(a): square the output, out.data()");
                if (same(da, (1 - t) * g)) return Feedback.wrong("no-square", got + ": 1 − out is missing the square: 1 − out²");
                if (same(da, t * (1 - t) * g)) return Feedback.wrong("sigmoid", got + ": out·(1 − out) is the derivative of "
                        + "the sigmoid, not of tanh");
                if (same(da, t * g) || same(da, t)) return Feedback.wrong("value", got + ": you passed back tanh(a) itself, "
                        + "the value, where its derivative belongs");
                if (same(da, -right) || same(da, (1 + t * t) * g)) return Feedback.wrong("sign", got + ": a sign is flipped");
                if (same(da, g / Math.cosh(av))) return Feedback.wrong("sech", got + ": 1/cosh(a) is sech(a); tanh' is its square");
                return Feedback.wrong("other", got);
            }
            double xv = 0.4, inner = Math.tanh(xv), d = (1 - Math.tanh(inner) * Math.tanh(inner)) * (1 - inner * inner);
            Value x = Value.of(xv);
            Value y = tanh(rule, tanh(rule, x));
            y.backward();
            if (!same(x.grad(), d)) {
                return Feedback.wrong("in-graph", "alone your rule is right, but backward through tanh(tanh(x)) at x = 0.4 gave "
                        + Exercise.num(x.grad()) + " instead of " + Exercise.num(d));
            }
            return Feedback.done("tanh'(a)·out.grad() = (1 − out²)·out.grad() at a = 0.7 and −1.3, and tanh(tanh(x)) at 0.4 "
                    + "gets " + Exercise.num(d) + ", the product of the two local derivatives");
        });
    }

    private static Value tanh(UnaryRule rule, Value a) {
        return Value.operation("tanh", Math.tanh(a.data()), out -> rule.propagate(a, out), a);
    }

    // ---- 13.3 a node used twice ----
    public static void checkShare(GradientShare share) { assessShare(share).print(); }

    static Feedback assessShare(GradientShare share) {
        return Exercise.report("write how a share enters the table", () -> {
            if (Exercise.isTodo(share)) return Feedback.notDone("write how a share enters the table");
            Map<String, Double> grad = new HashMap<>();
            try {
                share.enter(grad, "x", 2.5);
            } catch (NullPointerException e) {
                return Feedback.wrong("no-start", "the first share of x found no entry in the table (grad.get(\"x\") is "
                        + "null) and your code threw NullPointerException: a node's first share starts from 0, e.g. "
                        + "grad.getOrDefault(node, 0.0)");
            }
            if (grad.isEmpty()) return Feedback.wrong("enters-nothing", "after entering the share 2.5 of x the table is still "
                    + "empty: the share is missing; put it into grad under the node's name");
            if (grad.size() != 1 || !same(grad.getOrDefault("x", Double.NaN), 2.5)) {
                return Feedback.wrong("first", "into an empty table, the share 2.5 of x should give {x=2.5}; yours gave " + grad);
            }
            grad.put("y", 1.0);
            share.enter(grad, "x", -4.0);
            if (!same(grad.getOrDefault("y", Double.NaN), 1.0)) {
                return Feedback.wrong("changes-argument", "entering a share of x changed y's entry from 1 to " + grad.get("y")
                        + ": only node's own entry may change");
            }
            double x = grad.getOrDefault("x", Double.NaN);
            if (same(x, -4)) {
                return Feedback.wrong("assigns", "x held 2.5 from its first use, and after the second use's share −4 it holds −4: "
                        + "the second share replaced the first. A node used twice gets a share from each use and its "
                        + "gradient is their sum, −1.5 — add to what is there instead of putting the new share over it");
            }
            if (same(x, 6.5)) return Feedback.wrong("negative", "x held 2.5 and got the share −4, but holds 6.5: the sign of the "
                    + "share was lost — a share can be negative, and it is added as it is");
            if (!same(x, -1.5)) return Feedback.wrong("other", "x held 2.5 and got a second share −4: it should hold their sum "
                    + "−1.5, yours holds " + Exercise.num(x));
            share.enter(grad, "x", 7.0);
            if (!same(grad.get("x"), 5.5)) return Feedback.wrong("third", "x held −1.5 and got a third share 7: it should hold "
                    + "5.5, yours holds " + Exercise.num(grad.get("x")));
            return Feedback.done("shares add up: 2.5 − 4 + 7 = 5.5 for x, y untouched; so x·x at x = 3 gets 3 + 3 = 6 = 2x");
        });
    }

    // ---- 13.4 an operation of your own ----
    public static void checkOwnOperation(UnaryOperation op) { assessOwnOperation(op).print(); }

    static Feedback assessOwnOperation(UnaryOperation op) {
        return Exercise.report("write your operation's value and rule", () -> {
            if (Exercise.isTodo(op)) return Feedback.notDone("write your operation's value and rule");
            double[] points = {-1.7, -0.4, 0.6, 2.3};
            double c = -1.5, h = 1e-5, worst = 0, lowSlope = Double.MAX_VALUE, highSlope = -Double.MAX_VALUE;
            int used = 0;
            String name = "";
            for (double p : points) {
                Value x = Value.of(p, "x"), y;
                try {
                    y = op.apply(x);
                } catch (ArithmeticException outsideDomain) {
                    continue;
                }
                if (y == null) return Feedback.wrong("null", "your operation returned null: return the node Value.operation(…) makes");
                if (y == x) return Feedback.wrong("identity", "your operation returned its input x itself: make a new node with Value.operation(name, value, rule, x)");
                if (LIBRARY_OPS.contains(y.op()) || y.op().startsWith("^") || !y.inputs().contains(x)) {
                    return Feedback.wrong("library", "your node was made by the library's " + (y.op().isEmpty() ? "Value.of" : y.op())
                            + (y.inputs().contains(x) ? "" : " from nodes other than x") + ", so backward would run the library's "
                            + "rules, not yours: make the result with Value.operation(name, value, rule, x), x its input");
                }
                name = y.op();
                double slope = (op.apply(Value.of(p + h)).data() - op.apply(Value.of(p - h)).data()) / (2 * h);
                y.mul(c).backward();  // an incoming gradient c ≠ 1, so that a forgotten out.grad() shows
                double mine = x.grad(), right = c * slope;
                String at = "at x = " + Exercise.num(p) + " with out.grad() = " + Exercise.num(c) + " your rule passed back "
                        + Exercise.num(mine) + "; central differences of your own values say f'(x)·out.grad() = " + Exercise.num(right);
                double gap = Math.abs(mine - right) / Math.max(1, Math.abs(right));
                if (gap > 1e-5) {
                    if (mine == 0) return Feedback.wrong("adds-nothing", at + ": your rule adds nothing to x's gradient");
                    if (Math.abs(mine - slope) <= 1e-5 * Math.max(1, Math.abs(slope))) {
                        return Feedback.wrong("no-upstream", at + ": you left out the factor out.grad(); the chain rule multiplies by it");
                    }
                    if (Math.abs(mine + right) <= 1e-5 * Math.max(1, Math.abs(right))) return Feedback.wrong("sign", at + ": the sign is flipped");
                    if (same(mine, c * y.data())) return Feedback.wrong("value", at + ": you passed back the value f(x), not its derivative");
                    return Feedback.wrong("rule", at + ": differentiate your f by hand again");
                }
                worst = Math.max(worst, gap);
                lowSlope = Math.min(lowSlope, slope);
                highSlope = Math.max(highSlope, slope);
                used++;
            }
            if (used < 2) return Feedback.wrong("domain", "your operation was defined at " + used + " of the points −1.7, −0.4, 0.6, 2.3: "
                    + "choose one defined at least at two of them");
            if (highSlope - lowSlope < 1e-3) {
                return Feedback.wrong("straight", "your f has the same slope " + Exercise.num(highSlope) + " at every point tried: "
                        + "choose a function whose slope changes (sin x, x³, log(1 + eˣ), …), or there is little to differentiate");
            }
            return Feedback.done("your operation " + name + " passes back f'(x)·out.grad(), as central differences say at " + used
                    + " points (largest relative gap " + String.format("%.0e", worst) + ")");
        });
    }
}
