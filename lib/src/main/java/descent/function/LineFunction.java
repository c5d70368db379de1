package descent.function;

import descent.Check;

/** A test function of one variable: checks the point and leaves the formula to subclasses. */
abstract class LineFunction implements TestFunction {

    abstract double f(double x);

    abstract double df(double x);

    @Override
    public final int dimension() {
        return 1;
    }

    @Override
    public final double value(double[] p) {
        Check.length("p", p, 1, "a single value");
        return f(p[0]);
    }

    @Override
    public final void gradient(double[] p, double[] grad) {
        Check.length("p", p, 1, "a single value");
        Check.length("grad", grad, 1, "the derivative");
        grad[0] = df(p[0]);
    }

    /** Local minima of f in the window: sign changes of f′ from − to + on a fine grid, bisected. */
    double[][] localMinima() {
        double[] w = window();
        int steps = 20_000;
        java.util.List<double[]> found = new java.util.ArrayList<>();
        double h = (w[1] - w[0]) / steps;
        for (int k = 0; k < steps; k++) {
            double a = w[0] + k * h;
            double b = a + h;
            if (df(a) < 0 && df(b) >= 0) {
                for (int it = 0; it < 100; it++) {
                    double mid = 0.5 * (a + b);
                    if (df(mid) < 0) a = mid; else b = mid;
                }
                found.add(new double[] {0.5 * (a + b)});
            }
        }
        return found.toArray(new double[0][]);
    }

    @Override
    public String toString() {
        return name();
    }
}
