package descent.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.function.GradientCheck;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The array level: every operation against central differences, hand-worked graphs, bad input. */
class TensorTest {
    /** The largest |analytic − central difference| / max(1, |central difference|) of any operation. */
    static double worstFiniteDifferenceError;

    /** Two parameter matrices A (3×4) and B (4×2), C (3×4) and a bias (1×4); a random point for them. */
    private static final ParameterLayout LAYOUT = new ParameterLayout();
    private static final ParameterLayout.Slot A = LAYOUT.add("A", 3, 4), B = LAYOUT.add("B", 4, 2),
            C = LAYOUT.add("C", 3, 4), BIAS = LAYOUT.add("bias", 1, 4);

    /** Σ r_k·t_k with fixed random weights r: a scalar that depends on every entry of t, each differently. */
    private static Tensor weighted(Tensor t, long seed) {
        Random r = new Random(seed);
        double[] w = new double[t.rows() * t.cols()];
        for (int k = 0; k < w.length; k++) w[k] = r.nextGaussian();
        return t.mul(Tensor.of(w, t.rows(), t.cols())).sum();
    }

    @Test
    void everyOperationsGradientMatchesCentralDifferences() {
        Map<String, BiFunction<Parameters, Long, Tensor>> ops = new LinkedHashMap<>();
        ops.put("matmul", (p, s) -> weighted(p.get(A).matmul(p.get(B)), s));
        ops.put("addRow", (p, s) -> weighted(p.get(A).addRow(p.get(BIAS)), s));
        ops.put("add", (p, s) -> weighted(p.get(A).add(p.get(C)), s));
        ops.put("sub", (p, s) -> weighted(p.get(A).sub(p.get(C)), s));
        ops.put("mul", (p, s) -> weighted(p.get(A).mul(p.get(C)), s));
        ops.put("scale", (p, s) -> weighted(p.get(A).scale(-1.7), s));
        ops.put("tanh", (p, s) -> weighted(p.get(A).tanh(), s));
        ops.put("sigmoid", (p, s) -> weighted(p.get(A).sigmoid(), s));
        ops.put("relu", (p, s) -> weighted(p.get(A).relu(), s));
        ops.put("exp", (p, s) -> weighted(p.get(A).exp(), s));
        ops.put("log", (p, s) -> weighted(p.get(C).log(), s));  // C is drawn positive
        ops.put("sum", (p, s) -> p.get(A).tanh().sum());
        ops.put("mean", (p, s) -> p.get(A).mul(p.get(C)).mean());
        // the losses scaled by −1.3, so that their rules see an incoming gradient other than 1
        ops.put("meanSquaredError", (p, s) -> TensorLosses.meanSquaredError(p.get(A).matmul(p.get(B)),
                new double[] {1, -2, 0.5, 3, 0, 1.5}).scale(-1.3));
        ops.put("logLoss", (p, s) -> TensorLosses.logLoss(p.get(A).matmul(p.get(B)), new double[] {1, 0, 0, 1, 1, 0})
                .scale(-1.3));
        ops.put("softmaxCrossEntropy", (p, s) -> TensorLosses.softmaxCrossEntropy(
                p.get(A).addRow(p.get(BIAS)).scale(3), new int[] {2, 0, 3}).scale(-1.3));
        ops.put("a network", (p, s) -> TensorLosses.logLoss(p.get(A).addRow(p.get(BIAS)).tanh().matmul(p.get(B))
                .relu().add(p.get(A).matmul(p.get(B)).sigmoid()), new double[] {1, 0, 0, 1, 1, 0}));
        Random r = new Random(2026);
        for (int trial = 0; trial < 5; trial++) {
            double[] theta = new double[LAYOUT.size()];
            for (int k = 0; k < theta.length; k++) theta[k] = r.nextGaussian();
            for (int k = C.offset(); k < C.offset() + C.size(); k++) theta[k] = 0.5 + r.nextDouble();  // log's domain
            long seed = r.nextLong();
            for (Map.Entry<String, BiFunction<Parameters, Long, Tensor>> op : ops.entrySet()) {
                GraphObjective f = new GraphObjective(LAYOUT, p -> op.getValue().apply(p, seed));
                GradientCheck.Report report = GradientCheck.compare(f, theta);
                double[] analytic = report.analytic(), numeric = report.numeric();
                for (int k = 0; k < analytic.length; k++) {
                    // relative to max(1, |∂|): a derivative near 0 is compared with the differences' absolute noise
                    double error = Math.abs(analytic[k] - numeric[k]) / Math.max(1, Math.abs(numeric[k]));
                    assertTrue(error < 1e-8, op.getKey() + ", trial " + trial + ", θ[" + k + "]:\n" + report);
                    worstFiniteDifferenceError = Math.max(worstFiniteDifferenceError, error);
                }
            }
        }
        System.out.println("TensorTest: largest |analytic − central| / max(1, |central|) " + worstFiniteDifferenceError);
    }

    @Test
    void aMatrixUsedTwiceAccumulatesBothShares() {
        ParameterLayout layout = new ParameterLayout();
        ParameterLayout.Slot x = layout.add("x", 1, 3);
        double[] theta = {1.5, -2, 0.25}, grad = new double[3];
        new GraphObjective(layout, p -> p.get(x).mul(p.get(x)).sum()).valueAndGradient(theta, grad);
        for (int k = 0; k < 3; k++) assertEquals(2 * theta[k], grad[k], 0.0, "d(Σx²)/dx = 2x");
    }

