package descent.plot;

import descent.Check;
import descent.function.Objective;
import descent.function.TestFunction;
import descent.train.Path;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Contour lines of a function of two variables with optimiser paths drawn over them and the known
 * minima marked: the picture of how a method moves on a loss surface. Iso-lines come from
 * {@link MarchingSquares} on a 160×160 grid; paths are cut where they leave finite values.
 */
public final class ContourPlot {
    private static final int GRID = 160;
    /** The most contour levels: on a 160×160 grid more would lie closer than a pixel apart. */
    static final int MAX_LEVELS = 200;
    private final Objective f;
    private final double[] window;
    private String title;
    private int levels = 15;
    private boolean logLevels;
    private String xName = "x";
    private String yName = "y";
    /** Horizontal and vertical pixels of a chart outside its plot area (axis titles, tick labels, title). */
    static final int PLOT_MARGIN_X = 88, PLOT_MARGIN_Y = 96;
    private int width = 640;
    private int height = -1;   // until size(...) is called: whatever makes one unit as long on both axes
    private final List<String> pathNames = new ArrayList<>();
    private final List<double[][]> paths = new ArrayList<>();
    private double[][] minima = new double[0][];

    private ContourPlot(Objective f, double[] window, String title) {
        this.f = f;
        this.window = window;
        this.title = title;
    }

    /** Contours of f over the window {xmin, xmax, ymin, ymax}. */
    public static ContourPlot of(Objective f, double[] window) {
        Check.notNull("f", f);
        if (f.dimension() != 2) {
            throw new IllegalArgumentException("f has dimension " + f.dimension() + " but contours need a function of 2 variables");
        }
        Check.length("window", window, 4, "{xmin, xmax, ymin, ymax}");
        Check.finite("window", window);
        if (!(window[0] < window[1]) || !(window[2] < window[3])) {
            throw new IllegalArgumentException("window = " + java.util.Arrays.toString(window)
                    + " is invalid: it needs xmin < xmax and ymin < ymax");
        }
        ContourPlot plot = new ContourPlot(f, window.clone(), null);
        plot.title = "Contours of " + plot.functionName();
        return plot;
    }

    /** Contours of a test function over its own window, its minima marked. */
    public static ContourPlot of(TestFunction f) {
        Check.notNull("f", f);
        return of((Objective) f, f.window()).title(f.name()).minima(f.minima());
    }

    /** The chart's width in pixels; the height follows from the window, for equal aspect. */
    public ContourPlot width(int width) {
        Check.atLeast("width", width, 200);
        Check.pixels(width, 1_100, 100);   // the height follows: at most 900 pixels of plot and its margins
        this.width = width;
        this.height = -1;
        return this;
    }

    public ContourPlot title(String title) {
        this.title = Check.notNull("title", title);
        return this;
    }

    /** Number of contour levels (default 15). */
    public ContourPlot levels(int count) {
        if (count < 2 || count > MAX_LEVELS) {
            throw new IllegalArgumentException("count = " + count + " is invalid: it must be from 2 to " + MAX_LEVELS
                    + " (levels closer than a pixel apart draw nothing more)");
        }
        levels = count;
        return this;
    }

    /** Space the levels geometrically — right for functions with a deep, flat-bottomed valley. */
    public ContourPlot logLevels() {
        logLevels = true;
        return this;
    }

    /** Axis names, e.g. "w0", "w1". */
    public ContourPlot labels(String x, String y) {
        xName = Check.notNull("x", x);
        yName = Check.notNull("y", y);
        return this;
    }

    public ContourPlot size(int width, int height) {
        Check.pixels(width, height, 100);
        this.width = width;
        this.height = height;
        return this;
    }

    /** A path of points (x, y), start first. */
    /**
     * A path of points (x, y), start first. A path that leaves finite values for good (a diverged walk) is
     * drawn up to its last finite point and labelled "(diverged)"; a NaN or ∞ at its start or between finite
     * points is an error, not a silent gap.
     */
    public ContourPlot path(String label, double[][] points) {
        Check.name("label", label);
        if (pathNames.contains(label)) {
            throw new IllegalArgumentException("label = \"" + label + "\" is invalid: the plot has a path of that name "
                    + "already (a name used twice); names must differ");
        }
        checkedPath("path \"" + label + "\"", points);
        pathNames.add(label);
        paths.add(points);
        return this;
    }

    /** The points an optimiser visited (see {@code Minimizer.walk}). */
    public ContourPlot path(Path path) {
        Check.notNull("path", path);
        return path(path.label(), path.points());
    }

