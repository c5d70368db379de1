package descent.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static descent.exercise.Readings.*;

/**
 * Exercise 14.1, one layer's forward pass a′ = tanh(a·W + b) (Goodfellow, Bengio and Courville, <i>Deep Learning</i>,
 * §6.1): the student's layer on a square and a non-square W, a = 0 and a one-hot a; a factor or a sign on the sum is
 * read back through atanh.
 */
final class LayerCheck {
    private LayerCheck() {}

    private record LayerProbe(double[] a, double[][] w, double[] b) {}

    static Feedback assess(LayerForward layer) {
        return Exercise.report("write the layer's outputs inside the lambda", () -> {
            if (Exercise.isTodo(layer)) return Feedback.notDone("write the layer's outputs");
            Random r = new Random(14);
            List<LayerProbe> probes = List.of(
                    new LayerProbe(gaussian(r, 3), gaussianMatrix(r, 3, 3), gaussian(r, 3)),
                    new LayerProbe(gaussian(r, 4), gaussianMatrix(r, 4, 2), gaussian(r, 2)),
                    new LayerProbe(new double[3], gaussianMatrix(r, 3, 2), new double[] {0.5, -1}),
                    new LayerProbe(new double[] {0, 1, 0, 0, 0}, gaussianMatrix(r, 5, 3), new double[3]));
            List<double[]> answers = new ArrayList<>();
            IndexOutOfBoundsException outside = null;   // a W read the wrong way round fails on a non-square W
            LayerProbe threw = null;
            for (LayerProbe p : probes) {
                double[] a = p.a().clone(), b = p.b().clone();
                double[][] w = copy(p.w());
                double[] out;
                try {
                    out = layer.apply(a, w, b);
                } catch (IndexOutOfBoundsException e) {
                    if (outside == null || square(p) && !square(threw)) {
                        outside = e;
                        threw = p;
                    }
                    answers.add(null);
                    continue;
                }
                Feedback changed = firstChange(p, a, w, b);
                if (changed != null) return changed;
                if (out == null) return Feedback.wrong("null", "your lambda returned null: return a new double[W[0].length] holding one output per unit");
                int units = p.w()[0].length;
                if (out.length != units) {
                    return Feedback.wrong("length", "your layer returned " + out.length + " values for a W with " + p.w().length
                            + " rows (inputs) and " + units + " columns (units): one output per unit, new double[W[0].length]"
                            + (out.length == p.a().length ? " — you made one per input" : ""));
                }
                answers.add(out);
            }
            List<Reading<LayerProbe>> readings = List.of(
                    new Reading<>("", p -> layer(p, Math::tanh, true, false), ""),
                    new Reading<>("no-activation", p -> layer(p, z -> z, true, false),
                            "you returned a·W + b without the activation: apply tanh to every unit, out[u] = Math.tanh(z)"),
                    new Reading<>("no-bias", p -> layer(p, Math::tanh, false, false),
                            "b is missing: add b[u] to unit u's sum, inside tanh (a = 0 should give tanh(b))"),
                    new Reading<>("bias-outside", p -> plus(layer(p, Math::tanh, false, false), p.b()),
                            "b is added after tanh: it belongs inside, out[u] = tanh(Σᵢ a[i]·W[i][u] + b[u])"),
                    new Reading<>("transposed", p -> p.w().length == p.w()[0].length ? layer(transpose(p), Math::tanh, true, false) : null,
                            "you read W[u][i]: W has one row per input and one column per unit, so unit u sums a[i]·W[i][u]"),
                    new Reading<>("wrong-activation", p -> layer(p, z -> 1 / (1 + Math.exp(-z)), true, false),
                            "that is the sigmoid σ(z); this layer's activation is tanh(z) = Math.tanh(z)"),
                    new Reading<>("wrong-activation", p -> layer(p, z -> Math.max(0, z), true, false),
                            "that is ReLU, max(0, z); this layer's activation is tanh(z) = Math.tanh(z)"),
                    new Reading<>("activation-on-inputs", p -> layer(new LayerProbe(tanh(p.a()), p.w(), p.b()), z -> z, true, false),
                            "tanh went on the inputs a[i]; it belongs on each unit's whole sum, tanh(Σᵢ a[i]·W[i][u] + b[u])"),
                    new Reading<>("accumulator", p -> layer(p, Math::tanh, true, true),
                            "unit u's sum carries on from unit u − 1's: start each unit's sum at 0 (declare it inside the loop over units)"),
                    new Reading<>("accumulator", LayerCheck::carried,
                            "the sum is not reset for each unit: unit u's z still holds units 0 … u − 1's sums and biases. Start "
                            + "each unit's sum afresh, double z = b[u]; inside the loop over units"),
                    new Reading<>("bias-index", p -> layer(new LayerProbe(p.a(), p.w(), firstEverywhere(p.b())), Math::tanh, true, false),
                            "every unit got b[0]: unit u adds its own bias b[u]"),
                    new Reading<>("index", LayerCheck::unitIndexOnInputs,
                            "you wrote a[u] where a[i] belongs: each term of unit u's sum is a[i]·W[i][u], with i running over the inputs"),
                    new Reading<>("assigns", LayerCheck::lastTermOnly,
                            "each output holds the last input's term alone, tanh(a[n−1]·W[n−1][u]): z = … replaces the sum "
                            + "at every input — add to it, z += a[i]·W[i][u], starting from z = b[u]"),
                    new Reading<>("bias-factor", p -> layer(new LayerProbe(p.a(), p.w(), scale(p.b(), p.a().length)), Math::tanh, true, false),
                            "b[u] is added once per input (a.length times): it belongs to the unit, so add it once — z = b[u] "
                            + "before the loop over inputs, not z += b[u] inside it"),
                    biasFactor(probes.get(2), answers.get(2)),
                    new Reading<>("off-by-one", p -> layer(new LayerProbe(without(p.a(), p.a().length - 1), p.w(), p.b()), Math::tanh, true, false),
                            "the last input is left out: the loop over inputs stops one too early — i < a.length, not a.length − 1"),
                    new Reading<>("off-by-one", p -> layer(new LayerProbe(without(p.a(), 0), p.w(), p.b()), Math::tanh, true, false),
                            "the first input is left out: the loop over inputs starts at i = 0 (Java counts from 0)"),
                    new Reading<>("activation-on-terms", LayerCheck::tanhOfTerms,
                            "tanh went on each term a[i]·W[i][u] and none on the sum: add up b[u] and all the terms first, "
                            + "then apply tanh once, out[u] = tanh(z)"),
                    new Reading<>("inputs-missing", p -> layer(new LayerProbe(new double[p.a().length], p.w(), p.b()), Math::tanh, true, false),
                            "the inputs never reach the outputs: you return tanh(b[u]). The sum Σᵢ a[i]·W[i][u] is missing, or "
                            + "it comes after out[u] is set (order: sum first, then out[u] = tanh(z))"),
                    new Reading<>("outputs-missing", p -> new double[p.w()[0].length],
                            "every output is still 0: out[u] is never set — the line out[u] = Math.tanh(z) is missing"),
                    new Reading<>("return-early", p -> firstUnitOnly(layer(p, Math::tanh, true, false)),
                            "only unit 0 has its output; the others stay 0: a return inside the loop over units stops it early — "
                            + "return out after the loop"),
                    new Reading<>("factor", p -> layer(new LayerProbe(ones(p.a().length), p.w(), p.b()), Math::tanh, true, false),
                            "a factor is missing from each term: unit u sums a[i]·W[i][u], yours sums W[i][u] alone (a[i] left out)"),
                    new Reading<>("factor", p -> layer(new LayerProbe(p.a(), onesMatrix(p.w()), p.b()), Math::tanh, true, false),
                            "a factor is missing from each term: unit u sums a[i]·W[i][u], yours sums a[i] alone (W[i][u] left out)"),
                    scaledSum(probes, answers));
            List<Reading<LayerProbe>> fit = fitting(readings, probes, answers);
            if (outside != null) {
                String thrown = "your layer threw " + outside.getClass().getSimpleName() + ": " + outside.getMessage() + " on a W of "
                        + threw.w().length + " rows × " + threw.w()[0].length + " columns";
                if (square(threw)) {   // every length is the same: no index order can leave the arrays, only a loop
                    return Feedback.wrong("bound", thrown + ", a of length " + threw.a().length + " and b of length " + threw.b().length
                            + " — every length is " + threw.a().length + ", so no order of the indices leaves the arrays: a loop ran "
                            + "past its bound. Does each loop increment its own variable (for (int i = 0; i < a.length; i++), not "
                            + "u++) and stop at < rather than <=?");
                }
                return !fit.isEmpty() && !fit.get(0).mistake().isEmpty() ? Feedback.wrong(fit.get(0).mistake(), fit.get(0).message())
                        : Feedback.wrong("index", thrown + ": W[i][u] has i over the inputs (a.length rows) and u over the units "
                        + "(W[0].length columns)");
            }
            if (!fit.isEmpty() && fit.get(0).mistake().isEmpty()) {
                return Feedback.done("your layer gives tanh(a·W + b) on all " + probes.size() + " probes (square and non-square W, a = 0, a one-hot a)");
            }
            if (!fit.isEmpty()) return Feedback.wrong(fit.get(0).mistake(), fit.get(0).message());
            return unexplained(probes, answers, readings.get(0).gives(), "layer",
                    p -> "a = " + vector(p.a()) + ", b = " + vector(p.b()));
        });
    }

