package descent.exercise;

import java.util.List;

/**
 * One step of a student's descent loop, read off what it did (issue #46): the weights before, the gradient the loop
 * was handed, the weights after. Each component's move over its gradient component is the step size it used, so a
 * step tells apart: w that never moved, the first weight left out of the update, a factor on η (2η, or 1 where η
 * belongs), a move of η whatever the gradient, a step with the previous call's gradient (the update placed before
 * the call that fills it), and a step uphill. For SGD the step sizes also give the t of the schedule each step
 * used, read from three steps as t = α·epoch + β·i + γ and verified at every other step ({@link #scheduleT}).
 */
final class LoopStepProbe {
    private LoopStepProbe() {}

    /**
     * Null if next = at − eta·g, else what the step did instead.
     *
     * @param previous the gradient of the call before (zeros before the first)
     */
    static Feedback step(String where, double[] at, double[] g, double[] previous, double[] next, double eta) {
        int n = at.length;
        double[] moved = new double[n];
        boolean still = true, right = true, byEta = true, byPrevious = true, firstStill = at[0] == next[0];
        for (int j = 0; j < n; j++) {
            moved[j] = at[j] - next[j];
            still &= moved[j] == 0;
            right &= close(moved[j], eta * g[j]);
            byEta &= close(moved[j], eta);
            byPrevious &= close(moved[j], eta * previous[j]);
            if (j > 0) firstStill &= close(moved[j], eta * g[j]);
        }
        if (right) return null;
        if (still) {
            return Feedback.wrong("never-moves", where + " w never moves: is the update w ← w − η·g missing, or does it "
                    + "come before grad.at has filled the gradient (still 0 then)?");
        }
        if (byPrevious) {
            return Feedback.wrong("stale-gradient", where + " w moved by η × the gradient of the call before: the update "
                    + "comes before grad.at fills the gradient. Call grad.at first, then step (statement order)");
        }
        if (firstStill) {
            return Feedback.wrong("first-weight", where + " every weight moved but w[0], which never moves: does the loop "
                    + "over the weights start at 1? The first index is 0");
        }
        if (byEta) {
            return Feedback.wrong("no-gradient-factor", where + " each weight moved by η itself, whatever the gradient: "
                    + "the factor gradient[j] is missing from η·gradient[j]");
        }
        double k = EpochReplay.stepRate(at, g, next) / eta;
        if (close(k, -1)) {
            return Feedback.wrong("ascends", "your steps go along the gradient, uphill: w ← w − η·g, with a minus");
        }
        if (close(k, 2)) {
            return Feedback.wrong("twice", where + " w moved by 2η × the gradient: twice the step, one factor 2 too many");
        }
        if (close(k * eta, 1)) {
            return Feedback.wrong("missing-eta", where + " w moved by 1 × the gradient: the factor η is missing — "
                    + "w ← w − η·g");
        }
        return null;   // a multiple of g with another step size: for the schedule to say
    }

    /**
     * The t each SGD step used, read as t = α·epoch + β·i + γ from steps (0, 0), (0, 1), (1, 0) and verified at
     * every other step; null if it is epoch·m + i or no such line fits. {@code t[e][i]} is step i of epoch e.
     */
    static Feedback scheduleT(List<double[]> t, int m) {
        if (t.size() < 2 || t.get(0).length < 2 || t.get(1).length < 1) return null;
        double[] fit = {t.get(1)[0] - t.get(0)[0], t.get(0)[1] - t.get(0)[0], t.get(0)[0]};   // α, β, γ from 3 steps
        for (int e = 0; e < t.size(); e++) {
            for (int i = 0; i < t.get(e).length; i++) {
                if (Math.abs(fit[0] * e + fit[1] * i + fit[2] - t.get(e)[i]) > 1e-6 * (1 + Math.abs(t.get(e)[i]))) return null;
            }
        }
        long alpha = Math.round(fit[0]), beta = Math.round(fit[1]), gamma = Math.round(fit[2]);
        String used = "your steps used η(t) with t = " + (alpha == 0 ? "" : alpha == 1 ? "epoch" : alpha + "·epoch")
                + (beta == 0 ? "" : (alpha == 0 ? "" : beta < 0 ? " − " : " + ") + (Math.abs(beta) == 1 ? "i" : Math.abs(beta) + "·i"))
                + (gamma == 0 ? "" : " + " + gamma);
        if (alpha == m && beta == 1 && gamma == 0) return null;
        if (alpha == m && beta == -1) {
            return Feedback.wrong("t-sign", used + ": t falls within an epoch. The sign of i is flipped — t = epoch·m + i");
        }
        if (alpha == 0 && beta == 1 && gamma == 0) {
            return Feedback.wrong("t-per-epoch", used + ": t starts again at 0 every epoch, so the rate never decays "
                    + "below η(m). Use t = epoch·m + i");
        }
        if (alpha == 0 && beta == 1 && gamma == m) {
            return Feedback.wrong("t-no-epoch", used + " in every epoch: the factor epoch is missing from epoch·m + i");
        }
        if (alpha == 1 && beta == 1) {
            return Feedback.wrong("t-no-m", used + ": the factor m is missing from epoch·m + i, so t grows by 1, not by m, "
                    + "from one epoch to the next");
        }
        if (beta == 0) {
            return Feedback.wrong("t-is-epoch", used + ": the rate must fall with every step, t = epoch·m + i");
        }
        return Feedback.wrong("t-other", used + "; it is t = epoch·m + i (m = " + m + ")");
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * (1 + Math.abs(b));
    }
}
