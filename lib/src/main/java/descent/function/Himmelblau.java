package descent.function;

/**
 * Himmelblau's function f(x, y) = (x² + y − 11)² + (x + y² − 7)², with four minima of value 0 —
 * where a descent ends depends on where it starts (Himmelblau, <i>Applied Nonlinear
 * Programming</i>, 1972; Surjanovic &amp; Bingham, Virtual Library of Simulation Experiments).
 */
public final class Himmelblau extends PlaneFunction {

    @Override
    double f(double x, double y) {
        double a = x * x + y - 11;
        double b = x + y * y - 7;
        return a * a + b * b;
    }

    @Override
    void df(double x, double y, double[] g) {
        double a = x * x + y - 11;
        double b = x + y * y - 7;
        g[0] = 4 * x * a + 2 * b;
        g[1] = 2 * a + 4 * y * b;
    }

    @Override
    public String name() {
        return "Himmelblau";
    }

    @Override
    public double[][] minima() {
        return new double[][] {
            {3, 2},
            {-2.805118086952745, 3.131312518250573},
            {-3.779310253377747, -3.283185991286170},
            {3.584428340330492, -1.848126526964404},
        };
    }

    @Override
    public double[] window() {
        return new double[] {-5, 5, -5, 5};
    }
}
