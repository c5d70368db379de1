package descent.loss;

import descent.core.GradientCore;
import descent.core.RowLoss;

/**
 * The squared error of one row, r = z − y: ℓ = ½r², ℓ′ = r. {@link MeanSquaredError} scales the sums
 * to its two conventions, (1/m) Σ r² and 1/(2m) Σ r² (Géron, ch. 4, eq. 4-3 and 4-6; Ng, CS229 notes).
 */
final class SquaredErrorTerm implements RowLoss {
    static final SquaredErrorTerm INSTANCE = new SquaredErrorTerm();

    private SquaredErrorTerm() {}

    @Override
    public double value(double z, double y) {
        double r = z - y;
        return 0.5 * r * r;
    }

    @Override
    public double slope(double z, double y) {
        return z - y;
    }

    /** ℓ′ = z − y: the core's one-pass residual gradient applies. */
    @Override
    public boolean slopeIsResidual() {
        return true;
    }

    @Override
    public void slopes(double[] z, double[] y, int at, int count, double[] work) {
        GradientCore.subtract(z, y, at, count);
    }

    @Override
    public double valuesAndSlopes(double[] z, double[] y, int at, int count, double[] work) {
        double s0 = 0, s1 = 0; // two sums: the additions overlap instead of waiting on each other
        int k = 0;
        for (; k + 1 < count; k += 2) {
            double r0 = z[k] - y[at + k], r1 = z[k + 1] - y[at + k + 1];
            z[k] = r0;
            z[k + 1] = r1;
            s0 += 0.5 * r0 * r0;
            s1 += 0.5 * r1 * r1;
        }
        for (; k < count; k++) {
            double r = z[k] - y[at + k];
            z[k] = r;
            s0 += 0.5 * r * r;
        }
        return s0 + s1;
    }

    @Override
    public String toString() {
        return "½(z − y)²";
    }
}
