package descent.exercise;

/** How a student's numbers relate to the reference: equal, or off by one common factor (a typical slip). */
final class Compare {
    private Compare() {}

    static boolean close(double mine, double reference, double relative) {
        return Math.abs(mine - reference) <= relative * Math.max(1e-12, Math.abs(reference));
    }

    static boolean close(double[] mine, double[] reference, double relative) {
        if (mine.length != reference.length) return false;
        double scale = 1e-12;
        for (double r : reference) scale = Math.max(scale, Math.abs(r));
        for (int i = 0; i < mine.length; i++) {
            if (!(Math.abs(mine[i] - reference[i]) <= relative * scale)) return false;
        }
        return true;
    }

    /** The factor c with mine = c · reference in every entry (to 1e-6), or NaN when there is none. */
    static double factor(double[] mine, double[] reference) {
        if (mine.length != reference.length) return Double.NaN;
        double c = Double.NaN;
        for (int i = 0; i < mine.length; i++) {
            if (Math.abs(reference[i]) < 1e-12) {
                if (Math.abs(mine[i]) > 1e-9) return Double.NaN;
                continue;
            }
            double ci = mine[i] / reference[i];
            if (Double.isNaN(c)) c = ci;
            else if (!close(ci, c, 1e-6)) return Double.NaN;
        }
        return c;
    }

    /**
     * The diagnosis of a gradient that is the reference times a constant: the sign, the 2 of the square,
     * the 1/m of the mean. Null when the factor is none of those.
     */
    static Feedback scaleMistake(double c, int m, String what) {
        if (Double.isNaN(c)) return null;
        if (close(c, -1, 1e-6)) {
            return Feedback.wrong("sign", what + " has the wrong sign: it points uphill, so a step "
                    + "against it would climb. Differentiate (prediction − target)², not (target − prediction)… "
                    + "or check each minus sign");
        }
        if (close(c, 0.5, 1e-6)) {
            return Feedback.wrong("missing-2", what + " is half the right size: differentiating the square "
                    + "brings down a factor 2 (d/dθ (r²) = 2r·dr/dθ)");
        }
        if (close(c, m, 1e-6)) {
            return Feedback.wrong("missing-1/m", what + " is " + m + " times too large: you summed over the "
                    + m + " examples but J is their mean — divide by m");
        }
        if (close(c, m / 2.0, 1e-6)) {
            return Feedback.wrong("missing-2/m", what + " is m/2 = " + Exercise.num(m / 2.0)
                    + " times too large: both the 2 of the square and the 1/m of the mean are missing");
        }
        if (close(c, 2, 1e-6)) {
            return Feedback.wrong("twice", what + " is twice the right size: there is one factor 2 too many");
        }
        return null;
    }
}
