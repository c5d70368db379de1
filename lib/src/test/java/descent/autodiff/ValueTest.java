package descent.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.function.GradientCheck;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/** The scalar graph: hand-worked graphs, every operation against central differences, deep graphs, bad input. */
class ValueTest {

    @Test
    void aNodeUsedTwiceAccumulatesBothShares() {
        Value x = Value.of(3, "x");
        Value y = x.mul(x);
        y.backward();
        assertEquals(9, y.data(), 0.0);
        assertEquals(6, x.grad(), 0.0, "d(x·x)/dx = 2x: with assignment instead of accumulation it would be 3");
    }

    @Test
    void aDiamondAddsThePathsThatMeet() {
        // a feeds b = tanh a and c = e^a, which meet in d = b·c: dd/da = (1 − tanh²a)e^a + tanh(a)e^a
        double a0 = 0.7;
        Value a = Value.of(a0);
        Value d = a.tanh().mul(a.exp());
        d.backward();
        double t = Math.tanh(a0), e = Math.exp(a0);
        assertEquals(t * e, d.data(), 1e-15);
        assertEquals((1 - t * t) * e + t * e, a.grad(), 1e-14);
    }

    /** micrograd's README example, with the numbers it prints (to 4 decimals). */
    @Test
    void microgradsReadmeExampleGivesItsPrintedNumbers() {
        Value a = Value.of(-4.0), b = Value.of(2.0);
        Value c = a.add(b);
        Value d = a.mul(b).add(b.pow(3));
        c = c.add(c.add(1));
        c = c.add(Value.of(1).add(c).add(a.neg()));
        d = d.add(d.mul(2).add(b.add(a).relu()));
        d = d.add(Value.of(3).mul(d).add(b.sub(a).relu()));
        Value e = c.sub(d);
        Value f = e.pow(2);
        Value g = f.div(2.0);
        g = g.add(Value.of(10.0).div(f));
        assertEquals(24.7041, g.data(), 5e-5);
        g.backward();
        assertEquals(138.8338, a.grad(), 5e-5);
        assertEquals(645.5773, b.grad(), 5e-5);
    }

    private record Binary(String name, BinaryOperator<Value> op, DoubleBinaryOperator f) {}

    @Test
    void everyOperationsGradientMatchesCentralDifferences() {
        Random r = new Random(47);
        List<Binary> binaries = List.of(
                new Binary("+", Value::add, (a, b) -> a + b),
                new Binary("−", Value::sub, (a, b) -> a - b),
                new Binary("×", Value::mul, (a, b) -> a * b),
                new Binary("÷", Value::div, (a, b) -> a / b));
        List<Binary> unaries = List.of(
                new Binary("exp", (a, b) -> a.exp(), (a, b) -> Math.exp(a)),
                new Binary("log", (a, b) -> a.log(), (a, b) -> Math.log(a)),
                new Binary("tanh", (a, b) -> a.tanh(), (a, b) -> Math.tanh(a)),
                new Binary("σ", (a, b) -> a.sigmoid(), (a, b) -> 1 / (1 + Math.exp(-a))),
                new Binary("relu", (a, b) -> a.relu(), (a, b) -> Math.max(a, 0)),
                new Binary("neg", (a, b) -> a.neg(), (a, b) -> -a),
                new Binary("^2.5", (a, b) -> a.pow(2.5), (a, b) -> Math.pow(a, 2.5)),
                new Binary("^−1", (a, b) -> a.pow(-1), (a, b) -> 1 / a));
        double worst = 0;
        for (int trial = 0; trial < 50; trial++) {
            // positive points, away from 0 (log, ÷, fractional powers; relu's kink)
            double a0 = (0.2 + 2 * r.nextDouble()) * (trial % 2 == 0 ? 1 : -1), b0 = 0.3 + 2 * r.nextDouble();
            for (Binary op : binaries) worst = Math.max(worst, check(op, a0, b0));
            for (Binary op : unaries) {
                boolean positiveOnly = op.name().equals("log") || op.name().startsWith("^");
                worst = Math.max(worst, check(op, positiveOnly ? Math.abs(a0) : a0, b0));
            }
        }
        System.out.println("ValueTest: largest |analytic − central| / max(1, |central|) " + worst);
        assertTrue(worst < 1e-8, "largest relative error against central differences: " + worst);
    }

