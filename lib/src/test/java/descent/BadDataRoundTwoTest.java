package descent;

import static descent.BadInputTest.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.core.GradientCore;
import descent.core.RowLoss;
import descent.data.CsvData;
import descent.data.Dataset;
import descent.data.Datasets;
import descent.data.Standardizer;
import descent.data.Tables;
import descent.function.Objective;
import descent.function.QuadraticBowl;
import descent.function.Sphere;
import descent.linalg.HessianSpectrum;
import descent.loss.L2Penalty;
import descent.loss.MeanSquaredError;
import descent.optim.CustomOptimizer;
import descent.optim.GradientDescent;
import descent.plot.BarChart;
import descent.plot.ContourPlot;
import descent.plot.LineChart;
import descent.plot.Plots;
import descent.plot.Surface3D;
import descent.schedule.Schedules;
import descent.train.Descent;
import descent.train.History;
import descent.train.Init;
import descent.train.Minimizer;
import descent.train.Path;
import descent.train.StopReason;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 52, round two of the silent wrong answers: each kind of input the issue found taken without a word
 * (a CSV's columns, numbers that overflow, charts that drop bad values, sizes that exhaust the heap, runs
 * that never end, divergence without its bound) now meets a clear error or a truthful result. The values
 * compared against are computed here independently (by hand, or on rescaled numbers).
 */
class BadDataRoundTwoTest {
    @TempDir
    java.nio.file.Path dir;

    java.nio.file.Path csv(String text) throws IOException {
        java.nio.file.Path file = dir.resolve("data.csv");
        Files.writeString(file, text);
        return file;
    }

    // ------------------------------------------------------------------ CSV files and data sets

    @Test
    void aCsvTargetNamedAgainAsAFeatureIsRefused() throws IOException {
        java.nio.file.Path file = csv("size,rooms,price\n50,2,100\n60,3,120\n70,3,130\n");
        assertRejected(() -> CsvData.load(file, "price", "size", "price"),
                "features[1] = \"price\" is invalid", "it is the target");
        assertRejected(() -> CsvData.load(file, "price", "size", "size"), "features[1] = \"size\"", "twice");
        assertRejected(() -> CsvData.load(file, "price", "size", " "), "features[1] = \" \"", "non-blank");
        assertRejected(() -> CsvData.load(file, "price", "size", null), "features[1] is null");
        assertRejected(() -> CsvData.load(file, ""), "target = \"\"", "non-blank");
        assertEquals(2, CsvData.load(file, "price", "size", "rooms").cols());
    }

    @Test
    void aCsvHeaderWithABlankOrRepeatedNameIsRefused() throws IOException {
        assertRejected(() -> CsvData.load(csv("size,,price\n50,2,100\n60,3,120\n"), "price"),
                "header cell 2 of 3", "is blank", "every column needs a name");
        assertRejected(() -> CsvData.load(csv("size,size,price\n50,2,100\n60,3,120\n"), "price"),
                "column \"size\" twice");
    }

    @Test
    void aDecimalCommaFileIsNamedAsASeparatorProblem() throws IOException {
        // a spreadsheet's export where the decimal mark is a comma: ';' between cells
        assertRejected(() -> CsvData.load(csv("size;price\n1,5;2,25\n3,5;4,75\n"), "price"),
                "separated by ';'", "decimal commas", "\"1,5;2,25\"", "comma-separated");
        // decimal commas in a comma-separated file: more cells than the header, and the likely reason
        assertRejected(() -> CsvData.load(csv("size,price\n1,5,2,25\n"), "price"),
                "has 4 cells but the header has 2", "write them with a point: 1.5");
    }

    @Test
    void aDatasetRefusesRepeatedBlankOrMissingNamesAndRows() {
        double[] x = {1, 2, 3, 4};
        double[] y = {1, 2};
        assertRejected(() -> new Dataset(x, y, 2, new String[] {"a", "a"}), "names[1] = \"a\"", "twice");
        assertRejected(() -> new Dataset(x, y, 2, new String[] {"a", " "}), "names[1] = \" \"", "non-blank");
        assertRejected(() -> new Dataset(x, y, 2, new String[] {"a", null}), "names[1] is null");
        assertRejected(() -> Dataset.of(new double[][] {{1, 2}, null}, y), "features[1] is null");
        assertThrows(IllegalStateException.class, () -> Datasets.linear(10, 1).withBias().withBias());
    }

    // ------------------------------------------------------------------ numbers that overflow

