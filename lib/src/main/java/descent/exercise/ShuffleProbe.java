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
            Feedback broken = broken(calls, order, e, m, b, missing, twice, seed);
            if (broken != null) return broken;
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

    /** Why epoch e's rows are no permutation, when the probe can tell: null otherwise. */
    private static Feedback broken(List<int[]> calls, int[] order, int e, int m, int b, int missing, int twice, long seed) {
        String epoch = "epoch " + e + " ";
        if (order.length == 0) {
            return Feedback.wrong("no-gradient", epoch + "never asked for a gradient: is the call grad.at(…) missing, or "
                    + "does the code return before it?");
        }
        if (calls.stream().anyMatch(c -> c.length == m) && b < m) {
            return Feedback.wrong("whole-order", epoch + "handed all " + m + " rows to grad.at as one batch: a batch is "
                    + "a copy of the slice order[from, from + b), not the array order itself");
        }
        if (Arrays.stream(order).allMatch(r -> r == 0)) {
            return Feedback.wrong("order-not-filled", epoch + "asked for row 0 every time: order still holds the zeros "
                    + "of new int[m] — it was never filled with 0, 1, …, m − 1 before the shuffle (a missing line?)");
        }
        int[] drawn = orders(m, e + 1, seed, "fisher-yates").get(e);
        if (missing == 0 || twice > 0) {
            if (twice > 0 && missing > 0) {
                return Feedback.wrong("broken-swap", epoch + "used " + (m - missing) + " of the " + m + " rows, " + twice
                        + " of them more than once: your shuffle loses rows. A swap needs three lines in this order — "
                        + "save order[i], order[i] = order[k], order[k] = the saved one; is one missing or moved?");
            }
            return null;
        }
        if (order.length == m - 1 && Arrays.equals(order, Arrays.copyOfRange(drawn, 1, m))) {
            return Feedback.wrong("skips-first", epoch + "never used order[0], the first place of the shuffled order: "
                    + "does the loop over the order start at 1? The first index is 0");
        }
        if (order.length == m - 1 && Arrays.equals(order, Arrays.copyOfRange(drawn, 0, m - 1))) {
            return Feedback.wrong("skips-last", epoch + "never used order[m − 1], the last place of the shuffled order: "
                    + "a loop bound or a slice end stops one too early (at m − 1, where m belongs)");
        }
        if (order.length < m - 1) {
            return Feedback.wrong("stops-early", epoch + "stopped after " + order.length + " of the " + m + " rows, each "
                    + "used once: does a return (or break) inside a loop end the epoch early?");
        }
        return null;
    }

    /**
     * A probe of what the student's epoch threw: an index m + 1 (the shuffle's loop starting at m + 1), a bound ≤ 0
     * for nextInt, a slice whose end lies before its start. Null when it is none of these.
     */
    static Feedback explain(RuntimeException e, int m) {
        String said = String.valueOf(e.getMessage());
        if (said.equals("Index " + (m + 1) + " out of bounds for length " + m)) {
            return Feedback.wrong("start-m+1", "your code reached index m + 1 = " + (m + 1) + " of an array of " + m
                    + ": the shuffle's loop starts at m + 1, but the last index is m − 1 (a plus where the minus belongs)");
        }
        if (said.contains("bound must be positive")) {
            return Feedback.wrong("bound-not-positive", "rng.nextInt was given a bound ≤ 0 (it threw \"" + said + "\"): "
                    + "Fisher–Yates draws k from 0..i with rng.nextInt(i + 1) — check the sign before the 1");
        }
        if (e instanceof IllegalArgumentException && said.matches("-?\\d+ > -?\\d+")) {
            return Feedback.wrong("slice-backwards", "Arrays.copyOfRange was given an end before its start (" + said
                    + "): a batch is order[from, from + b), its end from + b (a minus where the plus belongs?)");
        }
        return null;
    }

    private static boolean same(List<int[]> a, List<int[]> b) {
        for (int e = 0; e < a.size(); e++) if (!Arrays.equals(a.get(e), b.get(e))) return false;
        return true;
    }
}
