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
 * answers into ratios to the reference; {@link #diagnosis(String)} names the mistake they point to.</p>
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
        Feedback d = diagnosis(what, m).of(f);
        if (threw != null && d.mistake().equals("other")) throw threw;
        return d;
    }

    /**
     * The mistakes the findings can point to, most specific first. {@code what} names the student's answer
     * ("your gradient"), {@code m} the rows of the course's data (to say "100 times" as well as "3 times").
     */
    Diagnosis<Findings> diagnosis(String what, int m) {
        boolean linear = Compare.close(h.applyAsDouble(1), 1, 1e-12);
        String residual = linear ? "x_iᵀw − y_i" : "σ(x_iᵀw) − y_i";
        String formula = (c == 2 ? "(2/m)" : "(1/m)") + " Σ_i (" + residual + ") x_ij";
        return new Diagnosis<Findings>()
                .hypothesis("swapped-index", f -> !f.threwOn().isEmpty() && !f.threwOn().contains("3×3"), f -> what
                        + " runs on square data (3 rows × 3 columns) but throws on data of shape " + f.threwOn()
                        + ": it reads data.x with its indices the other way round. data.x(i, j) takes the row i first, "
                        + "then the column j")
                .hypothesis("first-row", f -> is(f.rows()[0], 0) && is(f.rows()[1], f.rows()[2]) && !is(f.rows()[1], 0),
                        f -> "the first row never counts in " + what + " (on data of one row it is 0): does the loop "
                        + "over the rows start at 1? The first row is 0")
                .hypothesis("last-row", f -> is(f.rows()[2], 0) && is(f.rows()[0], f.rows()[1]) && !is(f.rows()[0], 0),
                        f -> "the last row never counts in " + what + " (on data of one row it is 0): the loop over the "
                        + "rows stops one row too early")
                .hypothesis("only-first-row", f -> !is(f.rows()[0], 0) && is(f.rows()[1], 0) && is(f.rows()[2], 0),
                        f -> "only the first row counts in " + what + ": the rows after it add nothing. Does a return "
                        + "(or break) inside the loop stop it after its first pass?")
                .hypothesis("integer-division", f -> f.allZero() == false && is(f.term(), 1) && all(f.rows(), 0),
                        f -> what + " is right on one row but exactly 0 on three: " + (c == 2 ? "2" : "1")
                        + " / data.rows() is integer division in Java (" + (c == 2 ? "2" : "1") + " / 3 = 0) — write "
                        + (c == 2 ? "2.0" : "1.0") + " / data.rows()")
                .hypothesis("zero", f -> f.allZero() && all(f.rows(), 0), f -> what + " is 0 on every probe: nothing is ever added to it. "
                        + "Is the line that adds (" + residual + ") · x_ij missing, or does it add 0?")
                .hypothesis("sign", f -> is(f.term(), -1) && is(f.prediction(), -1), f -> what + " has the wrong sign "
                        + "(−1 times the reference on every probe): it points uphill, so a step against it would climb. "
                        + "The residual is " + residual + ", prediction minus target; check each minus sign")
                .hypothesis("missing-x", Findings::equalComponents, f -> what + " has the same value in every "
                        + "component although x_i0, x_i1, x_i2 differ: the factor x_ij is missing: each residual "
                        + "must be multiplied by x_ij, the input that w_j multiplies")
                .hypothesis("first-component", f -> f.zeroColumn() == 0, f -> what + "'s first component g[0] stays 0 "
                        + "where x_i0 = 1: it is never written. Does the loop over the components start at 1? The first "
                        + "index is 0")
                .hypothesis("last-component", f -> f.zeroColumn() == X.length - 1, f -> what + "'s last component "
                        + "stays 0: it is never written. Does the loop over the components stop one too early?")
                .hypothesis("no-residual", f -> is(f.term(), 0) && is(f.prediction(), 0), f -> what + " does not "
                        + "change with y or with w: the factor (" + residual + ") is missing — each row adds its "
                        + "residual times x_ij")
                .hypothesis("columns-for-rows", f -> is(f.term(), 1.0 / X.length) && all(f.rows(), 1), f -> what
                        + " is right on square data (3 rows × 3 columns) but 1/3 of it on 1 row × 3 columns: you divide "
                        + "by the number of columns, data.cols(), where the mean over the rows needs data.rows()")
                .hypothesis("missing-2/m", f -> c == 2 && is(f.term(), 0.5) && is(f.prediction(), 0.5)
                        && all(f.rows(), 1.5), f -> what + " is right in shape but m/2 times too large (1.5 times on "
                        + "three rows, " + Exercise.num(m / 2.0) + " times on the course's " + m + "): both the 2 of the "
                        + "square and the 1/m of the mean are missing")
                .hypothesis("missing-2", f -> c == 2 && is(f.term(), 0.5) && is(f.prediction(), 0.5), f -> what
                        + " is half the right size on every probe: differentiating the square brings down a factor 2 "
                        + "(d/dθ (r²) = 2r·dr/dθ)")
                .hypothesis("twice", f -> is(f.term(), 2) && is(f.prediction(), 2), f -> what + " is twice the right "
                        + "size on every probe: " + (c == 1 ? "the log loss has no square, so there is no factor 2 — just "
                        + formula : "there is one factor 2 too many"))
                .hypothesis("factor", f -> is(f.term(), f.prediction()) && !Double.isNaN(f.term()) && !is(f.term(), 1),
                        f -> what + " is " + Exercise.num(f.term()) + " times the reference on every probe: a stray "
                        + "factor. It is " + formula)
                .hypothesis("sigmoid-derivative", f -> !linear && is(f.term(), 0.25) && !is(f.prediction(), 0.25),
                        f -> what + " multiplies each residual by σ′(z) = σ(z)(1 − σ(z)) (a quarter at z = 0): that is "
                        + "the gradient of the squared error of σ. The log loss's derivative cancels σ′, leaving just "
                        + formula)
                .hypothesis("y-sign", f -> is(f.term(), -1) && is(f.prediction(), 1), f -> "in " + what + " y_i enters "
                        + "with the wrong sign: the residual is " + residual + " (prediction minus target), and you "
                        + "added y_i where it is subtracted")
                .hypothesis("prediction-sign", f -> is(f.term(), 1) && is(f.prediction(), -1), f -> "in " + what
                        + " the prediction x_iᵀw enters with the wrong sign: it is + Σ_k x_ik·w_k (a minus where a plus "
                        + "belongs in the line that builds it)")
                .hypothesis("no-prediction", f -> is(f.term(), 1) && is(f.prediction(), 0) && all(f.atZero(), 0), f ->
                        what + " does not change with w: the prediction x_iᵀw never reaches the residual, which is just "
                        + "−y_i. Is the loop that builds it missing, or placed after the line that uses it (order)?")
                .hypothesis("prediction-no-w", f -> is(f.term(), 1) && is(f.prediction(), 0), f -> what + " does not "
                        + "change with w, and is not 0 where the residual is: your prediction adds up the inputs x_ik "
                        + "without their weights — the factor w_k is missing from Σ_k x_ik·w_k")
                .hypothesis("prediction-no-x", f -> is(f.term(), 1) && f.sameForEveryWeight(), f -> what + " is the same "
                        + "whichever single weight is 1, although the inputs x_i0, x_i1, x_i2 differ: the factor x_ik "
                        + "is missing from the prediction Σ_k x_ik·w_k")
                .hypothesis("prediction-first", f -> is(f.term(), 1) && is(f.columns()[0], 0) && is(f.columns()[1], 1),
                        f -> "your prediction leaves out the first column, x_i0·w_0 (the bias): with only w_0 = 1 "
                        + what + " does not change. Does the loop over k start at 1? The first index is 0")
                .hypothesis("prediction-factor", f -> is(f.term(), 1) && all(f.columns(), f.columns()[0])
                        && !Double.isNaN(f.columns()[0]) && !is(f.columns()[0], 1), f -> "your prediction is " + Exercise.num(f.columns()[0])
                        + " times x_iᵀw (" + (is(f.columns()[0], 2) ? "twice: one factor 2 too many" : "a stray factor")
                        + " in the line that builds it): x_iᵀw = Σ_k x_ik·w_k")
                .hypothesis("missing-1/m", f -> is(f.term(), 1) && all(f.rows(), 3), f -> what + " is right on one row "
                        + "but 3 times too large on three rows, " + m + " times too large on the course's " + m + " rows: "
                        + "you summed over the rows but J is their mean — divide by m")
                .hypothesis("carried-over", f -> is(f.term(), 1) && all(f.rows(), 1) && !is(f.duplicate(), 1),
                        f -> what + " is right for each row alone, but a row given twice does not give what it gives "
                        + "once (" + Exercise.num(f.duplicate()) + " times): what one row computes is carried over "
                        + "into the next. Reset the prediction (and the residual) to zero for each row")
                .otherwise(f -> what + " is not " + formula + ". What the probes found: on one row, its y term is "
                        + ratioWords(f.term()) + " and its prediction term " + ratioWords(f.prediction()) + "; on three "
                        + "rows with one residual each, the rows count " + rowWords(f.rows())
                        + (is(f.term(), 1) && is(f.prediction(), 1) ? ". One row is right, several are not: look at what "
                        + "happens to g between the rows (a step inside the row loop that belongs after it?)" : ""));
    }

    private static String ratioWords(double r) {
        return Double.isNaN(r) ? "no multiple of the reference's" : is(r, 1) ? "right" : Exercise.num(r) + " times the "
                + "reference's";
    }

    private static String rowWords(double[] rows) {
        if (all(rows, 1)) return "as they should";
        if (java.util.Arrays.stream(rows).allMatch(Double::isNaN)) return "in no fixed proportion to the reference";
        StringBuilder s = new StringBuilder();
        for (double r : rows) s.append(s.length() == 0 ? "" : ", ").append(Double.isNaN(r) ? "no multiple" : Exercise.num(r));
        return s + " times what they should (first, middle, last)";
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
