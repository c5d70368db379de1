package descent.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Iso-lines f(x, y) = c of a function sampled on a grid, by marching squares: each grid cell's
 * corners above/below c select which cell edges the line crosses, and the crossing point on an
 * edge is found by linear interpolation (Lorensen &amp; Cline's marching cubes, 1987, in 2-D).
 */
final class MarchingSquares {
    private MarchingSquares() {}

    /**
     * Segments of the level-c line as {x1, y1, x2, y2}; {@code z[i][j]} = f(xs[i], ys[j]).
     * Ambiguous saddle cells are resolved by the value at the cell centre.
     */
    static List<double[]> segments(double[] xs, double[] ys, double[][] z, double c) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < xs.length; i++) {
            for (int j = 0; j + 1 < ys.length; j++) {
                double a = z[i][j], b = z[i + 1][j], d = z[i + 1][j + 1], e = z[i][j + 1];
                if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(d) && Double.isFinite(e))) continue;
                int code = (a > c ? 1 : 0) | (b > c ? 2 : 0) | (d > c ? 4 : 0) | (e > c ? 8 : 0);
                if (code == 0 || code == 15) continue;
                // Crossing points on the four edges: bottom (a-b), right (b-d), top (e-d), left (a-e).
                double[] bottom = {lerp(xs[i], xs[i + 1], a, b, c), ys[j]};
                double[] rightE = {xs[i + 1], lerp(ys[j], ys[j + 1], b, d, c)};
                double[] topE = {lerp(xs[i], xs[i + 1], e, d, c), ys[j + 1]};
                double[] leftE = {xs[i], lerp(ys[j], ys[j + 1], a, e, c)};
                boolean centreAbove = (a + b + d + e) / 4 > c;
                switch (code) {
                    case 1, 14 -> add(out, leftE, bottom);
                    case 2, 13 -> add(out, bottom, rightE);
                    case 3, 12 -> add(out, leftE, rightE);
                    case 4, 11 -> add(out, rightE, topE);
                    case 6, 9 -> add(out, bottom, topE);
                    case 7, 8 -> add(out, leftE, topE);
                    case 5 -> { // a and d above
                        if (centreAbove) { add(out, leftE, topE); add(out, bottom, rightE); }
                        else { add(out, leftE, bottom); add(out, rightE, topE); }
                    }
                    case 10 -> { // b and e above
                        if (centreAbove) { add(out, leftE, bottom); add(out, rightE, topE); }
                        else { add(out, leftE, topE); add(out, bottom, rightE); }
                    }
                    default -> { }
                }
            }
        }
        return out;
    }

    private static double lerp(double p, double q, double fp, double fq, double c) {
        return fp == fq ? (p + q) / 2 : p + (c - fp) / (fq - fp) * (q - p);
    }

    private static void add(List<double[]> out, double[] p, double[] q) {
        out.add(new double[] {p[0], p[1], q[0], q[1]});
    }

    /** The segments as one line {xs, ys} for a chart, a NaN between segments (a gap: no chart joins across NaN). */
    static double[][] asLine(List<double[]> segments) {
        double[] sx = new double[segments.size() * 3], sy = new double[segments.size() * 3];
        for (int s = 0; s < segments.size(); s++) {
            double[] seg = segments.get(s);
            sx[3 * s] = seg[0];
            sy[3 * s] = seg[1];
            sx[3 * s + 1] = seg[2];
            sy[3 * s + 1] = seg[3];
            sx[3 * s + 2] = Double.NaN;
            sy[3 * s + 2] = Double.NaN;
        }
        return new double[][] {sx, sy};
    }
}
