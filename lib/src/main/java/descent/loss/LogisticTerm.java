package descent.loss;

import descent.core.GradientCore;
import descent.core.RowLoss;

/**
 * The log loss of one row in terms of its logit z: ℓ = log(1 + e^z) − y z, ℓ′ = σ(z) − y (binary
 * cross-entropy −[y log σ(z) + (1 − y) log(1 − σ(z))] written so that it stays finite; Ng, CS229
 * notes, part II; Géron, ch. 4, eq. 4-17 and 4-18).
 *
 * <p>With e = e^−|z| ≤ 1: log(1 + e^z) = max(z, 0) + log1p(e), and σ(z) = 1/(1 + e) for z ≥ 0,
 * e/(1 + e) otherwise. One exponential per row, finite for any z; the logarithm only when the loss
 * itself is asked for.
 *
 * <p>The exponential is the core's ({@link GradientCore#exp}, within one unit in the last place): for a
 * chunk of rows {@link GradientCore#expOfMinusAbs} and {@link GradientCore#logistic} compute e and σ
 * four rows per instruction, with the same bits as the one-row forms here. Only the loss's log1p is
 * left row by row, and only when the loss itself is asked for.
 */
final class LogisticTerm implements RowLoss {
    static final LogisticTerm INSTANCE = new LogisticTerm();

    private LogisticTerm() {}

    @Override
    public double value(double z, double y) {
        return Math.max(z, 0) + Math.log1p(GradientCore.exp(-Math.abs(z))) - y * z;
    }

    @Override
    public double slope(double z, double y) {
        return GradientCore.sigmoid(z) - y;
    }

    @Override
    public void slopes(double[] z, double[] y, int at, int count, double[] work) {
        GradientCore.expOfMinusAbs(z, count, work);
        GradientCore.logistic(z, work, count, z);
        GradientCore.subtract(z, y, at, count);
    }

    @Override
    public double valuesAndSlopes(double[] z, double[] y, int at, int count, double[] work) {
        GradientCore.expOfMinusAbs(z, count, work);
        double sum = 0;
        for (int k = 0; k < count; k++) sum += Math.max(z[k], 0) + Math.log1p(work[k]) - y[at + k] * z[k];
        GradientCore.logistic(z, work, count, z);
        GradientCore.subtract(z, y, at, count);
        return sum;
    }

    @Override
    public String toString() {
        return "log(1 + e^z) − y·z";
    }
}
