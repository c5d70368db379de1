package descent.plot;

import descent.Check;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** A heat map drawn with Java2D: XChart's has no per-cell text and no way to show "diverged". */
final class HeatMap {
    static final Color DIVERGED = new Color(246, 214, 214);
    static final Color DIVERGED_TEXT = new Color(160, 20, 20);

    private HeatMap() {}

    static ChartImage draw(String title, String xLabel, double[] xs, String yLabel, double[] ys, double[][] values) {
        Check.notNull("title", title);
        Check.notNull("xs", xs);
        Check.notNull("ys", ys);
        Check.notNull("values", values);
        if (values.length != ys.length) {
            throw new IllegalArgumentException("values has length " + values.length + " but ys has length " + ys.length
                    + ": one row of values per y");
        }
        // the axes' values are written on the chart: NaN there would be drawn as "NaN"
        Check.finite("xs", xs);
        Check.finite("ys", ys);
        for (int r = 0; r < values.length; r++) {
            Check.notNull("values[" + r + "]", values[r]);
            if (values[r].length != xs.length) {
                throw new IllegalArgumentException("values[" + r + "] has length " + values[r].length
                        + " but xs has length " + xs.length + ": one value per x");
            }
        }
        if (xs.length == 0 || ys.length == 0) throw new IllegalArgumentException("xs and ys must not be empty");
        Extent e = Extent.finite().add(values);
        double lo = e.lo(), hi = e.hi();
        boolean log = lo > 0 && hi / lo > 100;
        // On a log scale, cap the colour range at 10⁴ × the best value: one blown-up run (1e85)
        // must not flatten every other cell into the same colour.
        double span = log ? Math.log(Math.min(hi / lo, 1e4)) : hi - lo;
        int cellW = Math.max(70, Math.min(110, 520 / xs.length)), cellH = Math.max(36, Math.min(60, 300 / ys.length));
        int left = 90, top = 50, bottom = 60, right = 20;
        int w = left + cellW * xs.length + right, h = top + cellH * ys.length + bottom;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        center(g, title, w / 2, 28);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        for (int r = 0; r < ys.length; r++) {
            for (int c = 0; c < xs.length; c++) {
                double v = values[r][c];
                int x0 = left + c * cellW, y0 = top + (ys.length - 1 - r) * cellH;
                boolean ok = Double.isFinite(v);
                double t = !ok || hi == lo ? 0 : log ? Math.min(1, Math.log(v / lo) / span) : (v - lo) / span;
                // diverged cells in a colour of their own: the ramp's middle is grey, and "diverged" must not
                // read as a cost in the middle of the scale
                Color fill = ok ? ramp(t) : DIVERGED;
                g.setColor(fill);
                g.fillRect(x0, y0, cellW, cellH);
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(1f));
                g.drawRect(x0, y0, cellW, cellH);
                g.setFont(small);
                g.setColor(!ok ? DIVERGED_TEXT : t > 0.55 ? Color.BLACK : Color.WHITE);
                center(g, ok ? format(v) : "diverged", x0 + cellW / 2, y0 + cellH / 2 + 5);
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(small);
        for (int c = 0; c < xs.length; c++) center(g, format(xs[c]), left + c * cellW + cellW / 2, top + ys.length * cellH + 18);
        for (int r = 0; r < ys.length; r++) {
            String s = format(ys[r]);
            g.drawString(s, left - 8 - g.getFontMetrics().stringWidth(s), top + (ys.length - 1 - r) * cellH + cellH / 2 + 5);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        center(g, xLabel, left + xs.length * cellW / 2, h - 14);
        var saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        center(g, yLabel, -(top + ys.length * cellH / 2), 22);
        g.setTransform(saved);
        g.dispose();
        return new ChartImage(img, altText(title, xLabel, xs, yLabel, ys, values));
    }

    /**
     * What the heat map shows: its axes and their values, the lowest and highest cell, how many cells diverged
     * and where; with at most 30 cells, every cell row by row (the picture's numbers, in words).
     */
    static String altText(String title, String xLabel, double[] xs, String yLabel, double[] ys, double[][] values) {
        StringBuilder s = new StringBuilder(AltText.sentence(title + ": heat map over " + xLabel + " = " + values(xs)
                + " and " + yLabel + " = " + values(ys)));
        int lr = -1, lc = -1, hr = -1, hc = -1;
        List<String> diverged = new ArrayList<>();
        for (int r = 0; r < ys.length; r++) {
            for (int c = 0; c < xs.length; c++) {
                double v = values[r][c];
                if (!Double.isFinite(v)) {
                    diverged.add(xLabel + " " + format(xs[c]) + " with " + yLabel + " " + format(ys[r]));
                    continue;
                }
                if (lr < 0 || v < values[lr][lc]) { lr = r; lc = c; }
                if (hr < 0 || v > values[hr][hc]) { hr = r; hc = c; }
            }
        }
        if (lr >= 0) {
            s.append(" Lowest ").append(format(values[lr][lc])).append(" at ").append(cell(xLabel, xs[lc], yLabel, ys[lr]))
                    .append("; highest ").append(format(values[hr][hc])).append(" at ").append(cell(xLabel, xs[hc], yLabel, ys[hr]))
                    .append('.');
        }
        if (!diverged.isEmpty()) {
            s.append(' ').append(AltText.sentence(AltText.count(diverged.size(), "cell diverged", "cells diverged")
                    + (diverged.size() <= 6 ? ": " + AltText.list(diverged) : "")));
        }
        if (xs.length * ys.length <= 30) {
            for (int r = 0; r < ys.length; r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < xs.length; c++) row.add(Double.isFinite(values[r][c]) ? format(values[r][c]) : "diverged");
                s.append(' ').append(yLabel).append(' ').append(format(ys[r])).append(": ").append(String.join(", ", row)).append('.');
            }
        }
        return s.toString();
    }

    private static String values(double[] v) {
        List<String> out = new ArrayList<>();
        for (double x : v) out.add(format(x));
        return AltText.list(out);
    }

    private static String cell(String xLabel, double x, String yLabel, double y) {
        return xLabel + " " + format(x) + ", " + yLabel + " " + format(y);
    }

    /** Dark blue (low, good) to pale yellow (high). */
    private static Color ramp(double t) {
        t = Math.max(0, Math.min(1, t));
        int r = (int) (30 + t * (250 - 30));
        int gr = (int) (50 + t * (235 - 50));
        int b = (int) (120 + t * (160 - 120));
        return new Color(r, gr, b);
    }

    /** A cell or axis value: 3 significant digits as people write them (0.03, 1.05, 122, 2.14e+85). */
    static String format(double v) {
        return descent.Format.number(v, 3);
    }

    private static void center(Graphics2D g, String s, int x, int y) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, x - fm.stringWidth(s) / 2, y);
    }
}
