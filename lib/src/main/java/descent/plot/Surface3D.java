package descent.plot;

import descent.Check;
import descent.function.Objective;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.threeD.Scene;

/**
 * A loss surface z = f(x, y) in 3-D, optionally with a descent trajectory on it: interactive
 * through Plotly ({@link #show()}, {@link #html()}) and as a static picture ({@link #image()}).
 * Plotly's script is inlined from the file named by the environment variable
 * {@code DESCENT_PLOTLY_JS} (the set-up points it at the npm package), so the notebook and its
 * HTML export work offline; the static image is embedded as a fallback for when scripts are off.
 */
public final class Surface3D {
    private static final int GRID = 50;
    private static int counter;
    private static String scriptUrl;
    private final Objective f;
    private final double[] window;
    private String title = "Loss surface";
    private String[] axes = {"x", "y", "z"};
    private double[][] trajectory;

    /** True when the trajectory given left finite values (only its finite part is kept). */
    private boolean diverged;

    private Surface3D(Objective f, double[] window) {
        this.f = f;
        this.window = window;
    }

    /** The surface of f over {xmin, xmax, ymin, ymax}. */
    public static Surface3D of(Objective f, double[] window) {
        ContourPlot.of(f, window); // same checks: dimension 2, a valid window
        return new Surface3D(f, window.clone());
    }

    /** Where to load plotly.js from when {@code DESCENT_PLOTLY_JS} is not set (a local path or URL). */
    public static void plotlyScript(String url) {
        scriptUrl = Check.notNull("url", url);
    }

    public Surface3D title(String title) {
        this.title = Check.notNull("title", title);
        return this;
    }

    public Surface3D axes(String x, String y, String z) {
        axes = new String[] {Check.notNull("x", x), Check.notNull("y", y), Check.notNull("z", z)};
        return this;
    }

    /** Points (x, y) visited by an optimiser; drawn at height f(x, y). */
    public Surface3D trajectory(double[][] points) {
        // a diverged walk is drawn up to its last finite point and named so; NaN elsewhere is an error
        int end = ContourPlot.checkedPath("the trajectory", points);
        trajectory = new double[end][];
        for (int i = 0; i < end; i++) trajectory[i] = points[i].clone();
        diverged = end < points.length;
        return this;
    }

    private double[] axis(int k) {
        double[] v = new double[GRID];
        for (int i = 0; i < GRID; i++) v[i] = window[2 * k] + (window[2 * k + 1] - window[2 * k]) * i / (GRID - 1);
        return v;
    }

