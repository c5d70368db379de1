package descent.exercise;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The check cell as the course's grader runs it ({@code tools/grade.py}): the grader puts every check cell back from
 * the course's own notebook, with the check's call fully qualified and wrapped in {@link #run}, so a deleted, edited
 * or shadowed check, or a printed "✔", changes nothing.
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
     * Runs one exercise's check and shows the verdict the grader reads.
     *
     * @param nonce    the grader's secret for this run
     * @param exercise the exercise's id (the check cell's {@code grade_id})
     * @param check    the check's call, e.g. {@code () -> descent.exercise.Workshop.checkFittedLines(myLines)}
     */
    public static void run(String nonce, String exercise, Runnable check) {
        descent.Check.notNull("nonce", nonce);
        descent.Check.notNull("exercise", exercise);
        descent.Check.notNull("check", check);
        Feedback.LAST.set(null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("nonce", nonce);
        json.put("exercise", exercise);
        try {
            check.run();
            Feedback feedback = Feedback.LAST.get();
            if (feedback == null) {
                json.put("verdict", "error");
                json.put("mistake", "no-verdict");
                json.put("message", "the check ended without a verdict");
            } else {
                json.putAll(feedback.json());
            }
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
