package descent.exercise;

/**
 * Checks for notebook 12 (why minibatches are fast): the bytes one full-batch gradient must read,
 * 8mn (Hennessy and Patterson, <i>Computer Architecture</i>, ch. 2: a pass over data that does not
 * fit in the caches is bounded by memory bandwidth), and a batch size that amortises each update's
 * fixed cost: an epoch of m rows with batch size b costs ⌈m/b⌉·c + m·r (the notebook's model).
 */
public final class SpeedExercises {
    /** The notebook's model: m rows, a fixed c = 1 µs per update, r = 15 ns per row. */
    static final int M = 200_000;
    static final double FIXED_NS = 1000, PER_ROW_NS = 15;

    private SpeedExercises() {}

    /** Prints whether {@code megabytes} is what one gradient over 1,000,000 × 16 doubles reads of X. */
    public static void checkMegabytes(double megabytes) {
        assessMegabytes(megabytes).print();
    }

    static Feedback assessMegabytes(double megabytes) {
        return Exercise.report("set myMegabytes", () -> NearMiss.explain(judgeMegabytes(megabytes), "myMegabytes", megabytes,
                x -> judgeMegabytes(x).passed()));
    }

    private static Feedback judgeMegabytes(double megabytes) {
        if (Exercise.isTodo(megabytes)) return Feedback.notDone("set myMegabytes to a number of megabytes");
        double exact = 1_000_000.0 * 16 * 8 / 1e6;
        if (megabytes == 0) return IntegerDivision.zero("myMegabytes", megabytes);
        if (Math.abs(megabytes - exact) < 0.5) {
            return Feedback.done("128 MB = 1,000,000 rows × 16 columns × 8 bytes ÷ 10⁶: at about 10 GB/s that "
                    + "alone takes about 13 ms, whatever the arithmetic");
        }
        if (Math.abs(megabytes - 16) < 0.5) {
            return Feedback.wrong("values", "16 counts the doubles (16 million), not their bytes: each double takes 8 bytes");
        }
        double mebibytes = exact * 1e6 / (1 << 20);
        if (megabytes == Math.floor(mebibytes)) {
            return Feedback.wrong("mebibytes-truncated", Exercise.num(megabytes) + " is " + Exercise.num(mebibytes)
                    + " MiB (2²⁰ = 1,048,576 bytes) with its fraction cut off: a megabyte here is 10⁶ bytes, and Java's "
                    + "integer division (… / 1024 / 1024 on whole numbers) dropped the fraction");
        }
        if (Math.abs(megabytes - mebibytes) < 0.05) {
            return Feedback.wrong("mebibytes", Exercise.num(megabytes) + " is in MiB (2²⁰ = 1,048,576 bytes); "
                    + "a megabyte here is 10⁶ bytes");
        }
        if (Math.abs(megabytes - exact * 1e6) < 1e6) {
            return Feedback.wrong("bytes", Exercise.num(megabytes) + " is the number of bytes; divide by 10⁶ for megabytes");
        }
        if (Math.abs(megabytes - 8) < 0.5) {
            return Feedback.wrong("one-column", "8 MB is one column of a million doubles; X has 16 columns");
        }
        if (Math.abs(megabytes - exact - 8) < 0.5) {
            return Feedback.wrong("with-y", "136 MB counts y as well (8 MB); the question counts X only");
        }
        return Feedback.wrong("other", Exercise.num(megabytes) + " MB is not it: rows × columns × 8 bytes per double, "
                + "divided by 10⁶");
    }

    /** Prints whether batch size {@code b} keeps the fixed costs at most 10 % of an epoch in the notebook's model. */
    public static void checkBatch(int b) {
        assessBatch(b).print();
    }

    static Feedback assessBatch(int b) {
        return Exercise.report("set myBatch", () -> NearMiss.explain(judgeBatch(b), "b", b,
                x -> x == Math.rint(x) && Math.abs(x) < 1e9 && judgeBatch((int) x).passed()));
    }

    private static Feedback judgeBatch(int b) {
        if (Exercise.isTodo(b)) return Feedback.notDone("set myBatch to a batch size");
        if (b < 1) return Feedback.wrong("not-positive", "b = " + b + " is not a batch size: b counts rows, 1 or more");
        long updates = updates(b);
        double share = fixedShare(b);
        String figures = String.format("b = %d: %,d update%s; fixed costs are %.2f %% of the epoch", b, updates,
                updates == 1 ? "" : "s", 100 * share);
        if (share <= 0.10) {
            String smallest = b == smallest() ? "the smallest batch that does it"
                    : String.format("the smallest batch that does it is %d (%,d updates)", smallest(), updates(smallest()));
            return Feedback.done(figures + (b >= M ? ", one update per epoch: full-batch descent; " : "; ") + smallest);
        }
        if (M % b != 0 && (double) M / b <= maxUpdates()) { // would pass without the ceiling
            return Feedback.wrong("no-ceiling", figures + ", just over: m/b = " + Exercise.num((double) M / b)
                    + " would be within the limit of " + Exercise.num(maxUpdates()) + " updates, but the last, partial batch is an update too, so count ⌈m/b⌉");
        }
        return Feedback.wrong("too-small", figures + ". Solve ⌈m/b⌉·1 µs ≤ 10 % of the epoch for b: fewer, "
                + "larger batches");
    }

    /** ⌈m/b⌉. */
    static long updates(int b) {
        return (M + (long) b - 1) / b;
    }

    /** The fixed costs' share of an epoch: ⌈m/b⌉·c / (⌈m/b⌉·c + m·r). */
    static double fixedShare(int b) {
        double fixed = updates(b) * FIXED_NS;
        return fixed / (fixed + M * PER_ROW_NS);
    }

    /** The most updates whose fixed costs are at most 10 %: U·c ≤ 0.1·(U·c + m·r), U ≤ m·r/(9c). */
    static double maxUpdates() {
        return M * PER_ROW_NS / (9 * FIXED_NS);
    }

    /** The smallest b with fixedShare(b) ≤ 0.10. */
    static int smallest() {
        int b = 1;
        while (fixedShare(b) > 0.10) b++;
        return b;
    }
}