    @Test
    void aDiamondAddsThePathsThatMeet() {
        Tensor a = Tensor.row(0.3, -1.2);
        Tensor d = a.tanh().mul(a.exp()).sum();
        d.backward();
        double[] g = a.grad();
        for (int k = 0; k < 2; k++) {
            double v = a.data()[k], t = Math.tanh(v), e = Math.exp(v);
            assertEquals((1 - t * t) * e + t * e, g[k], 1e-15);
        }
    }

    @Test
    void aHandWorkedLayer() {
        // x = [1 2], W = [[3], [4]], b = [−10]: z = 1·3 + 2·4 − 10 = 1, L = z²
        Tensor x = Tensor.row(1, 2), w = Tensor.column(3, 4), b = Tensor.row(-10);
        Tensor z = x.matmul(w).addRow(b);
        Tensor loss = z.mul(z).sum();
        loss.backward();
        assertEquals(1, loss.value(), 0.0);
        assertEquals(2, b.grad()[0], 0.0);                 // dL/db = 2z
        assertEquals(2, w.grad()[0], 0.0);                 // dL/dw₁ = 2z·x₁
        assertEquals(4, w.grad()[1], 0.0);                 // dL/dw₂ = 2z·x₂
        assertEquals(6, x.grad()[0], 0.0);                 // dL/dx₁ = 2z·w₁
        assertEquals(8, x.grad()[1], 0.0);
        loss.zeroGrad();
        assertEquals(0, w.grad()[1], 0.0);
    }

    @Test
    void lossesAreFiniteForHugeLogits() {
        Tensor z = Tensor.column(800, -800);
        Tensor loss = TensorLosses.logLoss(z, new double[] {0, 1});
        assertEquals(800, loss.value(), 1e-12);  // log(1 + e^800) ≈ 800 for each row
        loss.backward();
        assertEquals(0.5, z.grad()[0], 1e-15);   // (σ(800) − 0)/2
        assertEquals(-0.5, z.grad()[1], 1e-15);
        Tensor logits = Tensor.of(new double[] {1000, 0, -1000, 1000}, 2, 2);
        Tensor ce = TensorLosses.softmaxCrossEntropy(logits, new int[] {1, 0});
        assertEquals((1000 + 2000) / 2.0, ce.value(), 1e-9);
    }

    @Test
    void shapeMismatchesNameBothShapesAndTheOperation() {
        Tensor a = Tensor.of(new double[12], 3, 4), b = Tensor.of(new double[10], 5, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.matmul(b));
        assertEquals("matmul: the shapes 3×4 and 5×2 do not match: the left's columns (4) must equal the right's rows (5)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.add(b));
        assertTrue(e.getMessage().startsWith("add: the shapes 3×4 and 5×2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> a.addRow(Tensor.row(1, 2, 3)));
        assertTrue(e.getMessage().contains("addRow") && e.getMessage().contains("1×3")
                && e.getMessage().contains("3×4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TensorLosses.logLoss(a, new double[3]));
        assertTrue(e.getMessage().contains("logLoss: labels has length 3") && e.getMessage().contains("3×4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TensorLosses.softmaxCrossEntropy(a, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("softmaxCrossEntropy") && e.getMessage().contains("3×4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TensorLosses.softmaxCrossEntropy(a, new int[] {0, 4, 1}));
        assertTrue(e.getMessage().contains("classes[1] = 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TensorLosses.logLoss(Tensor.column(1), new double[] {0.5}));
        assertTrue(e.getMessage().contains("labels[0] = 0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[5], 2, 3));
        assertTrue(e.getMessage().contains("2×3"), e.getMessage());
    }

    @Test
    void backwardOnANonScalarSaysSo() {
        Tensor t = Tensor.of(new double[12], 3, 4).tanh();
        IllegalStateException e = assertThrows(IllegalStateException.class, t::backward);
        assertTrue(e.getMessage().contains("scalar") && e.getMessage().contains("3×4")
                && e.getMessage().contains("tanh"), e.getMessage());
    }

    @Test
    void aNumberThatIsNotFiniteIsReportedWithTheOperationThatMadeIt() {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Tensor.column(2, 0).log());
        assertTrue(e.getMessage().startsWith("the operation log produced -Infinity at entry (1, 0) of its 2×1 result"),
                e.getMessage());
        assertTrue(e.getMessage().contains("that entry: 0.0"), e.getMessage());
        e = assertThrows(ArithmeticException.class, () -> Tensor.row(1, 710).exp());
        assertTrue(e.getMessage().contains("exp") && e.getMessage().contains("Infinity"), e.getMessage());
        Tensor big = Tensor.row(1e200, 1e200);
        e = assertThrows(ArithmeticException.class, () -> big.matmul(Tensor.column(1e200, 1e200)));
        assertTrue(e.getMessage().startsWith("the operation matmul produced Infinity"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.row(1, Double.NaN));
    }

    @Test
    void aDeepChainOfMatricesNeedsNoDeepStack() {
        Tensor x = Tensor.row(0.5, 0.25);
        Tensor v = x;
        for (int k = 0; k < 100_000; k++) v = v.add(x);
        v.sum().backward();
        assertEquals(100_001, x.grad()[0], 0.0);
    }
}
