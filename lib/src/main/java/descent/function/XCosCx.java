package descent.function;

import descent.Check;

/**
 * f(x) = x·cos(cx), f′(x) = cos(cx) − cx·sin(cx): a 1-D non-convex function with several local
 * minima, whose depth grows with |x|: which one descent reaches depends on the start and the step.
 * The window is [−3π/c, 3π/c]; {@link #minima()} lists the local minima in it, found numerically.
 */
public final class XCosCx extends LineFunction {
    private final double c;
    private final double[][] minima;

    /** @param c frequency c &gt; 0 */
    public XCosCx(double c) {
        this.c = Check.positive("c", c);
        this.minima = localMinima();
    }

    @Override
    double f(double x) {
        return x * Math.cos(c * x);
    }

    @Override
    double df(double x) {
        return Math.cos(c * x) - c * x * Math.sin(c * x);
    }

    @Override
    public String name() {
        return "x·cos(" + c + "x)";
    }

    @Override
    public double[][] minima() {
        double[][] copy = new double[minima.length][];
        for (int i = 0; i < copy.length; i++) copy[i] = minima[i].clone();
        return copy;
    }

    @Override
    public double[] window() {
        return new double[] {-3 * Math.PI / c, 3 * Math.PI / c};
    }
}
