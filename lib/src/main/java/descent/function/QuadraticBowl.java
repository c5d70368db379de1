package descent.function;

import descent.Check;

/**
 * The quadratic bowl f(x, y) = ½(x² + κy²), ∇f = (x, κy), minimum 0 at the origin. κ is the
 * condition number of its Hessian diag(1, κ): κ = 1 is a round bowl, large κ a narrow valley in
 * which steepest descent zigzags (Nocedal &amp; Wright, <i>Numerical Optimization</i>, §3.3).
 */
public final class QuadraticBowl extends PlaneFunction {
    private final double kappa;

    /** @param conditionNumber κ ≥ 1 */
    public QuadraticBowl(double conditionNumber) {
        if (!(conditionNumber >= 1) || !Double.isFinite(conditionNumber)) {
            throw new IllegalArgumentException("conditionNumber = " + conditionNumber
                    + " is invalid: it must be a finite number >= 1");
        }
        this.kappa = conditionNumber;
    }

    @Override
    double f(double x, double y) {
        return 0.5 * (x * x + kappa * y * y);
    }

    @Override
    void df(double x, double y, double[] g) {
        g[0] = x;
        g[1] = kappa * y;
    }

    /** ∇²f = diag(1, κ): λ_max = κ (κ ≥ 1). */
    @Override
    public double hessianLambdaMax() {
        return kappa;
    }

    @Override
    public String name() {
        return kappa == 1 ? "Quadratic bowl" : "Quadratic bowl (κ=" + (kappa == Math.rint(kappa) ? Long.toString((long) kappa) : kappa) + ")";
    }

    @Override
    public double[][] minima() {
        return new double[][] {{0, 0}};
    }

    @Override
    public double[] window() {
        return new double[] {-10, 10, -10, 10};
    }
}
