package descent.plot;

import descent.Check;
import descent.data.Dataset;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Ready-made charts of the course: learning curves, fitted lines, heat maps, decision boundaries. */
public final class Plots {
    private Plots() {}

    /** Several cost curves (name → cost per iteration or epoch) on one chart. */
    public static ChartImage learningCurves(String title, Map<String, double[]> curves, boolean logY) {
        Check.notNull("curves", curves);
        if (curves.isEmpty()) throw new IllegalArgumentException("curves is empty: give at least one learning curve");
        for (Map.Entry<String, double[]> c : curves.entrySet()) Check.notNull("curves' value for \"" + c.getKey() + "\"", c.getValue());
        LineChart chart = LineChart.of(title).xLabel("iteration").yLabel("cost J");
        if (logY) chart.logY();
        curves.forEach(chart::series);
        return chart.image();
    }

    /**
     * Small multiples: one contour plot of f per path, side by side in rows of {@code columns}, all with the
     * same window, levels and scale, so paths that would tangle on one plot can be compared at a glance
     * (Tufte, <i>Envisioning Information</i>, ch. 4).
     */
    public static ChartImage smallMultiples(descent.function.TestFunction f, List<descent.train.Path> paths,
                                               int columns) {
        Check.notNull("f", f);
        Check.notNull("paths", paths);
        if (paths.isEmpty()) throw new IllegalArgumentException("paths is empty: give at least one path");
        if (columns < 1 || columns > 6) {
            throw new IllegalArgumentException("columns = " + columns + " is invalid: it must be from 1 to 6");
        }
        int panelWidth = Math.max(260, 960 / Math.min(columns, paths.size()));
        List<BufferedImage> panels = new ArrayList<>();
        StringBuilder alt = new StringBuilder();
        for (int k = 0; k < paths.size(); k++) {
            descent.train.Path p = Check.notNull("paths[" + k + "]", paths.get(k));
            ContourPlot panel = ContourPlot.of(f).logLevels().width(panelWidth).title(p.label()).path(p);
            panels.add(panel.image());
            if (k == 0) alt.append(AltText.count(paths.size(), "contour plot", "contour plots")).append(" side by side, one path ")
                    .append("each, all the same ").append(panel.surfacePhrase().replaceFirst("^contour lines", "contours")).append('.')
                    .append(panel.minimaPhrase());
            alt.append(panel.pathsPhrase());
        }
        return new ChartImage(grid(panels, columns), alt.toString());
    }

    /** Pictures in a grid, row by row, on white. */
    static BufferedImage grid(List<BufferedImage> panels, int columns) {
        int cols = Math.min(columns, panels.size()), rows = (panels.size() + cols - 1) / cols;
        int w = 0, h = 0;
        for (BufferedImage p : panels) {
            w = Math.max(w, p.getWidth());
            h = Math.max(h, p.getHeight());
        }
        BufferedImage out = new BufferedImage(cols * w, rows * h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int k = 0; k < panels.size(); k++) g.drawImage(panels.get(k), (k % cols) * w, (k / cols) * h, null);
        g.dispose();
        return out;
    }