    @Test
    void standardisingAColumnOfHugeValuesGivesItsTrueMeanAndDeviation() {
        // ±1e200: the squares overflow, and the plain formula gave σ = ∞ and all zeros
        Dataset big = Dataset.of(new double[][] {{1e200}, {-1e200}, {1e200}, {-1e200}}, new double[] {1, 2, 3, 4});
        Standardizer s = Standardizer.fit(big);
        assertEquals(0, s.means()[0], 0);
        assertEquals(1e200, s.sds()[0], 1e186);
        assertEquals(1, s.transform(big).x(0, 0), 1e-12);
        assertEquals(-1, s.transform(big).x(1, 0), 1e-12);
        // near 1e308 the sum overflows: mean 1.4e308 and σ = √(0.26/3)·1e308, by hand on the values / 1e308
        Dataset top = Dataset.of(new double[][] {{1e308}, {1.5e308}, {1.7e308}}, new double[] {1, 2, 3});
        Standardizer t = Standardizer.fit(top);
        double sd = Math.sqrt((0.16 + 0.01 + 0.09) / 3);
        assertEquals(1.4e308, t.means()[0], 1e294);
        assertEquals(sd * 1e308, t.sds()[0], 1e294);
        assertEquals((1 - 1.4) / sd, t.transform(top).x(0, 0), 1e-12);
        assertEquals((1.7 - 1.4) / sd, t.transform(top).x(2, 0), 1e-12);
        // and tiny values, whose squares underflow to 0: not "a constant column"
        Dataset tiny = Dataset.of(new double[][] {{1e-300}, {2e-300}, {3e-300}}, new double[] {1, 2, 3});
        assertEquals(Math.sqrt(2.0 / 3) * 1e-300, Standardizer.fit(tiny).sds()[0], 1e-314);
        // the summary table of the same column
        assertEquals(1.4e308, Tables.summary(top).doubleColumn("mean").get(0), 1e294);
        assertEquals(Math.sqrt(0.26 / 2) * 1e308, Tables.summary(top).doubleColumn("sd").get(0), 1e294);
    }

    @Test
    void aScheduleAtANegativeStepIsRefused() {
        assertRejected(() -> Schedules.inverseTime(5, 50).rate(-50), "t = -50", "counts updates from 0");
        assertRejected(() -> Schedules.exponential(0.1, 0.5, 1).rate(-100), "t = -100");
        assertRejected(() -> Schedules.constant(0.1).rate(-1), "t = -1");
        assertEquals(0.1, Schedules.inverseTime(5, 50).rate(0), 1e-15);
    }

    @Test
    void aCustomRuleThatWritesNaNIsReportedAsDivergenceNamingTheRule() {
        CustomOptimizer broken = new CustomOptimizer("my rule", 0.1, 0, (theta, grad, eta, t, state) -> {
            for (int i = 0; i < theta.length; i++) theta[i] -= eta * grad[i] + Math.sqrt(t - 1.0);  // √−1 on the first step
        });
        History h = Descent.of(MeanSquaredError.mean(), BadInputTest.regression()).optimizer(broken).maxIterations(10).run();
        assertEquals(StopReason.DIVERGED, h.stopReason());
        assertTrue(h.message().contains("update 1 of my rule made θ[0] = NaN from a finite θ and gradient"), h.message());
        assertTrue(h.message().contains("Look at the update rule of my rule"), h.message());
        Path p = Minimizer.walk(new Sphere(2), broken, new double[] {1, 1}, 10);
        assertTrue(p.diverged());
        assertTrue(p.message().contains("update 1 of my rule made θ[0] = NaN"), p.message());
    }

    // ------------------------------------------------------------------ sizes

    @Test
    void sizesThatWouldExhaustTheHeapAreRefusedBeforeAllocating() {
        assertRejected(() -> Init.zeros().weights(Integer.MAX_VALUE), "n (number of weights) = 2147483647");
        assertRejected(() -> Init.random(1).weights(-1), "n (number of weights) = -1");
        long heapMb = (Runtime.getRuntime().maxMemory() + (1 << 19)) >> 20;  // MiB, to the nearest
        assertRejected(() -> Check.fitsHeap("m × n = 1000000 × 100000", 800_000_000_000L),
                "m × n = 1000000 × 100000 is invalid", "762939 MiB", "heap of " + heapMb + " MiB", "Runtime.maxMemory()");
        assertRejected(() -> LineChart.of("t").size(100_000, 100_000), "width = 100000", "at most 10000 pixels");
        assertRejected(() -> ContourPlot.of(new Sphere(2)).size(400, 100_000), "height = 100000");
        assertRejected(() -> BarChart.of("t", "a").size(100_000, 200), "width = 100000");
        assertRejected(() -> ContourPlot.of(new Sphere(2)).levels(Integer.MAX_VALUE), "count = 2147483647", "from 2 to 200");
    }

