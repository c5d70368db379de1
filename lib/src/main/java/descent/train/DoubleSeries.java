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

    int size() {
        return size;
    }

    double last() {
        return values[size - 1];
    }

    double get(int i) {
        return values[i];
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