    /**
     * The data (one feature, no bias column) and the line y = w0 + w1·x for each weight vector,
     * earlier lines pale and later ones dark, in the window {xmin, xmax, ymin, ymax}.
     */
    public static ChartImage fittedLines(Dataset oneFeature, List<double[]> weights, double[] window) {
        Check.notNull("oneFeature", oneFeature);
        Check.notNull("weights", weights);
        Check.length("window", window, 4, "{xmin, xmax, ymin, ymax}");
        Check.finite("window", window);
        if (oneFeature.cols() != 1) {
            throw new IllegalArgumentException("oneFeature has " + oneFeature.cols()
                    + " columns but must have exactly 1 (the feature x, without the bias column)");
        }
        if (weights.isEmpty()) throw new IllegalArgumentException("weights is empty: give at least one {w0, w1}");
        LineChart lc = LineChart.of("Fitted line after each iteration").xLabel("x").yLabel("y")
                .xRange(window[0], window[1]).yRange(window[2], window[3])
                .scatter("data", oneFeature.column(0), oneFeature.y(), new Color(90, 90, 90));
        int k = weights.size();
        for (int i = 0; i < k; i++) {
            double[] w = Check.length("weights[" + i + "]", weights.get(i), 2, "{w0 intercept, w1 slope}");
            Check.finite("weights[" + i + "]", w);  // a NaN line would vanish from the chart
            float shade = k == 1 ? 1f : (float) i / (k - 1);
            // pale #6f8fc7 (3.3:1 on white, the least a line needs) to dark #08519c
            Color c = new Color((int) (111 - 103 * shade), (int) (143 - 62 * shade), (int) (199 - 43 * shade));
            String name = i == k - 1 ? "after " + k + (k == 1 ? " iteration" : " iterations") : "iteration " + (i + 1);
            lc.series(name, new double[] {window[0], window[1]},
                    new double[] {w[0] + w[1] * window[0], w[0] + w[1] * window[1]}, c);
            if (i > 0 && i < k - 1) lc.unlisted(name);   // the legend names the first and the last line
        }
        XYChart chart = lc.chart();
        for (XYSeries s : chart.getSeriesMap().values()) {
            if (s.getName().startsWith("iteration") || s.getName().startsWith("after")) s.setMarker(
                    org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
        double[] first = weights.get(0), last = weights.get(k - 1);
        Extent ex = Extent.finite().add(oneFeature.column(0)), ey = Extent.finite().add(oneFeature.y());
        String alt = AltText.sentence("Fitted line after each iteration: " + AltText.count(oneFeature.rows(), "data point",
                "data points") + " (x from " + AltText.number(ex.lo()) + " to " + AltText.number(ex.hi()) + ", y from "
                + AltText.number(ey.lo()) + " to " + AltText.number(ey.hi()) + ") and " + AltText.count(k, "line", "lines")
                + (k == 1 ? ": y = " + line(last) : ", pale to dark: the first y = " + line(first) + ", the last y = " + line(last)));
        return new ChartImage(BitmapEncoder.getBufferedImage(chart), alt);
    }

    private static String line(double[] w) {
        return AltText.number(w[0]) + (w[1] < 0 ? " − " : " + ") + AltText.number(Math.abs(w[1])) + "·x";
    }

    /**
     * A grid of values (rows ↔ ys, columns ↔ xs), each cell coloured by its value (log scale when
     * all are positive) and annotated; NaN or infinite cells are grey and marked "diverged".
     */
    public static ChartImage heatMap(String title, String xLabel, double[] xs, String yLabel, double[] ys,
                                     double[][] values) {
        Check.notNull("xLabel", xLabel);
        Check.notNull("yLabel", yLabel);
        return HeatMap.draw(title, xLabel, xs, yLabel, ys, values);
    }

    /**
     * Two classes in the plane and the boundary w0 + w1·x1 + w2·x2 = 0 of a logistic regression.
     * The data has 2 feature columns, or 3 with the bias column first.
     */
    public static ChartImage decisionBoundary(Dataset data, double[] w, String title) {
        Check.notNull("data", data);
        Check.length("w", w, 3, "{w0 bias, w1, w2}");
        Check.finite("w", w);  // else the chart would blame its own boundary series
        int off = data.hasBias() ? 1 : 0;
        if (data.cols() - off != 2) {
            throw new IllegalArgumentException("data has " + (data.cols() - off)
                    + " feature columns but a decision boundary is drawn for exactly 2");
        }
        if (w[1] == 0 && w[2] == 0) {
            throw new IllegalArgumentException("w = " + java.util.Arrays.toString(w) + " is invalid: with w1 = w2 = 0 "
                    + "the model predicts the same class everywhere and has no boundary to draw");
        }
        for (int i = 0; i < data.rows(); i++) {
            double y = data.y(i);
            if (y != 0 && y != 1) {  // a binary boundary: any other label would be drawn as class 0
                throw new IllegalArgumentException("data.y(" + i + ") = " + y + " is invalid: a decision boundary "
                        + "separates two classes, labelled 0 and 1");
            }
        }
        String[] names = data.names();
        double[] x1 = data.column(off);
        double[] x2 = data.column(off + 1);
        int ones = 0;
        for (double v : data.y()) if (v == 1) ones++;
        double[][] a = new double[2][data.rows() - ones], b = new double[2][ones];
        int ia = 0, ib = 0;
        for (int i = 0; i < data.rows(); i++) {
            if (data.y(i) == 1) {
                b[0][ib] = x1[i];
                b[1][ib++] = x2[i];
            } else {
                a[0][ia] = x1[i];
                a[1][ia++] = x2[i];
            }
        }
        Extent e1 = Extent.finite().add(x1), e2 = Extent.finite().add(x2);
        double lo = e1.lo() - 0.5, hi = e1.hi() + 0.5;
        double ylo = e2.lo() - 0.5, yhi = e2.hi() + 0.5;
        LineChart chart = LineChart.of(title).xLabel(names[off]).yLabel(names[off + 1])
                .xRange(lo, hi).yRange(ylo, yhi)
                .scatter("class 0", a[0], a[1], Palette.color(0))     // circles
                .scatter("class 1", b[0], b[1], Palette.color(1));    // triangles
        if (w[2] != 0) {
            chart.series("boundary p = 0.5", new double[] {lo, hi},
                    new double[] {-(w[0] + w[1] * lo) / w[2], -(w[0] + w[1] * hi) / w[2]}, Color.BLACK);
        } else if (w[1] != 0) {
            chart.series("boundary p = 0.5", new double[] {-w[0] / w[1], -w[0] / w[1]}, new double[] {ylo, yhi}, Color.BLACK);
        }
        return chart.image();
    }

    /**
     * Two classes in the plane and the boundary z = 0 (p = ½) of any classifier given as its logit z(x1, x2),
     * e.g. a network's: a curve traced on a 100×100 grid over the data. The text alternative says how many
     * points the model classifies correctly.
     */
    public static ChartImage decisionBoundary(Dataset data, java.util.function.ToDoubleFunction<double[]> logit, String title) {
        return CurvedBoundary.draw(data, logit, title);
    }

    /** Grey-scale side × side images (row by row, ink ≥ 0) in a row, each with its caption: e.g. misread digits. */
    public static ChartImage images(String title, double[][] images, int side, String[] captions) {
        return DigitImages.draw(title, images, side, captions);
    }
}