    private static double[] layer(LayerProbe p, java.util.function.DoubleUnaryOperator g, boolean bias, boolean carry) {
        int units = p.w()[0].length;
        double[] out = new double[units];
        double s = 0;
        for (int u = 0; u < units; u++) {
            if (!carry) s = 0;
            for (int i = 0; i < p.a().length; i++) s += p.a()[i] * p.w()[i][u];
            out[u] = g.applyAsDouble(s + (bias ? p.b()[u] : 0));
        }
        return out;
    }

    /**
     * The reading tanh(b + c·Σᵢ a[i]·W[i][u]) with the one c that the first informative probe gives (read back through
     * atanh): the sum's sign reversed (c = −1) or scaled by a factor (c = 2, ½, …).
     */
    private static Reading<LayerProbe> scaledSum(List<LayerProbe> probes, List<double[]> answers) {
        double c = Double.NaN;
        for (int k = 0; k < probes.size() && Double.isNaN(c); k++) {
            double[] out = answers.get(k), sum = layer(probes.get(k), z -> z, false, false);
            if (out == null) continue;
            for (int u = 0; u < out.length && Double.isNaN(c); u++) {
                if (Math.abs(out[u]) < 0.999 && Math.abs(sum[u]) > 0.1) c = (atanh(out[u]) - probes.get(k).b()[u]) / sum[u];
            }
        }
        double factor = Math.abs(c - Math.rint(c)) < 1e-6 ? Math.rint(c) : Math.abs(1 / c - Math.rint(1 / c)) < 1e-6 ? 1 / Math.rint(1 / c) : c;
        String said = factor == -1 ? "the sum enters with the wrong sign (z -= … or b − Σ): unit u is tanh(b[u] + Σᵢ a[i]·W[i][u])"
                : "the sum Σᵢ a[i]·W[i][u] is scaled by a factor " + Exercise.num(factor) + ": unit u is tanh(b[u] + Σᵢ a[i]·W[i][u]), with no factor";
        return new Reading<>(factor == -1 ? "sign" : "factor", p -> Double.isNaN(factor) || factor == 1 ? new double[] {Double.NaN}
                : layer(new LayerProbe(scale(p.a(), factor), p.w(), p.b()), Math::tanh, true, false), said);
    }

