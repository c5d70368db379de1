package descent.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.loss.LogLoss;
import descent.loss.MeanSquaredError;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * GradientProbe against gradients written the way students write them, each with one slip. The reference is checked
 * against the library's losses (independent code); each slip must get its own diagnosis, and only that one.
 */
class GradientProbeTest {
    private static final DoubleUnaryOperator ID = z -> z;

    /** A student's ∇J = (c/m) Σ (h(pred_i) − y_i) x_i, with the slip given by the flags. */
    private record Student(DoubleUnaryOperator h, double c, int rowStart, int rowCut, int colStart, double predSign,
                           double ySign, boolean times, boolean divide, boolean resetPred, boolean xInPred,
                           boolean wInPred, boolean transposed) implements DataGradient {
        static Student right(DoubleUnaryOperator h, double c) {
            return new Student(h, c, 0, 0, 0, 1, 1, true, true, true, true, true, false);
        }

        @Override
        public void into(Dataset d, double[] w, double[] g) {
            Arrays.fill(g, 0);
            double pred = 0;
            for (int i = rowStart; i < d.rows() - rowCut; i++) {
                if (resetPred) pred = 0;
                for (int k = colStart; k < d.cols(); k++) {
                    double x = transposed ? d.x(k, i) : d.x(i, k);
                    pred += predSign * (xInPred ? x : 1) * (wInPred ? w[k] : 1);
                }
                double r = h.applyAsDouble(pred) - ySign * d.y(i);
                for (int j = 0; j < d.cols(); j++) g[j] += c * (divide ? 1.0 / d.rows() : 1) * r * (times ? d.x(i, j) : 1);
            }
        }
    }

    private static String diagnosis(DataGradient g, DoubleUnaryOperator h, double c) {
        GradientProbe probe = new GradientProbe(g, h, c);
        GradientProbe.Findings f = probe.findings();
        assertNull(probe.changedArgument());
        List<String> all = GradientDiagnosis.of("your gradient", 100, h, c).consistent(f);
        return all.isEmpty() ? "other" : all.get(0);
    }

    @Test
    void theReferenceIsTheLibrarysGradient() {
        Dataset d = Dataset.of(new double[][] {{1, 2, -1}, {1, -0.5, 3}, {1, 0.25, 0.5}}, new double[] {1, 0, 1});
        double[] w = {0.2, -0.4, 0.3}, mse = new double[3], log = new double[3];
        MeanSquaredError.mean().valueAndGradient(d, w, mse);
        new LogLoss().valueAndGradient(d, w, log);
        assertTrue(Compare.close(new GradientProbe(null, ID, 2).reference(d, w), mse, 1e-12));
        assertTrue(Compare.close(new GradientProbe(null, LogLoss::sigmoid, 1).reference(d, w), log, 1e-12));
    }

    @Test
    void aRightGradientIsConsistentWithNoMistake() {
        for (DoubleUnaryOperator h : List.of(ID, (DoubleUnaryOperator) LogLoss::sigmoid)) {
            double c = h == ID ? 2 : 1;
            GradientProbe probe = new GradientProbe(Student.right(h, c), h, c);
            assertEquals(List.of(), GradientDiagnosis.of("g", 100, h, c).consistent(probe.findings()));
        }
    }

