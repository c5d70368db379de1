package descent.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The orders of a student's epochs, judged row for row: each epoch a permutation of the m rows, in batches of b
 * (the last one m mod b), and the very order Fisher–Yates draws from the generator the check hands over
 * (Knuth, TAOCP vol. 2, §3.4.2, Algorithm P; {@code Collections.shuffle} draws the same). Two shuffles that look
 * right but are not uniform are recognised by replaying them from the same seed: Sattolo's (draws
 * {@code nextInt(i)}: only cyclic permutations, no row ever stays in place) and the "swap i with any index"
 * shuffle (draws {@code nextInt(m)}: n^n equally likely runs over n! orders, so some orders are favoured).
 */
final class ShuffleProbe {
    private ShuffleProbe() {}

    /** The orders of successive epochs drawn by one shuffle from {@code new Random(seed)}. */
    static List<int[]> orders(int m, int epochs, long seed, String kind) {
        Random rng = new Random(seed);
        List<int[]> out = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            int[] order = new int[m];
            for (int i = 0; i < m; i++) order[i] = i;
            for (int i = m - 1; i > (kind.equals("down-to-0") ? -1 : 0); i--) {
                int k = switch (kind) {
                    case "sattolo" -> rng.nextInt(i);
                    case "any" -> rng.nextInt(m);
                    default -> rng.nextInt(i + 1);
                };
                swap(order, i, k);
            }
            out.add(order);
        }
        return out;
    }

    private static void swap(int[] a, int i, int k) {
        int t = a[i];
        a[i] = a[k];
        a[k] = t;
    }

    /**
     * Null if each epoch's rows (concatenated over its batches) are the order Fisher–Yates draws from the seed,
     * else what is wrong with them: not a permutation, the last short batch dropped, batches of the wrong
     * size, no shuffle, the same order each epoch, Sattolo's or the biased shuffle, or another order.
     */
    static Feedback judge(List<List<int[]>> batches, int m, int b, long seed) {
        String unit = b == 1 ? "row" : "batch";
        List<int[]> orders = new ArrayList<>();
        for (int e = 0; e < batches.size(); e++) {
            List<int[]> calls = batches.get(e);
            int expected = (m + b - 1) / b;
            int[] order = calls.stream().flatMapToInt(Arrays::stream).toArray();
            if (calls.stream().anyMatch(c -> c.length == 0)) {
                return Feedback.wrong("empty-batch", "epoch " + e + " asked for the gradient of an empty batch (its mean "
                        + "is 0/0): with m = " + m + " and b = " + b + " your loop runs once more after the last batch, "
                        + "from = m — its bound is one too far: loop while from < m");
            }
            int[] seen = new int[m];
            for (int r : order) if (r >= 0 && r < m) seen[r]++;
            int missing = 0, twice = 0;
            for (int s : seen) { if (s == 0) missing++; if (s > 1) twice++; }
            if (b > 1 && m % b > 0 && missing == m % b && calls.size() == m / b) {
                return Feedback.wrong("drops-last", "epoch " + e + " made " + calls.size() + " steps and never used "
                        + missing + " rows: the last, smaller batch (m mod b = " + (m % b) + " rows) is still a batch — "
                        + "take a step with it");
            }
            if (missing > 0 || twice > 0) {
                return Feedback.wrong("not-a-permutation", "epoch " + e + " used " + (m - missing) + " of the " + m
                        + " rows" + (twice > 0 ? ", " + twice + " of them more than once" : "")
                        + ": an epoch is one pass over a shuffled order of all rows, each exactly once");
            }
            if (b > 1) {
                for (int k = 0; k < calls.size(); k++) {
                    int want = k < calls.size() - 1 ? b : m - b * (expected - 1);
                    if (calls.get(k).length != want || calls.size() != expected) {
                        return Feedback.wrong("batch-size", "epoch " + e + "'s batch " + k + " has "
                                + calls.get(k).length + " rows; with m = " + m + " and b = " + b + " there are "
                                + expected + " batches, " + b + " rows each but the last");
                    }
                }
            }
            orders.add(order);
        }
        int[] identity = new int[m];
        for (int i = 0; i < m; i++) identity[i] = i;
        if (Arrays.equals(orders.get(0), identity) && Arrays.equals(orders.get(1), identity)) {
            return Feedback.wrong("no-shuffle", "you visit the rows in their stored order 0, 1, 2, …: shuffle them first "
                    + "(sorted data would pull w towards the last " + unit + "es seen)");
        }
        if (orders.stream().allMatch(o -> Arrays.equals(o, orders.get(0)))) {
            return Feedback.wrong("never-reshuffles", "every epoch repeats the first epoch's order: reshuffle at the start "
                    + "of each epoch with the rng you are given (a new Random(seed) per epoch gives the same order)");
        }
        int n = orders.size();
        if (same(orders, orders(m, n, seed, "fisher-yates"))) return null;
        if (same(orders, orders(m, n, seed, "sattolo"))) {
            return Feedback.wrong("sattolo", "your shuffle draws rng.nextInt(i): that is Sattolo's algorithm — the place i "
                    + "is never swapped with itself, so no row ever stays in place and only cyclic orders come out. "
                    + "Fisher–Yates draws k = rng.nextInt(i + 1), one bound higher");
        }
        if (same(orders, orders(m, n, seed, "any"))) {
            return Feedback.wrong("biased-shuffle", "your shuffle swaps place i with any index, rng.nextInt(m): that is "
                    + "the biased shuffle — its m^(m−1) equally likely runs cannot spread evenly over the m! orders, so "
                    + "some orders come out more often. Draw k = rng.nextInt(i + 1), from the places not yet fixed");
        }
        if (same(orders, orders(m, n, seed, "down-to-0"))) {
            return Feedback.wrong("extra-draw", "your shuffle's loop runs down to i = 0: the last pass draws "
                    + "rng.nextInt(1), always 0, and swaps row 0 with itself — harmless in itself, but one draw too many, "
                    + "so every later epoch's order is not the one the check's rng gives. Stop the loop at i > 0 (the "
                    + "loop bound is one too far)");
        }
        return Feedback.wrong("not-fisher-yates", "each epoch is a permutation, but not the one Fisher–Yates draws from the "
                + "rng you are given (compared draw for draw from the same seed): start each epoch from 0, 1, …, m − 1 and "
                + "for i from m − 1 down to 1 swap place i with k = rng.nextInt(i + 1), drawing nothing else from rng");
    }

    private static boolean same(List<int[]> a, List<int[]> b) {
        for (int e = 0; e < a.size(); e++) if (!Arrays.equals(a.get(e), b.get(e))) return false;
        return true;
    }
}
