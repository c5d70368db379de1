package descent.exercise;

import static descent.exercise.GradientProbe.all;
import static descent.exercise.GradientProbe.is;

import java.util.function.DoubleUnaryOperator;

/**
 * The mistakes a data gradient's probe results can point to ({@link GradientProbe.Findings}), each a property of
 * all the probes, with the words a student reads: which row, which column, which term, which factor, which sign.
 * The gradient is (c/m) Σ_i (h(x_iᵀw) − y_i) x_i (least squares: h the identity, c = 2; logistic regression:
 * h = σ, c = 1). The probes have three columns and three rows.
 */
final class GradientDiagnosis {
    private GradientDiagnosis() {}

    /**
     * The mistakes the findings can point to, most specific first. {@code what} names the student's answer
     * ("your gradient"), {@code m} the rows of the course's data (to say "100 times" as well as "3 times").
     */
    static Diagnosis<GradientProbe.Findings> of(String what, int m, DoubleUnaryOperator h, double c) {
        boolean linear = Compare.close(h.applyAsDouble(1), 1, 1e-12);
        String residual = linear ? "x_iᵀw − y_i" : "σ(x_iᵀw) − y_i";
        String formula = (c == 2 ? "(2/m)" : "(1/m)") + " Σ_i (" + residual + ") x_ij";
        return new Diagnosis<GradientProbe.Findings>()
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
                .hypothesis("missing-x", GradientProbe.Findings::equalComponents, f -> what + " has the same value in every "
                        + "component although x_i0, x_i1, x_i2 differ: the factor x_ij is missing: each residual "
                        + "must be multiplied by x_ij, the input that w_j multiplies")
                .hypothesis("first-component", f -> f.zeroColumn() == 0, f -> what + "'s first component g[0] stays 0 "
                        + "where x_i0 = 1: it is never written. Does the loop over the components start at 1? The first "
                        + "index is 0")
                .hypothesis("last-component", f -> f.zeroColumn() == 3 - 1, f -> what + "'s last component "
                        + "stays 0: it is never written. Does the loop over the components stop one too early?")
                .hypothesis("no-residual", f -> is(f.term(), 0) && is(f.prediction(), 0), f -> what + " does not "
                        + "change with y or with w: the factor (" + residual + ") is missing — each row adds its "
                        + "residual times x_ij")
                .hypothesis("columns-for-rows", f -> is(f.term(), 1.0 / 3) && all(f.rows(), 1), f -> what
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

}
