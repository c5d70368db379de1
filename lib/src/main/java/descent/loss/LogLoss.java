package descent.loss;

import descent.Check;
import descent.core.GradientCore;
import descent.data.Dataset;

/**
 * Log loss (binary cross-entropy) of logistic regression, p_i = σ(z_i), z_i = x_i·w:
 * J(w) = −(1/m) Σ_i [y_i log p_i + (1 − y_i) log(1 − p_i)], ∇J(w) = (1/m) Xᵀ(σ(Xw) − y).
 * Evaluated as log(1 + e^z) − y z, which stays finite for any z (Ng, CS229 lecture notes, part II;
 * Géron, ch. 4, eq. 4-18).
 */
public final class LogLoss extends LinearModelLoss {

    public LogLoss() {
        this(1);
    }

    private LogLoss(int threads) {
        super(LogisticTerm.INSTANCE, threads);
    }

    /**
     * The same cost, its sums over large data shared among up to {@code threads} threads (blocks of
     * {@link GradientCore#BLOCK} rows; the result is bit-identical for any count).
     */
    public LogLoss onThreads(int threads) {
        return new LogLoss(threads);
    }

    /** σ(z) = 1/(1 + e^−z). */
    public static double sigmoid(double z) {
        return GradientCore.sigmoid(z);
    }

    /** P(y = 1 | x_row) = σ(x_row·w). */
    public static double probability(Dataset data, double[] w, int row) {
        Check.notNull("data", data);
        Check.length("w", w, data.cols(), "one weight per column of X");
        Check.finite("w", w);
        if (row < 0 || row >= data.rows()) {
            throw new IllegalArgumentException("row = " + row + " is invalid: rows are 0.." + (data.rows() - 1));
        }
        return sigmoid(GradientCore.predict(data.x(), data.cols(), w, row));
    }

    /** The fraction of rows whose predicted class (p ≥ 0.5) equals y. */
    public static double accuracy(Dataset data, double[] w) {
        Check.notNull("data", data);
        Check.length("w", w, data.cols(), "one weight per column of X");
        Check.finite("w", w);  // NaN weights predict class 0 everywhere: a number, but a wrong one
        requireBinaryLabels(data.y(), "for accuracy: labels");
        int right = 0;
        for (int i = 0; i < data.rows(); i++) {
            int predicted = GradientCore.predict(data.x(), data.cols(), w, i) >= 0 ? 1 : 0;
            if (predicted == data.y(i)) right++;
        }
        return (double) right / data.rows();
    }

    /** The last dataset whose targets were checked: datasets are immutable, so check each once. */
    private volatile Dataset checked;

    @Override
    void checkTargets(Dataset data) {
        if (data == checked) return;
        requireBinaryLabels(data.y(), "for log loss: targets");
        checked = data;
    }

    @Override
    void checkTargets(descent.data.RowFile file) {
        file.requireBinaryTargets("for log loss: targets");
    }

    private static void requireBinaryLabels(double[] y, String what) {
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is invalid " + what + " must be 0 or 1");
            }
        }
    }

    @Override
    double valueScale() {
        return 1;
    }

    @Override
    double gradientScale() {
        return 1;
    }

    @Override
    public String name() {
        return "log loss";
    }

    @Override
    public String toString() {
        return name();
    }
}