    @Test
    void eachSlipHasItsOwnDiagnosisForBothModels() {
        for (DoubleUnaryOperator h : List.of(ID, (DoubleUnaryOperator) LogLoss::sigmoid)) {
            double c = h == ID ? 2 : 1;
            Student r = Student.right(h, c);
            String name = h == ID ? "least squares: " : "logistic: ";
            assertEquals("first-row", diagnosis(new Student(h, c, 1, 0, 0, 1, 1, true, true, true, true, true, false), h, c), name);
            assertEquals("last-row", diagnosis(new Student(h, c, 0, 1, 0, 1, 1, true, true, true, true, true, false), h, c), name);
            assertEquals("prediction-first", diagnosis(new Student(h, c, 0, 0, 1, 1, 1, true, true, true, true, true, false), h, c), name);
            assertEquals("prediction-sign", diagnosis(new Student(h, c, 0, 0, 0, -1, 1, true, true, true, true, true, false), h, c), name);
            assertEquals("y-sign", diagnosis(new Student(h, c, 0, 0, 0, 1, -1, true, true, true, true, true, false), h, c), name);
            assertEquals("missing-x", diagnosis(new Student(h, c, 0, 0, 0, 1, 1, false, true, true, true, true, false), h, c), name);
            assertEquals("missing-1/m", diagnosis(new Student(h, c, 0, 0, 0, 1, 1, true, false, true, true, true, false), h, c), name);
            assertEquals("carried-over", diagnosis(new Student(h, c, 0, 0, 0, 1, 1, true, true, false, true, true, false), h, c), name);
            assertEquals("prediction-no-x", diagnosis(new Student(h, c, 0, 0, 0, 1, 1, true, true, true, false, true, false), h, c), name);
            assertEquals("prediction-no-w", diagnosis(new Student(h, c, 0, 0, 0, 1, 1, true, true, true, true, false, false), h, c), name);
            assertEquals("swapped-index", diagnosis(new Student(h, c, 0, 0, 0, 1, 1, true, true, true, true, true, true), h, c), name);
            assertEquals("sign", diagnosis(new Student(h, -c, 0, 0, 0, 1, 1, true, true, true, true, true, false), h, c), name);
            assertEquals("twice", diagnosis(new Student(h, 2 * c, 0, 0, 0, 1, 1, true, true, true, true, true, false), h, c), name);
            assertEquals("factor", diagnosis(new Student(h, 3 * c, 0, 0, 0, 1, 1, true, true, true, true, true, false), h, c), name);
            DataGradient byColumns = (d, w, g) -> {
                r.into(d, w, g);
                for (int j = 0; j < g.length; j++) g[j] *= (double) d.rows() / d.cols();
            };
            assertEquals("columns-for-rows", diagnosis(byColumns, h, c), name);
            assertEquals("zero", diagnosis((d, w, g) -> Arrays.fill(g, 0), h, c), name);
            assertEquals("no-prediction", diagnosis((d, w, g) -> r.into(d, new double[w.length], g), h, c), name);
            DataGradient integer = (d, w, g) -> {
                r.into(d, w, g);
                for (int j = 0; j < g.length; j++) g[j] *= d.rows() * (int) (c / d.rows()) / c;
            };
            assertEquals("integer-division", diagnosis(integer, h, c), name);
        }
    }

    @Test
    void aChangedArgumentIsReportedWhateverTheAnswer() {
        GradientProbe probe = new GradientProbe((d, w, g) -> {
            Student.right(ID, 2).into(d, w, g);
            w[0] -= 0.1 * g[0];
        }, ID, 2);
        Feedback f = probe.diagnose("your gradient", 100, null);
        assertEquals("changes-argument", f.mistake(), f.message());
    }

    @Test
    void whatNoHypothesisExplainsIsSaidHonestlyOrRethrown() {
        DataGradient odd = (d, w, g) -> {
            Student.right(ID, 2).into(d, w, g);
            g[0] += 0.01 * d.y(0) * d.y(0);   // a term nobody listed
        };
        Feedback f = new GradientProbe(odd, ID, 2).diagnose("your gradient", 100, null);
        assertEquals("other", f.mistake(), f.message());
        assertTrue(f.message().startsWith("your gradient is not (2/m) Σ_i (x_iᵀw − y_i) x_ij"), f.message());
        IllegalStateException thrown = new IllegalStateException("boom");
        try {
            new GradientProbe(odd, ID, 2).diagnose("your gradient", 100, thrown);
            throw new AssertionError("should rethrow");
        } catch (IllegalStateException e) {
            assertEquals("boom", e.getMessage());
        }
    }
}