    /** tanh(b[u] + a[u]·Σᵢ W[i][u]): a indexed by the unit (read only where a has that many entries). */
    private static double[] unitIndexOnInputs(LayerProbe p) {
        double[] out = new double[p.w()[0].length];
        if (out.length > p.a().length) return null;
        for (int u = 0; u < out.length; u++) {
            double z = p.b()[u];
            for (double[] row : p.w()) z += p.a()[u] * row[u];
            out[u] = Math.tanh(z);
        }
        return out;
    }

    /** tanh of the last input's term alone: z = a[i]·W[i][u] in the loop, where z += … belongs. */
    private static double[] lastTermOnly(LayerProbe p) {
        int last = p.a().length - 1;
        return Arrays.stream(p.w()[last]).map(w -> Math.tanh(p.a()[last] * w)).toArray();
    }

    /**
     * The reading tanh(k·b[u] + Σᵢ a[i]·W[i][u]) with the k that the probe with a = 0 gives (there out[u] = tanh(k·b[u])):
     * a bias scaled by a constant.
     */
    private static Reading<LayerProbe> biasFactor(LayerProbe zeroInputs, double[] out) {
        double k = out == null || Math.abs(out[0]) >= 0.999 ? Double.NaN : atanh(out[0]) / zeroInputs.b()[0];
        double factor = Math.abs(k - Math.rint(k)) < 1e-6 ? Math.rint(k) : k;
        return new Reading<>("bias-factor", p -> Double.isNaN(factor) || factor == 1 || factor == 0 ? new double[] {Double.NaN}
                : layer(new LayerProbe(p.a(), p.w(), scale(p.b(), factor)), Math::tanh, true, false),
                "b[u] enters " + Exercise.num(factor) + " times: unit u is tanh(b[u] + Σᵢ a[i]·W[i][u]), with the bias once");
    }

