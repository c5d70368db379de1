package descent.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.autodiff.Value;
import org.junit.jupiter.api.Test;

/**
 * Notebook 13's checks: the right rule passes, the stub is "not done yet", and each slip a student makes gets
 * its own diagnosis. The right answers are written here from the calculus, not taken from the library.
 */
class BackpropExercisesTest {

    private static void passes(Feedback f) {
        assertEquals(Feedback.Verdict.DONE, f.verdict(), f.toString());
    }

    private static void notDone(Feedback f) {
        assertEquals(Feedback.Verdict.NOT_DONE, f.verdict(), f.toString());
    }

    private static void wrong(String mistake, Feedback f) {
        assertEquals(Feedback.Verdict.WRONG, f.verdict(), f.toString());
        assertEquals(mistake, f.mistake(), f.toString());
        assertTrue(f.toString().startsWith("✘ "), f.toString());
    }

    @Test
    void mulRule() {
        passes(BackpropExercises.assessMulRule((a, b, out) -> {
            a.addGrad(b.data() * out.grad());
            b.addGrad(a.data() * out.grad());
        }));
        notDone(BackpropExercises.assessMulRule((a, b, out) -> { throw Exercise.notDone(); }));
        wrong("adds-nothing", BackpropExercises.assessMulRule((a, b, out) -> { }));
        wrong("swapped", BackpropExercises.assessMulRule((a, b, out) -> {
            a.addGrad(a.data() * out.grad());
            b.addGrad(b.data() * out.grad());
        }));
        wrong("no-upstream", BackpropExercises.assessMulRule((a, b, out) -> {
            a.addGrad(b.data());
            b.addGrad(a.data());
        }));
        wrong("add-rule", BackpropExercises.assessMulRule((a, b, out) -> {
            a.addGrad(out.grad());
            b.addGrad(out.grad());
        }));
        wrong("sign", BackpropExercises.assessMulRule((a, b, out) -> {
            a.addGrad(-b.data() * out.grad());
            b.addGrad(-a.data() * out.grad());
        }));
        wrong("one-input", BackpropExercises.assessMulRule((a, b, out) -> a.addGrad(b.data() * out.grad())));
        wrong("changes-argument", BackpropExercises.assessMulRule((a, b, out) -> {
            a.addGrad(b.data() * out.grad());
            b.addGrad(a.data() * out.grad());
            out.addGrad(1);
        }));
        wrong("used-twice", BackpropExercises.assessMulRule((a, b, out) -> {
            a.addGrad(b.data() * out.grad());
            if (a != b) b.addGrad(a.data() * out.grad());
        }));
        wrong("throws", BackpropExercises.assessMulRule((a, b, out) -> a.inputs().get(0).addGrad(1)));
        // a and b already hold gradients: adding a.grad() again counts it twice (the student thinks addGrad assigns)
        wrong("accumulator", BackpropExercises.assessMulRule((a, b, out) -> {
            a.addGrad(a.grad() + b.data() * out.grad());
            b.addGrad(b.grad() + a.data() * out.grad());
        }));
        // b = out / a: right unless a factor is 0, where it is 0/0
        wrong("divides", BackpropExercises.assessMulRule((a, b, out) -> {
            a.addGrad(out.data() / a.data() * out.grad());
            b.addGrad(out.data() / b.data() * out.grad());
        }));
        wrong("divides", BackpropExercises.assessMulRule((a, b, out) -> {
            a.addGrad(b.data() * out.grad());
            b.addGrad(out.data() / b.data() * out.grad());
        }));
        wrong("divides", BackpropExercises.assessMulRule((a, b, out) -> {
            a.addGrad(out.grad() / b.data());
            b.addGrad(out.grad() / a.data());
        }));
        wrong("truncated", BackpropExercises.assessMulRule((a, b, out) -> {
            a.addGrad((int) b.data() * out.grad());
            b.addGrad((int) a.data() * out.grad());
        }));
        wrong("value-for-gradient", BackpropExercises.assessMulRule((a, b, out) -> {
            a.addGrad(b.data() * out.data());
            b.addGrad(a.data() * out.data());
        }));
        wrong("factor", BackpropExercises.assessMulRule((a, b, out) -> {
            a.addGrad(b.data() * out.grad() / 2);
            b.addGrad(a.data() * out.grad() / 2);
        }));
        wrong("one-input", BackpropExercises.assessMulRule((a, b, out) -> {
            a.addGrad(2 * b.data() * out.grad());
            b.addGrad(a.data() * out.grad());
        }));
        wrong("value", BackpropExercises.assessMulRule((a, b, out) -> {
            a.addGrad(out.data() * out.grad());
            b.addGrad(out.data() * out.grad());
        }));
    }

