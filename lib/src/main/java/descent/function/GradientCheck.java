package descent.function;

import descent.Check;
import java.util.function.ToDoubleFunction;

/**
 * Gradients "empirically": finite differences, one extra function evaluation per dimension (so
 * they scale poorly), used as the standard check that an analytic gradient is right.
 * <ul>
 *   <li>forward: ∂f/∂x_i ≈ (f(x + ε e_i) − f(x))/ε, error O(ε) — the lecture's ε = 1e-7;</li>
 *   <li>central: ∂f/∂x_i ≈ (f(x + ε e_i) − f(x − ε e_i))/(2ε), error O(ε²), ε = 1e-5.</li>
 * </ul>
 * (CS231n notes, "Gradient checks"; Nocedal &amp; Wright, §8.1.)
 */
public final class GradientCheck {
    /** The lecture's forward-difference step. */
    public static final double FORWARD_EPSILON = 1e-7;
    /** A central-difference step balancing truncation O(ε²) against rounding O(u/ε). */
    public static final double CENTRAL_EPSILON = 1e-5;
    /** {@link #compare} passes when every component's relative error is below this. */
    public static final double TOLERANCE = 1e-6;

    private GradientCheck() {}

    /** Forward differences with ε = 1e-7. */
    public static double[] forward(ToDoubleFunction<double[]> f, double[] p) {
        return forward(f, p, FORWARD_EPSILON);
    }

    public static double[] forward(ToDoubleFunction<double[]> f, double[] p, double eps) {
        check(f, p, eps);
        double[] q = p.clone();
        double fp = f.applyAsDouble(q);
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            q[i] = p[i] + eps;
            g[i] = (f.applyAsDouble(q) - fp) / eps;
            q[i] = p[i];
        }
        return finiteDifferences(g, p, eps);
    }

    /** Central differences with ε = 1e-5. */
    public static double[] central(ToDoubleFunction<double[]> f, double[] p) {
        return central(f, p, CENTRAL_EPSILON);
    }

    public static double[] central(ToDoubleFunction<double[]> f, double[] p, double eps) {
        check(f, p, eps);
        double[] q = p.clone();
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            q[i] = p[i] + eps;
            double up = f.applyAsDouble(q);
            q[i] = p[i] - eps;
            double down = f.applyAsDouble(q);
            q[i] = p[i];
            g[i] = (up - down) / (2 * eps);
        }
        return finiteDifferences(g, p, eps);
    }

    /** Compares {@code f}'s analytic gradient at {@code p} with central differences. */
    public static Report compare(Objective f, double[] p) {
        Check.notNull("f", f);
        Check.length("p", p, f.dimension(), "a point in the function's " + f.dimension() + " dimensions");
        double[] analytic = new double[p.length];
        f.gradient(p.clone(), analytic);
        return new Report(analytic, central(f::value, p));
    }

    private static void check(ToDoubleFunction<double[]> f, double[] p, double eps) {
        Check.notNull("f", f);
        Check.finite("p", p);
        Check.atLeast("p.length", p.length, 1);
        Check.positive("eps", eps);
        for (int i = 0; i < p.length; i++) {
            // below this, f(p + eps) − f(p) is rounding error (or exactly 0 once p + eps == p)
            if (eps < SMALLEST_RELATIVE_EPSILON * Math.max(1, Math.abs(p[i]))) {
                throw new IllegalArgumentException("eps = " + eps + " is invalid: too small for p[" + i + "] = " + p[i]
                        + ", where rounding swamps the difference (p + eps " + (p[i] + eps == p[i] ? "==" : "≈")
                        + " p); use eps of about " + FORWARD_EPSILON + " (forward) or " + CENTRAL_EPSILON
                        + " (central) times max(1, |p|)");
            }
        }
    }

    /** A difference quotient needs f at points that differ from p in more than the last few bits. */
    private static final double SMALLEST_RELATIVE_EPSILON = 1e-12;

    private static double[] finiteDifferences(double[] g, double[] p, double eps) {
        for (int i = 0; i < g.length; i++) {
            if (!Double.isFinite(g[i])) {
                throw new IllegalArgumentException("the difference quotient for p[" + i + "] is " + g[i]
                        + ": f is not finite within eps = " + eps + " of p = " + java.util.Arrays.toString(p));
            }
        }
        return g;
    }

    /** The analytic and numerical gradient side by side, with the worst relative error. */
    public static final class Report {
        private final double[] analytic;
        private final double[] numeric;

        Report(double[] analytic, double[] numeric) {
            this.analytic = analytic;
            this.numeric = numeric;
        }

        public double[] analytic() { return analytic.clone(); }

        public double[] numeric() { return numeric.clone(); }

        /** |a − b| / max(|a|, |b|, 1e-8) for one component. */
        static double relativeError(double a, double b) {
            return Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), 1e-8);
        }

        public double maxRelativeError() {
            double worst = 0;
            for (int i = 0; i < analytic.length; i++) worst = Math.max(worst, relativeError(analytic[i], numeric[i]));
            return worst;
        }

        /** True when the worst relative error is below {@link #TOLERANCE}. */
        public boolean passed() {
            return maxRelativeError() < TOLERANCE;
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(String.format("%-4s %16s %16s %10s%n", "i", "analytic", "numerical", "rel. error"));
            for (int i = 0; i < analytic.length; i++) {
                s.append(String.format("%-4d %16.8g %16.8g %10.1e%n", i, analytic[i], numeric[i],
                        relativeError(analytic[i], numeric[i])));
            }
            s.append(passed()
                    ? String.format("✔ gradient OK: largest relative error %.1e < %.0e", maxRelativeError(), TOLERANCE)
                    : String.format("✘ gradient WRONG: largest relative error %.1e ≥ %.0e", maxRelativeError(), TOLERANCE));
            return s.toString();
        }
    }
}
