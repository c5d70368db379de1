package descent.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A diagnosis by probing (issue #46): a check runs the student's code on inputs chosen to separate the mistakes
 * (the probes, of type {@code P}), then asks each hypothesis whether it explains <em>all</em> the probe results.
 * The first hypothesis, in the order declared, that does is the diagnosis; its wording names the property that
 * failed in the student's terms, with the line to look at. When none explains them, the check says honestly what
 * the probes showed ({@link #otherwise}).
 *
 * <p>Hypotheses are properties of the results (a ratio to the reference, a term that is zero, a row that does not
 * count), not copies of particular wrong answers, so they also name mistakes nobody wrote down. Declare the more
 * specific before the more general: "the whole gradient has the opposite sign" before "some term has".</p>
 *
 * @param <P> what the probes found
 */
final class Diagnosis<P> {
    /** One possible mistake: its name (for tests), the test over all probe results, what the student reads. */
    private record Hypothesis<P>(String mistake, Predicate<P> explains, Function<P, String> wording) {}

    private final List<Hypothesis<P>> hypotheses = new ArrayList<>();
    private Function<P, String> otherwise = p -> "your answer differs from the reference";

    /** Adds a hypothesis: {@code explains} must hold for every probe the mistake would show in. */
    Diagnosis<P> hypothesis(String mistake, Predicate<P> explains, Function<P, String> wording) {
        hypotheses.add(new Hypothesis<>(mistake, explains, wording));
        return this;
    }

    /** What to say when no hypothesis explains the probes: what they showed, without guessing a cause. */
    Diagnosis<P> otherwise(Function<P, String> wording) {
        this.otherwise = wording;
        return this;
    }

    /** The mistake of the first hypothesis consistent with the probes, or "other" with the honest wording. */
    Feedback of(P probes) {
        for (Hypothesis<P> h : hypotheses) {
            if (h.explains().test(probes)) return Feedback.wrong(h.mistake(), h.wording().apply(probes));
        }
        return Feedback.wrong("other", otherwise.apply(probes));
    }

    /** The names of every hypothesis consistent with the probes (for tests: is the diagnosis unambiguous?). */
    List<String> consistent(P probes) {
        List<String> names = new ArrayList<>();
        for (Hypothesis<P> h : hypotheses) if (h.explains().test(probes)) names.add(h.mistake());
        return names;
    }

    /**
     * Thrown from inside a check when a probe has explained what the student's code threw (an index two past the
     * end, a bound ≤ 0): {@link Exercise#report} shows its feedback instead of the bare exception.
     */
    static final class Found extends RuntimeException {
        final transient Feedback feedback;

        Found(Feedback feedback) {
            super(feedback.message(), null, false, false);
            this.feedback = feedback;
        }
    }
}