    @Test
    void tanhRule() {
        passes(BackpropExercises.assessTanhRule((a, out) -> a.addGrad((1 - out.data() * out.data()) * out.grad())));
        notDone(BackpropExercises.assessTanhRule((a, out) -> { throw Exercise.notDone(); }));
        wrong("adds-nothing", BackpropExercises.assessTanhRule((a, out) -> { }));
        wrong("no-upstream", BackpropExercises.assessTanhRule((a, out) -> a.addGrad(1 - out.data() * out.data())));
        wrong("squared-input", BackpropExercises.assessTanhRule((a, out) -> a.addGrad((1 - a.data() * a.data()) * out.grad())));
        wrong("no-square", BackpropExercises.assessTanhRule((a, out) -> a.addGrad((1 - out.data()) * out.grad())));
        wrong("sigmoid", BackpropExercises.assessTanhRule((a, out) -> a.addGrad(out.data() * (1 - out.data()) * out.grad())));
        wrong("value", BackpropExercises.assessTanhRule((a, out) -> a.addGrad(out.data() * out.grad())));
        wrong("sign", BackpropExercises.assessTanhRule((a, out) -> a.addGrad((1 + out.data() * out.data()) * out.grad())));
        wrong("sech", BackpropExercises.assessTanhRule((a, out) -> a.addGrad(out.grad() / Math.cosh(a.data()))));
        wrong("changes-argument", BackpropExercises.assessTanhRule((a, out) -> {
            a.addGrad((1 - out.data() * out.data()) * out.grad());
            out.addGrad(-out.grad());
        }));
        // right at a = 0.7 only: the second probe catches a rule tuned to one point
        wrong("other", BackpropExercises.assessTanhRule((a, out) -> a.addGrad(0.63466 * out.grad())));
        // 1 / 2 = 0: pow(out, 0) = 1, the call is there and adds 0·out.grad()
        wrong("integer-division", BackpropExercises.assessTanhRule((a, out) -> a.addGrad((1 - Math.pow(out.data(), 1 / 2)) * out.grad())));
        wrong("accumulator", BackpropExercises.assessTanhRule((a, out) -> a.addGrad(a.grad() + (1 - out.data() * out.data()) * out.grad())));
        wrong("value-for-gradient", BackpropExercises.assessTanhRule((a, out) -> a.addGrad((1 - out.data() * out.data()) * out.data())));
        wrong("reciprocal", BackpropExercises.assessTanhRule((a, out) -> a.addGrad(Math.pow(Math.cosh(a.data()), 2) * out.grad())));
        wrong("precedence", BackpropExercises.assessTanhRule((a, out) -> a.addGrad(1 - out.data() * out.data() * out.grad())));
        wrong("tanh-twice", BackpropExercises.assessTanhRule((a, out) -> a.addGrad((1 - Math.pow(Math.tanh(out.data()), 2)) * out.grad())));
    }

    @Test
    void share() {
        passes(BackpropExercises.assessShare((grad, node, s) -> grad.merge(node, s, Double::sum)));
        passes(BackpropExercises.assessShare((grad, node, s) -> grad.put(node, grad.getOrDefault(node, 0.0) + s)));
        notDone(BackpropExercises.assessShare((grad, node, s) -> { throw Exercise.notDone(); }));
        wrong("assigns", BackpropExercises.assessShare((grad, node, s) -> grad.put(node, s)));
        wrong("no-start", BackpropExercises.assessShare((grad, node, s) -> grad.put(node, grad.get(node) + s)));
        wrong("negative", BackpropExercises.assessShare((grad, node, s) -> grad.merge(node, Math.abs(s), Double::sum)));
        wrong("changes-argument", BackpropExercises.assessShare((grad, node, s) -> {
            grad.replaceAll((k, v) -> 0.0);
            grad.merge(node, s, Double::sum);
        }));
        wrong("factor", BackpropExercises.assessShare((grad, node, s) -> grad.merge(node, 2 * s, Double::sum)));
        wrong("factor", BackpropExercises.assessShare((grad, node, s) -> grad.put(node, 2 * s)));
        wrong("largest", BackpropExercises.assessShare((grad, node, s) -> grad.merge(node, s, Math::max)));
        wrong("keeps-first", BackpropExercises.assessShare((grad, node, s) -> grad.putIfAbsent(node, s)));
        wrong("product", BackpropExercises.assessShare((grad, node, s) -> grad.merge(node, s, (x, y) -> x * y)));
        wrong("start", BackpropExercises.assessShare((grad, node, s) -> grad.put(node, grad.getOrDefault(node, 1.0) + s)));
        wrong("negative", BackpropExercises.assessShare((grad, node, s) -> grad.merge(node, s, (old, t) -> old - t)));
        wrong("other", BackpropExercises.assessShare((grad, node, s) -> grad.merge(node, s, (old, t) -> old + t + 1)));
        wrong("drops-first", BackpropExercises.assessShare((grad, node, s) -> grad.compute(node, (k, old) -> old == null ? 0 : old + s)));
        wrong("start", BackpropExercises.assessShare((grad, node, s) -> grad.put(node, grad.getOrDefault(node, s) + s)));
        wrong("enters-nothing", BackpropExercises.assessShare((grad, node, s) -> { }));
    }

