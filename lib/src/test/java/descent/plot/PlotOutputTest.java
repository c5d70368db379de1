package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.function.Himmelblau;
import descent.optim.GradientDescent;
import descent.train.Minimizer;
import java.awt.image.BufferedImage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** What the plotting helpers hand to the notebook: HTML that is safe and complete, images of the right size. */
class PlotOutputTest {

    @Test
    void surfaceHtmlSetsPlotly3TitlesAndUsesAJsSafeId() {
        double[][] path = Minimizer.walk(new Himmelblau(), new GradientDescent(0.01), new double[] {0, 0}, 50).points();
        String html = Surface3D.of(new Himmelblau(), new Himmelblau().window())
                .axes("w", "b", "J(w, b)").title("Loss </script> surface").trajectory(path).html("/* plotly */");
        Matcher id = Pattern.compile("<div id=\"([^\"]+)\"").matcher(html);
        assertTrue(id.find(), html.substring(0, 200));
        assertTrue(id.group(1).matches("[A-Za-z_][A-Za-z0-9_]*"), "tablesaw uses the id as a JS variable: " + id.group(1));
        // Plotly 3 ignores string titles; they are set as title.text after drawing
        assertTrue(html.contains("layout.scene.xaxis.title = {text: \"w\"};\nlayout.scene.yaxis"), "x axis title");
        int z = html.indexOf("layout.scene.zaxis.title = {text: \"J(w, b)\"};");
        assertTrue(z > 0 && z < html.indexOf("Plotly.newPlot("), "z axis title, set before drawing");
        assertFalse(html.contains("Loss </script> surface"), "a title must not close the script element");
        assertTrue(html.contains("Loss \\u003c/script\\u003e surface"));
        assertTrue(html.contains("type: 'surface'") && html.contains("descent path"), "surface and path traces");
        // the static picture is shown unless the script runs (untrusted notebook, scripts off), then hidden
        Matcher still = Pattern.compile("<img id=\"(\\w+Static)\" class=\"descent-static\" alt=\"[^\"]*\" src=\"data:image/png;base64,").matcher(html);
        assertTrue(still.find(), "a visible static image for readers without JavaScript");
        assertFalse(html.contains("<noscript>"), "noscript stays hidden where scripts are on but not run (untrusted output)");
        int hide = html.indexOf("document.getElementById(\"" + still.group(1) + "\")");
        int then = html.indexOf(").then(function () {");
        assertTrue(then > html.indexOf("Plotly.newPlot(") && hide > then, "the script hides the static image once the chart is drawn");
        assertFalse(html.contains("http://") || html.contains("https://cdn"), "nothing fetched from the network");
    }

    @Test
    void jsStringEscapesQuotesBackslashesAndNonAscii() {
        assertEquals("\"a\\\"b\\\\c\"", Surface3D.jsString("a\"b\\c"));
        assertEquals("\"\\u03b7\"", Surface3D.jsString("η"));
    }