    /** Σ ½(z − y)² per row, written out: the gradient core's checks do not depend on the loss. */
    static final RowLoss HALF_SQUARES = new RowLoss() {
        @Override public double value(double z, double y) { return 0.5 * (z - y) * (z - y); }
        @Override public double slope(double z, double y) { return z - y; }
        @Override public void slopes(double[] z, double[] y, int at, int count, double[] work) {
            for (int k = 0; k < count; k++) z[k] = z[k] - y[at + k];
        }
        @Override public double valuesAndSlopes(double[] z, double[] y, int at, int count, double[] work) {
            double s = 0;
            for (int k = 0; k < count; k++) {
                z[k] = z[k] - y[at + k];
                s += 0.5 * z[k] * z[k];
            }
            return s;
        }
    };

    @Test
    void aRowRangePastTheEndOrReversedIsRefusedByTheCore() {
        double[] x = {1, 2, 3, 4, 5, 6};   // 3 rows, 2 columns
        double[] y = {1, 2, 3};
        double[] w = {0.5, 0.5}, g = new double[2];
        // rows 0..2 by hand: z = 1.5, 3.5, 5.5; ½Σ(z − y)² = ½(0.25 + 2.25 + 6.25)
        assertEquals(4.375, GradientCore.sum(HALF_SQUARES, x, y, 2, w, null, 0, 3, g), 1e-12);
        assertRejected(() -> GradientCore.sum(HALF_SQUARES, x, y, 2, w, null, 0, 4, g), "rows [0, 4)", "to <= 3");
        assertRejected(() -> GradientCore.sum(HALF_SQUARES, x, y, 2, w, null, 2, 1, g), "rows [2, 1)");
        assertRejected(() -> GradientCore.sum(HALF_SQUARES, x, y, 2, w, new int[] {0, 3}, 0, 2, g), "rows[1] = 3");
    }

    // ------------------------------------------------------------------ charts

    @Test
    void aNaNInAPathIsAnErrorAndADivergedPathIsNamed() {
        ContourPlot plot = ContourPlot.of(new Sphere(2));
        assertRejected(() -> plot.path("p", new double[][] {{1, 1}, {Double.NaN, 1}, {0, 0}}),
                "points[1] of path \"p\" = [NaN, 1.0]", "between finite points");
        assertRejected(() -> plot.path("p", new double[][] {{Double.NaN, 1}, {0, 0}}), "must start at a finite point");
        String alt = ContourPlot.of(new Sphere(2)).path("p", new double[][] {{1, 1}, {2, 2}, {Double.NaN, Double.NaN}})
                .image().altText();
        assertTrue(alt.contains("p: 1 step from (1, 1), diverges after (2, 2)"), alt);
        assertRejected(() -> plot.path(" ", new double[][] {{1, 1}}), "label = \" \"");
        assertRejected(() -> plot.path("q", new double[][] {{1, 1}}).path("q", new double[][] {{0, 1}}), "used twice");
        assertRejected(() -> plot.minima(new double[][] {{Double.NaN, 0}}), "points[0][0] = NaN");
        assertRejected(() -> Surface3D.of(new Sphere(2), new double[] {-1, 1, -1, 1})
                .trajectory(new double[][] {{0, 0}, {Double.NaN, 0}, {1, 1}}), "points[1] of the trajectory");
    }

    @Test
    void aFunctionThatIsNaNEverywhereIsAnError() {
        Objective nowhere = new Objective() {
            @Override public int dimension() { return 2; }
            @Override public double value(double[] p) { return Double.NaN; }
            @Override public void gradient(double[] p, double[] grad) { grad[0] = grad[1] = Double.NaN; }
        };
        double[] window = {-1, 1, -1, 1};
        assertRejected(() -> ContourPlot.of(nowhere, window).image(), "NaN or ∞ at every point of the window");
        assertRejected(() -> Surface3D.of(nowhere, window).image(), "NaN or ∞ at every point of the window");
    }

    @Test
    void aSeriesWithFiniteValuesIsNotCalledEmpty() {
        LineChart chart = LineChart.of("t").series("s", new double[] {Double.NaN, 1, 2});
        assertRejected(chart::image, "y[0] = NaN before finite values (y[1] = 1.0)");
        assertRejected(() -> LineChart.of("t").series("s", new double[] {Double.NaN, Double.NaN}).image(),
                "no finite value to draw: y[0] = NaN");
        assertRejected(() -> LineChart.of("t").series("s", new double[] {1, 2}).point("min", 0, Double.NaN,
                java.awt.Color.RED), "point \"min\": y = NaN");
        assertRejected(() -> LineChart.of("t").series("s", new double[] {1, 2}).hLine(Double.NaN, "g"), "y (the guide's position) = NaN");
        assertRejected(() -> Plots.heatMap("t", "x", new double[] {Double.NaN, 1}, "y", new double[] {1},
                new double[][] {{1, 2}}), "xs[0] = NaN");
    }

