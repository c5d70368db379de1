package descent.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static descent.exercise.Readings.*;

/**
 * Exercise 14.2, one example's softmax cross-entropy gradient ∂J/∂z = softmax(z) − onehot(y) (ibid., §6.2.2.3): the
 * student's gradient on zero logits, ordinary ones, z = (−1000, 0, 1000), where e^z overflows, and z = (−1002, −1001,
 * −1000), where every e^z underflows; the largest logit comes last in both, so a maximum that misses it shows.
 */
final class SoftmaxCheck {
    private SoftmaxCheck() {}

    private record SoftmaxProbe(double[] z, int y) {}

    static Feedback assess(SoftmaxGradient gradient) {
        return Exercise.report("write ∂J/∂z inside the lambda", () -> {
            if (Exercise.isTodo(gradient)) return Feedback.notDone("write the gradient");
            List<SoftmaxProbe> probes = List.of(new SoftmaxProbe(new double[] {0, 0, 0}, 1),
                    new SoftmaxProbe(new double[] {2, -1, 0.5, 1}, 0), new SoftmaxProbe(new double[] {0.3, 1.2, -0.7, 0.1, 2}, 4),
                    new SoftmaxProbe(new double[] {-1000, 0, 1000}, 0), new SoftmaxProbe(new double[] {-1002, -1001, -1000}, 0));
            List<double[]> answers = new ArrayList<>();
            IndexOutOfBoundsException outside = null;
            for (SoftmaxProbe p : probes) {
                double[] z = p.z().clone();
                double[] g;
                try {
                    g = gradient.apply(z, p.y());
                } catch (IndexOutOfBoundsException e) {   // g[y − 1] at y = 0: the other probes still say which reading it is
                    if (outside == null) outside = e;
                    answers.add(null);
                    continue;
                }
                Feedback changed = Unchanged.check("z", p.z(), z);
                if (changed != null) return changed;
                if (g == null) return Feedback.wrong("null", "your lambda returned null: return a new double[z.length]");
                if (g.length != z.length) {
                    return Feedback.wrong("length", "your gradient has " + g.length + " entries for " + z.length + " logits: one per class");
                }
                answers.add(g);
            }
            List<Reading<SoftmaxProbe>> readings = List.of(
                    new Reading<>("", p -> minus(softmax(p.z()), onehot(p.z().length, p.y())), ""),
                    new Reading<>("missing-term", p -> softmax(p.z()),
                            "that is softmax(z) alone, the − onehot(y) term is missing: subtract 1 at the example's class, g[y] = p[y] − 1"),
                    new Reading<>("sign", p -> minus(onehot(p.z().length, p.y()), softmax(p.z())),
                            "the sign is reversed: ∂J/∂z = softmax(z) − onehot(y) (raising the true class's z_y lowers the cost, so g[y] < 0)"),
                    new Reading<>("logits-not-probabilities", p -> minus(p.z(), onehot(p.z().length, p.y())),
                            "you used the logits z themselves: the probabilities are p_c = e^{z_c} / Σ_k e^{z_k}, then g = p − onehot(y)"),
                    new Reading<>("unnormalised", p -> minus(exp(p.z()), onehot(p.z().length, p.y())),
                            "e^{z_c} is not yet a probability: divide by Σ_k e^{z_k} so that the p_c add up to 1"),
                    new Reading<>("unnormalised", p -> minus(exp(shift(p.z())), onehot(p.z().length, p.y())),
                            "e^{z_c − max} is not yet a probability: the division by Σ_k e^{z_k − max} is missing, or comes "
                            + "before the sum is complete (order: sum all the exponentials first, then divide)"),
                    new Reading<>("sign", p -> plus(softmax(p.z()), onehot(p.z().length, p.y())),
                            "you added 1 at class y: subtract it, g[y] = p[y] − 1 (the sign of the onehot term)"),
                    new Reading<>("sign", p -> minus(scale(softmax(p.z()), -1), onehot(p.z().length, p.y())),
                            "every p_c came out negative: the total Σ_k e^{z_k} must be added up (total += …), a sign slip"),
                    new Reading<>("order", p -> scale(minus(exp(shift(p.z())), onehot(p.z().length, p.y())),
                            1 / Arrays.stream(exp(shift(p.z()))).sum()),
                            "you subtracted the 1 before dividing by the total: divide every e^{z_c − max} first, then g[y] -= 1 (order)"),
                    new Reading<>("wrong-class", p -> minus(softmax(p.z()), onehot(p.z().length, (p.y() + 1) % p.z().length)),
                            "the 1 is subtracted at class y + 1: subtract it at g[y] (classes are numbered from 0)"),
                    new Reading<>("wrong-class", p -> minus(softmax(p.z()), onehot(p.z().length, (p.y() + p.z().length - 1) % p.z().length)),
                            "the 1 is subtracted at class y − 1: subtract it at g[y] (classes are numbered from 0)"),
                    new Reading<>("wrong-class", p -> minus(softmax(p.z()), onehot(p.z().length, argmax(p.z()))),
                            "the 1 is subtracted at the class with the largest z, the network's guess: subtract it at the "
                            + "example's true class, g[y] = p[y] − 1"),
                    new Reading<>("wrong-derivative", p -> { double[] g = new double[p.z().length];
                                g[p.y()] = -1 / softmax(p.z())[p.y()]; return g; },
                            "that is ∂J/∂p, the derivative by the probabilities (−1/p_y at y, 0 elsewhere): the exercise asks "
                            + "for ∂J/∂z, by the logits, which the chain rule through softmax makes p − onehot(y)"),
                    new Reading<>("dropped-factor", p -> scale(minus(softmax(p.z()), onehot(p.z().length, p.y())), 1.0 / p.z().length),
                            "you divided by the number of classes K: for one example ∂J/∂z = p − onehot(y), with no 1/K"),
                    new Reading<>("sigmoid", p -> minus(sigmoid(p.z()), onehot(p.z().length, p.y())),
                            "that is σ(z_c) for each class on its own: softmax divides e^{z_c} by Σ_k e^{z_k}, so the p_c share 1"),
                    new Reading<>("onehot", p -> minus(softmax(p.z()), ones(p.z().length)),
                            "you subtracted 1 at every class: onehot(y) is 1 only at the example's class y and 0 at the others, "
                            + "so only g[y] gets − 1 (after the loop, not inside it)"),
                    new Reading<>("truncated", p -> minus(scale(exp(shift(p.z())), 1 / intTotal(exp(shift(p.z())))), onehot(p.z().length, p.y())),
                            "your total of the exponentials is a whole number: an int total (total += … compiles for an int and "
                            + "cuts off the fraction at every step) — declare it double"),
                    new Reading<>("shift", p -> minus(scale(exp(shift(p.z())), 1 / Arrays.stream(exp(p.z())).sum()), onehot(p.z().length, p.y())),
                            "you shifted the numerators by the largest z but not the total: e^{z_c − max} / Σ_k e^{z_k} is off by "
                            + "the factor e^{max}. Shift both, p_c = e^{z_c − max} / Σ_k e^{z_k − max}"),
                    new Reading<>("shift", p -> minus(scale(exp(p.z()), 1 / Arrays.stream(exp(shift(p.z()))).sum()), onehot(p.z().length, p.y())),
                            "you shifted the total by the largest z but not the numerators: e^{z_c} / Σ_k e^{z_k − max} is off by "
                            + "the factor e^{max}. Shift both, p_c = e^{z_c − max} / Σ_k e^{z_k − max}"),
                    new Reading<>("overwrites", p -> { double[] g = softmax(p.z()); g[p.y()] = -1; return g; },
                            "g[y] is −1 exactly: you set g[y] = −1 and lost p[y]. Subtract 1 from what is there, g[y] -= 1, so "
                            + "g[y] = p[y] − 1"),
                    new Reading<>("dropped-factor", p -> minus(scale(exp(shift(p.z())), 1.0 / p.z().length), onehot(p.z().length, p.y())),
                            "you divided by the number of classes K: each e^{z_c − max} is divided by the total Σ_k e^{z_k − max}, "
                            + "which is not K"));
            if (answers.stream().filter(a -> a != null).count() < 2) throw outside;   // too few answers to read: show the exception
            List<Reading<SoftmaxProbe>> fit = fitting(readings, probes, answers);
            if (!fit.isEmpty() && fit.get(0).mistake().isEmpty()) {
                return Feedback.done("∂J/∂z = softmax(z) − onehot(y) on all " + probes.size() + " probes, z = (−1000, 0, 1000) "
                        + "and (−1002, −1001, −1000) included");
            }
            if (!fit.isEmpty()) return Feedback.wrong(fit.get(0).mistake(), fit.get(0).message());
            if (outside != null) throw outside;
            if (answers.stream().allMatch(g -> Arrays.stream(g).allMatch(Double::isNaN))) {
                return Feedback.wrong("nan", "every entry is NaN on every probe, 0/0: is the sum of the exponentials missing "
                        + "(total still 0 when you divide)?");
            }
            // right on ordinary logits, not finite on huge ones: the overflow of e^1000
            List<SoftmaxProbe> small = probes.subList(0, 3);
            boolean underflowRight = fitting(readings.subList(0, 1), probes.subList(4, 5), answers.subList(4, 5)).size() == 1;
            if (fitting(readings.subList(0, 1), small, answers.subList(0, 3)).size() == 1 && !finite(answers.get(3)) && underflowRight) {
                return Feedback.wrong("largest", "right on ordinary logits and on (−1002, −1001, −1000), but z = (−1000, 0, 1000) "
                        + "gives " + vector(answers.get(3)) + ": e^1000 overflows to ∞, so what you subtract is not the largest z "
                        + "(here 1000). It must be the maximum over every class, the last one included, so that no exponent is above 0");
            }
            if (fitting(readings.subList(0, 1), small, answers.subList(0, 3)).size() == 1 && !finite(answers.get(3))) {
                return Feedback.wrong("overflow", "right on ordinary logits, but z = (−1000, 0, 1000) gives " + vector(answers.get(3))
                        + ": e^1000 overflows to ∞. Subtract the largest z_k from every z_c before Math.exp (e^{z_c − max}, "
                        + "with a minus sign) — softmax does not change");
            }
            if (fitting(readings.subList(0, 1), probes.subList(0, 4), answers.subList(0, 4)).size() == 1 && !finite(answers.get(4))) {
                return Feedback.wrong("largest", "right on ordinary logits and on (−1000, 0, 1000), but z = (−1002, −1001, −1000) gives "
                        + vector(answers.get(4)) + ": every e^{z_c − m} underflows to 0 and 0 / 0 is NaN. The largest logit must be "
                        + "the largest z (here −1000), not 0 or the largest |z|: start the maximum at z[0] or "
                        + "Double.NEGATIVE_INFINITY, and compare the z themselves");
            }
            return unexplained(probes, answers, readings.get(0).gives(), "gradient", p -> "z = " + vector(p.z()) + ", y = " + p.y());
        });
    }

    private static double[] softmax(double[] z) {
        double top = Arrays.stream(z).max().orElse(0), total = 0;
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) total += p[c] = Math.exp(z[c] - top);
        for (int c = 0; c < z.length; c++) p[c] /= total;
        return p;
    }

    /** z − max_k z_k: the same softmax, with no exponential above 1. */
    private static double[] shift(double[] z) {
        double top = Arrays.stream(z).max().orElse(0);
        return Arrays.stream(z).map(v -> v - top).toArray();
    }

    /** The total as an int total += e makes it: the fraction cut off after every addition (JLS §15.26.2). */
    private static double intTotal(double[] e) {
        int total = 0;
        for (double v : e) total += v;
        return total;
    }

    /** The first class with the largest z: a loop with {@code >} from class 0 finds it. */
    private static int argmax(double[] z) {
        int best = 0;
        for (int c = 1; c < z.length; c++) if (z[c] > z[best]) best = c;
        return best;
    }

    private static double[] onehot(int k, int y) {
        double[] e = new double[k];
        e[y] = 1;
        return e;
    }

}
