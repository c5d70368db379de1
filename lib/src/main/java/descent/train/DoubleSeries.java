package descent.train;

import java.util.Arrays;

/** A growable list of doubles without boxing, for loss histories. */
final class DoubleSeries {
    private double[] values = new double[64];
    private int size;

    void add(double v) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = v;
    }

    /** Appends {@code a[0..count)}. */
    void addAll(double[] a, int count) {
        reserve(count);
        System.arraycopy(a, 0, values, size, count);
        size += count;
    }

    /** Makes room for {@code more} values beyond the current ones, so that adding them copies nothing. */
    void reserve(int more) {
        long needed = (long) size + more;
        if (needed > values.length) {
            values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * values.length)));
        }
    }

    int size() {
        return size;
    }

    double last() {
        return values[size - 1];
    }

    double get(int i) {
        return values[i];
    }

    /** v_from + … + v_(to−1), added in that order. */
    double sum(int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += values[i];
        return s;
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