    @Test
    void aDecisionBoundaryNeedsLabelsZeroOrOneAndAWeightOnAFeature() {
        Dataset three = Dataset.of(new double[][] {{0, 0}, {1, 1}, {2, 0}}, new double[] {0, 1, 2}).withBias();
        assertRejected(() -> Plots.decisionBoundary(three, new double[] {0, 1, 1}, "t"), "data.y(2) = 2.0", "labelled 0 and 1");
        Dataset two = Datasets.twoClass(20, 1).withBias();
        assertRejected(() -> Plots.decisionBoundary(two, new double[] {1, 0, 0}, "t"), "w = [1.0, 0.0, 0.0]", "w1 = w2 = 0");
    }

    @Test
    void repeatedOrBlankBarCategoriesAndSeriesNamesAreRefused() {
        assertRejected(() -> BarChart.of("t", "a", "b", "a"), "categories[2] = \"a\"", "twice");
        assertRejected(() -> BarChart.of("t", "a", ""), "categories[1] = \"\"");
        assertRejected(() -> BarChart.of("t", "a", "b").series("s", 1, 2).series("s", 3, 4), "name = \"s\"", "used twice");
        assertRejected(() -> LineChart.of("t").series("", new double[] {1}), "name = \"\"", "non-blank");
    }

    // ------------------------------------------------------------------ runs that end, and their bounds

    @Test
    void aRunWithoutABudgetStopsAtTheDefaultOneAndSaysSo() {
        History h = Descent.of(MeanSquaredError.mean(), BadInputTest.regression()).optimizer(new GradientDescent(1e-6))
                .tolerance(1e-300).run();
        assertEquals(Descent.DEFAULT_MAX_ITERATIONS, h.iterations());
        assertTrue(h.message().contains("(the default budget of 100,000 iterations: no maxIterations(...) or "
                + "maxEpochs(...) was set)"), h.message());
        assertRejected(() -> Descent.of(MeanSquaredError.mean(), BadInputTest.regression()).maxIterations(Long.MAX_VALUE),
                "maxIterations = 9223372036854775807", "too large to mean anything", "292 years");
        assertRejected(() -> Descent.of(MeanSquaredError.mean(), Datasets.linear(2000, 1)).stochastic()
                .optimizer(new GradientDescent(0.1)).maxEpochs(Integer.MAX_VALUE).run(), "maxEpochs = 2147483647",
                "2000 updates per epoch", "too large to mean anything");
    }

    @Test
    void divergenceOfPenalisedStochasticAndWalkRunsGivesTheBound() {
        Dataset data = Datasets.linear(50, 3);   // no bias column: the penalty adds λ to every eigenvalue
        double lambdaMax = HessianSpectrum.of(MeanSquaredError.mean(), data).lambdaMax();
        History penalised = Descent.of(L2Penalty.of(MeanSquaredError.mean(), 0.5), data)
                .optimizer(new GradientDescent(10)).maxIterations(200).run();
        assertTrue(penalised.diverged(), penalised.message());
        String bound = String.format(Locale.ROOT, "η < 2/λ_max = %.4g", 2 / (lambdaMax + 0.5));
        assertTrue(penalised.message().contains("penalised least-squares") && penalised.message().contains(bound),
                penalised.message() + " should contain " + bound);
        History stochastic = Descent.of(MeanSquaredError.mean(), data).stochastic()
                .optimizer(new GradientDescent(5)).maxEpochs(20).run();
        assertTrue(stochastic.diverged(), stochastic.message());
        String batchBound = String.format(Locale.ROOT, "η < 2/λ_max = %.4g", 2 / lambdaMax);
        assertTrue(stochastic.message().contains("even full-batch GD(η=5) converges only for " + batchBound),
                stochastic.message());
        // the bowl ½(x² + 10y²): λ_max = 10, so fixed steps need η < 0.2
        Path walk = Minimizer.walk(new QuadraticBowl(10), new GradientDescent(0.3), new double[] {1, 1}, 200);
        assertTrue(walk.diverged());
        assertTrue(walk.message().contains("converges only for η < 2/λ_max = 0.2000, λ_max = 10.00"), walk.message());
        assertTrue(walk.toString().contains("2/λ_max"), walk.toString());
    }
}