    /** z[j][i] = f(x_i, y_j). */
    private double[][] heights(double[] xs, double[] ys) {
        double[][] z = new double[ys.length][xs.length];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) z[j][i] = f.value(new double[] {xs[i], ys[j]});
        }
        return z;
    }

    /** The interactive chart as an HTML fragment: the static picture, hidden once the chart's script draws. */
    public String html() {
        return html(plotlySource());
    }

    String html(String inlinePlotly) {
        double[] view = viewDirection();
        double[] xs = axis(0), ys = axis(1);
        List<tech.tablesaw.plotly.traces.Trace> traces = new ArrayList<>();
        traces.add(new SurfaceTrace(xs, ys, heights(xs, ys), title));
        if (trajectory != null && trajectory.length > 0) {
            double[] px = new double[trajectory.length], py = new double[trajectory.length], pz = new double[trajectory.length];
            for (int k = 0; k < trajectory.length; k++) {
                px[k] = trajectory[k][0];
                py[k] = trajectory[k][1];
                pz[k] = f.value(trajectory[k]);
            }
            traces.add(new SurfaceTrace.Path3D(px, py, pz, diverged ? "descent path (diverged)" : "descent path"));
        }
        Layout layout = Layout.builder().title(title).width(640).height(520)
                .scene(Scene.sceneBuilder()
                        .xAxis(Axis.builder().title(axes[0]).build())
                        .yAxis(Axis.builder().title(axes[1]).build())
                        .zAxis(Axis.builder().title(axes[2]).build()).build())
                .build();
        String id;
        synchronized (Surface3D.class) {
            id = "descentSurface" + (++counter); // tablesaw makes a JS variable of it: no hyphens
        }
        String figure = new Figure(layout, traces.toArray(new tech.tablesaw.plotly.traces.Trace[0])).asJavascript(id);
        String loader = inlinePlotly != null ? plotlyLoader(inlinePlotly)
                : scriptUrl != null ? "<script src=\"" + Show.escape(scriptUrl) + "\"></script>\n" : "";
        // Plotly 3 reads titles only as {text: …}, and tablesaw writes plain strings: set them on
        // the layout object just before tablesaw's newPlot call draws it.
        String titles = "layout.title = {text: " + jsString(title) + "};\n"
                + "layout.scene.xaxis.title = {text: " + jsString(axes[0]) + "};\n"
                + "layout.scene.yaxis.title = {text: " + jsString(axes[1]) + "};\n"
                + "layout.scene.zaxis.title = {text: " + jsString(axes[2]) + "};\n"
                + "layout.scene.aspectmode = 'cube';\n"
                + String.format(java.util.Locale.ROOT, "layout.scene.camera = {eye: {x: %.3f, y: %.3f, z: 1.25}};\n",
                        2.4 * view[0], 2.4 * view[1]); // the static picture's view, back far enough for the axis labels
        String draw = "Plotly.newPlot(target_" + id + ", data, layout);";
        if (!figure.contains(draw)) {
            throw new IllegalStateException("tablesaw's figure script has no " + draw + " call to add titles to");
        }
        // The static picture comes first and stays unless the chart is drawn: an untrusted notebook in
        // JupyterLab, a page with scripts off, or a browser without WebGL shows it instead of an empty
        // box. The plot's div gets its size from Plotly, so it takes no room when nothing draws into it.
        figure = figure.replace(draw, titles + "Plotly.newPlot(target_" + id + ", data, layout).then(function () {\n"
                + "  var still = document.getElementById(\"" + id + "Static\"); if (still) still.style.display = \"none\";\n});");
        // The drawn chart is a WebGL canvas: the still's text alternative stays in the page, for screen readers
        // only, after the still is hidden.
        ChartImage still = image();
        return "<div class=\"descent-surface\">\n<img id=\"" + id + "Static\" class=\"descent-static\" alt=\""
                + Show.escape(still.altText()) + "\" src=\"data:image/png;base64," + Show.pngBase64(still) + "\">\n"
                + loader + "<div id=\"" + id + "\"></div>\n" + Show.screenReaderOnly(still.altText()) + "\n"
                + figure + "\n</div>";
    }

    /** A JavaScript string literal, safe inside a script element. */
    static String jsString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'' || c > 0x7e) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }

    /**
     * The script that defines plotly.js unless an earlier output already did. The exporter
     * ({@code tools/run_notebooks.py}, {@code PLOTLY_INLINE}) recognises exactly this text and loads
     * plotly.js once per page instead.
     */
    static String plotlyLoader(String inlinePlotly) {
        return "<script>if (typeof Plotly === 'undefined') {\n" + inlinePlotly + "\n}</script>\n";
    }

    static String plotlySource() {
        String file = System.getenv("DESCENT_PLOTLY_JS");
        if (file == null || file.isBlank()) return null;
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("DESCENT_PLOTLY_JS = " + file + " cannot be read", e);
        }
    }

    /** Shows the interactive surface in the notebook (works in IJava and rapaio). */
    public void show() {
        Show.html(html());
    }

    /** A static picture of the surface: shaded quads drawn back to front, the path on top. */
    public ChartImage image() {
        int w = 640, h = 480;
        double[] xs = axis(0), ys = axis(1);
        double[][] z = heights(xs, ys);
        Extent e = Extent.finite().add(z);
        if (e.isEmpty()) {
            throw new IllegalArgumentException("f is NaN or ∞ at every point of the window " + java.util.Arrays.toString(window)
                    + ": there is no finite value to draw a surface of");
        }
        double zmin = e.lo(), zmax = e.hi();
        Projection p = new Projection(window, zmin, zmax, w, h, viewDirection());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        List<double[]> quads = new ArrayList<>();
        for (int j = 0; j + 1 < GRID; j++) {
            for (int i = 0; i + 1 < GRID; i++) {
                double zc = (z[j][i] + z[j][i + 1] + z[j + 1][i] + z[j + 1][i + 1]) / 4;
                if (!Double.isFinite(zc)) continue;
                quads.add(new double[] {p.depth(xs[i] + xs[i + 1], ys[j] + ys[j + 1]), i, j, zc});
            }
        }
        quads.sort((a, b) -> Double.compare(b[0], a[0])); // far first
        for (double[] q : quads) {
            int i = (int) q[1], j = (int) q[2];
            Polygon poly = new Polygon();
            int[][] corners = {{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}};
            for (int[] c : corners) {
                int[] s = p.screen(xs[c[0]], ys[c[1]], z[c[1]][c[0]]);
                poly.addPoint(s[0], s[1]);
            }
            g.setColor(viridis((q[3] - zmin) / (zmax - zmin == 0 ? 1 : zmax - zmin)));
            g.fillPolygon(poly);
            g.setColor(new Color(0, 0, 0, 40));
            g.drawPolygon(poly);
        }
        if (trajectory != null && trajectory.length > 0) {
            g.setColor(new Color(214, 39, 40));
            g.setStroke(new BasicStroke(2.5f));
            int[] prev = null;
            for (double[] t : trajectory) {
                double v = f.value(t);
                if (!Double.isFinite(v)) break;
                int[] s = p.screen(t[0], t[1], v);
                if (prev != null) g.drawLine(prev[0], prev[1], s[0], s[1]);
                g.fillOval(s[0] - 3, s[1] - 3, 7, 7);
                prev = s;
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, (w - g.getFontMetrics().stringWidth(title)) / 2, 26);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        // the axes run along the floor's two edges nearest the viewer, the z axis up its leftmost corner
        double midX = window[0] + window[1], midY = window[2] + window[3];  // doubled, as depth() takes them
        double yEdge = p.depth(midX, 2 * window[2]) < p.depth(midX, 2 * window[3]) ? window[2] : window[3];
        double xEdge = p.depth(2 * window[0], midY) < p.depth(2 * window[1], midY) ? window[0] : window[1];
        double[] zCorner = {window[0], window[2]};
        for (double cx : new double[] {window[0], window[1]}) {
            for (double cy : new double[] {window[2], window[3]}) {
                if (p.screen(cx, cy, zmin)[0] < p.screen(zCorner[0], zCorner[1], zmin)[0]) zCorner = new double[] {cx, cy};
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1.2f));
        line(g, p.screen(window[0], yEdge, zmin), p.screen(window[1], yEdge, zmin));
        line(g, p.screen(xEdge, window[2], zmin), p.screen(xEdge, window[3], zmin));
        line(g, p.screen(zCorner[0], zCorner[1], zmin), p.screen(zCorner[0], zCorner[1], zmax));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double v : tickValues(window[0], window[1])) tick(g, p.screen(v, yEdge, zmin), descent.Format.number(v, 3), w);
        for (double v : tickValues(window[2], window[3])) tick(g, p.screen(xEdge, v, zmin), descent.Format.number(v, 3), w);
        for (double v : tickValues(zmin, zmax)) {
            int[] at = p.screen(zCorner[0], zCorner[1], v);
            String label = descent.Format.number(v, 3);
            g.drawLine(at[0] - 4, at[1], at[0], at[1]);
            g.drawString(label, at[0] - 7 - g.getFontMetrics().stringWidth(label), at[1] + 4);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        int[] xMid = p.screen(midX / 2, yEdge, zmin), yMid = p.screen(xEdge, midY / 2, zmin);
        int[] zTop = p.screen(zCorner[0], zCorner[1], zmax);
        label(g, axes[0], xMid[0] - g.getFontMetrics().stringWidth(axes[0]) / 2, xMid[1] + 42, w, h);
        label(g, axes[1], yMid[0] - g.getFontMetrics().stringWidth(axes[1]) / 2, yMid[1] + 42, w, h);
        label(g, axes[2], zTop[0] - g.getFontMetrics().stringWidth(axes[2]) / 2, zTop[1] - 10, w, h);
        g.dispose();
        return new ChartImage(img, altText(xs, ys, z));
    }

    /** What the surface shows: its window, its lowest and highest point on the grid drawn, and the path on it. */
    public String altText() {
        double[] xs = axis(0), ys = axis(1);
        return altText(xs, ys, heights(xs, ys));
    }

    private String altText(double[] xs, double[] ys, double[][] z) {
        int lj = -1, li = -1;
        double zmax = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                if (!Double.isFinite(z[j][i])) continue;
                if (lj < 0 || z[j][i] < z[lj][li]) { lj = j; li = i; }
                zmax = Math.max(zmax, z[j][i]);
            }
        }
        StringBuilder s = new StringBuilder(AltText.sentence(title + ": 3-D surface of " + axes[2] + " over " + axes[0]
                + " from " + AltText.number(window[0]) + " to " + AltText.number(window[1]) + " and " + axes[1] + " from "
                + AltText.number(window[2]) + " to " + AltText.number(window[3])));
        if (lj >= 0) {
            s.append(' ').append(AltText.sentence(axes[2] + " runs from " + AltText.number(z[lj][li]) + ", lowest at "
                    + AltText.point(xs[li], ys[lj]) + ", to " + AltText.number(zmax)));
        }
        if (trajectory != null && trajectory.length > 0) {
            int end = 0;
            while (end < trajectory.length && Double.isFinite(f.value(trajectory[end]))) end++;
            if (end > 0) {
                double[] a = trajectory[0], b = trajectory[end - 1];
                s.append(" A descent path of ").append(AltText.count(end - 1, "step", "steps")).append(" runs on it from ")
                        .append(AltText.point(a[0], a[1])).append(" to ").append(AltText.point(b[0], b[1])).append(", where ")
                        .append(axes[2]).append(" = ").append(AltText.number(f.value(b)))
                        .append(end < trajectory.length ? ", then diverges." : ".");
            }
        }
        return s.toString();
    }

    private static void line(Graphics2D g, int[] from, int[] to) {
        g.drawLine(from[0], from[1], to[0], to[1]);
    }

    /** A tick mark below a point of a floor edge, its value under it, kept inside the picture. */
    private static void tick(Graphics2D g, int[] at, String label, int width) {
        g.drawLine(at[0], at[1], at[0], at[1] + 4);
        int tw = g.getFontMetrics().stringWidth(label);
        g.drawString(label, Math.max(2, Math.min(width - 2 - tw, at[0] - tw / 2)), at[1] + 16);
    }

    /** About five round values inside [lo, hi]: steps of 1, 2 or 5 times a power of ten. */
    static double[] tickValues(double lo, double hi) {
        if (!(hi > lo)) return new double[0];
        double raw = (hi - lo) / 5, power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / power < 1.5 ? power : raw / power < 3.5 ? 2 * power : raw / power < 7.5 ? 5 * power : 10 * power;
        List<Double> v = new ArrayList<>();
        for (double t = Math.ceil(lo / step) * step; t <= hi + 1e-9 * step; t += step) v.add(Math.abs(t) < 1e-12 * step ? 0 : t);
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Text kept inside the picture. */
    private static void label(Graphics2D g, String text, int x, int y, int width, int height) {
        int tw = g.getFontMetrics().stringWidth(text);
        g.drawString(text, Math.max(4, Math.min(width - 4 - tw, x)), Math.max(16, Math.min(height - 6, y)));
    }

    /** Perceptually ordered colours from dark purple (low) to yellow (high), like Viridis. */
    static Color viridis(double t) {
        double[][] stops = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        t = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int k = Math.min((int) t, stops.length - 2);
        double u = t - k;
        return new Color((int) (stops[k][0] + u * (stops[k + 1][0] - stops[k][0])),
                (int) (stops[k][1] + u * (stops[k + 1][1] - stops[k][1])),
                (int) (stops[k][2] + u * (stops[k + 1][2] - stops[k][2])));
    }

    /**
     * Where the viewer stands, as a unit direction in the window's box (each axis scaled to [−1, 1]):
     * along the surface's flattest direction at the window's centre, so that a long valley is seen
     * end-on as a U — seen from the side, a tilted bowl's near rim reads as a peak. The direction is
     * the eigenvector of the smaller eigenvalue of the Hessian, estimated by central differences; of
     * its two signs the one nearer the default view (azimuth −55°) is kept. A round bowl keeps the default.
     */
    double[] viewDirection() {
        double[] fallback = {Math.sin(Math.toRadians(-55)), Math.cos(Math.toRadians(-55))};
        double h = 0.05, sx = (window[1] - window[0]) / 2, sy = (window[3] - window[2]) / 2;
        double cx = window[0] + sx, cy = window[2] + sy;
        java.util.function.BiFunction<Double, Double, Double> g = (u, v) -> f.value(new double[] {cx + u * sx, cy + v * sy});
        double f0 = g.apply(0.0, 0.0);
        double a = (g.apply(h, 0.0) - 2 * f0 + g.apply(-h, 0.0)) / (h * h);
        double c = (g.apply(0.0, h) - 2 * f0 + g.apply(0.0, -h)) / (h * h);
        double b = (g.apply(h, h) - g.apply(h, -h) - g.apply(-h, h) + g.apply(-h, -h)) / (4 * h * h);
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c))) return fallback;
        double spread = Math.hypot(a - c, 2 * b), size = Math.abs(a) + Math.abs(c);
        if (!(spread > 0.2 * size)) return fallback;  // nearly round: no direction stands out
        double steep = 0.5 * Math.atan2(2 * b, a - c), flat = steep + Math.PI / 2;
        double[] d = {Math.cos(flat), Math.sin(flat)};
        if (d[0] * fallback[0] + d[1] * fallback[1] < 0) {
            d[0] = -d[0];
            d[1] = -d[1];
        }
        return d;
    }

    /** An oblique view from {@code view} (a unit direction in the box), elevation 28°, the box scaled to the image. */
    private static final class Projection {
        private final double[] window;
        private final double zmin;
        private final double zspan;
        private final double ca;
        private final double sa;
        private final double ce = Math.cos(Math.toRadians(28)), se = Math.sin(Math.toRadians(28));
        private final double scale;
        private final double cx;
        private final double cy;

        Projection(double[] window, double zmin, double zmax, int w, int h, double[] view) {
            this.window = window;
            // the depth axis ry = sa·u + ca·v points at the viewer
            this.sa = view[0];
            this.ca = view[1];
            this.zmin = zmin;
            this.zspan = zmax - zmin == 0 ? 1 : zmax - zmin;
            this.scale = Math.min(w, h) * 0.30;
            this.cx = w / 2.0;
            this.cy = h / 2.0 + 20;
        }

        private double[] unit(double x, double y, double z) {
            return new double[] {
                2 * (x - window[0]) / (window[1] - window[0]) - 1,
                2 * (y - window[2]) / (window[3] - window[2]) - 1,
                1.4 * ((z - zmin) / zspan) - 0.7,
            };
        }

        int[] screen(double x, double y, double z) {
            double[] u = unit(x, y, z);
            double rx = sa * u[1] - ca * u[0];  // screen right = forward × up: a view, not its mirror image
            double ry = sa * u[0] + ca * u[1];
            double sy = -(ce * u[2]) + se * ry;
            return new int[] {(int) Math.round(cx + scale * rx), (int) Math.round(cy + scale * sy)};
        }

        /** Larger = farther from the viewer (for sorting; arguments are doubled coordinates). */
        double depth(double x2, double y2) {
            double[] u = unit(x2 / 2, y2 / 2, zmin);
            double ry = sa * u[0] + ca * u[1];
            return -ry;
        }
    }
}
