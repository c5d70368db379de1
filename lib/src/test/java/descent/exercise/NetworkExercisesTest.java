package descent.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.nn.WeightInit;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Notebook 14's checks on right answers (several routes) and on wrong ones written as a student would. */
class NetworkExercisesTest {

    private static LayerForward layer(boolean bias, boolean tanh) {
        return (a, w, b) -> {
            double[] out = new double[w[0].length];
            for (int u = 0; u < out.length; u++) {
                double s = bias ? b[u] : 0;
                for (int i = 0; i < a.length; i++) s += a[i] * w[i][u];
                out[u] = tanh ? Math.tanh(s) : s;
            }
            return out;
        };
    }

    private static void wrong(Feedback f, String mistake, String... words) {
        assertEquals(Feedback.Verdict.WRONG, f.verdict(), f.toString());
        assertEquals(mistake, f.mistake(), f.toString());
        for (String w : words) assertTrue(f.message().contains(w), f.toString());
    }

    @Test
    void theLayerCheckPassesEveryRouteToTanhOfAWPlusB() {
        assertTrue(NetworkExercises.assessLayer(layer(true, true)).passed());
        LayerForward viaExp = (a, w, b) -> {   // tanh written as (e^2s − 1)/(e^2s + 1)
            double[] out = new double[b.length];
            for (int u = 0; u < out.length; u++) {
                double s = b[u];
                for (int i = 0; i < a.length; i++) s += w[i][u] * a[i];
                out[u] = (Math.exp(2 * s) - 1) / (Math.exp(2 * s) + 1);
            }
            return out;
        };
        assertTrue(NetworkExercises.assessLayer(viaExp).passed(), NetworkExercises.assessLayer(viaExp).toString());
        assertEquals(Feedback.Verdict.NOT_DONE, NetworkExercises.assessLayer(null).verdict());
        assertEquals(Feedback.Verdict.NOT_DONE, NetworkExercises.assessLayer((a, w, b) -> { throw Exercise.notDone(); }).verdict());
    }

