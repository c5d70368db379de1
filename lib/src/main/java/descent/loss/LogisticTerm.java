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
 * <p>The exponential is {@link Math#exp}, one row at a time. The Vector API's vectorised EXP would be
 * faster, but it rounds differently before and after HotSpot compiles the loop (a plain-Java
 * fallback, then a vector library), so a result could change in its last bits during a session;
 * bench/NOTES.md has the measurement.
 */
final class LogisticTerm implements RowLoss {
    static final LogisticTerm INSTANCE = new LogisticTerm();

    private LogisticTerm() {}

    @Override
    public double value(double z, double y) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z;
    }

    @Override
    public double slope(double z, double y) {
        return GradientCore.sigmoid(z) - y;
    }

    @Override
    public void slopes(double[] z, double[] y, int at, int count) {
        for (int k = 0; k < count; k++) {
            double zk = z[k], e = Math.exp(-Math.abs(zk));
            z[k] = (zk >= 0 ? 1 : e) / (1 + e) - y[at + k];
        }
    }

    @Override
    public double valuesAndSlopes(double[] z, double[] y, int at, int count) {
        double sum = 0;
        for (int k = 0; k < count; k++) {
            double zk = z[k], yk = y[at + k], e = Math.exp(-Math.abs(zk));
            sum += Math.max(zk, 0) + Math.log1p(e) - yk * zk;
            z[k] = (zk >= 0 ? 1 : e) / (1 + e) - yk;
        }
        return sum;
    }

    @Override
    public String toString() {
        return "log(1 + e^z) − y·z";
    }
}
