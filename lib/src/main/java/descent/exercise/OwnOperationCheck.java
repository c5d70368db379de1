package descent.exercise;

import descent.autodiff.Value;
import java.util.Set;

import static descent.exercise.RuleProbes.same;

/**
 * Exercise 13.4, an operation of the student's own: its rule must pass back f'(x)·out.grad() for the student's own
 * f, so the check compares it with central differences of the student's own values (out.grad() = −1.5 ≠ 1, so that a
 * forgotten factor shows). Values that do not change with x while the rule passes something back mean the value is
 * wrong, not the rule (1 / 3 · x³ is 0 in Java); a rule that is the same multiple of the slope at every point means a
 * coefficient differs between value and rule.
 */
final class OwnOperationCheck {
    private OwnOperationCheck() {}

    private static final Set<String> LIBRARY_OPS = Set.of("+", "−", "×", "÷", "neg", "exp", "log", "tanh", "σ", "relu");
    private static final double[] POINTS = {-1.7, -0.4, 0.6, 2.3};
    private static final double C = -1.5, H = 1e-5, PRIOR = 0.75;

    static Feedback assess(UnaryOperation op) {
        return Exercise.report("write your operation's value and rule", () -> {
            if (Exercise.isTodo(op)) return Feedback.notDone("write your operation's value and rule");
            double worst = 0, lowSlope = Double.MAX_VALUE, highSlope = -Double.MAX_VALUE, ratio = Double.NaN;
            int used = 0;
            boolean sameRatio = true, allZero = true;
            String name = "", firstGap = null, values = "";
            for (double p : POINTS) {
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
                allZero &= y.data() == 0;
                values += (values.isEmpty() ? "" : ", ") + Exercise.num(y.data());
                double slope = (op.apply(Value.of(p + H)).data() - op.apply(Value.of(p - H)).data()) / (2 * H);
                x.addGrad(PRIOR);     // x holds a gradient already, so that a rule using x.grad() for out.grad() shows
                y.mul(C).backward();  // an incoming gradient C ≠ 1, so that a forgotten out.grad() shows
                double mine = x.grad() - PRIOR, right = C * slope;
                String at = "at x = " + Exercise.num(p) + " with out.grad() = " + Exercise.num(C) + " your rule passed back "
                        + Exercise.num(mine) + "; central differences of your own values say f'(x)·out.grad() = " + Exercise.num(right);
                double gap = Math.abs(mine - right) / Math.max(1, Math.abs(right));
                if (gap > 1e-5 && firstGap == null) {
                    if (mine == 0) return Feedback.wrong("adds-nothing", at + ": your rule adds nothing to x's gradient");
                    if (Math.abs(mine - slope) <= 1e-5 * Math.max(1, Math.abs(slope))) {
                        return Feedback.wrong("no-upstream", at + ": you left out the factor out.grad(); the chain rule multiplies by it");
                    }
                    if (Math.abs(mine + right) <= 1e-5 * Math.max(1, Math.abs(right))) return Feedback.wrong("sign", at + ": the sign is flipped");
                    if (Math.abs(mine - PRIOR * slope) <= 1e-5 * Math.max(1, Math.abs(mine))) {
                        return Feedback.wrong("x-grad", at + ": your rule multiplies f'(x) by x.grad(), the gradient x has "
                                + "gathered so far (" + Exercise.num(PRIOR) + " here), where out.grad() belongs, the gradient "
                                + "arriving from above");
                    }
                    if (same(mine, right + PRIOR)) {
                        return Feedback.wrong("accumulator", at + "; yours is that plus the " + Exercise.num(PRIOR) + " x held "
                                + "already: addGrad adds to what is there, so a rule passes it the share alone, not x.grad() + …");
                    }
                    if (same(mine, C * y.data())) return Feedback.wrong("value", at + ": you passed back the value f(x), not its derivative");
                    firstGap = at;
                }
                double r = mine / right;
                if (!Double.isFinite(r) || !Double.isNaN(ratio) && Math.abs(r - ratio) > 1e-4 * Math.abs(ratio)) sameRatio = false;
                ratio = r;
                worst = Math.max(worst, gap);
                lowSlope = Math.min(lowSlope, slope);
                highSlope = Math.max(highSlope, slope);
                used++;
            }
            if (used < 2) return Feedback.wrong("domain", "your operation was defined at " + used + " of the points −1.7, −0.4, 0.6, 2.3: "
                    + "choose one defined at least at two of them");
            if (firstGap != null) return ruleOrValue(firstGap, highSlope - lowSlope < 1e-9 && Math.abs(highSlope) < 1e-9, allZero, values,
                    sameRatio ? ratio : Double.NaN);
            if (highSlope - lowSlope < 1e-3) {
                return Feedback.wrong("straight", "your f has the same slope " + Exercise.num(highSlope) + " at every point tried: "
                        + "choose a function whose slope changes (sin x, x³, log(1 + eˣ), …), or there is little to differentiate");
            }
            return Feedback.done("your operation " + name + " passes back f'(x)·out.grad(), as central differences say at " + used
                    + " points (largest relative gap " + String.format("%.0e", worst) + ")");
        });
    }

    /** The rule and the values disagree: say which of them is the likelier culprit. */
    private static Feedback ruleOrValue(String at, boolean flat, boolean zero, String values, double ratio) {
        if (flat && !zero) {
            return Feedback.wrong("constant", at + ". Your values are " + values + " at x = −1.7, −0.4, 0.6, 2.3: they do "
                    + "not change with x, while your rule passes a slope back, so the value is wrong, not the rule: compute "
                    + "it from x.data()");
        }
        if (flat) {
            return Feedback.wrong("integer-division", at + ". Your values are " + values + " at x = −1.7, −0.4, 0.6, 2.3: "
                    + "they do not change with x, while your rule passes a slope back, so the value is wrong, not the rule. "
                    + "Integer division? A fraction of whole numbers such as 1 / 3 or 1 / 2 is 0 in Java, and so is "
                    + "everything it multiplies — write 1.0 / 3, or divide by 3.0");
        }
        if (!Double.isNaN(ratio)) {
            return Feedback.wrong("factor", at + ": at every point your rule passes back " + Exercise.num(ratio) + " times what "
                    + "your values' slope says, so a constant factor differs between your value and your rule — a coefficient "
                    + "left out of one of them, or cut by integer division (3 / 2 is 1 in Java)");
        }
        return Feedback.wrong("rule", at + ": differentiate your f by hand again");
    }
}
