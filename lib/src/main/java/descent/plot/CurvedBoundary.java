package descent.plot;

import descent.Check;
import descent.data.Dataset;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Two classes in the plane and the boundary z(x) = 0 (p = ½) of any classifier that gives a logit z, a curve
 * when the model is a network: z on a grid over the data's extent, the level 0 traced by {@link MarchingSquares}.
 */
final class CurvedBoundary {
    private static final int GRID = 100;

    /**
     * What a boundary picture is made of: the points of class 0 ({@code a}) and class 1 ({@code b}) as
     * {xs, ys}, the window, the boundary's segments, and how many points the model classifies correctly.
     */
    record Traced(double[][] a, double[][] b, double lo, double hi, double ylo, double yhi, List<double[]> segments,
                  int right, int rows) {
        /** The sentence a text alternative ends with: where the boundary is and how many points it gets right. */
        String sentence() {
            return AltText.sentence(segments.isEmpty()
                    ? "The model gives one class everywhere in the window: there is no boundary to draw"
                    : "The boundary p = 0.5 is drawn in black; the model classifies " + right + " of the " + rows
                    + " points correctly (" + Math.round(100.0 * right / rows) + " %)");
        }
    }

    private CurvedBoundary() {}

    static ChartImage draw(Dataset data, ToDoubleFunction<double[]> logit, String title) {
        Check.notNull("title", title);
        return draw(data, trace(data, logit), title);
    }

    /** The picture of a boundary traced before ({@link #trace}) on the same data. */
    static ChartImage draw(Dataset data, Traced t, String title) {
        String[] names = data.names();
        int off = data.hasBias() ? 1 : 0;
        LineChart chart = LineChart.of(title).xLabel(names[off]).yLabel(names[off + 1]).xRange(t.lo(), t.hi())
                .yRange(t.ylo(), t.yhi()).scatter("class 0", t.a()[0], t.a()[1], Palette.color(0))
                .scatter("class 1", t.b()[0], t.b()[1], Palette.color(1));
        XYChart xy = chart.chart();
        if (!t.segments().isEmpty()) {
            double[][] line = MarchingSquares.asLine(t.segments());
            XYSeries boundary = xy.addSeries("boundary p = 0.5", line[0], line[1]);
            boundary.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            boundary.setMarker(SeriesMarkers.NONE);
            boundary.setLineColor(Color.BLACK);
            boundary.setLineStyle(new BasicStroke(2f));
        }
        return new ChartImage(BitmapEncoder.getBufferedImage(xy), chart.altText() + " " + t.sentence());
    }

    /** The classes' points, the window (the data's extent and half a unit), and the level z = 0 on a grid over it. */
    static Traced trace(Dataset data, ToDoubleFunction<double[]> logit) {
        Check.notNull("data", data);
        Check.notNull("logit", logit);
        int off = data.hasBias() ? 1 : 0;
        if (data.cols() - off != 2) {
            throw new IllegalArgumentException("data has " + (data.cols() - off)
                    + " feature columns but a decision boundary is drawn for exactly 2");
        }
        double[] x1 = data.column(off), x2 = data.column(off + 1);
        int ones = 0, right = 0;
        for (int i = 0; i < data.rows(); i++) {
            double y = data.y(i);
            if (y != 0 && y != 1) {
                throw new IllegalArgumentException("data.y(" + i + ") = " + y + " is invalid: a decision boundary "
                        + "separates two classes, labelled 0 and 1");
            }
            if (y == 1) ones++;
            double z = logit.applyAsDouble(new double[] {x1[i], x2[i]});
            if (!Double.isFinite(z)) throw new IllegalArgumentException("logit at row " + i + " is " + z + ": the model must give a finite z");
            if ((z >= 0 ? 1 : 0) == y) right++;
        }
        double[][] a = new double[2][data.rows() - ones], b = new double[2][ones];
        for (int i = 0, ia = 0, ib = 0; i < data.rows(); i++) {
            double[][] to = data.y(i) == 1 ? b : a;
            int k = data.y(i) == 1 ? ib++ : ia++;
            to[0][k] = x1[i];
            to[1][k] = x2[i];
        }
        Extent e1 = Extent.finite().add(x1), e2 = Extent.finite().add(x2);
        double lo = e1.lo() - 0.5, hi = e1.hi() + 0.5, ylo = e2.lo() - 0.5, yhi = e2.hi() + 0.5;
        double[] xs = new double[GRID], ys = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            xs[i] = lo + (hi - lo) * i / (GRID - 1);
            ys[i] = ylo + (yhi - ylo) * i / (GRID - 1);
        }
        double[][] z = new double[GRID][GRID];
        for (int i = 0; i < GRID; i++) for (int j = 0; j < GRID; j++) z[i][j] = logit.applyAsDouble(new double[] {xs[i], ys[j]});
        return new Traced(a, b, lo, hi, ylo, yhi, MarchingSquares.segments(xs, ys, z, 0), right, data.rows());
    }
}
