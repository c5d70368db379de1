package descent.exercise;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.nn.Activation;
import descent.nn.Mlp;
import descent.nn.WeightInit;
import descent.optim.GradientDescent;
import descent.train.Descent;
import descent.train.History;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Checks for notebook 14, a first neural network. Each code check runs the student's function on probes
 * chosen to tell mistakes apart (a square and a non-square W, a = 0, one-hot inputs, huge logits) and names
 * the mistake that explains every probe, not the first difference: a layer a′ = tanh(a·W + b) (Goodfellow,
 * Bengio and Courville, <i>Deep Learning</i>, §6.1) and the softmax cross-entropy's gradient
 * ∂J/∂z = softmax(z) − onehot(y) (ibid., §6.2.2.3).
 */
public final class NetworkExercises {
    private NetworkExercises() {}

    /** A way the answer can be computed, right or wrong: what it gives on a probe, and what to tell the student. */
    private record Reading<P>(String mistake, Function<P, double[]> gives, String message) {}

    // ---- 14.1: one layer's forward pass ----

    private record LayerProbe(double[] a, double[][] w, double[] b) {}

    public static void checkLayer(LayerForward layer) {
        assessLayer(layer).print();
    }

    static Feedback assessLayer(LayerForward layer) {
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
            for (LayerProbe p : probes) {
                double[] a = p.a().clone(), b = p.b().clone();
                double[][] w = copy(p.w());
                double[] out;
                try {
                    out = layer.apply(a, w, b);
                } catch (IndexOutOfBoundsException e) {
                    if (outside == null) outside = e;
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
                return !fit.isEmpty() && !fit.get(0).mistake().isEmpty() ? Feedback.wrong(fit.get(0).mistake(), fit.get(0).message())
                        : Feedback.wrong("index", "your layer threw " + outside.getClass().getSimpleName() + ": " + outside.getMessage()
                        + " on a W of 4 rows × 2 columns: W[i][u] has i over the inputs (a.length rows) and u over the units (W[0].length columns)");
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

    private static double atanh(double y) {
        return 0.5 * Math.log((1 + y) / (1 - y));
    }

    private static double[] firstUnitOnly(double[] out) {
        double[] first = new double[out.length];
        first[0] = out[0];
        return first;
    }

    private static double[] ones(int n) {
        double[] v = new double[n];
        Arrays.fill(v, 1);
        return v;
    }

    private static double[][] onesMatrix(double[][] w) {
        double[][] m = new double[w.length][];
        for (int i = 0; i < w.length; i++) m[i] = ones(w[i].length);
        return m;
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

    // ---- 14.2: the softmax cross-entropy's gradient for one example ----

    private record SoftmaxProbe(double[] z, int y) {}

    public static void checkSoftmaxGradient(SoftmaxGradient gradient) {
        assessSoftmaxGradient(gradient).print();
    }

    static Feedback assessSoftmaxGradient(SoftmaxGradient gradient) {
        return Exercise.report("write ∂J/∂z inside the lambda", () -> {
            if (Exercise.isTodo(gradient)) return Feedback.notDone("write the gradient");
            List<SoftmaxProbe> probes = List.of(new SoftmaxProbe(new double[] {0, 0, 0}, 1),
                    new SoftmaxProbe(new double[] {2, -1, 0.5, 1}, 0), new SoftmaxProbe(new double[] {0.3, 1.2, -0.7, 0.1, 2}, 4),
                    new SoftmaxProbe(new double[] {1000, 0, -1000}, 2));
            List<double[]> answers = new ArrayList<>();
            for (SoftmaxProbe p : probes) {
                double[] z = p.z().clone();
                double[] g = gradient.apply(z, p.y());
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
                    new Reading<>("dropped-factor", p -> scale(minus(softmax(p.z()), onehot(p.z().length, p.y())), 1.0 / p.z().length),
                            "you divided by the number of classes K: for one example ∂J/∂z = p − onehot(y), with no 1/K"),
                    new Reading<>("sigmoid", p -> minus(sigmoid(p.z()), onehot(p.z().length, p.y())),
                            "that is σ(z_c) for each class on its own: softmax divides e^{z_c} by Σ_k e^{z_k}, so the p_c share 1"));
            List<Reading<SoftmaxProbe>> fit = fitting(readings, probes, answers);
            if (!fit.isEmpty() && fit.get(0).mistake().isEmpty()) {
                return Feedback.done("∂J/∂z = softmax(z) − onehot(y) on all " + probes.size() + " probes, z = (1000, 0, −1000) included");
            }
            if (!fit.isEmpty()) return Feedback.wrong(fit.get(0).mistake(), fit.get(0).message());
            if (answers.stream().allMatch(g -> Arrays.stream(g).allMatch(Double::isNaN))) {
                return Feedback.wrong("nan", "every entry is NaN on every probe, 0/0: is the sum of the exponentials missing "
                        + "(total still 0 when you divide)?");
            }
            // right on ordinary logits, not finite on huge ones: the overflow of e^1000
            List<SoftmaxProbe> small = probes.subList(0, 3);
            if (fitting(readings.subList(0, 1), small, answers.subList(0, 3)).size() == 1 && !finite(answers.get(3))) {
                return Feedback.wrong("overflow", "right on ordinary logits, but z = (1000, 0, −1000) gives " + vector(answers.get(3))
                        + ": e^1000 overflows to ∞. Subtract the largest z_k from every z_c before Math.exp (e^{z_c − max}, "
                        + "with a minus sign) — softmax does not change");
            }
            return unexplained(probes, answers, readings.get(0).gives(), "gradient", p -> "z = " + vector(p.z()) + ", y = " + p.y());
        });
    }

    // ---- 14.3: an initialisation that lets a deep tanh network learn ----

    /** The network of exercise 14.3: 2 → 16 → 16 → 16 → 1, tanh, on the two moons. */
    static Mlp deepNetwork() {
        return Mlp.binary(2, Activation.TANH, 16, 16, 16);
    }

    static final Dataset MOONS = Datasets.twoMoons(300, 0.15, 14);

    public static void checkInitialisation(WeightInit init) {
        assessInitialisation(init).print();
    }

    static Feedback assessInitialisation(WeightInit init) {
        return Exercise.report("choose an initialisation", () -> {
            if (Exercise.isTodo(init)) return Feedback.notDone("set myInit to one of WeightInit.ZEROS, SMALL_RANDOM, XAVIER, HE");
            Mlp net = deepNetwork();
            History h = Descent.of(net.loss(), MOONS).optimizer(new GradientDescent(0.5)).init(net.init(init, 3))
                    .maxIterations(300).run();
            double accuracy = net.accuracy(h.weights(), MOONS);
            String measured = String.format("after 300 steps from %s the network classifies %.0f %% of the moons", init, 100 * accuracy);
            return switch (init) {
                case ZEROS -> Feedback.wrong("symmetry", measured + ": from zeros every unit of a layer computes the same "
                        + "function and gets the same gradient, so the 16 units stay one unit (and with tanh(0) = 0 no gradient reaches W1 at all)");
                case SMALL_RANDOM -> Feedback.wrong("vanishing", measured + ": with sd = 0.01 each layer shrinks its input about "
                        + "25-fold (16 inputs × 0.01² each), so after three layers the signal, and the gradient coming back, is nearly 0");
                case XAVIER -> Feedback.done(measured + ": Xavier's sd = √(2 / (n_in + n_out)) keeps every layer's outputs about as "
                        + "spread as its inputs, which is what tanh needs");
                case HE -> Feedback.done(measured + ": He's sd = √(2 / n_in) is meant for ReLU (twice Xavier's variance here), and "
                        + "works for this tanh network too");
            };
        });
    }

    // ---- what the readings share ----

    /** The readings that give the student's answer on every probe (to 1e-9, relative), in the order listed. */
    private static <P> List<Reading<P>> fitting(List<Reading<P>> readings, List<P> probes, List<double[]> answers) {
        List<Reading<P>> fit = new ArrayList<>();
        for (Reading<P> reading : readings) {
            boolean all = true;
            for (int k = 0; all && k < probes.size(); k++) {
                if (answers.get(k) == null) continue;   // the probe threw: it says nothing for or against a reading
                double[] expected = reading.gives().apply(probes.get(k));
                all = expected == null || Compare.close(answers.get(k), expected, 1e-9);
            }
            if (all) fit.add(reading);
        }
        return fit;
    }

    /** No reading explains every probe: show the first probe where the answer differs, entry by entry. */
    private static <P> Feedback unexplained(List<P> probes, List<double[]> answers, Function<P, double[]> right, String what,
                                            Function<P, String> describe) {
        for (int k = 0; k < probes.size(); k++) {
            double[] expected = right.apply(probes.get(k));
            if (!Compare.close(answers.get(k), expected, 1e-9)) {
                int at = 0;
                while (at < expected.length && Compare.close(answers.get(k)[at], expected[at], 1e-9)) at++;
                return Feedback.wrong("values", "for " + describe.apply(probes.get(k)) + " your " + what + " gives "
                        + vector(answers.get(k)) + ", expected " + vector(expected) + " (entry " + at + " is the first that differs)");
            }
        }
        throw new IllegalStateException("no probe differs, yet the right reading did not fit");
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

    private static double[] onehot(int k, int y) {
        double[] e = new double[k];
        e[y] = 1;
        return e;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i] - b[i];
        return d;
    }

    private static double[] plus(double[] a, double[] b) {
        return minus(a, scale(b, -1));
    }

    private static double[] scale(double[] a, double f) {
        return Arrays.stream(a).map(v -> v * f).toArray();
    }

    private static double[] exp(double[] a) {
        return Arrays.stream(a).map(Math::exp).toArray();
    }

    private static double[] tanh(double[] a) {
        return Arrays.stream(a).map(Math::tanh).toArray();
    }

    private static double[] sigmoid(double[] a) {
        return Arrays.stream(a).map(v -> 1 / (1 + Math.exp(-v))).toArray();
    }

    private static boolean finite(double[] a) {
        return Arrays.stream(a).allMatch(Double::isFinite);
    }

    private static double[] gaussian(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
        return v;
    }

    private static double[][] gaussianMatrix(Random r, int rows, int cols) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) m[i] = gaussian(r, cols);
        return m;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
        return c;
    }

    private static String vector(double[] v) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) s.append(i == 0 ? "" : ", ").append(Exercise.num(v[i]));
        return s + ")";
    }
}
