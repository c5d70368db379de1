package descent.exercise;

/**
 * A value answer that is what Java's integer division makes of a fraction: exactly 0 ({@code 1 / 10}), or the
 * expected value with its fractional part cut off ({@code 21 / 10} for 2.1). Java divides two {@code int}s
 * to an {@code int}, rounding towards zero (JLS §15.17.2), and only then widens it to the double it is stored in.
 */
final class IntegerDivision {
    private IntegerDivision() {}

    /** Null unless {@code mine} looks like an integer division of a fraction whose value is {@code expected}. */
    static Feedback of(String name, double mine, double expected) {
        if (mine == 0 && expected != 0) {
            return Feedback.wrong("integer-division", name + " = 0: if you wrote a fraction of whole numbers such as "
                    + "1 / 10, Java did integer division and rounded it down to 0 — write 1.0 / 10, or the decimal itself");
        }
        if (expected != Math.rint(expected) && mine == (long) expected && Math.abs(expected) > 1) {
            return Feedback.wrong("integer-division", name + " = " + (long) mine + " is " + Exercise.num(expected)
                    + " with its fraction cut off: integer division? Java divides two whole numbers to a whole number "
                    + "— make one of them a double (21.0 / 10)");
        }
        return null;
    }

    /** Only the exactly-0 case, for answers with a range of right values. */
    static Feedback zero(String name, double mine) {
        return of(name, mine, Double.NaN);
    }
}
