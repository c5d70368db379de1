package descent.function;

/**
 * The saddle f(x, y) = x² − y², ∇f = (2x, −2y): the origin is a stationary point that is a minimum
 * along x and a maximum along y, so it has no minimum at all ({@link #minima()} is empty). Started
 * exactly on the x-axis, gradient descent walks into the saddle and stops; any tiny y escapes.
 */
public final class Saddle extends PlaneFunction {

    @Override
    double f(double x, double y) {
        return x * x - y * y;
    }

    @Override
    void df(double x, double y, double[] g) {
        g[0] = 2 * x;
        g[1] = -2 * y;
    }

    @Override
    public String name() {
        return "Saddle";
    }

    @Override
    public double[][] minima() {
        return new double[0][];
    }

    @Override
    public double[] window() {
        return new double[] {-2, 2, -2, 2};
    }
}
