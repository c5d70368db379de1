package descent.exercise;

import descent.autodiff.Value;

import static descent.exercise.RuleProbes.*;

/**
 * Exercise 13.2, the backward rule of out = tanh(a): tanh'(a) = 1 − tanh²(a) = 1 − out², times out.grad(). Two probes
 * with out.grad() ≠ 1 tell the slips apart by their numbers; a rule that adds exactly 0 is run once more with
 * out.grad() = NaN, which tells a missing addGrad call (a.grad() stays 0) from one that adds 0·out.grad() (NaN).
 */
final class TanhRuleCheck {
    private TanhRuleCheck() {}

    static Feedback assess(UnaryRule rule) {
        return Exercise.report("write the addGrad call of the rule", () -> {
            if (Exercise.isTodo(rule)) return Feedback.notDone("write the addGrad call of the rule");
            double[][] probes = {{0.7, 2, 0}, {-1.3, -0.8, 0.3}};   // a, out.grad(), the gradient a already holds
            for (double[] probe : probes) {
                Feedback f = probe(rule, probe[0], probe[1], probe[2]);
                if (f != null) return f;
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

    private static Feedback probe(UnaryRule rule, double av, double g, double prior) {
        double t = Math.tanh(av), right = (1 - t * t) * g;
        Value a = leaf("a", av, prior), out = node("tanh", t, g, a);
        rule.propagate(a, out);
        Feedback changed = outChanged(out, g);
        if (changed != null) return changed;
        double da = a.grad() - prior;
        if (same(da, right)) return null;
        String got = "at a = " + Exercise.num(av) + " with out.grad() = " + Exercise.num(g) + " your rule added "
                + Exercise.num(da) + " to a.grad(); tanh'(a)·out.grad() = (1 − out²)·out.grad() = " + Exercise.num(right);
        if (prior != 0 && same(da, right + prior)) {
            return Feedback.wrong("accumulator", got + ". a already held " + Exercise.num(prior) + " from another use, and "
                    + "your rule added it again: addGrad already adds to what is there, so pass it the share alone, not a.grad() + …");
        }
        if (da == 0) return addsZero(rule, av, got);
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
        if (same(da, 1 - t * t * g)) return Feedback.wrong("precedence", got + ": you computed 1 − (out²·out.grad()) — "
                + "* binds before −, so the brackets must say (1 − out²)·out.grad()");
        if (same(da, (1 - t * t) * t)) return Feedback.wrong("value-for-gradient", got + ": you multiplied by out.data(), "
                + "the value tanh(a); the chain rule multiplies by out.grad(), the gradient that arrives from above");
        if (same(da, g / (1 - t * t))) return Feedback.wrong("reciprocal", got + ": that is out.grad() / (1 − out²), i.e. "
                + "cosh²(a) × out.grad(): the derivative turned upside down. tanh'(a) = 1 / cosh²(a) = 1 − out²");
        double tt = Math.tanh(t);
        if (same(da, (1 - tt * tt) * g)) return Feedback.wrong("tanh-twice", got + ": out.data() is already tanh(a), "
                + "and you applied Math.tanh to it again; 1 − out² needs no second tanh");
        return Feedback.wrong("other", got);
    }

    /**
     * The rule added exactly 0: run it once more with out.grad() = NaN. A missing call leaves a.grad() at 0; a call
     * that adds (something)·out.grad() turns it NaN, so the something was 0 — integer division is the usual way.
     */
    private static Feedback addsZero(UnaryRule rule, double av, String got) {
        Value a = Value.of(av, "a"), out = node("tanh", Math.tanh(av), Double.NaN, a);
        rule.propagate(a, out);
        if (!Double.isNaN(a.grad())) return Feedback.wrong("adds-nothing", got + ": the addGrad call is missing");
        Feedback zero = IntegerDivision.zero("the factor your rule multiplies out.grad() by", 0);
        return Feedback.wrong(zero.mistake(), got + ". The addGrad call is there, but " + zero.message()
                + " (1 / 2 is 0, and Math.pow(out, 0) is 1)");
    }

    private static Value tanh(UnaryRule rule, Value a) {
        return Value.operation("tanh", Math.tanh(a.data()), out -> rule.propagate(a, out), a);
    }
}
