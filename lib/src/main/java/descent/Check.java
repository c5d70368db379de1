package descent;

/**
 * Argument checks shared by every public entry point. Each failure is an
 * {@link IllegalArgumentException} whose message names the parameter, the bad value and what
 * would be valid, so a student reading a notebook error knows what to change.
 */
public final class Check {
    private Check() {}

    /** Fails unless {@code value} is finite and strictly positive (learning rates, tolerances). */
    public static double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(
                    name + " = " + value + " is invalid: it must be a finite number > 0");
        }
        return value;
    }

    /** Fails unless {@code value} is finite and at least 0. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(
                    name + " = " + value + " is invalid: it must be a finite number >= 0");
        }
        return value;
    }

    /** Fails unless {@code lo <= value < hi} (e.g. a decay rate in [0, 1)). */
    public static double inRange(String name, double value, double lo, double hi) {
        if (!(value >= lo && value < hi)) {
            throw new IllegalArgumentException(
                    name + " = " + value + " is invalid: it must be in [" + lo + ", " + hi + ")");
        }
        return value;
    }

    /** Fails unless {@code value >= min}. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(
                    name + " = " + value + " is invalid: it must be >= " + min);
        }
        return value;
    }

    /** Fails unless {@code value >= min}. */
    public static long atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(
                    name + " = " + value + " is invalid: it must be >= " + min);
        }
        return value;
    }

    /** Fails unless {@code array} is non-null. */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null: a value is required");
        }
        return value;
    }

    /** The most numbers one array of the library may hold (800 MB of doubles). */
    public static final long MAX_VALUES = 100_000_000L;

    /**
     * Fails unless 1 ≤ {@code count} and {@code count · perItem} ≤ {@link #MAX_VALUES}: a typo such as
     * 2147483647 rows gets this message instead of a NegativeArraySizeException or OutOfMemoryError.
     */
    public static int size(String name, int count, int perItem) {
        atLeast(name, count, 1);
        if ((long) count * Math.max(1, perItem) > MAX_VALUES) {
            throw new IllegalArgumentException(name + " = " + count + " is invalid: " + name
                    + (perItem > 1 ? " × " + perItem : "") + " values exceed the library's limit of " + MAX_VALUES
                    + " (about 800 MB)");
        }
        return count;
    }

    /** Fails unless 0 ≤ {@code index} < {@code size}; {@code what} names the things indexed ("rows"). */
    public static int index(String name, int index, int size, String what) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException(name + " = " + index + " is invalid: " + what + " are "
                    + (size == 0 ? "none" : "0.." + (size - 1)));
        }
        return index;
    }

    /** Fails unless {@code array.length == expected}; {@code what} says what the length means. */
    public static double[] length(String name, double[] array, int expected, String what) {
        notNull(name, array);
        if (array.length != expected) {
            throw new IllegalArgumentException(name + " has length " + array.length
                    + " but must have length " + expected + " (" + what + ")");
        }
        return array;
    }

    /** Fails if any entry of {@code array} is NaN or infinite, naming the first such index. */
    public static double[] finite(String name, double[] array) {
        notNull(name, array);
        if (Vectors.allFinite(array)) return array;  // the usual case, without a branch per entry
        for (int i = 0; i < array.length; i++) {
            if (!Double.isFinite(array[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + array[i]
                        + " is invalid: every entry must be a finite number");
            }
        }
        return array;
    }
}
