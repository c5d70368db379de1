package descent.exercise;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a check says about one exercise: done, wrong (with the mistake it recognised), or not started.
 * {@link #toString()} is the line the student reads; {@link #mistake()} names the diagnosis for tests.
 *
 * <p>A check shows its line as one notebook output that also carries the verdict as JSON under {@link #MIME}
 * ({@code {"verdict": "done" | "wrong" | "not-done", "mistake": …, "message": …}}), so that a program reading the
 * notebook never parses "✔". The grader does not trust that output (a student's code can write it too): it runs
 * each check through {@link Grading}.</p>
 */
public final class Feedback {
    /** The MIME type of a check's verdict in its output. */
    public static final String MIME = "application/vnd.descent.verdict+json";
    /** The feedback a check showed last ({@link Grading} reads it right after running the check). */
    static final AtomicReference<Feedback> LAST = new AtomicReference<>();
    /** How many verdicts checks have shown ({@link Grading} requires exactly one per graded cell). */
    static final AtomicInteger SHOWN = new AtomicInteger();

    /** The three outcomes of a check. */
    public enum Verdict { DONE, WRONG, NOT_DONE }

    private final Verdict verdict;
    private final String mistake;
    private final String message;
    private Runnable then = () -> {};

    private Feedback(Verdict verdict, String mistake, String message) {
        this.verdict = verdict;
        this.mistake = mistake;
        this.message = message;
    }

    static Feedback done(String message) {
        return new Feedback(Verdict.DONE, "", message);
    }

    /** @param mistake a short name of the recognised mistake, e.g. "sign" or "missing-2" */
    static Feedback wrong(String mistake, String message) {
        return new Feedback(Verdict.WRONG, mistake, message);
    }

    static Feedback notDone(String whatToDo) {
        return new Feedback(Verdict.NOT_DONE, "not-done", whatToDo);
    }

    /** What to show after the line is printed (a figure or a table of what the student's code did). */
    Feedback then(Runnable show) {
        this.then = show;
        return this;
    }

    /** Shows the line (with the verdict as JSON beside it), then what goes with it. */
    void print() {
        LAST.set(this);
        SHOWN.incrementAndGet();
        descent.plot.Show.bundle(toString(), MIME, json());
        try {
            Deadline.call(() -> {  // the student's code, run again for the figure, may still fail or not return
                then.run();
                return null;
            });
        } catch (Deadline.Missed e) {
            System.out.println("(the figure could not be drawn: your code " + e.getMessage() + ")");
        } catch (java.util.concurrent.CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            System.out.println("(the figure could not be drawn: " + e + ")");
        }
    }

    /** The verdict as JSON fields: verdict ("done", "wrong", "not-done"), mistake, message. */
    public Map<String, Object> json() {
        var json = new LinkedHashMap<String, Object>();
        json.put("verdict", verdict == Verdict.DONE ? "done" : verdict == Verdict.WRONG ? "wrong" : "not-done");
        json.put("mistake", mistake);
        json.put("message", message);
        return json;
    }

    public Verdict verdict() { return verdict; }

    public boolean passed() { return verdict == Verdict.DONE; }

    /** The recognised mistake ("" when done, "not-done" before the student started). */
    public String mistake() { return mistake; }

    public String message() { return message; }

    @Override
    public String toString() {
        return switch (verdict) {
            case DONE -> "✔ " + message;
            case WRONG -> "✘ " + message;
            case NOT_DONE -> "… not done yet: " + message;
        };
    }
}
