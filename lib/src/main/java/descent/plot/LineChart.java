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
        Check.pixels(width, height, 100);
        this.width = width;
        this.height = height;
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
        requireFinite("point \"" + name + "\": x", x);
        requireFinite("point \"" + name + "\": y", y);
        return add(name, new double[] {x}, new double[] {y}, Kind.POINT, Check.notNull("color", color));
    }

    /** A dashed vertical guide at x (spanning the y range of the data added so far). */
    public LineChart vLine(double x, String name) {
        requireFinite("x (the guide's position)", x);
        double[] span = span(false);
        return add(name, new double[] {x, x}, span, Kind.GUIDE, Color.GRAY);
    }

    /** A dashed horizontal guide at y (spanning the x range of the data added so far). */
    public LineChart hLine(double y, String name) {
        requireFinite("y (the guide's position)", y);
        double[] span = span(true);
        return add(name, span, new double[] {y, y}, Kind.GUIDE, Color.GRAY);
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " is invalid: it must be a finite number to be drawn");
        }
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
        Check.name("name", name);
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
        // series without a colour of their own take the palette's, line k also dash k and point cloud k marker k:
        // told apart without colour (a single line stays solid)
        long plainLines = layers.stream().filter(l -> l.kind == Kind.LINE && l.color == null).count();
        int lineIndex = 0, scatterIndex = 0;
        for (Layer l : layers) {
            int end = finitePrefix(l.y);
            String name = end < l.y.length ? l.name + " (diverged)" : l.name;
            for (int i = end; i < l.y.length; i++) {
                if (Double.isFinite(l.y[i])) {  // not a run that blew up: a hole in the data
                    throw new IllegalArgumentException("series \"" + l.name + "\" has y[" + end + "] = " + l.y[end]
                            + (end == 0 ? " before finite values" : " between finite values") + " (y[" + i + "] = "
                            + l.y[i] + "): only a diverged run may end in NaN or ∞, and then for good");
                }
            }
            if (end == 0) {  // every value is NaN or ∞
                throw new IllegalArgumentException("series \"" + l.name + "\" has no finite value to draw: y[0] = " + l.y[0]
                        + (l.y.length > 1 ? " and every y after it is NaN or ∞ too" : ""));
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
                    boolean plain = l.kind == Kind.LINE && l.color == null;
                    int k = plain ? lineIndex++ : 0;
                    s.setMarker(x.length <= 12 || l.kind == Kind.STEPS ? (plain ? Palette.marker(k) : SeriesMarkers.CIRCLE)
                            : SeriesMarkers.NONE);
                    s.setLineStyle(plain && plainLines > 1 ? Palette.stroke(k, 2f) : new BasicStroke(2f));
                    if (plain) {
                        s.setLineColor(Palette.color(k));
                        s.setMarkerColor(Palette.color(k));
                    }
                }
                case SCATTER -> {
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    int k = scatterIndex++;
                    s.setMarker(Palette.marker(k));
                    if (l.color == null) s.setMarkerColor(Palette.color(k));
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

    /** Renders the chart, with its {@linkplain #altText() text alternative}. */
    public ChartImage image() {
        return new ChartImage(BitmapEncoder.getBufferedImage(chart()), altText());
    }

    /**
     * What the chart shows, from its data: the title, the axes, and for each line where it starts and ends
     * (lines that start together are said together, "cost J falls from 213 to 1.45 (η = 0.005) and 0.82
     * (η = 0.3)"), where it reaches its lowest if not at its end (its own lowest, not the lowest line), where a diverged one stops; each point cloud's size and
     * spread; each marked point and guide. Lines left out of the legend are counted, not described.
     */
    public String altText() {
        StringBuilder s = new StringBuilder(AltText.sentence(title + ": " + axesPhrase()));
        List<Layer> lines = new ArrayList<>();
        int hidden = 0;
        for (Layer l : layers) {
            if (finitePrefix(l.y) == 0) continue;   // nothing drawn (image() refuses such a chart)
            if (unlisted.contains(l.name)) {
                hidden++;
            } else if (l.kind == Kind.LINE && isFunctionOfX(l)) {
                lines.add(l);
            } else {
                s.append(' ').append(AltText.sentence(describe(l)));
            }
        }
        s.append(linesPhrase(lines));
        if (hidden > 0) s.append(' ').append(AltText.sentence(AltText.count(hidden, "more line", "more lines")
                + " between them, not in the legend"));
        return s.toString();
    }

    private String axesPhrase() {
        Extent e = Extent.finite();
        for (Layer l : layers) if (l.kind != Kind.GUIDE) e.add(l.x);
        double lo = xRange != null ? xRange[0] : e.lo(), hi = xRange != null ? xRange[1] : e.hi();
        return yLabel + " against " + xLabel + " from " + AltText.number(lo) + " to " + AltText.number(hi)
                + (logX && logY ? ", both axes logarithmic" : logY ? ", " + yLabel + " on a log scale"
                : logX ? ", " + xLabel + " on a log scale" : "");
    }

    /** A line over increasing x (a curve of y against x), as opposed to a path in the plane. */
    private static boolean isFunctionOfX(Layer l) {
        for (int i = 1; i < l.x.length; i++) if (!(l.x[i] > l.x[i - 1])) return false;
        return l.x.length > 1;
    }

    /**
     * The curves of y against x: those that start at the same y said in one sentence, falling ones first ("cost J
     * falls from 213 to 1.46 (η = 0.005) and 0.819 (η = 0.3); η = 0.6 rises to 19700"), the others one each.
     */
    private String linesPhrase(List<Layer> lines) {
        String y = shortYLabel();
        StringBuilder s = new StringBuilder();
        List<Layer> left = new ArrayList<>(lines);
        while (!left.isEmpty()) {
            Layer first = left.get(0);
            List<Layer> group = new ArrayList<>();
            for (Layer l : left) if (sameStart(first, l)) group.add(l);
            left.removeAll(group);
            // a line is named where the chart has more than it to tell apart, unless its name is the axis's
            boolean named = lines.size() > 1 || (listedLayers() > 1 && !first.name.equals(yLabel));
            List<String> falls = new ArrayList<>(), rises = new ArrayList<>(), notes = new ArrayList<>();
            for (Layer l : group) {
                int end = finitePrefix(l.y);
                double last = l.y[end - 1];
                String label = named ? " (" + l.name + ")" : "";
                if (end < l.y.length) {
                    notes.add((named ? l.name + " " : "it ") + "diverges after " + xLabel + " " + AltText.number(l.x[end - 1]));
                    continue;
                }
                (last <= l.y[0] ? falls : rises).add(AltText.number(last) + label);
                int low = argMin(l.y, end);
                if (low > 0 && low < end - 1 && l.y[low] < last - 1e-3 * Math.abs(last)) {
                    notes.add((named ? l.name + " reaches its lowest, " : "its lowest ") + AltText.number(l.y[low])
                            + ", at " + xLabel + " " + AltText.number(l.x[low]));
                }
            }
            String from = AltText.number(first.y[0]);
            List<String> parts = new ArrayList<>();
            if (!falls.isEmpty()) parts.add(y + " falls from " + from + " to " + AltText.list(falls));
            if (!rises.isEmpty()) parts.add((falls.isEmpty() ? y + " rises from " + from + " to " : "rises to ") + AltText.list(rises));
            if (parts.isEmpty()) parts.add(y + " starts at " + from);
            String sentence = String.join("; ", parts);
            if (group.size() == 1 && named) sentence = first.name + ": " + sentence.replace(" (" + first.name + ")", "");
            if (!notes.isEmpty()) sentence += "; " + String.join("; ", notes);
            s.append(' ').append(AltText.sentence(sentence));
        }
        return s.toString();
    }

    private long listedLayers() {
        return layers.stream().filter(l -> !unlisted.contains(l.name)).count();
    }

    /** The y axis's label without an explanation in brackets: "J − J*" of "J − J* (+1e-15, so …)". */
    private String shortYLabel() {
        int bracket = yLabel.indexOf(" (");
        return bracket > 0 ? yLabel.substring(0, bracket) : yLabel;
    }

    private static boolean sameStart(Layer a, Layer b) {
        return a.y[0] == b.y[0] || Math.abs(a.y[0] - b.y[0]) <= 1e-9 * Math.max(Math.abs(a.y[0]), Math.abs(b.y[0]));
    }

    private static int argMin(double[] y, int end) {
        int k = 0;
        for (int i = 1; i < end; i++) if (y[i] < y[k]) k = i;
        return k;
    }

    /** A layer that is not a curve over x: a path, a point cloud, a marked point or a guide line. */
    private String describe(Layer l) {
        int end = finitePrefix(l.y);
        return switch (l.kind) {
            case POINT -> l.name + " at " + AltText.point(l.x[0], l.y[0]);
            case GUIDE -> "a dashed guide line " + (l.name.contains("=") ? l.name : l.name + " at "
                    + (l.x[0] == l.x[1] ? xLabel + " = " + AltText.number(l.x[0]) : shortYLabel() + " = " + AltText.number(l.y[0])));
            case SCATTER -> {
                Extent ex = Extent.finite().add(l.x), ey = Extent.finite().add(l.y);
                yield l.name + ": " + AltText.count(l.x.length, "point", "points") + ", " + xLabel + " from "
                        + AltText.number(ex.lo()) + " to " + AltText.number(ex.hi()) + ", " + yLabel + " from "
                        + AltText.number(ey.lo()) + " to " + AltText.number(ey.hi());
            }
            case LINE, STEPS -> l.name + ": " + (end == 1 ? "one point at " + AltText.point(l.x[0], l.y[0])
                    : AltText.count(end, "point", "points") + " from " + AltText.point(l.x[0], l.y[0]) + " to "
                    + AltText.point(l.x[end - 1], l.y[end - 1]))
                    + (end < l.y.length ? ", then diverges" : "");
        };
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
