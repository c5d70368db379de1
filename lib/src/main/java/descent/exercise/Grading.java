package descent.exercise;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The check cell as the course's grader runs it ({@code tools/grade.py}): the grader puts every check cell back from
 * the course's own notebook as a call of {@link #call}, so a deleted, edited or shadowed check, or a printed "✔",
 * changes nothing.
 *
 * <p>The grader's cell reaches this class by reflection from a literal,
 * {@code int.class.forName("descent.exercise.Grading").getMethod("call", …).invoke(null, nonce, id, "Workshop.checkStopRule(myStop)", myStop)},
 * and names the check as text: {@code int}, literals and {@code null} are the only things in it that are not the
 * student's answers, and no declaration in a notebook can hide them, where a variable {@code descent} hides the
 * package in {@code descent.exercise.…} and a class {@code Grading} the class.</p>
 *
 * <p>{@link #run} runs the check and shows one output: a line for the student's feedback page and, under
 * {@link #MIME}, {@code {"nonce", "exercise", "verdict", "mistake", "message"}}. The nonce is a random string the
 * grader writes into the check cell it inserts, new for every run: an output without it, or from another cell, is
 * not a verdict. Following nbgrader's autograder tests and otter-grader's checks, the score is the grader's to give:
 * it reads only this output.</p>
 */
public final class Grading {
    /** The MIME type of a graded verdict. */
    public static final String MIME = "application/vnd.descent.grade+json";

    private Grading() {}

    /**
     * The grader's check cell for a check of one answer: runs {@code check}, e.g. {@code "Workshop.checkStopRule(myStop)"},
     * with {@code answer} and shows the verdict the grader reads.
     */
    public static void call(String nonce, String exercise, String check, Object answer) {
        run(nonce, exercise, check, new Object[] {answer});
    }

    /** The grader's check cell for a check of two answers, in the order {@code check} names them. */
    public static void call(String nonce, String exercise, String check, Object first, Object second) {
        run(nonce, exercise, check, new Object[] {first, second});
    }

    private static void run(String nonce, String exercise, String check, Object[] answers) {
        run(nonce, exercise, () -> CheckCall.parse(check).invoke(answers));
    }

    private static void notBlank(String name, String value) {
        descent.Check.notNull(name, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " = \"" + value + "\" is invalid: it must not be blank");
        }
    }

    /**
     * Runs one exercise's check and shows the verdict the grader reads.
     *
     * @param nonce    the grader's secret for this run
     * @param exercise the exercise's id (the check cell's {@code grade_id})
     * @param check    the check's call, e.g. {@code () -> descent.exercise.Workshop.checkFittedLines(myLines)}
     */
    public static void run(String nonce, String exercise, Runnable check) {
        notBlank("nonce", nonce);
        notBlank("exercise", exercise);
        descent.Check.notNull("check", check);
        Feedback.LAST.set(null);
        int shownBefore = Feedback.SHOWN.get();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("nonce", nonce);
        json.put("exercise", exercise);
        try {
            check.run();
            Feedback feedback = Feedback.LAST.get();
            int shown = Feedback.SHOWN.get() - shownBefore;
            if (shown > 1) {  // e.g. the student's code called a check of its own: which verdict is this cell's?
                json.put("verdict", "error");
                json.put("mistake", "several-verdicts");
                json.put("message", "the check showed " + shown + " verdicts, where a graded check shows one: does"
                        + " your code call a check itself?");
            } else if (feedback == null) {
                json.put("verdict", "error");
                json.put("mistake", "no-verdict");
                json.put("message", "the check ended without a verdict");
            } else {
                json.putAll(feedback.json());
            }
        } catch (CheckCall.GraderFault e) {  // the course's mistake, not the student's: the instructor is told
            json.put("verdict", "error");
            json.put("mistake", "grader");
            json.put("message", "the grader could not run this check (not your mistake): " + e.getMessage());
        } catch (CheckCall.WrongAnswerType e) {
            json.put("verdict", "wrong");
            json.put("mistake", "answer-type");
            json.put("message", e.getMessage());
        } catch (OutOfMemoryError e) {
            json.put("verdict", "error");
            json.put("mistake", "out-of-memory");
            json.put("message", "your code ran out of memory inside the check (" + e.getMessage() + ")");
        } catch (Throwable e) {  // the student's code, called by the check: any failure is this exercise's result
            json.put("verdict", "error");
            json.put("mistake", "throws");
            json.put("message", "the check failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        descent.plot.Show.bundle("[graded " + exercise + ": " + json.get("verdict") + "] " + json.get("message"), MIME,
                json);
    }
}
