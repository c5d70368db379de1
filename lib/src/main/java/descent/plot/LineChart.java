package descent.plot;

import descent.Check;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line/scatter chart built fluently and rendered to a {@link BufferedImage}, which
 * {@code display(...)} shows in any Java kernel. Learning curves, error curves and data plots all
 * go through it. A series that reaches NaN or ∞ (a diverged run) is drawn up to its last finite
 * value and labelled "(diverged)".
 */
public final class LineChart {
    private final String title;
    private String xLabel = "x";
    private String yLabel = "y";
    private boolean logY;
    private boolean logX;
    private int width = 640;
    private int height = 400;
    private double[] xRange;
    private double[] yRange;
    private final List<Layer> layers = new ArrayList<>();
    private final java.util.Set<String> unlisted = new java.util.HashSet<>();

    private record Layer(String name, double[] x, double[] y, Kind kind, Color color) {}

    private enum Kind { LINE, STEPS, SCATTER, POINT, GUIDE }

    private LineChart(String title) {
        this.title = Check.notNull("title", title);
    }

    /** A new chart with this title. */
    public static LineChart of(String title) {
        return new LineChart(title);
    }

    public LineChart xLabel(String label) {
        xLabel = Check.notNull("label", label);
        return this;
    }

    public LineChart yLabel(String label) {
        yLabel = Check.notNull("label", label);
        return this;
    }

    /** Logarithmic x axis (every x must then be &gt; 0), e.g. updates from 1 to 50,000. */
    public LineChart logX() {
        logX = true;
        return this;
    }

    /** Logarithmic y axis (every value must then be &gt; 0). */
    public LineChart logY() {
        logY = true;
        return this;
    }

    public LineChart size(int width, int height) {
        this.width = Check.atLeast("width", width, 100);
        this.height = Check.atLeast("height", height, 100);
        return this;
    }

    public LineChart xRange(double min, double max) {
        xRange = range("x", min, max);
        return this;
    }

    public LineChart yRange(double min, double max) {
        yRange = range("y", min, max);
        return this;
    }