    @Test
    void theLayerCheckNamesEachSlip() {
        wrong(NetworkExercises.assessLayer(layer(true, false)), "no-activation", "tanh");
        wrong(NetworkExercises.assessLayer(layer(false, true)), "no-bias", "b[u]");
        wrong(NetworkExercises.assessLayer((a, w, b) -> {
            double[] out = layer(false, true).apply(a, w, b);
            for (int u = 0; u < out.length; u++) out[u] += b[u];
            return out;
        }), "bias-outside", "inside");
        wrong(NetworkExercises.assessLayer((a, w, b) -> {
            double[] out = new double[w[0].length];
            for (int u = 0; u < out.length; u++) {
                double s = b[u];
                for (int i = 0; i < a.length; i++) s += a[i] * w[u][i];
                out[u] = Math.tanh(s);
            }
            return out;
        }), "transposed", "W[i][u]");   // read on the square W; a non-square W throws
        wrong(NetworkExercises.assessLayer((a, w, b) -> {
            double[] out = new double[w[0].length];
            double s = 0;                           // declared outside the loop over units
            for (int u = 0; u < out.length; u++) {
                for (int i = 0; i < a.length; i++) s += a[i] * w[i][u];
                out[u] = Math.tanh(s + b[u]);
            }
            return out;
        }), "accumulator", "start each unit's sum at 0");
        wrong(NetworkExercises.assessLayer((a, w, b) -> new double[a.length]), "length", "one output per unit");
        wrong(NetworkExercises.assessLayer((a, w, b) -> {
            double[] out = new double[a.length];                          // one per input, filled as far as W reaches
            for (int u = 0; u < a.length; u++) out[u] = Math.tanh(a[u] * w[u][u] + b[u]);
            return out;
        }), "index", "W[i][u] has i over the inputs");
        wrong(NetworkExercises.assessLayer((a, w, b) -> {
            for (int i = 0; i < a.length; i++) a[i] = Math.tanh(a[i]);   // changes its input
            return layer(true, false).apply(a, w, b);
        }), "changes-argument", "a[");
        wrong(NetworkExercises.assessLayer((a, w, b) -> {
            double[] out = layer(true, true).apply(a, w, b);
            out[out.length - 1] = 0;                                     // a loop bound one short
            return out;
        }), "values", "first that differs");
        wrong(NetworkExercises.assessLayer((a, w, b) -> {   // the blind student's L3: z declared once, bias added into it
            double[] out = new double[w[0].length];
            double z = 0;
            for (int u = 0; u < out.length; u++) {
                z += b[u];
                for (int i = 0; i < a.length; i++) z += a[i] * w[i][u];
                out[u] = Math.tanh(z);
            }
            return out;
        }), "accumulator", "not reset");
        wrong(NetworkExercises.assessLayer((a, w, b) -> {   // L10: the inner loop increments u
            double[] out = new double[w[0].length];
            for (int u = 0; u < out.length; u++) {
                double z = b[u];
                for (int i = 0; i < a.length; u++) z += a[i] * w[i][u];
                out[u] = Math.tanh(z);
            }
            return out;
        }), "bound", "increment its own variable");
        wrong(NetworkExercises.assessLayer((a, w, b) -> {   // <= on the units
            double[] out = new double[w[0].length];
            for (int u = 0; u <= out.length; u++) {
                double z = b[u];
                for (int i = 0; i < a.length; i++) z += a[i] * w[i][u];
                out[u] = Math.tanh(z);
            }
            return out;
        }), "bound", "rather than <=");
        wrong(NetworkExercises.assessLayer((a, w, b) -> {
            double[] out = new double[w[0].length];
            for (int u = 0; u < out.length; u++) {
                double z = b[u];
                for (int i = 0; i < a.length - 1; i++) z += a[i] * w[i][u];
                out[u] = Math.tanh(z);
            }
            return out;
        }), "off-by-one", "last input");
        wrong(NetworkExercises.assessLayer((a, w, b) -> {
            double[] out = new double[w[0].length];
            for (int u = 0; u < out.length; u++) {
                double z = b[u];
                for (int i = 0; i < a.length; i++) z += Math.tanh(a[i] * w[i][u]);
                out[u] = z;
            }
            return out;
        }), "activation-on-terms", "each term");
        wrong(NetworkExercises.assessLayer((a, w, b) -> {
            double[] out = layer(false, false).apply(a, w, b);
            for (int u = 0; u < out.length; u++) out[u] = Math.tanh(out[u] + b[0]);
            return out;
        }), "bias-index", "b[0]");
        wrong(NetworkExercises.assessLayer((a, w, b) -> {   // z = … where z += … belongs
            double[] out = new double[w[0].length];
            for (int u = 0; u < out.length; u++) {
                double z = b[u];
                for (int i = 0; i < a.length; i++) z = a[i] * w[i][u];
                out[u] = Math.tanh(z);
            }
            return out;
        }), "assigns", "z += a[i]·W[i][u]");
        wrong(NetworkExercises.assessLayer((a, w, b) -> {
            double[] out = new double[w[0].length];
            for (int u = 0; u < out.length; u++) {
                double z = b[u];
                for (int i = 0; i < a.length; i++) z += a[u] * w[i][u];
                out[u] = Math.tanh(z);
            }
            return out;
        }), "index", "a[u] where a[i] belongs");
        wrong(NetworkExercises.assessLayer((a, w, b) -> {   // the bias inside the loop over inputs
            double[] out = new double[w[0].length];
            for (int u = 0; u < out.length; u++) {
                double z = 0;
                for (int i = 0; i < a.length; i++) z += a[i] * w[i][u] + b[u];
                out[u] = Math.tanh(z);
            }
            return out;
        }), "bias-factor", "once per input");
        wrong(NetworkExercises.assessLayer((a, w, b) -> {
            double[] out = layer(false, false).apply(a, w, b);
            for (int u = 0; u < out.length; u++) out[u] = Math.tanh(out[u] + 2 * b[u]);
            return out;
        }), "bias-factor", "enters 2 times");
    }

    @Test
    void theLayerCheckReadsAFactorOrASignOnTheSumThroughAtanh() {
        for (double c : new double[] {2, 0.5, -1, 3}) {
            Feedback f = NetworkExercises.assessLayer((a, w, b) -> {
                double[] out = new double[w[0].length];
                for (int u = 0; u < out.length; u++) {
                    double s = 0;
                    for (int i = 0; i < a.length; i++) s += a[i] * w[i][u];
                    out[u] = Math.tanh(b[u] + c * s);
                }
                return out;
            });
            if (c == -1) wrong(f, "sign", "wrong sign");
            else wrong(f, "factor", "factor " + descent.Format.number(c, 4));
        }
        wrong(NetworkExercises.assessLayer((a, w, b) -> {
            double[] out = new double[w[0].length];
            for (int u = 0; u < out.length; u++) out[u] = Math.tanh(b[u]);
            return out;
        }), "inputs-missing", "missing");
        wrong(NetworkExercises.assessLayer((a, w, b) -> new double[w[0].length]), "outputs-missing", "missing");
    }

