package descent.plot;

import tech.tablesaw.plotly.components.HoverLabel;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A Plotly {@code surface} trace for tablesaw-jsplot, which has scatter3d and contour traces but no
 * surface. z[j][i] is the height at (x[i], y[j]) — Plotly's row-major convention.
 */
final class SurfaceTrace implements Trace {
    private final double[] x;
    private final double[] y;
    private final double[][] z;
    private final String name;

    SurfaceTrace(double[] x, double[] y, double[][] z, String name) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.name = name;
    }

    @Override
    public String asJavascript(int i) {
        StringBuilder s = new StringBuilder("var trace").append(i).append(" = {type: 'surface', name: ")
                .append(Json.string(name)).append(", x: ").append(Json.array(x)).append(", y: ").append(Json.array(y))
                .append(", z: [");
        for (int r = 0; r < z.length; r++) s.append(r == 0 ? "" : ", ").append(Json.array(z[r]));
        return s.append("], colorscale: 'Viridis', opacity: 0.92, showscale: false, ")
                .append("contours: {z: {show: true, usecolormap: true, project: {z: true}}}};\n").toString();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public HoverLabel hoverLabel() {
        return null;
    }

    @Override
    public boolean showLegend() {
        return false;
    }

    /** A scatter3d polyline with markers: the optimiser's path over the surface. */
    static final class Path3D implements Trace {
        private final double[] x;
        private final double[] y;
        private final double[] z;
        private final String name;

        Path3D(double[] x, double[] y, double[] z, String name) {
            this.x = x;
            this.y = y;
            this.z = z;
            this.name = name;
        }

        @Override
        public String asJavascript(int i) {
            return "var trace" + i + " = {type: 'scatter3d', mode: 'lines+markers', name: " + Json.string(name)
                    + ", x: " + Json.array(x) + ", y: " + Json.array(y) + ", z: " + Json.array(z)
                    + ", line: {color: '#d62728', width: 5}, marker: {size: 3, color: '#d62728'}};\n";
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public HoverLabel hoverLabel() {
            return null;
        }

        @Override
        public boolean showLegend() {
            return true;
        }
    }

    /** Just enough JSON for numbers and strings. */
    static final class Json {
        private Json() {}

        static String array(double[] v) {
            StringBuilder s = new StringBuilder("[");
            for (int i = 0; i < v.length; i++) {
                if (i > 0) s.append(',');
                s.append(Double.isFinite(v[i]) ? Double.toString((float) v[i]) : "null");
            }
            return s.append(']').toString();
        }

        static String string(String v) {
            StringBuilder s = new StringBuilder("\"");
            for (char c : v.toCharArray()) {
                switch (c) {
                    case '"' -> s.append("\\\"");
                    case '\\' -> s.append("\\\\");
                    case '<' -> s.append("\\u003c");
                    case '\n' -> s.append("\\n");
                    default -> s.append(c);
                }
            }
            return s.append('"').toString();
        }
    }
}
