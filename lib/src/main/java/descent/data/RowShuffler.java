package descent.data;

import descent.Check;

/**
 * Row orders from exactly the numbers of {@code new java.util.Random(seed)}: the same seed gives the
 * same shuffles and the same drawn rows, without {@code Random}'s atomic update of its seed. The
 * descent loop reshuffles its rows with one of these every epoch.
 *
 * <p>Why not {@code Random} itself: it keeps its seed in an {@code AtomicLong} so that threads may
 * share it, and each draw is a compare-and-swap, a locked instruction after which the processor
 * cannot overlap the shuffle's cache misses. Shuffling a million rows took 50–52 ms with
 * {@code Random} and 13–14 ms with the same generator in a plain field (bench/NOTES.md). So one
 * instance belongs to one thread.
 *
 * <p>The generator is the one {@code java.util.Random}'s javadoc specifies: Knuth's 48-bit linear
 * congruential generator (<i>TAOCP</i> vol. 2, §3.2.1), s ← (0x5DEECE66D·s + 0xB) mod 2⁴⁸, started
 * from (seed XOR 0x5DEECE66D) mod 2⁴⁸, a draw of {@code bits} bits being the top bits of s; and
 * {@code nextInt(bound)} as that javadoc writes it (see {@link #nextIndex}).
 */
public final class RowShuffler {
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long INCREMENT = 0xBL;
    private static final long MASK = (1L << 48) - 1;

    private long state;

    /** The sequence of {@code new java.util.Random(seed)}. */
    public RowShuffler(long seed) {
        state = (seed ^ MULTIPLIER) & MASK;
    }

    /**
     * A row index in [0, bound), each equally likely: what {@code Random.nextInt(bound)} draws at the
     * same point of the sequence. A power of two takes the top bits of a 31-bit draw; any other bound
     * takes the draw's remainder, drawing again when the draw falls in the last, incomplete copy of
     * [0, bound) below 2³¹ (which would favour the small indices).
     */
    public int nextIndex(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound = " + bound + " is invalid: it must be ≥ 1");
        int r = next31();
        int m = bound - 1;
        if ((bound & m) == 0) return (int) ((bound * (long) r) >> 31);
        for (int u = r; u - (r = u % bound) + m < 0; u = next31()) {
            // u lies in the incomplete last copy of [0, bound): u − r + m overflowed past 2³¹ − 1
        }
        return r;
    }

    /**
     * Shuffles {@code order} in place, every permutation equally likely: the Fisher–Yates shuffle
     * (Knuth, <i>TAOCP</i> vol. 2, §3.4.2, Algorithm P), the same as
     * {@link Datasets#shuffle(int[], java.util.Random)} with a {@code Random} at the same point.
     */
    public void shuffle(int[] order) {
        Check.notNull("order", order);
        shuffle(order, order.length);
    }

    /** Shuffles {@code order[0..count)} in place, with the draws {@link #shuffle(int[])} makes on an array of that length. */
    public void shuffle(int[] order, int count) {
        Check.notNull("order", order);
        if (count < 0 || count > order.length) {
            throw new IllegalArgumentException("count = " + count + " is invalid: it must be in 0.." + order.length);
        }
        for (int i = count - 1; i > 0; i--) {
            int k = nextIndex(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
    }

    /** The next 31 bits of the sequence, as {@code Random.next(31)}. */
    private int next31() {
        state = (state * MULTIPLIER + INCREMENT) & MASK;
        return (int) (state >>> (48 - 31));
    }
}
