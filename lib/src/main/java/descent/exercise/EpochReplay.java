package descent.exercise;

import descent.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reference epochs of notebooks 4 and 5 replayed, and one recorded step read back: what
 * {@link SgdExercises} compares a student's loop with. The cost is J_B(w) = (1/|B|) Σ_{i∈B} (x_iᵀw − y_i)²
 * (Géron, Hands-On Machine Learning, ch. 4); the orders are Fisher–Yates from the check's seed
 * ({@link ShuffleProbe}).
 */
final class EpochReplay {
    private EpochReplay() {}

    /**
     * w at the end of each epoch of the reference loop: Fisher–Yates from the seed, batches of b, a step
     * of rate(t) per batch. A loop that ends with these weights is right, whatever route it took there (one
     * batch mean built from single-row calls gives the same weights).
     */
    static List<double[]> referenceEnds(Dataset xb, int m, int b, int epochs, long seed, java.util.function.LongToDoubleFunction rate) {
        double[] w = new double[xb.cols()], g = new double[xb.cols()];
        List<double[]> ends = new ArrayList<>();
        List<int[]> orders = ShuffleProbe.orders(m, epochs, seed, "fisher-yates");
        for (int e = 0; e < epochs; e++) {
            int step = 0;
            for (int from = 0; from < m; from += b, step++) {
                rowGradient(xb, Arrays.copyOfRange(orders.get(e), from, Math.min(m, from + b)), w, g);
                double eta = rate.applyAsDouble((long) e * m + step);
                for (int j = 0; j < w.length; j++) w[j] -= eta * g[j];
            }
            ends.add(w.clone());
        }
        return ends;
    }

    /** One gradient call of a student's loop: the rows asked for, the weights then, the gradient given. */
    record Call(int[] rows, double[] w, double[] g) {}

    /** What a student's epochs did: the calls of each epoch, and w at the end of each epoch. */
    record Recording(List<List<Call>> epochs, List<double[]> ends) {}

    /** One epoch of a student's loop, handed a gradient that records its calls. */
    interface Epoch {
        void run(double[] w, int epoch, SgdExercises.BatchGradient recorder, java.util.Random rng);
    }

    /** Runs epochCount epochs from w = 0 with one seeded generator, recording every gradient call. */
    static Recording record(Dataset xb, int epochCount, long seed, Epoch epoch) {
        double[] w = new double[xb.cols()];
        java.util.Random rng = new java.util.Random(seed);
        List<List<Call>> epochs = new ArrayList<>();
        List<double[]> ends = new ArrayList<>();
        for (int e = 0; e < epochCount; e++) {
            List<Call> calls = new ArrayList<>();
            epochs.add(calls);
            try {
                epoch.run(w, e, (rows, at, g) -> {
                    EpochReplay.rowGradient(xb, rows, at, g);
                    calls.add(new Call(rows.clone(), at.clone(), g.clone()));
                }, rng);
            } catch (NotDoneYet | Deadline.Missed ex) {
                throw ex;
            } catch (RuntimeException ex) {   // an exception a probe can explain is diagnosed, any other shown as is
                Feedback explained = ShuffleProbe.explain(ex, xb.rows());
                throw explained == null ? ex : new Diagnosis.Found(explained);
            }
            ends.add(w.clone());
        }
        return new Recording(epochs, ends);
    }

    static boolean sameEnds(List<double[]> mine, List<double[]> reference) {
        for (int e = 0; e < mine.size(); e++) if (!Compare.close(mine.get(e), reference.get(e), 1e-9)) return false;
        return true;
    }

    /** The mean gradient of (1/|B|) Σ (x_iᵀw − y_i)² over rows B. */
    static void rowGradient(Dataset xb, int[] rows, double[] w, double[] g) {
        Arrays.fill(g, rows.length == 0 ? Double.NaN : 0);   // the mean of no rows is 0/0
        for (int i : rows) {
            double r = -xb.y(i);
            for (int j = 0; j < w.length; j++) r += xb.x(i, j) * w[j];
            for (int j = 0; j < w.length; j++) g[j] += 2 * r * xb.x(i, j) / rows.length;
        }
    }

    /** The η with next = at − η·g, from the largest entry of g (NaN if w did not move along g). */
    static double stepRate(double[] at, double[] g, double[] next) {
        int j = 0;
        for (int k = 1; k < g.length; k++) if (Math.abs(g[k]) > Math.abs(g[j])) j = k;
        if (g[j] == 0) return Double.NaN;
        double eta = (at[j] - next[j]) / g[j];
        for (int k = 0; k < g.length; k++) {
            if (Math.abs(at[k] - eta * g[k] - next[k]) > 1e-9 * (1 + Math.abs(next[k]))) return Double.NaN;
        }
        return eta;
    }

}
