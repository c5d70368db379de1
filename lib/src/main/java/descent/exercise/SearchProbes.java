package descent.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * The test a check hands to a student's threshold search ({@code diverges.test(eta)}), which records every η
 * asked and its answer and stops the search once it has asked more than a bisection ever needs. A search
 * whose interval stops shrinking (an {@code if} without its {@code else}, or the midpoint {@code lo + hi / 2})
 * would otherwise run for ever; the record then shows which of the two it was.
 *
 * <p>How the record is read: the answers so far confine the threshold to a bracket, from the largest η that
 * converged (or the given lo) to the smallest that diverged (or the given hi). A bisection tests strictly
 * inside that bracket. The first test that does not is the mistake: one on the bracket's edge tests an η
 * again, so the interval did not move; one outside it is a midpoint that does not lie between lo and hi.
 * When the bracket has shrunk to adjacent doubles, no midpoint lies strictly inside it any more: then the
 * search only lacked a stopping test that holds.</p>
 */
final class SearchProbes implements DoublePredicate {
    /**
     * More tests than any bisection needs: halving [lo, hi] down to adjacent doubles takes at most about
     * 64 tests (11 exponent and 52 fraction bits), and twice that for a search that tests each midpoint twice.
     */
    static final int LIMIT = 200;

    /** Thrown into the student's search to end it; never reaches the student. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("the search asked more than " + LIMIT + " times", null, false, false);
        }
    }

    private final DoublePredicate truth;
    private final double lo, hi;
    private final List<Double> etas = new ArrayList<>();
    private final List<Boolean> answers = new ArrayList<>();

    /** @param truth the real test; lo converges and hi diverges, as the search is told */
    SearchProbes(DoublePredicate truth, double lo, double hi) {
        this.truth = truth;
        this.lo = lo;
        this.hi = hi;
    }

    @Override
    public boolean test(double eta) {
        if (etas.size() >= LIMIT) throw new Exhausted();
        boolean diverges = truth.test(eta);
        etas.add(eta);
        answers.add(diverges);
        return diverges;
    }

    /** How many times the search asked. */
    int calls() {
        return etas.size();
    }

    /** What went wrong in a search that asked more than {@link #LIMIT} times, read from its tests. */
    Feedback diagnosis() {
        // the bracket before each test, and where the last run of tests that were not strictly inside it began
        // (a search may test an end once, say lo at the start, and still narrow afterwards)
        double[] belows = new double[etas.size()], aboves = new double[etas.size()];
        double below = lo, above = hi;
        int stuckFrom = etas.size();
        for (int k = 0; k < etas.size(); k++) {
            double eta = etas.get(k);
            belows[k] = below;
            aboves[k] = above;
            boolean inside = eta > below && eta < above;
            if (inside) stuckFrom = etas.size();
            else if (stuckFrom == etas.size()) stuckFrom = k;
            if (answers.get(k)) above = Math.min(above, eta); else below = Math.max(below, eta);
        }
        if (stuckFrom == etas.size()) {
            return Feedback.wrong("too-many-tests", "your search tested " + LIMIT + " values of η without ending: "
                    + "halve [lo, hi] in every pass and stop when hi − lo < 1e-5");
        }
        double eta = etas.get(stuckFrom), from = belows[stuckFrom], to = aboves[stuckFrom];
        boolean diverged = answers.get(stuckFrom);
        if (Math.nextUp(Math.nextUp(from)) >= to) {
            return Feedback.wrong("never-stops", "the check stopped your search after " + LIMIT + " tests: after "
                    + stuckFrom + " it had narrowed the interval to neighbouring doubles around " + Exercise.num(eta)
                    + ", and your loop's test still did not end it. Stop when hi − lo < 1e-5: the width of the interval, a "
                    + "difference with a minus sign (a test on hi + lo, or on lo < hi, never ends it)");
        }
        if (eta == from || eta == to) {
            return Feedback.wrong("interval-stuck", "the check stopped your search after " + LIMIT + " tests: your "
                    + "interval did not shrink, it was testing η = " + Exercise.num(eta) + " again and again. That η "
                    + (diverged ? "diverged" : "converged") + ", yet the next pass tested it once more, so "
                    + (diverged ? "hi" : "lo") + " had not moved. Does every pass move lo or hi? When "
                    + "diverges.test(mid) is " + (diverged ? "true, set hi = mid" : "false, set lo = mid")
                    + " (the else of your if), and compute mid anew in every pass");
        }
        String midpoint = "the middle of [lo, hi] lies between lo and hi. Java reads lo + hi / 2 as lo + (hi / 2): "
                + "write (lo + hi) / 2";
        if (Math.abs(eta - (from - to) / 2) <= 1e-12 * Math.abs(to)) {
            midpoint = "η = (lo − hi) / 2 = " + Exercise.num(eta) + " has the opposite sign to the middle: a minus where "
                    + "(lo + hi) / 2 has a plus";
        } else if (Math.abs(eta - (from + to)) <= 1e-12 * Math.abs(to)) {
            midpoint = "η = lo + hi = " + Exercise.num(eta) + " is twice the middle: the factor 1/2 is missing, (lo + hi) / 2";
        }
        return Feedback.wrong("midpoint-outside", "the check stopped your search after " + LIMIT + " tests: your "
                + "interval did not shrink. Its test number " + (stuckFrom + 1) + ", η = " + Exercise.num(eta) + ", lay "
                + (eta > to ? "above" : "below") + " the interval its earlier tests had left, [" + Exercise.num(from)
                + ", " + Exercise.num(to) + "] (" + Exercise.num(from) + (from == lo ? " is lo" : " converged")
                + ", " + Exercise.num(to) + (to == hi ? " is hi" : " diverged") + "), and no later test narrowed it "
                + "again: " + midpoint);
    }
}
