package descent.exercise;

import descent.data.Dataset;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Asks a student's gradient of a per-row cost questions whose answers separate the mistakes (issue #46). The
 * gradient has the form ∇J = (c/m) Σ_i (h(x_iᵀw) − y_i) x_i, with h the prediction (the identity for least
 * squares, σ for logistic regression) and c its factor (2 for the mean squared error, 1 for the log loss): see
 * {@link BatchDescentExercises} and {@link ClassifierExercises}.
 *
 * <p>The probes are small designed data sets on which each part of that formula can be read off alone:
 * <ul>
 *   <li>one row at w = 0 with y − h(0) = ∓1: the y term alone, and the factor that multiplies each x_ij;</li>
 *   <li>one row with y = h(0), at w = e_k (one weight 1, the others 0): the prediction alone, column by column;</li>
 *   <li>three rows of which only row k has a non-zero residual: how much row k counts (first, middle, last);</li>
 *   <li>the same row twice against it once: a mean does not change, a sum carried over from row to row does;</li>
 *   <li>data of 1×3, 3×1 and 3×3: code that runs only on square data reads x(j, i) where x(i, j) belongs.</li>
 * </ul>
 * Each probe runs the student's code on the very arrays passed in (checked after the call with {@link Unchanged}),
 * inside the check's {@link Deadline}; what it throws is recorded, not propagated. {@link #findings()} turns the
 * answers into ratios to the reference; {@link GradientDiagnosis} names the mistake they point to.</p>
 */
final class GradientProbe {
    /** The x of the one-row probes: distinct, non-zero entries, so that no column can stand in for another. */
    private static final double[] X = {1, 0.5, -2};

    private final DataGradient student;
    private final DoubleUnaryOperator h;
    private final double c;
    private Feedback changed;
    /** The shapes of data on which the code asked for a row (or column) beyond the data's rows (or columns). */
    private final StringBuilder outOfShape = new StringBuilder();

    /**
     * @param student the student's gradient
     * @param h       the prediction h(z) of the model
     * @param c       the factor of the cost's gradient (2 for the squared error, 1 for the log loss)
     */
    GradientProbe(DataGradient student, DoubleUnaryOperator h, double c) {
        this.student = student;
        this.h = h;
        this.c = c;
    }

    /** The student's gradient on d at w, g starting at zeros; null if the code threw. */
    double[] run(Dataset d, double[] w) {
        double[] x = d.x().clone(), y = d.y().clone(), at = w.clone(), g = new double[d.cols()];
        try {
            student.into(d, at, g);
        } catch (NotDoneYet | Deadline.Missed e) {
            throw e;
        } catch (RuntimeException e) {
            String said = String.valueOf(e.getMessage());
            if (said.contains("rows are") && d.rows() < d.cols() || said.contains("columns are") && d.cols() < d.rows()) {
                outOfShape.append(d.rows()).append("×").append(d.cols()).append(' ');
            }
            return null;
        }
        if (changed == null) changed = Unchanged.check("weights", w, at);
        if (changed == null) changed = Unchanged.check("data's x", x, d.x());
        if (changed == null) changed = Unchanged.check("data's y", y, d.y());
        return g;
    }

