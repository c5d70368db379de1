package descent.exercise;

import descent.autodiff.Value;

import static descent.exercise.RuleProbes.*;

/**
 * Exercise 13.1, the backward rule of out = a·b: ∂out/∂a = b and ∂out/∂b = a, each times out.grad() (the chain rule),
 * added into the inputs' gradients. The probes separate the usual slips: non-integer factors (a cast to int shows),
 * a ≠ b and out.grad() ≠ 1 (swapped or forgotten factors show), inputs that already hold a gradient from another
 * use (adding a.grad() again shows), a factor 0 (a division by the other factor shows), then x·x and a small graph
 * whose gradient the calculus gives.
 */
final class MulRuleCheck {
    private MulRuleCheck() {}

    static Feedback assess(BinaryRule rule) {
        return Exercise.report("write the two addGrad calls of the rule", () -> {
            if (Exercise.isTodo(rule)) return Feedback.notDone("write the two addGrad calls of the rule");
            Feedback f = fresh(rule, 2.5, -1.5, 0.3);
            if (f == null) f = accumulated(rule, -0.5, 4, -2, 1.5, -0.25);
            if (f == null) f = zeroFactor(rule, 0, -1.5, 0.5);
            if (f == null) f = zeroFactor(rule, 2.5, 0, 0.5);
            if (f != null) return f;
            Value x = Value.of(3, "x"), twice = node("×", 9, 1, x, x);  // x·x: one node, both factors
            rule.propagate(x, x, twice);
            if (!same(x.grad(), 6)) {
                return Feedback.wrong("used-twice", "for x·x at x = 3 your rule gave x.grad() = " + Exercise.num(x.grad())
                        + " instead of 2x = 6: when a and b are the same node both shares must be added to it");
            }
            double xv = 1.5, yv = -0.7;  // f = (x·y)·x + y: df/dx = 2xy, df/dy = x² + 1
            Value px = Value.of(xv), py = Value.of(yv);
            Value f2 = times(rule, times(rule, px, py), px).add(py);
            f2.backward();
            if (!same(px.grad(), 2 * xv * yv) || !same(py.grad(), xv * xv + 1)) {
                return Feedback.wrong("in-graph", "alone your rule is right, but in f = (x·y)·x + y at (1.5, −0.7) backward gave ("
                        + Exercise.num(px.grad()) + ", " + Exercise.num(py.grad()) + ") instead of (2xy, x² + 1) = (−2.1, 3.25)");
            }
            return Feedback.done("∂(a·b)/∂a = b·out.grad() and ∂(a·b)/∂b = a·out.grad(), also with a factor 0 and with "
                    + "gradients already there; x·x gets 2x; and backward through f = (x·y)·x + y with your rule gives "
                    + "(2xy, x² + 1) = (−2.1, 3.25)");
        });
    }

    /** Inputs whose gradients start at 0: most slips give their own pair of numbers here. */
    private static Feedback fresh(BinaryRule rule, double av, double bv, double g) {
        Value a = Value.of(av, "a"), b = Value.of(bv, "b"), out = node("×", av * bv, g, a, b);
        rule.propagate(a, b, out);
        Feedback changed = outChanged(out, g);
        if (changed != null) return changed;
        double da = a.grad(), db = b.grad(), wantA = bv * g, wantB = av * g;
        if (same(da, wantA) && same(db, wantB)) return null;
        String got = "with a = " + Exercise.num(av) + ", b = " + Exercise.num(bv) + " and out.grad() = " + Exercise.num(g)
                + " your rule gave a.grad() = " + Exercise.num(da) + " and b.grad() = " + Exercise.num(db);
        String should = "; they should be b·out.grad() = " + Exercise.num(wantA) + " and a·out.grad() = " + Exercise.num(wantB);
        if (da == 0 && db == 0) return Feedback.wrong("adds-nothing", got + ": the addGrad calls are missing");
        if (both(da, db, av * g, bv * g)) {
            return Feedback.wrong("swapped", got + ": you gave each input its own value. ∂(a·b)/∂a is the other "
                    + "factor, b; ∂(a·b)/∂b is a");
        }
        if (both(da, db, bv, av)) {
            return Feedback.wrong("no-upstream", got + ", the local derivatives alone: multiply them by out.grad(), "
                    + "the gradient that arrives from above (the chain rule), to get " + Exercise.num(wantA) + " and " + Exercise.num(wantB));
        }
        if (both(da, db, g, g)) return Feedback.wrong("add-rule", got + ": that is the rule of a + b, whose local "
                + "derivatives are 1. For a·b they are b and a");
        if (both(da, db, -wantA, -wantB)) return Feedback.wrong("sign", got + ": the signs are flipped; ∂(a·b)/∂a = +b");
        if (both(da, db, av * bv * g, av * bv * g) || both(da, db, av * bv, av * bv)) {
            return Feedback.wrong("value", got + ": that is the value out = a·b passed back, not a derivative"
                    + should + " (∂(a·b)/∂a is b alone)");
        }
        if (both(da, db, g / bv, g / av)) {
            return Feedback.wrong("divides", got + ": you divided out.grad() by the other factor" + should
                    + " — the local derivative b multiplies out.grad()");
        }
        if (both(da, db, bv * av * bv, av * av * bv)) {
            return Feedback.wrong("value-for-gradient", got + should + ": you multiplied by out.data(), the value a·b; the "
                    + "chain rule multiplies by out.grad(), the gradient that arrives from above");
        }
        double k = da / wantA;
        if (same(db, k * wantB) && !same(k, 1)) {
            return Feedback.wrong("factor", got + should + ": both shares are " + Exercise.num(k) + " times the right ones — "
                    + "a factor too many; ∂(a·b)/∂a · out.grad() = b·out.grad(), nothing else");
        }
        if ((both(da, db, (int) bv * g, (int) av * g) || both(da, db, (int) (bv * g), (int) (av * g))) && !same(da, wantA)) {
            return Feedback.wrong("truncated", got + should + ": those are the values with their fraction cut off — an (int) "
                    + "cast or an int variable truncates " + Exercise.num(av) + " to " + (int) av + "; keep a.data() and b.data() double");
        }
        if (same(da, wantA) != same(db, wantB)) {
            return Feedback.wrong("one-input", got + ": " + (same(da, wantA) ? "a's share is right, but b's "
                    + missing(db, av, g, "a.data()") + " (b needs a.data() × out.grad() = " + Exercise.num(wantB) + ")"
                    : "b's share is right, but a's " + missing(da, bv, g, "b.data()") + " (a needs b.data() × out.grad() = "
                    + Exercise.num(wantA) + ")"));
        }
        return Feedback.wrong("other", got + should);
    }

