package descent.function;

/**
 * Rosenbrock's banana function f(x, y) = (1 − x)² + 100(y − x²)², minimum 0 at (1, 1) at the end
 * of a long, flat, curved valley (Rosenbrock, The Computer Journal 3(3), 1960).
 */
public final class Rosenbrock extends PlaneFunction {

    @Override
    double f(double x, double y) {
        double a = 1 - x;
        double b = y - x * x;
        return a * a + 100 * b * b;
    }

    @Override
    void df(double x, double y, double[] g) {
        double b = y - x * x;
        g[0] = -2 * (1 - x) - 400 * x * b;
        g[1] = 200 * b;
    }

    @Override
    public String name() {
        return "Rosenbrock";
    }

    @Override
    public double[][] minima() {
        return new double[][] {{1, 1}};
    }

    @Override
    public double[] window() {
        return new double[] {-2, 2, -1, 3};
    }
}
