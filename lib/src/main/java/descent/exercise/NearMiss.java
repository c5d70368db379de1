package descent.exercise;

import java.util.function.DoublePredicate;

/**
 * A wrong value answer one slip away from a right one, found by asking the check itself: would the number pass
 * ten times smaller or larger (a decimal point), one larger or smaller (off by one), or with the other sign? The
 * sentence names the slip that changes the number least, without naming the answer; {@link IntegerDivision} covers the 0 of {@code 1 / 10}.
 */
final class NearMiss {
    private NearMiss() {}

    /** {@code feedback} with the slip in front of its message when {@code mine} is one slip from passing. */
    static Feedback explain(Feedback feedback, String name, double mine, DoublePredicate passes) {
        if (feedback.verdict() != Feedback.Verdict.WRONG || !Double.isFinite(mine) || mine == 0) return feedback;
        String slip = slip(name, mine, passes);
        return slip == null ? feedback : Feedback.wrong(feedback.mistake(), slip + ". " + feedback.message());
    }

    /** The sentence for the first slip that makes {@code mine} pass, or null. */
    static String slip(String name, double mine, DoublePredicate asked) {
        DoublePredicate passes = x -> asked.test(tidy(x));
        String is = name + " = " + Exercise.num(mine) + " is ";
        double[] fixed = {mine / 10, mine * 10, mine - 1, mine + 1};
        String[] words = {"ten times too large: a tenth of it would pass (a slip of the decimal point?)",
                "ten times too small: ten times as much would pass (a slip of the decimal point?)",
                "one too large: one less would pass (off by one?)", "one too small: one more would pass (off by one?)"};
        int best = -1;   // of the slips that pass, the one that changes the number least
        for (int k = 0; k < fixed.length; k++) {
            if (passes.test(fixed[k]) && (best < 0 || change(mine, fixed[k]) < change(mine, fixed[best]))) best = k;
        }
        if (best >= 0) return is + words[best];
        if (passes.test(-mine)) return is + "of the wrong sign: the opposite, positive number would pass";
        return null;
    }

    private static double change(double mine, double fixed) {
        return Math.abs(fixed - mine) / Math.max(Math.abs(fixed), Math.abs(mine));
    }

    /** x to 12 significant digits: 0.03 · 10 is 0.30000000000000004 in doubles, and the student meant 0.3. */
    static double tidy(double x) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", x));
    }
}