    private static double[] softmaxMinusOnehot(double[] z, int y) {
        double top = Arrays.stream(z).max().getAsDouble(), total = 0;
        double[] g = new double[z.length];
        for (int c = 0; c < z.length; c++) total += g[c] = Math.exp(z[c] - top);
        for (int c = 0; c < z.length; c++) g[c] /= total;
        g[y] -= 1;
        return g;
    }

    @Test
    void theSoftmaxCheckNamesEachSlip() {
        assertTrue(NetworkExercises.assessSoftmaxGradient(NetworkExercisesTest::softmaxMinusOnehot).passed());
        SoftmaxGradient naive = (z, y) -> {
            double total = 0;
            double[] g = new double[z.length];
            for (int c = 0; c < z.length; c++) total += Math.exp(z[c]);
            for (int c = 0; c < z.length; c++) g[c] = Math.exp(z[c]) / total - (c == y ? 1 : 0);
            return g;
        };
        wrong(NetworkExercises.assessSoftmaxGradient(naive), "overflow", "largest z");
        wrong(NetworkExercises.assessSoftmaxGradient((z, y) -> {
            double[] g = softmaxMinusOnehot(z, y);
            g[y] += 1;
            return g;
        }), "missing-term", "subtract 1");
        wrong(NetworkExercises.assessSoftmaxGradient((z, y) -> Arrays.stream(softmaxMinusOnehot(z, y)).map(v -> -v).toArray()),
                "sign", "reversed");
        wrong(NetworkExercises.assessSoftmaxGradient((z, y) -> {
            double[] g = z.clone();
            g[y] -= 1;
            return g;
        }), "logits-not-probabilities", "e^{z_c}");
        wrong(NetworkExercises.assessSoftmaxGradient((z, y) -> {
            double[] g = softmaxMinusOnehot(z, y);
            g[y] += 1;
            g[(y + 1) % z.length] -= 1;
            return g;
        }), "wrong-class", "y + 1");
        wrong(NetworkExercises.assessSoftmaxGradient((z, y) -> {   // the 1 at the network's guess, not at y
            int guess = 0;
            for (int c = 1; c < z.length; c++) if (z[c] > z[guess]) guess = c;
            double[] g = softmaxMinusOnehot(z, y);
            g[y] += 1;
            g[guess] -= 1;
            return g;
        }), "wrong-class", "largest z", "true class");
        wrong(NetworkExercises.assessSoftmaxGradient((z, y) -> {   // ∂J/∂p: J = −log p_y differentiated by p
            double top = Arrays.stream(z).max().getAsDouble(), total = 0;
            for (double v : z) total += Math.exp(v - top);
            double[] g = new double[z.length];
            g[y] = -total / Math.exp(z[y] - top);
            return g;
        }), "wrong-derivative", "∂J/∂p", "by the logits");
        wrong(NetworkExercises.assessSoftmaxGradient((z, y) -> Arrays.stream(softmaxMinusOnehot(z, y)).map(v -> v / z.length).toArray()),
                "dropped-factor", "1/K");
        wrong(NetworkExercises.assessSoftmaxGradient((z, y) -> {   // g[y] -= 1 before the division
            double top = Arrays.stream(z).max().getAsDouble(), total = 0;
            double[] g = new double[z.length];
            for (int c = 0; c < z.length; c++) total += g[c] = Math.exp(z[c] - top);
            g[y] -= 1;
            for (int c = 0; c < z.length; c++) g[c] /= total;
            return g;
        }), "order", "before dividing");
        wrong(NetworkExercises.assessSoftmaxGradient((z, y) -> {   // the division forgotten
            double top = Arrays.stream(z).max().getAsDouble();
            double[] g = new double[z.length];
            for (int c = 0; c < z.length; c++) g[c] = Math.exp(z[c] - top);
            g[y] -= 1;
            return g;
        }), "unnormalised", "missing");
        SoftmaxGradient maxFromZero = (z, y) -> {   // the largest started at 0: fine unless every logit is far below 0
            double largest = 0, total = 0;
            for (double v : z) largest = Math.max(largest, v);
            double[] g = new double[z.length];
            for (int c = 0; c < z.length; c++) total += g[c] = Math.exp(z[c] - largest);
            for (int c = 0; c < z.length; c++) g[c] /= total;
            g[y] -= 1;
            return g;
        };
        wrong(NetworkExercises.assessSoftmaxGradient(maxFromZero), "largest", "not 0 or the largest |z|");
        wrong(NetworkExercises.assessSoftmaxGradient((z, y) -> {   // the largest |z|
            double largest = Arrays.stream(z).map(Math::abs).max().getAsDouble(), total = 0;
            double[] g = new double[z.length];
            for (int c = 0; c < z.length; c++) total += g[c] = Math.exp(z[c] - largest);
            for (int c = 0; c < z.length; c++) g[c] /= total;
            g[y] -= 1;
            return g;
        }), "largest", "largest z");
        wrong(NetworkExercises.assessSoftmaxGradient((z, y) -> {
            double[] g = softmaxMinusOnehot(z, y);
            g[y] += 1;
            for (int c = 0; c < z.length; c++) g[c] -= 1;
            return g;
        }), "onehot", "every class");
        wrong(NetworkExercises.assessSoftmaxGradient((z, y) -> {
            double largest = Arrays.stream(z).max().getAsDouble();
            int total = 0;
            double[] g = new double[z.length];
            for (int c = 0; c < z.length; c++) total += g[c] = Math.exp(z[c] - largest);
            for (int c = 0; c < z.length; c++) g[c] /= total;
            g[y] -= 1;
            return g;
        }), "truncated", "int total");
        wrong(NetworkExercises.assessSoftmaxGradient((z, y) -> {
            double largest = Arrays.stream(z).max().getAsDouble(), total = 0;
            double[] g = new double[z.length];
            for (int c = 0; c < z.length; c++) total += Math.exp(z[c]);
            for (int c = 0; c < z.length; c++) g[c] = Math.exp(z[c] - largest) / total;
            g[y] -= 1;
            return g;
        }), "shift", "not the total");
        wrong(NetworkExercises.assessSoftmaxGradient((z, y) -> {   // classes counted from 1: throws at y = 0
            double[] g = softmaxMinusOnehot(z, y);
            g[y] += 1;
            g[y - 1] -= 1;
            return g;
        }), "wrong-class", "y − 1");
        wrong(NetworkExercises.assessSoftmaxGradient((z, y) -> {
            double largest = Arrays.stream(z).max().getAsDouble();
            double[] g = new double[z.length];
            for (int c = 0; c < z.length; c++) g[c] = Math.exp(z[c] - largest) / z.length;
            g[y] -= 1;
            return g;
        }), "dropped-factor", "not K");
        wrong(NetworkExercises.assessSoftmaxGradient((z, y) -> {   // the total shifted, the numerators not
            double largest = Arrays.stream(z).max().getAsDouble(), total = 0;
            double[] g = new double[z.length];
            for (int c = 0; c < z.length; c++) total += Math.exp(z[c] - largest);
            for (int c = 0; c < z.length; c++) g[c] = Math.exp(z[c]) / total;
            g[y] -= 1;
            return g;
        }), "shift", "not the numerators");
        wrong(NetworkExercises.assessSoftmaxGradient((z, y) -> {
            double[] g = softmaxMinusOnehot(z, y);
            g[y] = -1;
            return g;
        }), "overwrites", "g[y] -= 1");
        wrong(NetworkExercises.assessSoftmaxGradient((z, y) -> {   // the maximum of all but the last logit
            double largest = z[0], total = 0;
            for (int c = 1; c < z.length - 1; c++) largest = Math.max(largest, z[c]);
            double[] g = new double[z.length];
            for (int c = 0; c < z.length; c++) total += g[c] = Math.exp(z[c] - largest);
            for (int c = 0; c < z.length; c++) g[c] /= total;
            g[y] -= 1;
            return g;
        }), "largest", "the last one included");
    }

    @Test
    void theInitialisationCheckMeasuresWhatEachChoiceDoes() {
        Feedback zeros = NetworkExercises.assessInitialisation(WeightInit.ZEROS);
        Feedback small = NetworkExercises.assessInitialisation(WeightInit.SMALL_RANDOM);
        Feedback xavier = NetworkExercises.assessInitialisation(WeightInit.XAVIER);
        Feedback he = NetworkExercises.assessInitialisation(WeightInit.HE);
        wrong(zeros, "symmetry", "same gradient");
        wrong(small, "vanishing", "nearly 0");
        assertTrue(xavier.passed(), xavier.toString());
        assertTrue(he.passed(), he.toString());
        assertEquals(Feedback.Verdict.NOT_DONE, NetworkExercises.assessInitialisation(null).verdict());
        System.out.println(zeros + "\n" + small + "\n" + xavier + "\n" + he);
    }
}
