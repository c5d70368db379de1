package descent.function;

import descent.Check;

/** The sphere f(x) = Σ x_i², ∇f = 2x, minimum 0 at the origin: the simplest convex function. */
public final class Sphere implements TestFunction {
    private final int d;

    /** @param d the number of variables, at least 1 */
    public Sphere(int d) {
        this.d = Check.size("d", d, 1);
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double value(double[] p) {
        Check.length("p", p, d, "a point in the function's dimensions");
        double s = 0;
        for (double v : p) s += v * v;
        return s;
    }

    @Override
    public void gradient(double[] p, double[] grad) {
        Check.length("p", p, d, "a point in the function's dimensions");
        Check.length("grad", grad, d, "one partial derivative per variable");
        for (int i = 0; i < d; i++) grad[i] = 2 * p[i];
    }

    /** ∇²f = 2I: λ_max = 2. */
    @Override
    public double hessianLambdaMax() {
        return 2;
    }

    @Override
    public String name() {
        return "Sphere (d=" + d + ")";
    }

    @Override
    public double[][] minima() {
        return new double[][] {new double[d]};
    }

    @Override
    public double[] window() {
        return d == 1 ? new double[] {-5, 5} : new double[] {-5, 5, -5, 5};
    }
}
