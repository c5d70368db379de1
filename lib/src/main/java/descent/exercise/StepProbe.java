package descent.exercise;

import descent.optim.Optimizer;
import java.util.List;

/**
 * An optimiser's first steps on gradients chosen so that each slip leaves its own signature (issue #46): the
 * optimisers of notebooks 8 and 9 update each coordinate on its own, so every coordinate of θ is one probe, an
 * axis-aligned quadratic seen one gradient at a time. θ is 0 before every step, so a step is what the update
 * adds; the state (velocity, cache, moments) carries over as in a run. The diagnosis is the candidate whose steps
 * match on every probe, or else a property all the probes agree on (the sign, one common factor, a lag of one
 * step), or else the first step and probe where the student's update departs.
 */
final class StepProbe {
    /** Steps per probe. */
    static final int STEPS = 6;
    /** The gradients, one probe per row: constant, zero, an impulse, negative, huge, below ε, and varied. */
    static final double[][] GRADIENTS = {{1, 1, 1, 1, 1, 1}, {0, 0, 0, 0, 0, 0}, {1, 0, 0, 0, 0, 0},
            {-1, -1, -1, -1, -1, -1}, {100, 100, 100, 100, 100, 100}, {1e-9, 1e-9, 1e-9, 1e-9, 1e-9, 1e-9},
            {1, 2, -1, 3, 0.5, -2}};
    static final String[] NAMES = {"g = 1 at every step", "g = 0 at every step", "g = 1 once, then 0",
            "g = −1 at every step", "g = 100 at every step", "g = 1e-9 at every step", "g = 1, 2, −1, 3, 0.5, −2"};
    static final int CONSTANT = 0, ZERO = 1, IMPULSE = 2, NEGATIVE = 3, HUGE = 4, TINY = 5;

    /** A candidate explanation: an optimiser built with one property changed, and what to tell the student. */
    record Slip(String mistake, String message, Optimizer model) {}

    private StepProbe() {}

    /** steps[t][c]: what one update added to coordinate c at step t + 1, from a fresh state. */
    static double[][] steps(Optimizer optimizer) {
        optimizer.reset();
        int n = GRADIENTS.length;
        double[][] out = new double[STEPS][n];
        for (int t = 0; t < STEPS; t++) {
            double[] theta = new double[n], g = new double[n];
            for (int c = 0; c < n; c++) g[c] = GRADIENTS[c][t];
            optimizer.step(theta, g);
            out[t] = theta;
        }
        optimizer.reset();
        return out;
    }

