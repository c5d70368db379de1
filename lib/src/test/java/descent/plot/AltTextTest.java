package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.function.Himmelblau;
import descent.function.SampleMse;
import descent.function.Sphere;
import descent.optim.GradientDescent;
import descent.optim.Momentum;
import descent.train.Minimizer;
import descent.train.Path;
import descent.data.Datasets;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The charts' text alternatives (issue #40) say what each chart shows from the data it drew: checked against
 * sentences written out by hand for small charts, and against values computed here for the others.
 */
class AltTextTest {

    @Test
    void learningCurvesThatStartTogetherAreSaidTogetherAndADivergedOneSaysWhen() {
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("η = 0.05", new double[] {213, 40, 5, 1.45});
        curves.put("η = 0.3", new double[] {213, 3, 0.9, 0.82});
        curves.put("η = 0.9", new double[] {213, 900, 3e4, 2.5e6});
        curves.put("η = 2", new double[] {213, 5e5, Double.POSITIVE_INFINITY, Double.NaN});
        ChartImage img = Plots.learningCurves("Learning curves", curves, true);
        assertEquals("Learning curves: cost J against iteration from 0 to 3, cost J on a log scale. cost J falls from "
                + "213 to 1.45 (η = 0.05) and 0.82 (η = 0.3); rises to 2500000 (η = 0.9); η = 2 diverges after iteration 1.",
                img.altText());
        assertEquals(img.altText(), img.toString(), "IJava shows toString() as the picture's text/plain");
    }

    @Test
    void aSingleCurveSaysWhereItIsLowestWhenThatIsNotItsEnd() {
        double[] m = {1, 1.5, 2, 2.5, 3}, mse = {1.1, 0.35, 0.09, 0.34, 1.06};
        String alt = LineChart.of("Error curve").xLabel("m").yLabel("MSE(m)").series("MSE(m)", m, mse)
                .point("minimum", 2, 0.09, java.awt.Color.RED).vLine(2.5, "m = 2.5").altText();
        assertEquals("Error curve: MSE(m) against m from 1 to 3. minimum at (2, 0.09). a dashed guide line m = 2.5. "
                + "MSE(m) falls from 1.1 to 1.06; its lowest 0.09, at m 2.", alt);
    }

    @Test
    void stepsArePathsWithTheirEnds() {
        String alt = LineChart.of("Steps").xLabel("m").yLabel("f").steps("GD", new double[] {1, 1.8, 1.96},
                new double[] {1, 0.04, 0.0016}, java.awt.Color.RED).altText();
        assertEquals("Steps: f against m from 1 to 1.96. GD: 3 points from (1, 1) to (1.96, 0.0016).", alt);
    }

    @Test
    void aContourPlotSaysEachPathsStepsEndAndDistanceToTheMinimum() {
        Sphere f = new Sphere(2);
        Path p = Minimizer.walk(f, new GradientDescent(0.1), new double[] {3, 4}, 10);
        double[] last = p.last();
        String alt = ContourPlot.of(f).title("Sphere").path(p).altText();
        double value = last[0] * last[0] + last[1] * last[1];   // f(x, y) = x² + y², by hand
        assertTrue(alt.startsWith("Sphere: contour lines of " + f.name() + " over x from "), alt);
        assertTrue(alt.contains("Minimum at (0, 0)."), alt);
        assertTrue(alt.contains(p.label() + ": 10 steps from (3, 4) to " + AltText.point(last[0], last[1])
                + ", where f = " + AltText.number(value) + ", " + AltText.number(Math.sqrt(value))
                + " from the nearest minimum."), alt);
    }

    @Test
    void smallMultiplesDescribeEveryPanelsPath() {
        Himmelblau f = new Himmelblau();
        Path a = Minimizer.walk(f, new GradientDescent(0.01), new double[] {0, 0}, 50);
        Path b = Minimizer.walk(f, new Momentum(0.01, 0.9), new double[] {0, 0}, 50);
        String alt = Plots.smallMultiples(f, List.of(a, b), 2).altText();
        assertTrue(alt.startsWith("2 contour plots side by side, one path each, all the same contours of Himmelblau"), alt);
        assertTrue(alt.contains(a.label() + ": 50 steps") && alt.contains(b.label() + ": 50 steps"), alt);
        assertTrue(alt.contains("Minima at (3, 2), "), alt);
    }

    @Test
    void aHeatMapSaysItsLowestHighestAndDivergedCellsAndEveryCellWhenSmall() {
        double[] etas = {0.01, 0.1}, mus = {0, 0.9};
        double[][] cost = {{5, 1.2}, {0.8, Double.NaN}};
        String alt = Plots.heatMap("Final cost", "η", etas, "μ", mus, cost).altText();
        assertEquals("Final cost: heat map over η = 0.01 and 0.1 and μ = 0 and 0.9. Lowest 0.8 at η 0.01, μ 0.9; "
                + "highest 5 at η 0.01, μ 0. 1 cell diverged: η 0.1 with μ 0.9. μ 0: 5, 1.2. μ 0.9: 0.8, diverged.", alt);
    }

