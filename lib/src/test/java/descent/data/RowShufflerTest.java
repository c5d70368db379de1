package descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The shuffler draws exactly the numbers of {@code java.util.Random} (the reference: the JDK's own
 * generator, seeded the same), so every seeded run keeps its row orders.
 */
class RowShufflerTest {
    private static final long[] SEEDS = {0, 1, 8, -7, 42, 123_456_789L, Long.MIN_VALUE, Long.MAX_VALUE};

    @Test
    void drawsTheIndicesOfJavaUtilRandomForEveryKindOfBound() {
        // powers of two take the top bits; bounds just above 2³⁰ make Random draw again about half the time
        int[] bounds = {1, 2, 3, 7, 16, 1000, 1 << 20, 1 << 30, (1 << 30) + 1, (1 << 30) + 12_345, Integer.MAX_VALUE};
        for (long seed : SEEDS) {
            Random reference = new Random(seed);
            RowShuffler shuffler = new RowShuffler(seed);
            for (int k = 0; k < 20_000; k++) {
                int bound = bounds[k % bounds.length];
                assertEquals(reference.nextInt(bound), shuffler.nextIndex(bound), "seed " + seed + ", draw " + k);
            }
        }
    }

    @Test
    void shufflesAsDatasetsShuffleWithARandomEpochAfterEpoch() {
        for (long seed : SEEDS) {
            Random reference = new Random(seed);
            RowShuffler shuffler = new RowShuffler(seed);
            int[] expected = IntStream.range(0, 1001).toArray(), actual = expected.clone();
            for (int epoch = 0; epoch < 3; epoch++) {  // each epoch shuffles the order the last one left
                Datasets.shuffle(expected, reference);
                shuffler.shuffle(actual);
                assertArrayEquals(expected, actual, "seed " + seed + ", epoch " + epoch);
            }
        }
    }

    @Test
    void permutationIsTheShuffleOfTheIdentityWithRandomsNumbers() {
        int[] expected = IntStream.range(0, 500).toArray();
        Datasets.shuffle(expected, new Random(9));
        assertArrayEquals(expected, Datasets.permutation(500, 9));
        assertArrayEquals(IntStream.range(0, 500).toArray(), IntStream.of(Datasets.permutation(500, 9)).sorted().toArray());
    }

    @Test
    void rejectsAnEmptyRangeAndANullOrder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RowShuffler(1).nextIndex(0));
        assertTrue(e.getMessage().contains("bound = 0") && e.getMessage().contains("≥ 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RowShuffler(1).nextIndex(-3));
        assertTrue(e.getMessage().contains("bound = -3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RowShuffler(1).shuffle(null));
        assertTrue(e.getMessage().contains("order"), e.getMessage());
    }
}
