package descent;

import static descent.BadInputTest.assertRejected;
import static descent.BadInputTest.classification;
import static descent.BadInputTest.regression;
import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.data.CsvData;
import descent.data.Dataset;
import descent.function.GradientCheck;
import descent.function.Sphere;
import descent.loss.LogLoss;
import descent.optim.Adam;
import descent.optim.GradientDescent;
import descent.optim.Momentum;
import descent.optim.Optimizer;
import descent.plot.LineChart;
import descent.train.Minimizer;
import descent.train.Path;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that used to give a number instead of an error (issue 16's probe): each is now rejected with
 * a message naming the parameter, the value and what is valid.
 */
class SilentWrongAnswersTest {
    @TempDir
    java.nio.file.Path dir;

    java.nio.file.Path csv(String text) throws IOException {
        java.nio.file.Path file = dir.resolve("data.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aColumnIndexPastTheLastColumnDoesNotReadTheNextRow() {
        Dataset d = regression();  // 20 rows, 2 columns
        assertEquals(d.x()[1 * 2 + 0], d.x(1, 0));
        assertRejected(() -> d.x(0, 2), "j = 2", "columns are 0..1");
        assertRejected(() -> d.x(20, 0), "i = 20", "rows are 0..19");
        assertRejected(() -> d.x(-1, 0), "i = -1");
        assertRejected(() -> d.y(20), "i = 20", "rows are 0..19");
        assertRejected(() -> d.column(-1), "j = -1", "columns are 0..1");
    }

    @Test
    void oneNonNumericCellNamesItsRowAndColumnInsteadOfDroppingTheColumn() throws IOException {
        java.nio.file.Path file = csv("size,rooms,price\n50,2,100\n60,3x,120\n70,3,130\n");
        assertRejected(() -> CsvData.load(file, "price"), "column \"rooms\"", "\"3x\"", "data row 2", "not a number");
        java.nio.file.Path target = csv("size,price\n50,100\n60,12O\n70,130\n");
        assertRejected(() -> CsvData.load(target, "price"), "column \"price\"", "\"12O\"", "data row 2");
        // a real text column is not a typo: it is left out of the default features
        Dataset named = CsvData.load(csv("city,size,price\nYork,50,100\nHull,60,120\n"), "price");
        assertEquals(1, named.cols());
    }

    @Test
    void aFileSeparatedBySemicolonsOrTabsSaysSo() throws IOException {
        assertRejected(() -> CsvData.load(csv("size;price\n50;100\n60;120\n"), "price"),
                "one column named \"size;price\"", "separated by ';'", "comma-separated");
        assertRejected(() -> CsvData.load(csv("size\tprice\n50\t100\n60\t120\n"), "price"), "separated by '\\t'");
    }

    @Test
    void aRowWithTooFewOrTooManyCellsGetsTheLibrarysOwnMessage() throws IOException {
        assertRejected(() -> CsvData.load(csv("a,b,price\n1,2,3\n4,5\n6,7,8\n"), "price"),
                "data row 2 (\"4,5\") has 2 cells but the header has 3");
        assertRejected(() -> CsvData.load(csv("a,b,price\n1,2,3\n4,5,6,7\n"), "price"),
                "data row 2 (\"4,5,6,7\") has 4 cells but the header has 3");
        assertEquals(2, CsvData.load(csv("a,\"b, quoted\",price\n1,2,3\n4,5,6\n"), "price").cols());
    }

    @Test
    void accuracyRejectsNaNWeightsAndLabelsThatAreNotZeroOrOne() {
        Dataset d = classification();
        assertRejected(() -> LogLoss.accuracy(d, new double[] {0, Double.NaN, 0}), "w[1] = NaN", "finite");
        Dataset counts = Dataset.of(new double[][] {{1, 0}, {1, 1}}, new double[] {0, 2});
        assertRejected(() -> LogLoss.accuracy(counts, new double[2]), "y[1] = 2.0", "for accuracy: labels must be 0 or 1");
    }

    @Test
    void anOptimiserStepWithANaNGradientOrWeightIsAnErrorNotNaNWeights() {
        for (Optimizer o : new Optimizer[] {new GradientDescent(0.1), new Momentum(0.1, 0.9), new Adam(0.1)}) {
            double[] theta = {1, 2};
            assertRejected(() -> o.step(theta, new double[] {0.5, Double.NaN}), "grad[1] = NaN", "finite");
            assertEquals(1, theta[0], "theta untouched");
            assertRejected(() -> o.step(new double[] {Double.POSITIVE_INFINITY, 0}, new double[2]),
                    "theta[0] = Infinity");
        }
    }

    @Test
    void aFiniteDifferenceStepTooSmallToChangeXIsRejected() {
        double[] p = {3, -2};
        assertRejected(() -> GradientCheck.forward(q -> q[0] * q[0], p, 1e-20), "eps = 1.0E-20", "p[0] = 3.0", "p + eps == p");
        assertRejected(() -> GradientCheck.central(q -> q[0] * q[0], p, 1e-14), "eps = 1.0E-14", "rounding");
        assertRejected(() -> GradientCheck.central(q -> q[0] < 3 ? Double.NaN : q[0], p, 1e-5),
                "difference quotient for p[0]", "not finite");
    }

    @Test
    void aGoalOfTheWrongDimensionOrANaNTargetIsRejected() {
        Path walk = Minimizer.walk(new Sphere(2), new GradientDescent(0.1), new double[] {1, 1}, 20);
        assertRejected(() -> walk.stepsToReach(new double[] {0, 0, 0}, 0.1), "goal has length 3", "must have length 2");
        assertRejected(() -> walk.stepsToReach(new double[] {0, 0}, -1), "radius");
        assertRejected(() -> walk.stepsToReach(Double.NaN), "target = NaN", "finite");
    }

    @Test
    void aSizeTypoIsAnErrorNotANegativeArraySizeOrOutOfMemory() {
        assertRejected(() -> descent.data.Datasets.linear(Integer.MAX_VALUE, 1), "m = 2147483647", "limit of 100000000");
        assertRejected(() -> descent.data.Datasets.permutation(Integer.MAX_VALUE, 1), "m = 2147483647");
        assertRejected(() -> Minimizer.walk(new Sphere(2), new GradientDescent(0.1), new double[2], Integer.MAX_VALUE),
                "maxSteps = 2147483647", "× 3");
    }

    @Test
    void theGradientCoresEntryPointsCheckTheirRanges() {
        double[] x = {1, 2, 3, 4};
        assertRejected(() -> descent.core.GradientCore.predict(x, 2, new double[] {1, 1}, 2), "row = 2", "rows are 0..1");
        assertRejected(() -> descent.core.GradientCore.predict(x, 2, new double[] {1}, 0), "w has length 1");
        double[] xOut = new double[4], yOut = new double[2];
        assertRejected(() -> descent.core.GradientCore.gather(x, new double[2], 2, new int[] {0, 5}, 0, 2, xOut, yOut),
                "rows[1] = 5", "rows are 0..1");
        assertRejected(() -> descent.core.GradientCore.gather(x, new double[2], 2, new int[] {0, 1}, 1, 3, xOut, yOut),
                "from = 1, to = 3");
    }

    @Test
    void aChartSaysWhichSeriesAndWhichPointIsNotFinite() {
        LineChart hole = LineChart.of("t").series("run A", new double[] {1, 2, Double.NaN, 4});
        assertRejected(hole::image, "series \"run A\"", "y[2] = NaN", "between finite values");
        LineChart badX = LineChart.of("t").series("run B", new double[] {0, Double.NaN}, new double[] {1, 2});
        assertRejected(badX::image, "series \"run B\"", "x[1] = NaN");
        // a run that blew up still draws, up to its last finite value
        LineChart.of("t").series("diverged", new double[] {1, 10, 1e3, Double.POSITIVE_INFINITY, Double.NaN}).image();
    }
}