    /** A line through (0, y0), (1, y1), … — e.g. a learning curve over iterations. */
    public LineChart series(String name, double[] y) {
        Check.notNull("y", y);
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) x[i] = i;
        return series(name, x, y);
    }

    /** A line through the points (x_i, y_i). */
    public LineChart series(String name, double[] x, double[] y) {
        return add(name, x, y, Kind.LINE, null);
    }

    /** A line in a chosen colour. */
    public LineChart series(String name, double[] x, double[] y, Color color) {
        return add(name, x, y, Kind.LINE, Check.notNull("color", color));
    }

    /** The steps of an iteration, (x_t, y_t) joined in order with a marker on every step. */
    public LineChart steps(String name, double[] x, double[] y, Color color) {
        return add(name, x, y, Kind.STEPS, Check.notNull("color", color));
    }

    /** Leaves the series of this name out of the legend (one of many similar lines, say). */
    LineChart unlisted(String name) {
        unlisted.add(name);
        return this;
    }

    /** Unconnected points (x_i, y_i). */
    public LineChart scatter(String name, double[] x, double[] y) {
        return add(name, x, y, Kind.SCATTER, null);
    }

    /** Unconnected points in a chosen colour. */
    public LineChart scatter(String name, double[] x, double[] y, Color color) {
        return add(name, x, y, Kind.SCATTER, Check.notNull("color", color));
    }

    /** One highlighted point, e.g. a minimum in red. */
    public LineChart point(String name, double x, double y, Color color) {
        return add(name, new double[] {x}, new double[] {y}, Kind.POINT, Check.notNull("color", color));
    }

    /** A dashed vertical guide at x (spanning the y range of the data added so far). */
    public LineChart vLine(double x, String name) {
        double[] span = span(false);
        return add(name, new double[] {x, x}, span, Kind.GUIDE, Color.GRAY);
    }

    /** A dashed horizontal guide at y (spanning the x range of the data added so far). */
    public LineChart hLine(double y, String name) {
        double[] span = span(true);
        return add(name, span, new double[] {y, y}, Kind.GUIDE, Color.GRAY);
    }

    private double[] span(boolean xAxis) {
        double[] r = xAxis ? xRange : yRange;
        if (r != null) return r.clone();
        Extent e = Extent.finite();
        for (Layer l : layers) e.add(xAxis ? l.x : l.y);
        if (e.isEmpty()) throw new IllegalArgumentException("a guide line needs data (or an axis range) to span: add a series first");
        return new double[] {e.lo(), e.hi()};
    }

    private LineChart add(String name, double[] x, double[] y, Kind kind, Color color) {
        Check.notNull("name", name);
        Check.notNull("x", x);
        Check.notNull("y", y);
        if (x.length != y.length) {
            throw new IllegalArgumentException("series \"" + name + "\": x has length " + x.length + " but y has length "
                    + y.length + "; they must match");
        }
        if (x.length == 0) throw new IllegalArgumentException("series \"" + name + "\" is empty: give at least one point");
        for (Layer l : layers) {
            if (l.name.equals(name)) throw new IllegalArgumentException("series name \"" + name + "\" is used twice; names must differ");
        }
        layers.add(new Layer(name, x.clone(), y.clone(), kind, color));
        return this;
    }

    private static double[] range(String axis, double min, double max) {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException(axis + " range [" + min + ", " + max + "] is invalid: it needs finite min < max");
        }
        return new double[] {min, max};
    }

    /**
     * The x axis's maximum: hi rounded up to a multiple of a round step (1, 2 or 5 × 10^k, about span/10),
     * nudged off the data's grid. XChart puts ticks only at data x values when {min, every x, max} are
     * evenly spaced (e.g. iterations 0, 1, …, 199 and a maximum of 200), which gives ticks such as
     * 0, 11, 22, …; a maximum a little off that grid (beyond XChart's 1e-4 tolerance) gives round ticks.
     */
    static double axisMax(double hi, double span) {
        double step = Math.pow(10, Math.floor(Math.log10(span / 10)));
        for (double f : new double[] {1, 2, 5, 10}) {
            if (span / (f * step) <= 10) {
                step *= f;
                break;
            }
        }
        double up = Math.ceil(hi / step) * step;
        return Math.max(up, hi) + Math.max(span * 1e-6, 2e-4);
    }

    /**
     * A log y axis from a power of ten to a power of ten, so that at least two decades are labelled (XChart
     * labels only 1, 10, 100, …: a curve from 1.3 to 200 showed the labels 10 and 100 alone); within one
     * decade it labels 1, 2, …, 9 × 10^k instead.
     */
    private void logAxisRange(XYChart chart) {
        Extent e = Extent.positive();
        for (Layer l : layers) e.add(l.y);
        if (e.isEmpty()) return;
        double lo = e.lo(), hi = e.hi();
        double bottom = Math.pow(10, Math.floor(Math.log10(lo))), top = Math.pow(10, Math.ceil(Math.log10(hi)));
        if (top / bottom <= 10) {
            chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        } else {
            chart.getStyler().setYAxisMin(bottom).setYAxisMax(top);
        }
    }

    /** The chart as an XChart object, for further styling. */
    public XYChart chart() {
        int listed = (int) layers.stream().filter(l -> !unlisted.contains(l.name)).count();
        int entries = layers.size() > 1 ? listed : 0;
        XYChart chart = new XYChartBuilder().width(width).height(height + Style.legendHeight(entries)).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        Style.apply(chart);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setXAxisLogarithmic(logX);
        if (xRange != null) {
            chart.getStyler().setXAxisMin(xRange[0]).setXAxisMax(xRange[1]);
        } else if (!logX) {
            // An explicit range keeps XChart from putting a tick at every evenly spaced x (its labels overlap).
            Extent e = Extent.finite();
            for (Layer l : layers) e.add(l.x);
            if (e.lo() < e.hi()) chart.getStyler().setXAxisMin(e.lo()).setXAxisMax(axisMax(e.hi(), e.hi() - e.lo()));
        }
        if (yRange != null) {
            chart.getStyler().setYAxisMin(yRange[0]).setYAxisMax(yRange[1]);
        } else if (logY) {
            logAxisRange(chart);
        }
        int shown = 0;
        for (Layer l : layers) {
            int end = finitePrefix(l.y);
            String name = end < l.y.length ? l.name + " (diverged)" : l.name;
            if (end == 0) {
                throw new IllegalArgumentException("series \"" + l.name + "\" has no finite value to draw");
            }
            for (int i = end; i < l.y.length; i++) {
                if (Double.isFinite(l.y[i])) {  // not a run that blew up: a hole in the data
                    throw new IllegalArgumentException("series \"" + l.name + "\" has y[" + end + "] = " + l.y[end]
                            + " between finite values (y[" + i + "] = " + l.y[i] + "): only a diverged run may end "
                            + "in NaN or ∞, and then for good");
                }
            }
            for (int i = 0; i < end; i++) {
                if (!Double.isFinite(l.x[i])) {
                    throw new IllegalArgumentException("series \"" + l.name + "\" has x[" + i + "] = " + l.x[i]
                            + ": every x must be a finite number");
                }
            }
            double[] x = java.util.Arrays.copyOf(l.x, end);
            double[] y = java.util.Arrays.copyOf(l.y, end);
            if (logX) {
                for (int i = 0; i < x.length; i++) {
                    if (!(x[i] > 0)) {
                        throw new IllegalArgumentException("series \"" + l.name + "\" has x[" + i + "] = " + x[i]
                                + ": a logarithmic axis needs values > 0");
                    }
                }
            }
            if (logY) {
                for (int i = 0; i < y.length; i++) {
                    if (!(y[i] > 0)) {
                        throw new IllegalArgumentException("series \"" + l.name + "\" has y[" + i + "] = " + y[i]
                                + ": a logarithmic axis needs values > 0");
                    }
                }
            }
            XYSeries s = chart.addSeries(name, x, y);
            switch (l.kind) {
                case LINE, STEPS -> {
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    s.setMarker(x.length <= 12 || l.kind == Kind.STEPS ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
                    s.setLineStyle(new BasicStroke(2f));
                }
                case SCATTER -> {
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    s.setMarker(SeriesMarkers.CIRCLE);
                }
                case POINT -> {
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    s.setMarker(SeriesMarkers.DIAMOND);
                }
                case GUIDE -> {
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    s.setMarker(SeriesMarkers.NONE);
                    s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {6f, 5f}, 0f));
                }
            }
            if (l.color != null) {
                s.setLineColor(l.color);
                s.setMarkerColor(l.color);
            }
            s.setShowInLegend(!unlisted.contains(l.name));
            shown++;
        }
        chart.getStyler().setLegendVisible(shown > 1);
        return chart;
    }

    /** Renders the chart. */
    public BufferedImage image() {
        return BitmapEncoder.getBufferedImage(chart());
    }

    static int finitePrefix(double[] y) {
        int end = 0;
        while (end < y.length && Double.isFinite(y[end])) end++;
        return end;
    }

    /** The course's chart style: white, readable fonts, the legend below the plot, off the data. */
    static final class Style {
        private Style() {}

        /** Pixels to add to a chart's height for a legend of this many entries below the plot. */
        static int legendHeight(int entries) {
            return entries == 0 ? 0 : 14 + 19 * entries;
        }

        static void apply(XYChart chart) {
            var s = chart.getStyler();
            s.setChartBackgroundColor(Color.WHITE);
            s.setPlotBackgroundColor(Color.WHITE);
            s.setPlotBorderVisible(true);
            s.setLegendPosition(Styler.LegendPosition.OutsideS);
            s.setLegendLayout(Styler.LegendLayout.Vertical);
            s.setLegendBorderColor(Color.WHITE);
            s.setChartTitleFont(s.getChartTitleFont().deriveFont(16f));
            s.setAxisTitleFont(s.getAxisTitleFont().deriveFont(14f));
            s.setAxisTickLabelsFont(s.getAxisTickLabelsFont().deriveFont(12f));
            s.setLegendFont(s.getLegendFont().deriveFont(12f));
            s.setMarkerSize(7);
            s.setAntiAlias(true);
            s.setXAxisTickMarkSpacingHint(90); // labels like "450" must not run into each other
        }
    }
}
