package descent.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The colours, dashes and markers that tell a chart's series apart, also without colour (WCAG 2.1, 1.4.1 Use of
 * Color; 1.4.11 Non-text Contrast). The colours are Okabe and Ito's palette for colour-blind readers (Okabe &amp;
 * Ito, "Color Universal Design", 2008; Wong, "Points of view: Color blindness", Nature Methods 8, 441, 2011), the
 * paler ones darkened in their own hue until they reach 3:1 against the white plot (orange #e69f00 to #be8300,
 * sky blue #56b4e9 to #4897c3, yellow #f0e442 to #99912a, reddish purple #cc79a7 to #c776a3). Series k takes colour
 * k, dash k and marker k, so that two series differ in at least two of them.
 */
final class Palette {
    /** The colours as hex, for Plotly; {@link #color} is the same list. */
    static final String[] HEX = {"#0072b2", "#d55e00", "#009e73", "#c776a3", "#000000", "#4897c3", "#be8300", "#99912a"};
    /** Plotly's names for the dashes of {@link #stroke}, in the same order. */
    static final String[] PLOTLY_DASH = {"solid", "dash", "dot", "dashdot", "longdash", "longdashdot"};
    private static final float[][] DASHES = {null, {8f, 5f}, {2f, 4f}, {8f, 4f, 2f, 4f}, {14f, 5f}, {14f, 4f, 2f, 4f}};
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.SQUARE,
        SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};

    private Palette() {}

    static Color color(int k) {
        return Color.decode(HEX[Math.floorMod(k, HEX.length)]);
    }

    /** Series k's line: solid for k = 0, then dashed, dotted, dash-dotted, … */
    static BasicStroke stroke(int k, float width) {
        float[] dash = DASHES[Math.floorMod(k, DASHES.length)];
        return dash == null ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    static String plotlyDash(int k) {
        return PLOTLY_DASH[Math.floorMod(k, PLOTLY_DASH.length)];
    }

    static Marker marker(int k) {
        return MARKERS[Math.floorMod(k, MARKERS.length)];
    }

    /** WCAG 2.1's contrast ratio of a colour against white: (1.05) / (L + 0.05), L the relative luminance. */
    static double contrastOnWhite(Color c) {
        double[] rgb = {c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0};
        for (int i = 0; i < 3; i++) rgb[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        double l = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        return 1.05 / (l + 0.05);
    }
}