    private static Value softplus(Value x, double slopeFactor, boolean upstream) {
        return Value.operation("softplus", Math.log1p(Math.exp(x.data())), out -> x.addGrad(
                slopeFactor / (1 + Math.exp(-x.data())) * (upstream ? out.grad() : 1)), x);
    }

    @Test
    void ownOperation() {
        passes(BackpropExercises.assessOwnOperation(x -> softplus(x, 1, true)));
        // defined for x > 0 only: the points at which it is defined are enough
        passes(BackpropExercises.assessOwnOperation(x -> Value.operation("sqrt", Math.sqrt(x.data()) + (x.data() < 0 ? Double.NaN : 0),
                out -> x.addGrad(0.5 / Math.sqrt(x.data()) * out.grad()), x)));
        notDone(BackpropExercises.assessOwnOperation(x -> { throw Exercise.notDone(); }));
        wrong("no-upstream", BackpropExercises.assessOwnOperation(x -> softplus(x, 1, false)));
        wrong("sign", BackpropExercises.assessOwnOperation(x -> softplus(x, -1, true)));
        wrong("factor", BackpropExercises.assessOwnOperation(x -> softplus(x, 2, true)));
        wrong("rule", BackpropExercises.assessOwnOperation(x -> Value.operation("softplus", Math.log1p(Math.exp(x.data())),
                out -> x.addGrad(out.grad() / (1 + Math.exp(x.data()))), x)));
        // 1 / 3 · x³ is 0: the value is wrong, the rule x² is right for x³/3
        wrong("integer-division", BackpropExercises.assessOwnOperation(x -> Value.operation("cube/3", 1 / 3 * Math.pow(x.data(), 3),
                out -> x.addGrad(x.data() * x.data() * out.grad()), x)));
        wrong("x-grad", BackpropExercises.assessOwnOperation(x -> Value.operation("sine", Math.sin(x.data()),
                out -> x.addGrad(Math.cos(x.data()) * x.grad()), x)));
        wrong("adds-nothing", BackpropExercises.assessOwnOperation(x -> Value.operation("sine", Math.sin(x.data()),
                out -> out.addGrad(Math.cos(x.data()) * out.grad()), x)));
        wrong("accumulator", BackpropExercises.assessOwnOperation(x -> Value.operation("sine", Math.sin(x.data()),
                out -> x.addGrad(x.grad() + Math.cos(x.data()) * out.grad()), x)));
        wrong("constant", BackpropExercises.assessOwnOperation(x -> Value.operation("sine", 0.5,
                out -> x.addGrad(Math.cos(x.data()) * out.grad()), x)));
        wrong("adds-nothing", BackpropExercises.assessOwnOperation(x -> Value.operation("cube", Math.pow(x.data(), 3), out -> { }, x)));
        wrong("value", BackpropExercises.assessOwnOperation(x -> Value.operation("cube", Math.pow(x.data(), 3),
                out -> x.addGrad(out.data() * out.grad()), x)));
        wrong("library", BackpropExercises.assessOwnOperation(x -> x.tanh()));
        wrong("library", BackpropExercises.assessOwnOperation(x -> x.mul(x).add(1)));
        wrong("identity", BackpropExercises.assessOwnOperation(x -> x));
        wrong("null", BackpropExercises.assessOwnOperation(x -> null));
        wrong("straight", BackpropExercises.assessOwnOperation(x -> Value.operation("twice", 2 * x.data(), out -> x.addGrad(2 * out.grad()), x)));
        wrong("domain", BackpropExercises.assessOwnOperation(x -> Value.operation("log of x − 2", Math.log(x.data() - 2), out -> x.addGrad(out.grad() / (x.data() - 2)), x)));
    }
}
