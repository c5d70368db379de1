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
     * Fails unless 1 ≤ {@code count}, {@code count · perItem} ≤ {@link #MAX_VALUES} and that many doubles fit
     * in this JVM's heap: a typo such as 2147483647 rows gets this message, with the size and the heap,
     * instead of a NegativeArraySizeException or OutOfMemoryError.
     */
    public static int size(String name, int count, int perItem) {
        atLeast(name, count, 1);
        long values = (long) count * Math.max(1, perItem);
        if (values > MAX_VALUES) {
            throw new IllegalArgumentException(name + " = " + count + " is invalid: " + name
                    + (perItem > 1 ? " × " + perItem : "") + " values exceed the library's limit of " + MAX_VALUES
                    + " (about 800 MB)");
        }
        fitsHeap(name + " = " + count, values * Double.BYTES);
        return count;
    }

    /**
     * Fails unless {@code bytes} fit in half of this JVM's heap ({@link Runtime#maxMemory()}: a notebook
     * kernel's is 96–256 MiB), so that a size that would exhaust it is refused before anything is allocated.
     * {@code what} names the size ("width × height = 100000 × 100000").
     */
    public static void fitsHeap(String what, long bytes) {
        fitsHeap(what, bytes, "give a smaller size");
    }

    /**
     * As {@link #fitsHeap(String, long)}, the message ending with {@code instead}, what to do instead
     * ("train on it streamed instead: …").
     */
    public static void fitsHeap(String what, long bytes, String instead) {
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap / 2) {
            throw new IllegalArgumentException(what + " is invalid: it needs " + mebibytes(bytes) + " MiB, more than half of "
                    + "this JVM's heap of " + mebibytes(heap) + " MiB (Runtime.maxMemory()); " + instead);
        }
    }

    /** Bytes in MiB (2²⁰ bytes, the unit of -Xmx and of the kernel's heap bound), to the nearest. */
    private static long mebibytes(long bytes) {
        return (bytes + (1 << 19)) >> 20;
    }

    /** The largest side of a chart in pixels. */
    public static final int MAX_PIXELS = 10_000;

    /**
     * Fails unless a chart of {@code width × height} pixels (each at least {@code min}, at most
     * {@link #MAX_PIXELS}) fits in the heap: an image of 4 bytes a pixel, twice over while it is drawn.
     */
    public static void pixels(int width, int height, int min) {
        atLeast("width", width, min);
        atLeast("height", height, min);
        if (width > MAX_PIXELS || height > MAX_PIXELS) {
            throw new IllegalArgumentException((width > MAX_PIXELS ? "width = " + width : "height = " + height)
                    + " is invalid: a chart is at most " + MAX_PIXELS + " pixels a side");
        }
        fitsHeap("width × height = " + width + " × " + height + " pixels", (long) width * height * 4 * 2);
    }

    /** Fails unless {@code value} is a name: not null, not blank (a legend, a column, a category needs one). */
    public static String name(String parameter, String value) {
        notNull(parameter, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(parameter + " = \"" + value + "\" is invalid: it must be a non-blank name");
        }
        return value;
    }

    /** Fails unless every entry of {@code names} is a name ({@link #name}) and no two are equal. */
    public static String[] distinctNames(String parameter, String[] names) {
        notNull(parameter, names);
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            name(parameter + "[" + i + "]", names[i]);
            Integer first = seen.putIfAbsent(names[i], i);
            if (first != null) {
                throw new IllegalArgumentException(parameter + "[" + i + "] = \"" + names[i] + "\" is invalid: it is "
                        + parameter + "[" + first + "] too, and a name may be used only once (the name is there twice)");
            }
        }
        return names;
    }

    /**
     * Fails unless {@code rows[from..to)} is a non-empty range of {@code rows}: the batch a loss's minibatch
     * gradient reads (its entries, row indices, are checked where they are read).
     */
    public static int[] rowRange(int[] rows, int from, int to) {
        notNull("rows", rows);
        if (from < 0 || to > rows.length || from >= to) {
            throw new IllegalArgumentException("rows[from..to) = [" + from + ", " + to + ") is invalid: it must "
                    + "satisfy 0 <= from < to <= rows.length = " + rows.length);
        }
        return rows;
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
