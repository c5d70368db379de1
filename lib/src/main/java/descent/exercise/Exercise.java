package descent.exercise;

import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * What the notebooks' exercise cells use: placeholders for answers not given yet, and the one way every
 * check reports (printed, and returned for tests).
 *
 * <p>A student edition's value cell reads {@code double myEta = Exercise.TODO;} and a code cell's body
 * {@code throw Exercise.notDone();}; both make the check say "not done yet" instead of failing, so the
 * cells after it still run.</p>
 */
public final class Exercise {
    /** A numeric answer not given yet. */
    public static final double TODO = Double.NaN;
    /** A count not given yet. */
    public static final int TODO_COUNT = Integer.MIN_VALUE;

    private Exercise() {}

    /** The stub of a code answer: {@code throw Exercise.notDone();}. */
    public static NotDoneYet notDone() {
        return new NotDoneYet();
    }

    static boolean isTodo(double value) {
        return Double.isNaN(value);
    }

    static boolean isTodo(int value) {
        return value == TODO_COUNT;
    }

    static boolean isTodo(Object value) {
        return value == null;
    }

    /**
     * Runs a check and returns its feedback (the public check prints it). Student code that throws is a wrong answer that names the
     * exception, never a stack trace; the stub's {@link NotDoneYet} is "not done yet"; code that does not return
     * within the {@link Deadline} is stopped and named.
     */
    static Feedback report(String task, Supplier<Feedback> check) {
        Feedback feedback;
        try {
            feedback = Deadline.call(check);
        } catch (NotDoneYet e) {
            feedback = Feedback.notDone(task);
        } catch (Diagnosis.Found e) {   // a probe explained what the student's code threw
            feedback = e.feedback;
        } catch (Deadline.Missed e) {
            feedback = Feedback.wrong("no-return", "your code did not return within " + num(e.seconds)
                    + " s, so the check stopped it — does every loop advance? (a loop whose condition never changes,"
                    + " or an interval that never narrows, runs for ever)");
        } catch (CancellationException e) {  // the cell itself was interrupted (■): no verdict
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            feedback = Feedback.wrong("throws", "your code threw " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + (onePastTheEnd(e.getMessage()) ? " — an index one past the last: is a loop bound one too far "
                    + "(<= where < belongs)?" : " — read the line it names and run the cell again"));
        }
        return feedback;
    }

    private static final java.util.regex.Pattern PAST_END = java.util.regex.Pattern.compile(
            "Index (\\d+) out of bounds for length (\\d+)|= (\\d+) is invalid: \\w+ are 0\\.\\.(\\d+)");

    /**
     * Whether an exception's message is an index equal to the length (Java's "Index 2 out of bounds for length 2",
     * the library's "i = 100 is invalid: rows are 0..99"): the classic loop bound one too far.
     */
    static boolean onePastTheEnd(String message) {
        if (message == null) return false;
        java.util.regex.Matcher m = PAST_END.matcher(message);
        if (!m.find()) return false;
        return m.group(1) != null ? m.group(1).equals(m.group(2))
                : Long.parseLong(m.group(3)) == Long.parseLong(m.group(4)) + 1;
    }

    /** A distance to the optimum J − J*: rounding can make it a hair below 0, which reads as nonsense. */
    static String gap(double v) {
        return Math.abs(v) < 1e-13 ? "0 (to rounding)" : num(v);
    }

    /** A point of the plane for a message: (x, y) to 4 decimals. */
    static String point(double[] p) {
        return String.format("(%.4f, %.4f)", p[0], p[1]);
    }

    /** A number for a message: 4 significant digits, no exponent for ordinary sizes. */
    static String num(double v) {
        return descent.Format.number(v, 4);
    }
}