    @Test
    void tableHtmlEscapesCellsAndAlignsNumbers() {
        String html = Show.tableHtml(new String[] {"name", "value"},
                new Object[][] {{"<b>bold</b> & co", 2.5}, {"plain", 3}});
        assertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt; &amp; co"), html);
        assertFalse(html.contains("<b>bold"), html);
        assertTrue(html.contains("text-align:right\">2.50<") || html.contains("text-align:right\">2.5<"), html);
        assertTrue(html.contains("text-align:right\">3<"), "integers right-aligned too: " + html);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Show.tableHtml(new String[] {"a", "b"}, new Object[][] {{1}}));
        assertTrue(e.getMessage().contains("rows[0] has 1 cells"), e.getMessage());
    }

    @Test
    void tablesawTablesBecomeTheSameHtml() {
        Table t = Table.create("t", StringColumn.create("impl", "core", "<naive>"),
                DoubleColumn.create("ms", 1.25, 30.0));
        String html = Show.tableHtml(t);
        assertTrue(html.contains(">impl<") && html.contains(">ms<"), html);
        assertTrue(html.contains("&lt;naive&gt;"), html);
        assertTrue(html.contains("1.25") && html.contains(">30<"), html);
    }

    @Test
    void barChartRendersAndRejectsBadValues() {
        BufferedImage img = BarChart.of("Times", "n = 2", "n = 16").yLabel("ms").logY()
                .series("core", 1, 2).series("numpy", 3, 4).image();
        assertEquals(700, img.getWidth());
        assertEquals(420, img.getHeight());
        var e = assertThrows(IllegalArgumentException.class, () -> BarChart.of("T", "a", "b").series("s", 1));
        assertTrue(e.getMessage().contains("values has length 1") && e.getMessage().contains("(2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BarChart.of("T", "a").logY().series("s", 0));
        assertTrue(e.getMessage().contains("values[0] = 0.0") && e.getMessage().contains("> 0"), e.getMessage());
    }

    @Test
    void logXNeedsPositiveX() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> LineChart.of("T").logX().series("s", new double[] {0, 1}, new double[] {1, 2}).image());
        assertTrue(e.getMessage().contains("x[0] = 0.0") && e.getMessage().contains("> 0"), e.getMessage());
        assertEquals(640, LineChart.of("T").logX().series("s", new double[] {1, 10}, new double[] {1, 2}).image().getWidth());
    }

    @Test
    void heatMapLabelsCountsAsIntegers() {
        assertEquals("32", HeatMap.format(32.0));
        assertEquals("0.03", HeatMap.format(0.03));
        assertEquals("2.14e+85", HeatMap.format(2.14e85));
    }

    @Test
    void evenlySpacedCurvesGetRoundTicks() {
        // XChart ticks only data x values when {min, x…, max} are evenly spaced (to 1e-4), which gave
        // "0 51 102 153 …" for 1000 iterations and "0 11 22 …" for 200: the axis end must be round but off
        // that grid.
        for (int n : new int[] {13, 200, 1000, 6260}) {
            double max = LineChart.axisMax(n - 1, n - 1);
            double round = Math.floor(max);
            assertTrue(max - round > 1e-4 && max - round < 0.01 * n, n + " points: axis ends at " + max);
            assertTrue(round % Math.pow(10, Math.floor(Math.log10(n / 10.0))) == 0, n + " points: " + round + " is not round");
            assertTrue(Math.abs((max - (n - 1)) - 1) > 1e-4 || max - (n - 1) > 1.0001, "the end is off the data's grid");
        }
        assertEquals(7000, Math.floor(LineChart.axisMax(6259, 6259)), 0.0);
        double[] y = new double[200];
        java.util.Arrays.fill(y, 1);
        assertEquals(200, Math.floor(LineChart.of("T").series("s", y).chart().getStyler().getXAxisMax()), 0.0);
    }

    @Test
    void smallMultiplesPutOnePanelPerPathInRows() {
        var f = new descent.function.QuadraticBowl(20);
        java.util.List<descent.train.Path> paths = new java.util.ArrayList<>();
        for (double eta : new double[] {0.01, 0.05, 0.09, 0.098}) {
            paths.add(descent.train.Minimizer.walk(f, new descent.optim.GradientDescent(eta), new double[] {-9, 3}, 30));
        }
        var one = ContourPlot.of(f).logLevels().width(320).title(paths.get(0).label()).path(paths.get(0)).image();
        var grid = Plots.smallMultiples(f, paths, 3);
        assertEquals(3 * one.getWidth(), grid.getWidth(), "three panels a row");
        assertEquals(2 * one.getHeight(), grid.getHeight(), "four panels make two rows");
        assertThrows(IllegalArgumentException.class, () -> Plots.smallMultiples(f, paths, 0));
        assertThrows(IllegalArgumentException.class, () -> Plots.smallMultiples(f, java.util.List.of(), 3));
    }

    @Test
    void contourPlotsKeepOneUnitEquallyLongOnBothAxes() {
        var square = ContourPlot.of(new descent.function.QuadraticBowl(20)).width(500).image();   // window 20 × 20
        var wide = ContourPlot.of(new descent.function.BukinN6()).width(500).image();            // window 10 × 6
        int squarePlot = square.getHeight() - ContourPlot.PLOT_MARGIN_Y - LineChart.Style.legendHeight(1);
        int widePlot = wide.getHeight() - ContourPlot.PLOT_MARGIN_Y - LineChart.Style.legendHeight(1);
        assertEquals(500 - ContourPlot.PLOT_MARGIN_X, squarePlot, 1);
        assertEquals(0.6 * (500 - ContourPlot.PLOT_MARGIN_X), widePlot, 1);
    }
}
