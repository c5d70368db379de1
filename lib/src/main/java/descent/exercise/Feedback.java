package descent.exercise;

/**
 * What a check says about one exercise: done, wrong (with the mistake it recognised), or not started.
 * {@link #toString()} is the line the student reads; {@link #mistake()} names the diagnosis for tests.
 */
public final class Feedback {
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

    /** Prints the line, then shows what goes with it. */
    void print() {
        System.out.println(this);
        try {
            then.run();
        } catch (RuntimeException e) {   // the student's code, run again for the figure, may still fail
            System.out.println("(the figure could not be drawn: " + e + ")");
        }
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
