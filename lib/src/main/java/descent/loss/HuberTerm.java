package descent.loss;

import descent.core.RowLoss;

/**
 * Huber's loss of one row, r = z − y: ℓ = ½r² for |r| ≤ δ and δ(|r| − ½δ) beyond, ℓ′ = r clamped to
 * [−δ, δ] (Huber, "Robust Estimation of a Location Parameter", 1964). Quadratic near the fit, linear
 * for outliers, whose pull on the gradient is capped at δ.
 */
final class HuberTerm implements RowLoss {
    private final double delta;

    HuberTerm(double delta) {
        this.delta = delta;
    }

    @Override
    public double value(double z, double y) {
        double r = z - y, a = Math.abs(r);
        return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
    }

    @Override
    public double slope(double z, double y) {
        double r = z - y;
        return Math.abs(r) <= delta ? r : Math.copySign(delta, r);
    }

    @Override
    public void slopes(double[] z, double[] y, int at, int count, double[] work) {
        for (int k = 0; k < count; k++) z[k] = slope(z[k], y[at + k]);
    }

    @Override
    public double valuesAndSlopes(double[] z, double[] y, int at, int count, double[] work) {
        double sum = 0;
        for (int k = 0; k < count; k++) {
            sum += value(z[k], y[at + k]);
            z[k] = slope(z[k], y[at + k]);
        }
        return sum;
    }

    @Override
    public String toString() {
        return "Huber(δ = " + delta + ")";
    }
}
