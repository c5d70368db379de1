package descent.plot;

/**
 * The smallest and largest finite values among some numbers: the scan behind every chart's axis range,
 * contour levels and colour ramp. NaN and ±∞ (a diverged run) are skipped, never plotted as a bound.
 */
final class Extent {
    private final boolean positiveOnly;
    private double lo = Double.POSITIVE_INFINITY;
    private double hi = Double.NEGATIVE_INFINITY;

    private Extent(boolean positiveOnly) {
        this.positiveOnly = positiveOnly;
    }

    /** Over all finite values. */
    static Extent finite() {
        return new Extent(false);
    }

    /** Over the finite values above 0: what a logarithmic scale can show. */
    static Extent positive() {
        return new Extent(true);
    }

    /** Takes in the values of {@code v}. */
    Extent add(double[] v) {
        for (double e : v) {
            if (Double.isFinite(e) && (!positiveOnly || e > 0)) {
                if (e < lo) lo = e;
                if (e > hi) hi = e;
            }
        }
        return this;
    }

    /** Takes in every row of {@code rows}. */
    Extent add(double[][] rows) {
        for (double[] row : rows) add(row);
        return this;
    }

    /** True when no value counted. */
    boolean isEmpty() {
        return lo > hi;
    }

    /** The smallest value (+∞ when empty). */
    double lo() {
        return lo;
    }

    /** The largest value (−∞ when empty). */
    double hi() {
        return hi;
    }
}
