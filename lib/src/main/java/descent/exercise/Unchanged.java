package descent.exercise;

import java.util.Arrays;

/**
 * The arguments a student's code must only read (the weights a gradient is taken at, a point, θ's gradient),
 * checked on the very array that was passed in, after the call: a check that hands over a copy cannot see a
 * gradient that also moves w.
 */
final class Unchanged {
    private Unchanged() {}

    /** Null if {@code given} still holds {@code before}, else the mistake, naming the argument and its first change. */
    static Feedback check(String name, double[] before, double[] given) {
        if (Arrays.equals(before, given)) return null;
        int first = 0, changed = 0;
        for (int j = before.length - 1; j >= 0; j--) {
            if (Double.compare(before[j], given[j]) != 0) { first = j; changed++; }
        }
        return Feedback.wrong("changes-argument", "your code changed the " + name + " it was given: " + name + "[" + first
                + "] was " + Exercise.num(before[first]) + " before the call and " + Exercise.num(given[first]) + " after ("
                + changed + " of " + before.length + " entries changed). A gradient only reads " + name + " — write into "
                + "g or a local variable, and leave " + name + " as it was (the caller steps with it next)");
    }
}