    /** Is every length of the probe the same (a, the rows and columns of W, b)? */
    private static boolean square(LayerProbe p) {
        return p != null && p.w().length == p.a().length && p.w()[0].length == p.a().length && p.b().length == p.a().length;
    }

    /** One sum for all units, never reset: unit u's z holds the biases and sums of units 0 … u. */
    private static double[] carried(LayerProbe p) {
        double[] out = new double[p.w()[0].length];
        double z = 0;
        for (int u = 0; u < out.length; u++) {
            z += p.b()[u];
            for (int i = 0; i < p.a().length; i++) z += p.a()[i] * p.w()[i][u];
            out[u] = Math.tanh(z);
        }
        return out;
    }

    /** b[u] + Σᵢ tanh(a[i]·W[i][u]): tanh on each term instead of on the sum. */
    private static double[] tanhOfTerms(LayerProbe p) {
        double[] out = p.b().clone();
        for (int u = 0; u < out.length; u++) for (int i = 0; i < p.a().length; i++) out[u] += Math.tanh(p.a()[i] * p.w()[i][u]);
        return out;
    }

    private static double atanh(double y) {
        return 0.5 * Math.log((1 + y) / (1 - y));
    }

    private static double[] firstUnitOnly(double[] out) {
        double[] first = new double[out.length];
        first[0] = out[0];
        return first;
    }

    private static LayerProbe transpose(LayerProbe p) {
        int n = p.w().length;
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) t[i][j] = p.w()[j][i];
        return new LayerProbe(p.a(), t, p.b());
    }

    private static Feedback firstChange(LayerProbe p, double[] a, double[][] w, double[] b) {
        Feedback f = Unchanged.check("a", p.a(), a);
        if (f == null) f = Unchanged.check("b", p.b(), b);
        for (int i = 0; f == null && i < w.length; i++) f = Unchanged.check("W[" + i + "]", p.w()[i], w[i]);
        return f;
    }
}
