package descent.exercise;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

import static descent.exercise.RuleProbes.same;

/**
 * Exercise 13.3, a node used twice: its gradient is the sum of the shares its uses pass back (the multivariate chain
 * rule). The student's step enters the shares 2.5, −4, 7 of x one after the other into a table that also holds y; each
 * way of combining an old entry with a new share ({@link Combine}) gives its own three numbers, and the one that gives
 * the student's names the mistake. A start other than 0, or a factor on the share, is read off the first entry.
 */
final class ShareCheck {
    private ShareCheck() {}

    private static final double[] SHARES = {2.5, -4, 7};

    /** A way to combine the old entry (null when there is none yet) with a new share, and what to say when it is the student's. */
    private record Combine(String mistake, BinaryOperator<Double> step, String message) {
        double[] run() {
            double[] after = new double[SHARES.length];
            Double old = null;
            for (int k = 0; k < SHARES.length; k++) after[k] = old = step.apply(old, SHARES[k]);
            return after;
        }
    }

    static Feedback assess(GradientShare share) {
        return Exercise.report("write how a share enters the table", () -> {
            if (Exercise.isTodo(share)) return Feedback.notDone("write how a share enters the table");
            Map<String, Double> grad = new HashMap<>();
            try {
                share.enter(grad, "x", SHARES[0]);
            } catch (NullPointerException e) {
                return Feedback.wrong("no-start", "the first share of x found no entry in the table (grad.get(\"x\") is "
                        + "null) and your code threw NullPointerException: a node's first share starts from 0, e.g. "
                        + "grad.getOrDefault(node, 0.0)");
            }
            if (grad.isEmpty()) return Feedback.wrong("enters-nothing", "after entering the share 2.5 of x the table is still "
                    + "empty: the share is missing; put it into grad under the node's name");
            if (grad.size() != 1 || !grad.containsKey("x")) {
                return Feedback.wrong("first", "into an empty table, the share 2.5 of x should give {x=2.5}; yours gave " + grad);
            }
            double[] mine = new double[SHARES.length];
            mine[0] = grad.get("x");
            grad.put("y", 1.0);
            for (int k = 1; k < SHARES.length; k++) {
                share.enter(grad, "x", SHARES[k]);
                if (!same(grad.getOrDefault("y", Double.NaN), 1.0)) {
                    return Feedback.wrong("changes-argument", "entering a share of x changed y's entry from 1 to " + grad.get("y")
                            + ": only node's own entry may change");
                }
                mine[k] = grad.getOrDefault("x", Double.NaN);
            }
            for (Combine c : combines(mine[0])) {
                if (Compare.close(mine, c.run(), 1e-9)) return c.mistake().isEmpty() ? Feedback.done(c.message())
                        : Feedback.wrong(c.mistake(), c.message());
            }
            if (!same(mine[0], SHARES[0])) {
                return Feedback.wrong("first", "into an empty table, the share 2.5 of x should give {x=2.5}; yours gave {x="
                        + Exercise.num(mine[0]) + "}");
            }
            int k = same(mine[1], SHARES[0] + SHARES[1]) ? 2 : 1;
            double want = k == 1 ? SHARES[0] + SHARES[1] : SHARES[0] + SHARES[1] + SHARES[2];
            return Feedback.wrong("other", "x held " + Exercise.num(mine[k - 1]) + " and got the share " + Exercise.num(SHARES[k])
                    + ": it should hold " + Exercise.num(want) + " (the sum of the shares so far), yours holds " + Exercise.num(mine[k]));
        });
    }

    /** The ways of combining, the right one first; {@code first} is the student's entry after the first share. */
    private static List<Combine> combines(double first) {
        double start = first - SHARES[0], factor = first / SHARES[0];
        return List.of(
                new Combine("", (old, s) -> old == null ? s : old + s,
                        "shares add up: 2.5 − 4 + 7 = 5.5 for x, y untouched; so x·x at x = 3 gets 3 + 3 = 6 = 2x"),
                new Combine("assigns", (old, s) -> s, "x held 2.5 from its first use, and after the second use's share −4 "
                        + "it holds −4: the second share replaced the first. A node used twice gets a share from each use and "
                        + "its gradient is their sum, −1.5 — add to what is there instead of putting the new share over it"),
                new Combine("keeps-first", (old, s) -> old == null ? s : old, "x kept its first share 2.5 and dropped the later "
                        + "ones (−4, 7): a table entry that is there already must still change (putIfAbsent, or a test that "
                        + "skips it, keeps only the first). A node's gradient is the sum of its shares, 2.5 − 4 + 7 = 5.5"),
                new Combine("largest", (old, s) -> old == null ? s : Math.max(old, s), "x keeps the largest share "
                        + "(2.5, then 2.5, then 7): the shares of a node's uses add up, 2.5 − 4 + 7 = 5.5, they do not compete"),
                new Combine("product", (old, s) -> old == null ? s : old * s, "x holds the product of its shares (2.5 · −4 = −10): "
                        + "the chain rule multiplies along one path, but the shares of different uses add, 2.5 − 4 = −1.5"),
                new Combine("negative", (old, s) -> old == null ? s : old - s, "x held 2.5 and got the share −4, but holds 6.5: "
                        + "the sign of the share was lost — you subtracted it; a share is added as it is, old + share"),
                new Combine("negative", (old, s) -> old == null ? Math.abs(s) : old + Math.abs(s), "x held 2.5 and got the share "
                        + "−4, but holds 6.5: the sign of the share was lost — a share can be negative, and it is added as it is"),
                new Combine("drops-first", (old, s) -> old == null ? 0 : old + s, "x's first share 2.5 was lost: an entry "
                        + "not there yet got 0 instead of the share (old == null ? 0 : …); it gets the share itself, and later "
                        + "shares add to it, 2.5 − 4 + 7 = 5.5"),
                new Combine("start", (old, s) -> (old == null ? start : old) + s, "into an empty table the share 2.5 of x gave "
                        + Exercise.num(first) + ": an entry not there yet counts as " + Exercise.num(start) + " in your code — it "
                        + "must count as 0 (grad.getOrDefault(node, 0.0)), since no use has passed anything back yet"),
                new Combine("factor", (old, s) -> factor * s, "x holds " + Exercise.num(factor) + " × the latest share (" 
                        + Exercise.num(first) + ", then " + Exercise.num(factor * SHARES[1]) + "): each use passes back its own "
                        + "share, unscaled, and a node's gradient is their sum, old + share — not a multiple of one share"),
                new Combine("factor", (old, s) -> (old == null ? 0 : old) + factor * s, "each share entered " + Exercise.num(factor)
                        + " times over (2.5 gave " + Exercise.num(first) + "): add the share itself, old + share, with no factor"));
    }
}