    @Test
    void aBarChartSaysEveryBar() {
        String alt = BarChart.of("Time", "n = 2", "n = 16").yLabel("ms").series("core", 0.5, 4.3)
                .series("numpy", 1.6, 12.3).altText();
        assertEquals("Time: bar chart of ms for 2 categories, one bar each for core and numpy. n = 2: core 0.5, "
                + "numpy 1.6. n = 16: core 4.3, numpy 12.3.", alt);
    }

    @Test
    void fittedLinesSayTheFirstAndTheLastLine() {
        var data = Datasets.linear(20, 7);
        String alt = Plots.fittedLines(data, List.of(new double[] {0.5, 1}, new double[] {1, 2}, new double[] {2, -3}),
                new double[] {0, 2, 0, 10}).altText();
        assertTrue(alt.startsWith("Fitted line after each iteration: 20 data points (x from "), alt);
        assertTrue(alt.endsWith("and 3 lines, pale to dark: the first y = 0.5 + 1·x, the last y = 2 − 3·x."), alt);
    }

    @Test
    void aSurfaceSaysItsLowestPointOnTheGridAndItsPath() {
        Sphere f = new Sphere(2);
        String alt = Surface3D.of(f, new double[] {-2, 2, -2, 2}).title("Bowl")
                .trajectory(new double[][] {{2, 2}, {1, 1}, {0.5, 0.5}}).altText();
        // the 50 × 50 grid's nearest points to 0 are ±2/49: z there is 2·(2/49)²
        double corner = 2 * Math.pow(2.0 / 49, 2);
        assertTrue(alt.startsWith("Bowl: 3-D surface of z over x from -2 to 2 and y from -2 to 2. z runs from "
                + AltText.number(corner) + ", lowest at "), alt);
        assertTrue(alt.endsWith("to 8. A descent path of 2 steps runs on it from (2, 2) to (0.5, 0.5), where z = 0.5."), alt);
    }

    @Test
    void aChartImageIsThePictureItWrapsWithItsText() {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0x123456);
        ChartImage chart = new ChartImage(img, "a picture");
        assertSame(img.getRaster(), chart.getRaster(), "no copy of the pixels");
        assertEquals(0x123456, chart.getRGB(1, 1) & 0xffffff);
        assertThrows(IllegalArgumentException.class, () -> new ChartImage(img, " "));
    }

    @Test
    void explorersAnnounceEachFrameAndTheirStillSaysEveryRate() {
        SampleMse f = new SampleMse(Datasets.normalSample(200, 2.0, 0.3, 42));
        double[] etas = {0.1, 1.05, 2.5};
        Explorer e = Explorers.learningRate(f, 1.0, etas, 10, 1, 3);
        assertEquals(etas.length, e.frameDescriptions().size());
        Path diverging = Minimizer.walk(f, new GradientDescent(2.5), new double[] {1.0}, 10);
        assertTrue(diverging.diverged());
        assertEquals("η = 2.5: diverged after " + diverging.steps() + " steps", e.frameDescriptions().get(2));
        for (String said : e.frameDescriptions()) assertTrue(e.image().altText().contains(said), e.image().altText());
        String html = e.html(null);
        assertTrue(html.contains("<input type=\"range\""), "a native slider");
        assertTrue(html.contains("<label for=\""), "with a label");
        assertTrue(html.contains("role=\"status\" aria-live=\"polite\""), "and a live region");
        assertTrue(html.contains(">" + e.frameDescriptions().get(0) + "</p>"), "which opens on the first frame");
    }

    @Test
    void aHeatMapExplorerCarriesItsValuesAsATable() {
        String html = Explorers.heatMap("Cost", "η", new double[] {0.1, 1}, "b", new double[] {8, 32},
                new double[][] {{1.5, Double.NaN}, {0.7, 3}}).html(null);
        assertTrue(html.contains("<details class=\"descent-data\"><summary>The values as a table</summary>"), html);
        String table = html.substring(html.indexOf("<details"));
        int top = table.indexOf(">b = 32<"), bottom = table.indexOf(">b = 8<");
        assertTrue(top > 0 && top < bottom, "rows from the top of the picture down");
        assertTrue(table.contains(">diverged</td>"), "a diverged cell says so");
    }

    @Test
    void everyPaletteColourReaches3To1OnWhiteAndTheDashesDiffer() {
        for (int k = 0; k < Palette.HEX.length; k++) {
            assertTrue(Palette.contrastOnWhite(Palette.color(k)) >= 3.0, Palette.HEX[k]);
        }
        assertEquals(21.0, Palette.contrastOnWhite(java.awt.Color.BLACK), 1e-9);   // WCAG's own end point
        assertEquals(4.54, Palette.contrastOnWhite(new java.awt.Color(0x767676)), 0.01);   // the known AA grey
        for (int a = 0; a < Palette.PLOTLY_DASH.length; a++) {
            for (int b = a + 1; b < Palette.PLOTLY_DASH.length; b++) {
                assertNotEquals(java.util.Arrays.toString(Palette.stroke(a, 2f).getDashArray()),
                        java.util.Arrays.toString(Palette.stroke(b, 2f).getDashArray()));
            }
        }
    }
}
