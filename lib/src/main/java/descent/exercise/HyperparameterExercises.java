package descent.exercise;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * Checks for notebook 11: which quantities are hyperparameters, and a grid search that picks the
 * learning rate with the lowest validation cost and skips diverged runs (Bengio, "Practical
 * recommendations for gradient-based training of deep architectures", 2012, §3).
 */
public final class HyperparameterExercises {
    /** A grid search: the η whose run has the lowest validation cost (NaN for a diverged run). */
    @FunctionalInterface
    public interface GridSearch {
        double best(double[] etas, DoubleUnaryOperator validationCost);
    }

    /** The quantities to sort into parameters and hyperparameters. */
    public static final String[] QUANTITIES = {"weights", "bias", "learning rate", "batch size", "momentum", "epochs"};
    private static final Set<String> HYPER = Set.of("learning rate", "batch size", "momentum", "epochs");

    private HyperparameterExercises() {}

    /** The hyperparameters among {@link #QUANTITIES}. */
    public static void checkHyperparameters(String... names) {
        assessHyperparameters(names).print();
    }

    static Feedback assessHyperparameters(String... names) {
        return Exercise.report("list the hyperparameters in myHyperparameters", () -> {
            if (names == null || names.length == 0) return Feedback.notDone("list the hyperparameters");
            Set<String> mine = new LinkedHashSet<>();
            for (String s : names) {
                String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
                if (!Arrays.asList(QUANTITIES).contains(k)) {
                    return Feedback.wrong("unknown", "\"" + s + "\" is not one of " + String.join(", ", QUANTITIES)
                            + ": an entry too many on your list (or a misspelt one)");
                }
                mine.add(k);
            }
            for (String k : mine) {
                if (!HYPER.contains(k)) {
                    return Feedback.wrong("learned-listed", "the " + k + " are learned: gradient descent changes them at every "
                            + "step, so they are one too many on your list. A hyperparameter is set by you before training "
                            + "and stays fixed while it runs");
                }
            }
            for (String k : HYPER) {
                if (!mine.contains(k)) {
                    return Feedback.wrong("missed", "you left out the " + k + ": nothing in training changes it — you choose it "
                            + "(and tune it by training again)");
                }
            }
            return Feedback.done("learning rate, batch size, momentum and epochs are chosen; weights and bias are learned");
        });
    }

    /** The student's search on two made-up grids with a diverged (NaN) run. */
    public static void checkGridSearch(GridSearch search) {
        assessGridSearch(search).print();
    }

    static Feedback assessGridSearch(GridSearch search) {
        return Exercise.report("write the search inside the lambda", () -> {
            if (Exercise.isTodo(search)) return Feedback.notDone("write the search");
            double[] etas = {0.001, 0.01, 0.03, 0.1, 0.3};
            // the best in the middle, last (after a NaN first), and first: each edge of the loop has a grid
            double[][] costs = {{0.30, 0.20, 0.50, Double.NaN, 0.25}, {Double.NaN, 0.9, 0.4, 0.35, 0.12},
                    {0.05, 0.2, Double.NaN, 0.3, 0.4}};
            double[] answers = {0.01, 0.3, 0.001};
            for (int k = 0; k < costs.length; k++) {
                double[] c = costs[k];
                double mine = search.best(etas.clone(), eta -> c[indexOf(etas, eta)]);
                if (mine == answers[k]) continue;
                String grid = "for validation costs " + Arrays.toString(c) + " at η = " + Arrays.toString(etas);
                int at = indexOf(etas, mine);
                if (Double.isNaN(mine) && k > 0 && Double.isNaN(c[0])) {
                    return Feedback.wrong("nan-kept", grid + " you returned NaN, though the grids without a diverged "
                            + "first run came out right: the first run's NaN became the best cost, and once it is NaN no "
                            + "comparison holds (Math.min(x, NaN) is NaN, NaN < x is false). Skip NaN costs");
                }
                if (Double.isNaN(mine)) {
                    return Feedback.wrong("never-set", grid + " you returned NaN, the value the best η starts with: it "
                            + "was never set. Either the comparison never holds (a cost smaller than the best so far, "
                            + "cost < bestCost, with the best starting at +∞), or the line that remembers the η is missing");
                }
                if (at < 0) {
                    boolean isCost = false;
                    for (double v : c) isCost |= v == mine;
                    return Feedback.wrong(isCost ? "returned-cost" : "not-an-eta", grid + " you returned " + mine
                            + (isCost ? ", the lowest cost: return the η that gave it" : ", which is not one of the η"));
                }
                if (Double.isNaN(c[at])) {
                    return Feedback.wrong("picked-diverged", grid + " you picked η = " + mine + ", whose run diverged (NaN): "
                            + "NaN < x is always false, so a NaN first value is never replaced — skip NaN runs");
                }
                double max = Double.NEGATIVE_INFINITY;
                for (double v : c) if (!Double.isNaN(v)) max = Math.max(max, v);
                if (c[at] == max) {
                    return Feedback.wrong("highest", grid + " you picked the highest cost: keep the lowest");
                }
                if (answers[k] == etas[0] || answers[k] == etas[etas.length - 1]) {
                    boolean first = answers[k] == etas[0];
                    return Feedback.wrong(first ? "skips-first" : "skips-last", grid + " the lowest cost is the "
                            + (first ? "first" : "last") + " of the grid, η = " + answers[k] + ", and you picked η = "
                            + mine + ": does your loop start at the first entry (index 0) and run to the last "
                            + "(i < grid.length)?");
                }
                if (at == lastFinite(c)) {
                    return Feedback.wrong("best-not-kept", grid + " you returned η = " + mine + ", the last run that did "
                            + "not diverge: every cost beat your best so far, so the best cost is never updated. "
                            + "Remember the cost along with its η (bestCost = cost)");
                }
                if (at == 0 || at == etas.length - 1) {
                    return Feedback.wrong("never-updated", grid + " you returned η = " + mine + ", the " + (at == 0 ? "first" : "last")
                            + " of the grid: compare each cost with the best so far and remember the η when it is lower");
                }
                return Feedback.wrong("other", grid + " you picked η = " + mine + "; the lowest cost belongs to η = " + answers[k]);
            }
            return Feedback.done("your search picks the lowest validation cost and skips diverged runs on three test grids (best in the "
                    + "middle, last and first)");
        });
    }

    private static int lastFinite(double[] costs) {
        for (int k = costs.length - 1; k >= 0; k--) if (!Double.isNaN(costs[k])) return k;
        return -1;
    }

    private static int indexOf(double[] values, double v) {
        for (int k = 0; k < values.length; k++) if (values[k] == v) return k;
        return -1;
    }
}