    /** Points to mark as known minima. */
    public ContourPlot minima(double[][] points) {
        Check.notNull("points", points);
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != 2) {
                throw new IllegalArgumentException("points[" + i + "] is " + (points[i] == null ? "null" : "of length "
                        + points[i].length) + ": every minimum must be a point {x, y}");
            }
            Check.finite("points[" + i + "]", points[i]);
        }
        minima = new double[points.length][];
        for (int i = 0; i < points.length; i++) minima[i] = points[i].clone();
        return this;
    }

    /** The level values the contours are drawn at. */
    double[] levelValues(double[][] z) {
        Extent e = Extent.finite().add(z);
        if (e.isEmpty()) {
            throw new IllegalArgumentException("f = " + functionName() + " is NaN or ∞ at every point of the window "
                    + Arrays.toString(window) + ": there is no finite value to draw contours of");
        }
        double lo = e.lo(), hi = e.hi();
        double[] c = new double[levels];
        if (logLevels) {
            double shift = lo - Math.max(1e-3 * (hi - lo), 1e-12); // log spacing above the minimum
            for (int k = 0; k < levels; k++) {
                c[k] = shift + Math.exp(Math.log(lo - shift) + (k + 0.5) / levels * (Math.log(hi - shift) - Math.log(lo - shift)));
            }
        } else {
            for (int k = 0; k < levels; k++) c[k] = lo + (k + 0.5) / levels * (hi - lo);
        }
        return c;
    }

    /**
     * The contour lines drawn, one {xs, ys} pair per level, low levels first; NaN separates the
     * segments (a gap in any chart).
     */
    List<double[][]> levelLines() {
        double[] xs = new double[GRID], ys = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            xs[i] = window[0] + (window[1] - window[0]) * i / (GRID - 1);
            ys[i] = window[2] + (window[3] - window[2]) * i / (GRID - 1);
        }
        double[][] z = new double[GRID][GRID];
        double[] p = new double[2];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                p[0] = xs[i];
                p[1] = ys[j];
                z[i][j] = f.value(p);
            }
        }
        List<double[][]> lines = new ArrayList<>();
        for (double c : levelValues(z)) {
            lines.add(MarchingSquares.asLine(MarchingSquares.segments(xs, ys, z, c)));
        }
        return lines;
    }

    /** The chart as an XChart object. */
    public XYChart chart() {
        int entries = paths.size() + (minima.length > 0 ? 1 : 0);
        XYChart chart = new XYChartBuilder().width(width).height(chartHeight(entries)).title(title)
                .xAxisTitle(xName).yAxisTitle(yName).build();
        LineChart.Style.apply(chart);
        var st = chart.getStyler();
        st.setXAxisMin(window[0]).setXAxisMax(window[1]).setYAxisMin(window[2]).setYAxisMax(window[3]);
        st.setMarkerSize(5);
        List<double[][]> lines = levelLines();
        for (int k = 0; k < lines.size(); k++) {
            double[] sx = lines.get(k)[0], sy = lines.get(k)[1];
            if (sx.length == 0) continue;
            XYSeries s = chart.addSeries("level " + k, sx, sy);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            // dark blue for low levels to grey-blue for high ones, every one at least 3:1 against the white plot
            float t = (float) k / Math.max(1, lines.size() - 1);
            s.setLineColor(new Color((int) (31 + 94 * t), (int) (74 + 61 * t), (int) (140 + 15 * t)));
            s.setLineStyle(new BasicStroke(1f));
            s.setShowInLegend(false);
        }
        for (int q = 0; q < paths.size(); q++) {
            double[][] pts = paths.get(q);
            int end = drawnPoints(pts);
            if (end == 0) continue;
            double[] px = new double[end], py = new double[end];
            for (int i = 0; i < end; i++) {
                px[i] = pts[i][0];
                py[i] = pts[i][1];
            }
            // the palette from its second colour on (its first is the contours' blue), and a dash of its own
            Color color = Palette.color(q + 1);
            String name = pathNames.get(q) + (end < pts.length ? " (diverged)" : "");
            XYSeries s = chart.addSeries(name, px, py);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(end <= 400 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setLineColor(color);
            s.setMarkerColor(color);
            s.setLineStyle(Palette.stroke(q, 2f));
        }
        if (minima.length > 0) {
            double[] mx = new double[minima.length], my = new double[minima.length];
            for (int i = 0; i < minima.length; i++) {
                mx[i] = minima[i][0];
                my[i] = minima[i][1];
            }
            XYSeries s = chart.addSeries(minima.length == 1 ? "minimum" : "minima", mx, my);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(new Color(200, 0, 0));
        }
        st.setLegendVisible(!paths.isEmpty() || minima.length > 0);
        return chart;
    }

    /**
     * Equal aspect: the plot area gets the window's shape, so that a circle looks round and the right angles
     * of steepest descent look right. The plot area is the chart less its title, axis labels and legend
     * (measured margins of the course's style); a height given with size(...) is kept as it is.
     */
    private int chartHeight(int legendEntries) {
        if (height > 0) return height + LineChart.Style.legendHeight(legendEntries);
        double plotWidth = width - PLOT_MARGIN_X;
        double aspect = (window[3] - window[2]) / (window[1] - window[0]);
        int plotHeight = (int) Math.round(Math.max(150, Math.min(900, plotWidth * aspect)));
        return plotHeight + PLOT_MARGIN_Y + LineChart.Style.legendHeight(legendEntries);
    }

    /** Renders the plot, with its {@linkplain #altText() text alternative}. */
    public ChartImage image() {
        return new ChartImage(BitmapEncoder.getBufferedImage(chart()), altText());
    }

    /**
     * What the plot shows: the function and window, the marked minima, and for each path its number of steps,
     * where it starts and ends, f there and how far the end is from the nearest marked minimum, or where it
     * diverged.
     */
    public String altText() {
        return AltText.sentence(title + ": " + surfacePhrase()) + minimaPhrase() + pathsPhrase();
    }

    /** "contour lines of f over x from a to b and y from c to d". */
    String surfacePhrase() {
        return "contour lines of " + functionName() + " over " + xName + " from " + AltText.number(window[0]) + " to "
                + AltText.number(window[1]) + " and " + yName + " from " + AltText.number(window[2]) + " to "
                + AltText.number(window[3]);
    }

    /** " Minimum at (x, y)." or "" without marked minima. */
    String minimaPhrase() {
        if (minima.length == 0) return "";
        List<String> at = new ArrayList<>();
        for (double[] m : minima) at.add(AltText.point(m[0], m[1]));
        return " " + AltText.sentence((minima.length == 1 ? "Minimum at " : "Minima at ") + AltText.list(at));
    }

    /** One sentence per path, each after a space. */
    String pathsPhrase() {
        StringBuilder s = new StringBuilder();
        for (int q = 0; q < paths.size(); q++) s.append(' ').append(AltText.sentence(pathPhrase(pathNames.get(q), paths.get(q))));
        return s.toString();
    }

    /** The function's name where it has one, else what its toString says unless that is Object's default. */
    private String functionName() {
        if (f instanceof TestFunction t) return t.name();
        String s = String.valueOf(f);
        return s.contains("@") || s.contains("$$Lambda") ? "f" : s;
    }

    private String pathPhrase(String name, double[][] pts) {
        int end = drawnPoints(pts);
        if (end == 0) return name + ": no finite point to draw";
        double[] start = pts[0], last = pts[end - 1];
        String s = name + ": " + AltText.count(end - 1, "step", "steps") + " from " + AltText.point(start[0], start[1]);
        if (end < pts.length) return s + ", diverges after " + AltText.point(last[0], last[1]);
        s += " to " + AltText.point(last[0], last[1]) + ", where f = " + AltText.number(f.value(last.clone()));
        if (minima.length > 0) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] m : minima) best = Math.min(best, Math.hypot(last[0] - m[0], last[1] - m[1]));
            s += ", " + AltText.number(best) + " from the nearest minimum";
        }
        return s;
    }

    /**
     * Checks the points of a path ({@code what} names it in messages) and returns how many are drawn:
     * every point is {x, y}, the start is finite, and a path that leaves finite values does so for good
     * (a diverged walk, drawn up to its last finite point); a NaN or ∞ between finite points is an error.
     */
    static int checkedPath(String what, double[][] points) {
        Check.notNull("points", points);
        if (points.length == 0) {
            throw new IllegalArgumentException("points of " + what + " has length 0: give at least the start");
        }
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != 2) {
                throw new IllegalArgumentException("points[" + i + "] of " + what + " is "
                        + (points[i] == null ? "null" : "of length " + points[i].length) + ": every point must be {x, y}");
            }
        }
        int end = drawnPoints(points);
        if (end == 0) {
            throw new IllegalArgumentException("points[0] of " + what + " = " + Arrays.toString(points[0])
                    + " is invalid: a path must start at a finite point");
        }
        for (int i = end + 1; i < points.length; i++) {
            if (Double.isFinite(points[i][0]) && Double.isFinite(points[i][1])) {
                throw new IllegalArgumentException("points[" + end + "] of " + what + " = "
                        + Arrays.toString(points[end]) + " is invalid: it lies between finite points (points[" + i + "] = "
                        + Arrays.toString(points[i]) + "); only a diverged walk may leave finite values, and then for good");
            }
        }
        return end;
    }

    /** How many points of a path are drawn: those before it first leaves finite values (or |x| of 1e12). */
    private static int drawnPoints(double[][] pts) {
        int end = 0;
        while (end < pts.length && Double.isFinite(pts[end][0]) && Double.isFinite(pts[end][1])
                && Math.abs(pts[end][0]) < 1e12 && Math.abs(pts[end][1]) < 1e12) end++;
        return end;
    }
}
