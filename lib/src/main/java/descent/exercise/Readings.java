package descent.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * What the checks of notebook 14 share: a check runs the student's function on probes, and each {@link Reading} — a way
 * the answer can be computed, right or wrong — says what it would give on a probe; the diagnosis is the first reading
 * that gives the student's answer on every probe (the same idea as {@link Diagnosis}, for answers that are arrays).
 */
final class Readings {
    private Readings() {}

    /** A way the answer can be computed, right or wrong: what it gives on a probe, and what to tell the student. */
    record Reading<P>(String mistake, Function<P, double[]> gives, String message) {}

    /** The readings that give the student's answer on every probe (to 1e-9, relative), in the order listed. */
    static <P> List<Reading<P>> fitting(List<Reading<P>> readings, List<P> probes, List<double[]> answers) {
        List<Reading<P>> fit = new ArrayList<>();
        for (Reading<P> reading : readings) {
            boolean all = true;
            for (int k = 0; all && k < probes.size(); k++) {
                if (answers.get(k) == null) continue;   // the probe threw: it says nothing for or against a reading
                double[] expected = reading.gives().apply(probes.get(k));
                all = expected == null || agree(answers.get(k), expected);
            }
            if (all) fit.add(reading);
        }
        return fit;
    }

    /**
     * The answer is what the reading gives, to 1e-9 relative: where either has a NaN or an infinity, the other must have
     * the same there (a reading that overflows as the student's code does is the student's code).
     */
    static boolean agree(double[] mine, double[] expected) {
        if (mine.length != expected.length) return false;
        double[] m = mine.clone(), e = expected.clone();
        for (int i = 0; i < m.length; i++) {
            if (Double.isFinite(m[i]) && Double.isFinite(e[i])) continue;
            if (Double.compare(m[i], e[i]) != 0) return false;
            m[i] = e[i] = 0;
        }
        return Compare.close(m, e, 1e-9);
    }

    /** No reading explains every probe: show the first probe where the answer differs, entry by entry. */
    static <P> Feedback unexplained(List<P> probes, List<double[]> answers, Function<P, double[]> right, String what,
                                            Function<P, String> describe) {
        for (int k = 0; k < probes.size(); k++) {
            if (answers.get(k) == null) continue;
            double[] expected = right.apply(probes.get(k));
            if (!Compare.close(answers.get(k), expected, 1e-9)) {
                int at = 0;
                while (at < expected.length && Compare.close(answers.get(k)[at], expected[at], 1e-9)) at++;
                return Feedback.wrong("values", "for " + describe.apply(probes.get(k)) + " your " + what + " gives "
                        + vector(answers.get(k)) + ", expected " + vector(expected) + " (entry " + at + " is the first that differs)");
            }
        }
        throw new IllegalStateException("no probe differs, yet the right reading did not fit");
    }

    static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i] - b[i];
        return d;
    }

    static double[] plus(double[] a, double[] b) {
        return minus(a, scale(b, -1));
    }

    static double[] scale(double[] a, double f) {
        return Arrays.stream(a).map(v -> v * f).toArray();
    }

    static double[] exp(double[] a) {
        return Arrays.stream(a).map(Math::exp).toArray();
    }

    static double[] tanh(double[] a) {
        return Arrays.stream(a).map(Math::tanh).toArray();
    }

    static double[] sigmoid(double[] a) {
        return Arrays.stream(a).map(v -> 1 / (1 + Math.exp(-v))).toArray();
    }

    static boolean finite(double[] a) {
        return Arrays.stream(a).allMatch(Double::isFinite);
    }

    static double[] gaussian(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
        return v;
    }

    static double[][] gaussianMatrix(Random r, int rows, int cols) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) m[i] = gaussian(r, cols);
        return m;
    }

    static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
        return c;
    }

    static String vector(double[] v) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) s.append(i == 0 ? "" : ", ").append(Exercise.num(v[i]));
        return s + ")";
    }

    static double[] ones(int n) {
        double[] v = new double[n];
        Arrays.fill(v, 1);
        return v;
    }

    static double[][] onesMatrix(double[][] w) {
        double[][] m = new double[w.length][];
        for (int i = 0; i < w.length; i++) m[i] = ones(w[i].length);
        return m;
    }

    /** a with input {@code k} set to 0: what a loop that skips it sees. */
    static double[] without(double[] a, int k) {
        double[] v = a.clone();
        v[k] = 0;
        return v;
    }

    /** b[0] in every unit's place. */
    static double[] firstEverywhere(double[] b) {
        double[] v = new double[b.length];
        Arrays.fill(v, b[0]);
        return v;
    }
}
