package descent.function;

/**
 * Bukin function N.6, f(x, y) = 100 √|y − 0.01x²| + 0.01 |x + 10|, minimum 0 at (−10, 1). Its
 * minima lie along a narrow curved ridge y = 0.01x² where the function is not differentiable: a
 * very hard case for gradient descent (Surjanovic &amp; Bingham, Virtual Library of Simulation
 * Experiments). On the ridge and at x = −10 the gradient uses sign(0) = 0.
 */
public final class BukinN6 extends PlaneFunction {

    @Override
    double f(double x, double y) {
        return 100 * Math.sqrt(Math.abs(y - 0.01 * x * x)) + 0.01 * Math.abs(x + 10);
    }

    @Override
    void df(double x, double y, double[] g) {
        double u = y - 0.01 * x * x;
        double outer = u == 0 ? 0 : 100 * Math.signum(u) / (2 * Math.sqrt(Math.abs(u)));
        g[0] = outer * (-0.02 * x) + 0.01 * Math.signum(x + 10);
        g[1] = outer;
    }

    @Override
    public String name() {
        return "Bukin N.6";
    }

    @Override
    public double[][] minima() {
        return new double[][] {{-10, 1}};
    }

    @Override
    public double[] window() {
        return new double[] {-15, -5, -3, 3};
    }
}