    /** Equal to 1e-9 of the larger, with non-finite steps equal to non-finite ones. */
    static boolean same(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) return !Double.isFinite(a) && !Double.isFinite(b);
        return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-300;
    }

    static boolean same(double[][] a, double[][] b) {
        for (int t = 0; t < STEPS; t++) for (int c = 0; c < a[t].length; c++) if (!same(a[t][c], b[t][c])) return false;
        return true;
    }

    /**
     * The slip whose steps are the student's on every probe, as feedback; both, when two slips give the same steps
     * (Adam's η = 0.1 missing and its (1 − β₁) = 0.1 missing cannot be told apart); null when none does.
     */
    static Feedback explained(double[][] mine, List<Slip> slips) {
        Slip first = null;
        for (Slip s : slips) {
            if (!same(mine, steps(s.model()))) continue;
            if (first != null) {
                return Feedback.wrong(first.mistake(), "two slips give exactly your steps on every probe: "
                        + first.message() + "; or " + s.message());
            }
            first = s;
        }
        return first == null ? null : Feedback.wrong(first.mistake(), first.message());
    }

    /**
     * What every probe agrees on when no candidate explains them: θ never moves; every step has the opposite
     * sign; every step is one factor too large or small; the first step is 0 and each later one is the
     * reference's one step late; else the first step that departs, on which probe. {@code line} names the θ line.
     */
    static Feedback property(double[][] mine, double[][] ref, double eta, String state, String line) {
        boolean still = true;
        for (double[] row : mine) for (double d : row) still &= d == 0;
        if (still) {
            return Feedback.wrong("no-step", "θ did not move on any probe (" + NAMES[CONSTANT] + " included): "
                    + "the line " + line + " is missing, or the " + state + " it adds is never updated");
        }
        double k = commonFactor(mine, ref);
        if (same(k, -1)) {
            return Feedback.wrong("sign", "every step has the opposite sign to the right one: your update climbs, "
                    + "in the direction of the gradient. Look at the signs in " + line + " and in the " + state);
        }
        if (Double.isFinite(k) && k != 0 && !same(k, 1)) return Feedback.wrong("factor", factorWords(k, eta, line));
        if (lagsByOne(mine, ref)) {
            return Feedback.wrong("order", "your first step is 0 and each later step is the one the reference takes a "
                    + "step earlier: θ moved with the " + state + " before the " + state + " was updated (still 0 at "
                    + "the first step). Update the " + state + " first, then " + line + " — the order of the two lines");
        }
        if (mine[0][CONSTANT] == 0 && ref[0][CONSTANT] != 0 && mine[1][CONSTANT] != 0) {
            return Feedback.wrong("order", "your first step is 0 for g = 1 and later steps move: θ is updated before the "
                    + state + " (still 0 at the first step). Update the " + state + " first, then " + line
                    + " — the order of the lines");
        }
        if (Double.isNaN(mine[0][ZERO]) && Double.isFinite(ref[0][ZERO])) {
            return Feedback.wrong("zero-over-zero", "for g = 0 your first step is NaN, 0/0: nothing keeps what you divide "
                    + "by away from 0. That is ε's job, inside the parentheses of the denominator: " + line);
        }
        double extra = extraGradientTerm(mine, ref);
        if (Double.isFinite(extra)) {
            return Feedback.wrong("extra-term", "each of your steps is the right one plus " + Exercise.num(extra)
                    + "·g, a term in the gradient on top of " + line + (same(extra, -eta) ? ": the step −η·g is "
                    + "already in the " + state + ", so θ takes it twice" : ""));
        }
        double first = firstStepFactor(mine, ref);
        if (Double.isFinite(first) && Math.abs(first - 1) > 1e-5) {
            return Feedback.wrong("first-step", "your first step is " + Exercise.num(first) + " times the right one for "
                    + "every gradient, and later steps differ as well: with the " + state + " still 0, the first step "
                    + "is built by " + line + " from the " + state + " after one update — check each factor of that");
        }
        if (mine[0][CONSTANT] != 0 && same(mine[0][CONSTANT], mine[0][NEGATIVE])) {
            return Feedback.wrong("no-gradient", "your first step is " + Exercise.num(mine[0][CONSTANT]) + " for g = 1 "
                    + "and for g = −1 alike: the step does not follow the gradient — g is missing as a factor in " + line);
        }
        for (int t = 0; t < STEPS; t++) {
            for (int c = 0; c < mine[t].length; c++) {
                if (same(mine[t][c], ref[t][c])) continue;
                String where = "for " + NAMES[c] + ", step " + (t + 1) + " is " + digits(mine[t][c], ref[t][c])
                        + " where it should be " + digits(ref[t][c], mine[t][c]);
                if (!Double.isFinite(mine[t][c])) {
                    return Feedback.wrong("not-finite", where + ": a division by zero, or the square root of a "
                            + "negative number? Look at what " + line + " divides by");
                }
                return Feedback.wrong("departs", where + (t == 0 ? "" : " (the steps before match: look at what "
                        + "carries over from one step to the next, the " + state + " or a term that uses the previous one)"));
            }
        }
        return null;
    }

    /** c with mine − ref = c·g on every probe and step (and no difference where g = 0), or NaN. */
    static double extraGradientTerm(double[][] mine, double[][] ref) {
        double c = Double.NaN;
        for (int t = 0; t < STEPS; t++) {
            for (int p = 0; p < mine[t].length; p++) {
                double d = mine[t][p] - ref[t][p], g = GRADIENTS[p][t];
                if (p == TINY) continue;   // ε dominates there
                if (!Double.isFinite(d)) return Double.NaN;
                if (g == 0) {
                    if (Math.abs(d) > 1e-9 * Math.abs(ref[t][p]) + 1e-15) return Double.NaN;
                    continue;
                }
                if (Double.isNaN(c)) c = d / g;
                else if (!same(d / g, c)) return Double.NaN;
            }
        }
        return c == 0 ? Double.NaN : c;
    }

    /** k with the first step k times the reference's on every probe where it is not 0, or NaN. */
    static double firstStepFactor(double[][] mine, double[][] ref) {
        double k = Double.NaN;
        for (int p = 0; p < mine[0].length; p++) {
            if (p == TINY) continue;   // ε dominates there
            double m = mine[0][p], r = ref[0][p];
            if (!Double.isFinite(m)) return Double.NaN;
            if (r == 0) {
                if (m != 0) return Double.NaN;
                continue;
            }
            if (Double.isNaN(k)) k = m / r;
            else if (Math.abs(m / r - k) > 1e-5 * Math.abs(k)) return Double.NaN;   // ε moves the ratio by ~1e-7
        }
        return k;
    }

    /** x with as many digits as it takes to tell it from {@code other} (up to 12). */
    static String digits(double x, double other) {
        for (int d = 4; d < 12; d++) {
            String a = String.format(java.util.Locale.ROOT, "%." + d + "g", x);
            if (!a.equals(String.format(java.util.Locale.ROOT, "%." + d + "g", other))) return a;
        }
        return String.format(java.util.Locale.ROOT, "%.12g", x);
    }

    /** The factor c with mine = c · ref on every finite, non-zero step, or NaN when there is none. */
    static double commonFactor(double[][] mine, double[][] ref) {
        double k = Double.NaN;
        for (int t = 0; t < STEPS; t++) {
            for (int c = 0; c < mine[t].length; c++) {
                double r = ref[t][c], m = mine[t][c];
                if (!Double.isFinite(r) || !Double.isFinite(m)) return Double.NaN;
                if (r == 0) {
                    if (m != 0) return Double.NaN;
                    continue;
                }
                if (Double.isNaN(k)) k = m / r;
                else if (!same(m / r, k)) return Double.NaN;
            }
        }
        return k;
    }

    private static String factorWords(double k, double eta, String line) {
        String size = "every step is " + Exercise.num(k) + " times the right one";
        if (same(k, 2)) return size + ", twice its size: one factor 2 too many in " + line;
        if (same(k, 0.5)) return size + ", half its size: a factor 2 missing in " + line;
        if (same(k, 1 / eta)) {
            return size + ", 1/η: the learning rate η is missing as a factor (the rate argument of the lambda)";
        }
        if (same(k, eta)) return size + ", η: the factor η appears twice";
        if (k < 0) return size + ", with the opposite sign: the update climbs — look at the signs and the factors in " + line;
        return size + ": a constant factor is off, in " + line + " or in the " + "line that builds what it adds";
    }

    /** The first step 0 on every probe, and each later step the reference's step before it. */
    private static boolean lagsByOne(double[][] mine, double[][] ref) {
        for (int c = 0; c < mine[0].length; c++) {
            if (mine[0][c] != 0) return false;
            for (int t = 1; t < STEPS; t++) if (!same(mine[t][c], ref[t - 1][c])) return false;
        }
        return true;
    }
}