    /** Inputs that already hold a gradient from another use: addGrad adds to it, so the rule must pass only the share. */
    private static Feedback accumulated(BinaryRule rule, double av, double bv, double g, double priorA, double priorB) {
        Value a = leaf("a", av, priorA), b = leaf("b", bv, priorB), out = node("×", av * bv, g, a, b);
        rule.propagate(a, b, out);
        double wantA = priorA + bv * g, wantB = priorB + av * g;
        if (same(a.grad(), wantA) && same(b.grad(), wantB)) return null;
        String got = "a and b already held gradients " + Exercise.num(priorA) + " and " + Exercise.num(priorB) + " from another "
                + "use; with a = " + Exercise.num(av) + ", b = " + Exercise.num(bv) + " and out.grad() = " + Exercise.num(g)
                + " your rule left them at " + Exercise.num(a.grad()) + " and " + Exercise.num(b.grad()) + " instead of "
                + Exercise.num(wantA) + " and " + Exercise.num(wantB);
        if (same(a.grad(), wantA + priorA) || same(b.grad(), wantB + priorB)) {
            return Feedback.wrong("accumulator", got + ": the old gradient was added a second time. addGrad already adds "
                    + "to what is there, so a.addGrad(a.grad() + …) counts a.grad() twice — pass addGrad the share alone");
        }
        return Feedback.wrong("other", got + ": a rule adds b·out.grad() and a·out.grad() to whatever the gradients held");
    }

    /** A factor 0: right rules give a finite share; out.data() / a.data() (to get b back) gives 0/0. */
    private static Feedback zeroFactor(BinaryRule rule, double av, double bv, double g) {
        Value a = Value.of(av, "a"), b = Value.of(bv, "b"), out = node("×", av * bv, g, a, b);
        rule.propagate(a, b, out);
        double wantA = bv * g, wantB = av * g;
        if (same(a.grad(), wantA) && same(b.grad(), wantB)) return null;
        String got = "with a = " + Exercise.num(av) + ", b = " + Exercise.num(bv) + " and out.grad() = " + Exercise.num(g)
                + " your rule gave a.grad() = " + Exercise.num(a.grad()) + " and b.grad() = " + Exercise.num(b.grad())
                + " instead of " + Exercise.num(wantA) + " and " + Exercise.num(wantB);
        if (!Double.isFinite(a.grad()) || !Double.isFinite(b.grad())) {
            String zero = av == 0 ? "a" : "b", other = av == 0 ? "b" : "a";
            return Feedback.wrong("divides", got + ": your rule divides by a factor, and " + zero + " = 0 here (out.data() / "
                    + zero + ".data() is " + other + " only while " + zero + " ≠ 0) — multiply by the other factor itself, "
                    + "b.data() or a.data()");
        }
        return Feedback.wrong("other", got);
    }

    private static boolean both(double da, double db, double expectedA, double expectedB) {
        return same(da, expectedA) && same(db, expectedB);
    }

    /** What is missing from a share {@code got} that should be local × g. */
    private static String missing(double got, double local, double g, String factor) {
        if (got == 0) return "is missing: nothing was added";
        if (same(got, 2 * local * g)) return "is twice what it should be: it was added twice";
        if (same(got, g)) return "misses the factor " + factor;
        if (same(got, local)) return "misses the factor out.grad()";
        return "is " + Exercise.num(got);
    }

    private static Value times(BinaryRule rule, Value a, Value b) {
        return Value.operation("×", a.data() * b.data(), out -> rule.propagate(a, b, out), a, b);
    }
}