    /** The worst relative error of the op's two partial derivatives against central differences. */
    private static double check(Binary op, double a0, double b0) {
        Value a = Value.of(a0), b = Value.of(b0);
        Value out = op.op().apply(a, b);
        assertEquals(op.f().applyAsDouble(a0, b0), out.data(), 1e-14 * Math.max(1, Math.abs(out.data())), op.name());
        // backward from c·out, c ≠ 1: a rule that divides by out.grad instead of multiplying, or ignores it, shows
        double c = -1.7;
        out.mul(c).backward();
        double[] numeric = GradientCheck.central(p -> c * op.f().applyAsDouble(p[0], p[1]), new double[] {a0, b0});
        double worst = 0;
        double[] analytic = {a.grad(), b.grad()};
        for (int i = 0; i < 2; i++) {
            double error = Math.abs(analytic[i] - numeric[i]) / Math.max(1, Math.abs(numeric[i]));
            assertTrue(error < 1e-8, op.name() + " at (" + a0 + ", " + b0 + "), input " + i + ": " + analytic[i]
                    + " against " + numeric[i]);
            worst = Math.max(worst, error);
        }
        return worst;
    }

    @Test
    void aChainOfAMillionNodesNeedsNoDeepStack() {
        Value x = Value.of(0.5, "x");
        Value v = x;
        for (int k = 0; k < 1_000_000; k++) v = v.add(x);  // v = 1,000,001·x
        v.backward();
        assertEquals(1_000_001, x.grad(), 0.0);
        assertEquals(1_000_001 * 0.5, v.data(), 0.0);
        v.zeroGrad();
        assertEquals(0, x.grad(), 0.0);
        assertEquals(0, v.grad(), 0.0);
    }

    @Test
    void backwardAddsToWhatIsThereAndZeroGradClearsTheGraph() {
        Value x = Value.of(2, "x");
        Value y = x.mul(3).add(x.pow(2));  // dy/dx = 3 + 2x = 7
        y.backward();
        assertEquals(7, x.grad(), 0.0);
        y.zeroGrad();
        assertEquals(0, x.grad(), 0.0);
        y.backward();
        assertEquals(7, x.grad(), 0.0);
    }

    @Test
    void aNodePrintsItsValueAndGradient() {
        Value x = Value.of(3, "x");
        x.mul(x).backward();
        assertEquals("Value(x: data=3.0, grad=6.0)", x.toString());
        assertEquals("Value(data=1.5, grad=0.0)", Value.of(1.5).toString());
    }

    @Test
    void theGraphListsNodesAndEdgesInTopologicalOrder() {
        Value x = Value.of(3, "x"), w = Value.of(-2, "w");
        Value z = x.mul(w).named("z");
        Value loss = z.mul(z).named("L");
        loss.backward();
        ComputationGraph g = loss.graph();
        assertEquals(4, g.nodes().size());
        assertEquals(List.of("x", "w", "z", "L"), g.nodes().stream().map(ComputationGraph.Node::name).toList());
        assertEquals(List.of(new ComputationGraph.Edge(0, 2), new ComputationGraph.Edge(1, 2),
                new ComputationGraph.Edge(2, 3), new ComputationGraph.Edge(2, 3)), g.edges());
        assertEquals("×", g.result().op());
        assertEquals(36, g.result().data(), 0.0);
        assertEquals(2 * -6 * -2, g.nodes().get(0).grad(), 0.0);  // dL/dx = 2z·w
    }

    @Test
    void aValueThatIsNotFiniteIsReportedWithTheOperationThatMadeIt() {
        ArithmeticException log = assertThrows(ArithmeticException.class, () -> Value.of(0).log());
        assertTrue(log.getMessage().contains("log") && log.getMessage().contains("-Infinity"), log.getMessage());
        ArithmeticException exp = assertThrows(ArithmeticException.class, () -> Value.of(1000).exp());
        assertTrue(exp.getMessage().contains("exp") && exp.getMessage().contains("1000.0"), exp.getMessage());
        ArithmeticException div = assertThrows(ArithmeticException.class, () -> Value.of(1).div(Value.of(0)));
        assertTrue(div.getMessage().contains("÷"), div.getMessage());
        ArithmeticException root = assertThrows(ArithmeticException.class, () -> Value.of(-1).pow(0.5));
        assertTrue(root.getMessage().contains("^0.5") && root.getMessage().contains("NaN"), root.getMessage());
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> Value.of(Double.NaN));
        assertTrue(nan.getMessage().contains("data = NaN"), nan.getMessage());
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> Value.of(1).add(null));
        assertTrue(nul.getMessage().contains("other"), nul.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Value.of(1).pow(Double.POSITIVE_INFINITY));
    }

    @Test
    void anOperationOfYourOwnJoinsTheGraph() {
        Value x = Value.of(2);
        // the cube, with its own rule: d(x³)/dx = 3x²
        Value cube = Value.operation("cube", 8, out -> x.addGrad(3 * x.data() * x.data() * out.grad()), x);
        cube.mul(cube).backward();  // d(x⁶)/dx = 6x⁵ = 192
        assertEquals(192, x.grad(), 0.0);
    }
}
