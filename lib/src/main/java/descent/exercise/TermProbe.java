package descent.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Which term, which factor, which sign (issue #46): a student's gradient of a polynomial f(x, y) is probed at
 * points and compared, term by term, with the gradient written as a sum of declared terms, each a sum of
 * monomials c·xᵃyᵇ. The hypotheses are generated from the terms, not from known wrong answers: one term scaled
 * (its sign, a factor 2, its constant left out, the whole term missing), one monomial of a term with its sign
 * flipped, missing, or short of a factor x or y, a whole term short of a factor x, a whole component scaled, the
 * two components exchanged. A hypothesis is the diagnosis only if it reproduces the student's values at every
 * probe point; {@link Diagnosis} picks the first.
 */
final class TermProbe {
    /** c·xᵃyᵇ. */
    record Monomial(double c, int a, int b) {
        double at(double x, double y) {
            return c * Math.pow(x, a) * Math.pow(y, b);
        }

        String text() {
            String v = (a == 0 ? "" : a == 1 ? "x" : "x" + (a == 2 ? "²" : "³")) + (b == 0 ? "" : b == 1 ? "y" : "y²");
            return v.isEmpty() ? Exercise.num(Math.abs(c)) : (Math.abs(c) == 1 ? "" : Exercise.num(Math.abs(c))) + v;
        }
    }

    /** One term of component {@code component} (0 for ∂f/∂x, 1 for ∂f/∂y), as the notebook writes it. */
    record Term(int component, String text, double constant, List<Monomial> parts) {
        double at(double x, double y) {
            double s = 0;
            for (Monomial m : parts) s += m.at(x, y);
            return s;
        }
    }

    /** The student's values at the probe points, per component. */
    record Values(double[][] points, double[][] mine) {}

    private final List<Term> terms;
    private final double[][] points;

    TermProbe(List<Term> terms, double[][] points) {
        this.terms = terms;
        this.points = points;
    }

    /** The reference component {@code k} at point p, with term {@code t} replaced by {@code replaced}. */
    private double with(int k, double[] p, Term t, BiFunction<Double, Double, Double> replaced) {
        double s = 0;
        for (Term u : terms) {
            if (u.component() != k) continue;
            s += u == t ? replaced.apply(p[0], p[1]) : u.at(p[0], p[1]);
        }
        return s;
    }

    private boolean matches(Values v, int k, Term t, BiFunction<Double, Double, Double> replaced) {
        for (int i = 0; i < points.length; i++) {
            double ref = with(k, points[i], t, replaced);
            if (!Compare.close(v.mine()[i][k], ref, 1e-7) && Math.abs(v.mine()[i][k] - ref) > 1e-9) return false;
        }
        return other(v, k);
    }

    /** The other component right at every point. */
    private boolean other(Values v, int k) {
        for (int i = 0; i < points.length; i++) {
            double ref = with(1 - k, points[i], null, null);
            if (!Compare.close(v.mine()[i][1 - k], ref, 1e-7) && Math.abs(v.mine()[i][1 - k] - ref) > 1e-9) return false;
        }
        return true;
    }

    /** The factor by which component k's term t is off (fitted at the first point, verified at all), or NaN. */
    private double termScale(Values v, int k, Term t) {
        double[] p = points[0];
        double k0 = (v.mine()[0][k] - with(k, p, t, (x, y) -> 0.0)) / t.at(p[0], p[1]);
        return matches(v, k, t, (x, y) -> k0 * t.at(x, y)) ? k0 : Double.NaN;
    }

    private static String g(int k) {
        return "g[" + k + "] = ∂f/∂" + (k == 0 ? "x" : "y");
    }

    /** The hypotheses generated from the terms, in the order: whole component, whole term, one monomial. */
    Diagnosis<Values> diagnosis() {
        Diagnosis<Values> d = new Diagnosis<>();
        d.hypothesis("swapped", v -> swapped(v), v -> "your g[0] and g[1] are exchanged: g[0] holds ∂f/∂y and g[1] "
                + "∂f/∂x");
        d.hypothesis("sign", v -> scaledBy(v, -1), v -> "your gradient has the wrong sign in both components (−1 "
                + "times ∇f at every point): it points uphill. Check the sign in front of each term");
        for (int k = 0; k < 2; k++) {
            int c = k;
            Term whole = new Term(c, "", 1, terms.stream().filter(t -> t.component() == c)
                    .flatMap(t -> t.parts().stream()).toList());
            d.hypothesis("component-" + c, v -> {
                double s = (v.mine()[0][c]) / whole.at(points[0][0], points[0][1]);
                for (int i = 0; i < points.length; i++) {
                    if (!Compare.close(v.mine()[i][c], s * whole.at(points[i][0], points[i][1]), 1e-7)) return false;
                }
                return other(v, c) && !Compare.close(s, 1, 1e-9);
            }, v -> g(c) + " is " + scaleWords(v.mine()[0][c] / whole.at(points[0][0], points[0][1]), only(c))
                    + " at every point; the other component is right");
            d.hypothesis("constant-" + c, v -> {
                for (double[] mine : v.mine()) if (mine[c] != v.mine()[0][c]) return false;
                return other(v, c);
            }, v -> g(c) + " is " + Exercise.num(v.mine()[0][c]) + " at every point: it does not change with x and y. "
                    + "A factor left out of a product?");
            for (Term t : terms) {
                if (t.component() != k) continue;
                d.hypothesis("term", v -> !Double.isNaN(termScale(v, c, t)), v -> "in " + g(c) + " the term " + t.text()
                        + " is " + scaleWords(termScale(v, c, t), t.constant()) + "; the rest is right");
                if (t.parts().stream().allMatch(m -> m.a() > 0)) {
                    d.hypothesis("term-x", v -> matches(v, c, t, (x, y) -> t.at(x, y) / x), v -> "in " + g(c) + " the "
                            + "term " + t.text() + " lacks its factor x: the chain rule on (y − x²)² brings down −2x "
                            + "(the inner derivative), so the x stays");
                }
                for (Monomial m : t.parts()) {
                    String where = "in " + g(c) + ", inside the term " + t.text() + ", ";
                    d.hypothesis("monomial-sign", v -> matches(v, c, t, (x, y) -> t.at(x, y) - 2 * m.at(x, y)),
                            v -> where + "the " + m.text() + " part has the wrong sign: check the minus signs inside the "
                                    + "brackets (a − b, not a + b)");
                    d.hypothesis("monomial-missing", v -> matches(v, c, t, (x, y) -> t.at(x, y) - m.at(x, y)),
                            v -> where + "the " + m.text() + " part is missing: a factor left out of a product?");
                    if (m.a() > 0) {
                        d.hypothesis("monomial-x", v -> matches(v, c, t, (x, y) -> t.at(x, y) - m.at(x, y) + m.at(x, y) / x),
                                v -> where + m.text() + " lacks a factor x (x·x written as x?)");
                    }
                }
            }
        }
        return d;
    }

    /** The constant of component k's term when it has just one, else 0. */
    private double only(int k) {
        List<Term> of = terms.stream().filter(t -> t.component() == k).toList();
        return of.size() == 1 ? of.get(0).constant() : 0;
    }

    private boolean scaledBy(Values v, double k) {
        for (int i = 0; i < points.length; i++) {
            for (int c = 0; c < 2; c++) {
                if (!Compare.close(v.mine()[i][c], k * with(c, points[i], null, null), 1e-7)) return false;
            }
        }
        return true;
    }

    private boolean swapped(Values v) {
        for (int i = 0; i < points.length; i++) {
            double r0 = with(0, points[i], null, null), r1 = with(1, points[i], null, null);
            if (!Compare.close(v.mine()[i][0], r1, 1e-7) || !Compare.close(v.mine()[i][1], r0, 1e-7)) return false;
        }
        return true;
    }

    /** "k times the right size" in words: the sign, a factor 2, the term's constant left out, missing. */
    static String scaleWords(double k, double constant) {
        if (Compare.close(k, -1, 1e-9)) return "of the wrong sign (−1 times what it should be)";
        if (Math.abs(k) < 1e-12) return "missing (0 at every point)";
        if (Compare.close(k, 0.5, 1e-9)) return "half the right size: a factor 2 is missing";
        if (Compare.close(k, 2, 1e-9)) return "twice the right size: one factor 2 too many";
        if (constant != 0 && Compare.close(k, 1 / Math.abs(constant), 1e-9)) {
            return "too small by the factor " + Exercise.num(Math.abs(constant)) + ": that factor is missing";
        }
        if (constant != 0 && Compare.close(k, -1 / Math.abs(constant), 1e-9)) {
            return "missing the factor " + Exercise.num(Math.abs(constant)) + " and of the wrong sign";
        }
        return Exercise.num(k) + " times the right size: a factor is off";
    }

    /** The student's values at the probe points (g starts as NaN: a component never written stays NaN). */
    static Values probe(SurfaceExercises.Gradient2D gradient, double[][] points) {
        double[][] mine = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            double[] g = {Double.NaN, Double.NaN};
            gradient.into(points[i].clone(), g);
            mine[i] = g;
        }
        return new Values(points, mine);
    }

    static List<Monomial> parts(double... cab) {
        List<Monomial> out = new ArrayList<>();
        for (int i = 0; i < cab.length; i += 3) out.add(new Monomial(cab[i], (int) cab[i + 1], (int) cab[i + 2]));
        return out;
    }
}
