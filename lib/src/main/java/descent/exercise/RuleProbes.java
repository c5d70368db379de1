package descent.exercise;

import descent.autodiff.Value;

/** What the checks of notebook 13 share: a node holding a given incoming gradient, and a comparison of two gradients. */
final class RuleProbes {
    private RuleProbes() {}

    /** A node made from {@code inputs} with value {@code data}, holding the incoming gradient {@code g}, its own rule empty. */
    static Value node(String op, double data, double g, Value... inputs) {
        Value out = Value.operation(op, data, o -> { }, inputs);
        out.addGrad(g);
        return out;
    }

    /** A leaf {@code label} with value {@code data} that already holds the gradient {@code prior} (from another use). */
    static Value leaf(String label, double data, double prior) {
        Value v = Value.of(data, label);
        v.addGrad(prior);
        return v;
    }

    static boolean same(double mine, double expected) {
        return Math.abs(mine - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
    }

    /** Null unless the rule changed out's own gradient {@code g}, which a rule only reads. */
    static Feedback outChanged(Value out, double g) {
        return same(out.grad(), g) ? null : Feedback.wrong("changes-argument", "your rule changed out's own gradient from "
                + Exercise.num(g) + " to " + Exercise.num(out.grad()) + ": a rule only reads out.grad() and adds into its "
                + "inputs' gradients");
    }
}
