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

    /** Σ ½r² = ½ Σ r². */
    @Override
    public double valueOfResiduals(double sumOfSquares) {
        return 0.5 * sumOfSquares;
    }

    @Override
    public void slopes(double[] z, double[] y, int at, int count, double[] work) {
        GradientCore.subtract(z, y, at, count);
    }

    /** The residuals, then ½ Σ r² summed as the core sums it in its one pass: the same bits. */
    @Override
    public double valuesAndSlopes(double[] z, double[] y, int at, int count, double[] work) {
        GradientCore.subtract(z, y, at, count);
        return valueOfResiduals(GradientCore.sumOfSquares(z, count));
    }

    @Override
    public String toString() {
        return "½(z − y)²";
    }
}