    /**
     * Runs the student's code on the course's data: what it threw, or null. The stub's "not done", a missed
     * deadline and a diagnosis already found ({@link Diagnosis.Found}, e.g. a changed argument) pass through.
     */
    static RuntimeException attempt(Runnable work) {
        try {
            work.run();
            return null;
        } catch (NotDoneYet | Deadline.Missed | Diagnosis.Found e) {
            throw e;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The reference (c/m) Σ (h(x_iᵀw) − y_i) x_i. */
    double[] reference(Dataset d, double[] w) {
        double[] g = new double[d.cols()];
        for (int i = 0; i < d.rows(); i++) {
            double z = 0;
            for (int j = 0; j < d.cols(); j++) z += d.x(i, j) * w[j];
            double r = h.applyAsDouble(z) - d.y(i);
            for (int j = 0; j < d.cols(); j++) g[j] += c / d.rows() * r * d.x(i, j);
        }
        return g;
    }

    /** The first argument the student's code changed in any probe so far, or null. */
    Feedback changedArgument() {
        return changed;
    }

    /**
     * What the probes found. Ratios are to the reference (1 is right; NaN when the answer is no multiple of it, or
     * the code threw). Each term is read as a difference of two probes, so that the other term cancels.
     *
     * @param term        the factor of the y term, from one row at w = 0 with y = h(0) − 1 against y = h(0)
     * @param prediction  the factor of the prediction term, from one row with y = h(0) at w against w = 0
     * @param atZero      the answer on one row with y = h(0) at w = 0, where the residual is 0: all 0 when right
     * @param zeroColumn  the first component of g that is 0 in the y-term probe where x_j ≠ 0 (−1 if none)
     * @param equalComponents the y-term probe's components all equal where the x_j differ: x_ij left out
     * @param columns     the prediction z the answer implies at w = e_k over the reference's x_k (1 each)
     * @param sameForEveryWeight the answers at w = e_0, e_1, e_2 all equal (and not 0) while x_0, x_1, x_2 differ
     * @param rows        how much each of three rows counts against the reference (1 each when right)
     * @param duplicate   the answer on a row given twice over the row given once (1 for a mean)
     * @param threwOn     the shapes of data the code threw on ("1×3", "3×1", "3×3"), or ""
     * @param allZero     the answer is 0 on the y-term probe and at w
     */
    record Findings(double term, double prediction, double[] atZero, int zeroColumn, boolean equalComponents,
                    double[] columns, boolean sameForEveryWeight, double[] rows, double duplicate, String threwOn,
                    boolean allZero) {}

    Findings findings() {
        double h0 = h.applyAsDouble(0);
        double[] zero = new double[X.length], w = {0.4, -0.2, -0.1};   // x_iᵀw = 0.5 and Σ_k w_k = 0.1: neither 0
        Dataset withY = Dataset.of(new double[][] {X}, new double[] {h0 - 1});
        Dataset flat = Dataset.of(new double[][] {X}, new double[] {h0});
        double[] g1 = run(withY, zero), g0 = run(flat, zero), gw = run(flat, w);
        double[] r0 = reference(flat, zero);
        double term = ratio(minus(g1, g0), minus(reference(withY, zero), r0));
        double prediction = ratio(minus(gw, g0), minus(reference(flat, w), r0));
        int zeroColumn = -1;
        boolean equal = g1 != null && g0 != null;
        double[] dy = minus(g1, g0);
        if (dy != null) {
            boolean any = Arrays.stream(dy).anyMatch(v -> v != 0);
            for (int j = X.length - 1; j >= 0; j--) if (dy[j] == 0 && any) zeroColumn = j;
            for (int j = 1; j < X.length; j++) equal &= Compare.close(dy[j], dy[0], 1e-9) && dy[0] != 0;
        }
        double[] columns = new double[X.length];
        double[][] atUnit = new double[X.length][];
        for (int k = 0; k < X.length; k++) {
            double[] e = new double[X.length];
            e[k] = 1;
            atUnit[k] = run(flat, e);
            // the prediction z the student's code implies at w = e_k, read off component 0, over x_k
            columns[k] = atUnit[k] == null || g0 == null ? Double.NaN
                    : inverse(h0 + (atUnit[k][0] - g0[0]) / (term * c * X[0])) / X[k];
        }
        boolean same = atUnit[0] != null && !Arrays.stream(atUnit[0]).allMatch(v -> v == 0);
        for (int k = 1; k < X.length; k++) same &= atUnit[k] != null && Compare.close(atUnit[k], atUnit[0], 1e-9);
        // how much each row counts: three rows, only row k with a residual (at w = 0 every prediction is h(0))
        double[][] three = {X, {0.5, -1, 1.5}, {-1.5, 2, 0.5}};
        double[] rows = new double[three.length];
        for (int k = 0; k < three.length; k++) {
            double[] y = {h0, h0, h0};
            y[k] = h0 - 1;
            Dataset d = Dataset.of(three, y);
            rows[k] = ratio(run(d, zero), reference(d, zero));
        }
        double[] twice = run(Dataset.of(new double[][] {X, X}, new double[] {0.25, 0.25}), w);
        double duplicate = ratio(twice, run(Dataset.of(new double[][] {X}, new double[] {0.25}), w));
        run(Dataset.of(new double[][] {{1}, {2}, {-1}}, new double[] {0, 1, 0}), new double[] {0.5});
        boolean square = run(Dataset.of(three, new double[] {0, 1, 0}), w) != null;
        String threw = square ? outOfShape.toString().strip() : "";
        boolean allZero = g1 != null && gw != null && Arrays.stream(g1).allMatch(v -> v == 0)
                && Arrays.stream(gw).allMatch(v -> v == 0);
        return new Findings(term, prediction, g0, zeroColumn, equal, columns, same, rows, duplicate,
                threw, allZero);
    }

    /**
     * The diagnosis of an answer that was wrong on the course's data, or threw there ({@code threw}, rethrown when
     * no hypothesis explains the probes, so that the student reads the exception itself).
     */
    Feedback diagnose(String what, int m, RuntimeException threw) {
        Findings f = findings();
        if (changed != null) return changed;
        Feedback d = GradientDiagnosis.of(what, m, h, c).of(f);
        if (threw != null && d.mistake().equals("other")) throw threw;
        return d;
    }

    /** The z with h(z) = p: the identity's, or the logit for σ. */
    private double inverse(double p) {
        return Compare.close(h.applyAsDouble(1), 1, 1e-12) ? p : Math.log(p / (1 - p));
    }

    private static double[] minus(double[] a, double[] b) {
        if (a == null || b == null) return null;
        double[] d = new double[a.length];
        for (int j = 0; j < a.length; j++) d[j] = a[j] - b[j];
        return d;
    }

    /** mine = ratio · reference in every entry, else NaN (also when the code threw). */
    static double ratio(double[] mine, double[] reference) {
        if (mine == null) return Double.NaN;
        if (Arrays.stream(reference).allMatch(v -> v == 0)) return Arrays.stream(mine).allMatch(v -> v == 0) ? 1 : Double.NaN;
        return Compare.factor(mine, reference);
    }

    static boolean is(double value, double expected) {
        return Compare.close(value, expected, 1e-6);
    }

    static boolean all(double[] values, double expected) {
        for (double v : values) if (!is(v, expected)) return false;
        return true;
    }
}
