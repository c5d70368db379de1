package descent.function;

import descent.Check;

/** A test function of two variables (x, y): checks the point and leaves the formula to subclasses. */
abstract class PlaneFunction implements TestFunction {

    abstract double f(double x, double y);

    /** Writes (∂f/∂x, ∂f/∂y) into g. */
    abstract void df(double x, double y, double[] g);

    @Override
    public final int dimension() {
        return 2;
    }

    @Override
    public final double value(double[] p) {
        Check.length("p", p, 2, "a point (x, y)");
        return f(p[0], p[1]);
    }

    @Override
    public final void gradient(double[] p, double[] grad) {
        Check.length("p", p, 2, "a point (x, y)");
        Check.length("grad", grad, 2, "(∂f/∂x, ∂f/∂y)");
        df(p[0], p[1], grad);
    }

    @Override
    public String toString() {
        return name();
    }
}
