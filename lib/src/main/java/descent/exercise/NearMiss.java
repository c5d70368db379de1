package descent.exercise;

import java.util.function.DoublePredicate;

/**
 * A wrong value answer one slip away from a right one, found by asking the check itself: would the number pass
 * ten times smaller or larger (a decimal point), one larger or smaller (off by one), or with the other sign? The
 * sentence names the slip without naming the answer; {@link IntegerDivision} covers the 0 of {@code 1 / 10}.
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
    static String slip(String name, double mine, DoublePredicate passes) {
        String is = name + " = " + Exercise.num(mine) + " is ";
        if (passes.test(mine / 10)) return is + "ten times too large: a tenth of it would pass (a slip of the decimal point?)";
        if (passes.test(mine * 10)) return is + "ten times too small: ten times as much would pass (a slip of the decimal point?)";
        if (passes.test(mine - 1)) return is + "one too large: one less would pass (off by one?)";
        if (passes.test(mine + 1)) return is + "one too small: one more would pass (off by one?)";
        if (passes.test(-mine)) return is + "of the wrong sign: the opposite, positive number would pass";
        return null;
    }
}
