package descent.exercise;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.schedule.Schedule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Checks for notebooks 4 and 5: the learning schedule η(t) = t0/(t + t1) with t = epoch·m + i
 * (Géron, Hands-On Machine Learning, ch. 4, "Stochastic Gradient Descent"), and the loop bodies of
 * stochastic and minibatch descent: shuffle every epoch, slice, step (Bottou, "Stochastic gradient
 * descent tricks", 2012). The loops are checked by what they do, not by how: the check hands them a
 * gradient that records which rows were asked for and at which weights, then replays every step.
 */
public final class SgdExercises {
    /** The gradient of the cost on one row at w, written into g. */
    @FunctionalInterface
    public interface RowGradient {
        void at(int row, double[] w, double[] g);
    }

    /** The mean gradient of the cost over some rows at w, written into g. */
    @FunctionalInterface
    public interface BatchGradient {
        void at(int[] rows, double[] w, double[] g);
    }

    /** One epoch of stochastic gradient descent over m rows. */
    @FunctionalInterface
    public interface SgdEpoch {
        void run(double[] w, int epoch, int m, RowGradient grad, Schedule rate, Random rng);
    }

    /** One epoch of minibatch gradient descent over m rows in batches of b. */
    @FunctionalInterface
    public interface MinibatchEpoch {
        void run(double[] w, int m, int b, BatchGradient grad, double eta, Random rng);
    }

    private static final Dataset XB = Datasets.linear(20, 5).withBias();
    private static final int EPOCHS = 3;
    private static final long SEED = 1;

    private SgdExercises() {}

    /** η(t) = 5/(t + 50), the notebook's t0 = 5 and t1 = 50, at t = 0, 1, 10, 1000. */
    public static void checkSchedule(Schedule schedule) {
        assessSchedule(schedule).print();
    }

    static Feedback assessSchedule(Schedule schedule) {
        return Exercise.report("write the schedule inside the lambda", () -> {
            if (Exercise.isTodo(schedule)) return Feedback.notDone("write the schedule");
            long[] ts = {0, 1, 10, 1000};
            double[] mine = new double[ts.length], reference = new double[ts.length];
            for (int k = 0; k < ts.length; k++) {
                mine[k] = schedule.rate(ts[k]);
                reference[k] = 5.0 / (ts[k] + 50);
            }
            if (Compare.close(mine, reference, 1e-12)) {
                return Feedback.done("η(0) = 0.1, η(10) = " + Exercise.num(mine[2]) + ", η(1000) = " + Exercise.num(mine[3])
                        + ": the rate falls like 1/t");
            }
            if (Compare.close(mine, reference, 1e-6)) {   // float arithmetic: 24 bits, about 7 digits
                return Feedback.done("η(0) = 0.1, η(10) = " + Exercise.num(mine[2]) + ", η(1000) = " + Exercise.num(mine[3])
                        + ": the rate falls like 1/t (your values agree to float precision, about 7 digits — a float, "
                        + "not a double; fine for a rate)");
            }
            if (mine[0] == 0 && mine[3] == 0) {
                return Feedback.wrong("integer-division", "your rate is 0: 5 / (t + 50) is integer division in Java, it "
                        + "divides whole numbers and rounds down. Write 5.0 / (t + 50)");
            }
            if (mine[0] == mine[1] && mine[1] == mine[3]) {
                return Feedback.wrong("constant", "η(t) = " + Exercise.num(mine[0]) + " at every t: it does not fall — the "
                        + "factor 1/(t + t1) is missing: η(t) = t0 / (t + t1)");
            }
            if (mine[0] < 0 || mine[1] < 0) {
                return Feedback.wrong("negative", "η(0) = " + Exercise.num(mine[0]) + " is negative: a rate must be > 0. "
                        + "Check the sign in t + t1 (a minus where the plus belongs?)");
            }
            if (Double.isInfinite(mine[0]) || Compare.close(mine[1], 5.0 + 50, 1e-9)) {
                return Feedback.wrong("precedence", "η(1) = " + Exercise.num(mine[1]) + ": that is t0/t + t1. Put the sum in "
                        + "parentheses, t0 / (t + t1)");
            }
            if (Compare.close(mine[0], 50.0 / 5, 1e-9)) {
                return Feedback.wrong("inverted", "η(0) = " + Exercise.num(mine[0]) + " and it grows with t: you wrote "
                        + "(t + t1)/t0, upside down");
            }
            return Feedback.wrong("other", "η(0) = " + Exercise.num(mine[0]) + ", η(10) = " + Exercise.num(mine[2])
                    + "; expected 0.1 and " + Exercise.num(reference[2]) + " from 5/(t + 50)");
        });
    }

    /** The SGD epoch: every row once per epoch, a new order each epoch, w ← w − η(epoch·m + i) ∇J_i. */
    public static void checkSgdEpoch(SgdEpoch epoch) {
        assessSgdEpoch(epoch).print();
    }

    static Feedback assessSgdEpoch(SgdEpoch epoch) {
        return Exercise.report("write the epoch's loop inside the lambda", () -> {
            if (Exercise.isTodo(epoch)) return Feedback.notDone("write the epoch");
            int m = XB.rows();
            Schedule rate = t -> 5.0 / (t + 50);
            EpochReplay.Recording run = EpochReplay.record(XB, EPOCHS, SEED, (w, e, grad, rng) -> epoch.run(w, e, m, (row, at, g) -> grad.at(new int[] {row}, at, g),
                    rate, rng));
            List<List<EpochReplay.Call>> epochs = run.epochs();
            List<double[]> ends = run.ends();
            if (EpochReplay.sameEnds(ends, EpochReplay.referenceEnds(XB, m, 1, EPOCHS, SEED, rate::rate))) return sgdDone(m);
            Feedback order = checkOrder(epochs, m, 1);
            if (order != null) return order;
            // replay: each step read off what it did, then the t its step size implies (η(t) = 5/(t + 50))
            List<double[]> ts = new ArrayList<>();
            for (int e = 0; e < EPOCHS; e++) {
                List<EpochReplay.Call> calls = epochs.get(e);
                double[] te = new double[calls.size()];
                for (int i = 0; i < calls.size(); i++) {
                    EpochReplay.Call c = calls.get(i);
                    double eta = EpochReplay.stepRate(c.w(), c.g(), i + 1 < calls.size() ? calls.get(i + 1).w() : ends.get(e));
                    Feedback step = replay(epochs, ends, e, i, rate.rate((long) e * m + i));
                    if (step != null) return step;
                    te[i] = 5 / eta - 50;
                }
                ts.add(te);
            }
            Feedback t = LoopStepProbe.scheduleT(ts, m);
            if (t != null) return t;
            return Feedback.wrong("other", "every step moved w by a multiple of its gradient, but the weights after "
                    + "each epoch are not those of one pass over the shuffled rows: does the loop read the gradient it "
                    + "was just given, and leave w alone between the steps?");
        });
    }

    /** Step i of epoch e against w ← w − η·g ({@link LoopStepProbe}); null if it is that step or another multiple of g. */
    private static Feedback replay(List<List<EpochReplay.Call>> epochs, List<double[]> ends, int e, int i, double eta) {
        List<EpochReplay.Call> calls = epochs.get(e);
        EpochReplay.Call c = calls.get(i);
        double[] next = i + 1 < calls.size() ? calls.get(i + 1).w() : ends.get(e);
        double[] previous = i > 0 ? calls.get(i - 1).g() : new double[c.g().length];
        Feedback step = LoopStepProbe.step("in epoch " + e + ", step " + i + ",", c.w(), c.g(), previous, next, eta);
        if (step != null) return step;
        double size = EpochReplay.stepRate(c.w(), c.g(), next);
        if (Compare.close(size, eta, 1e-9) || size > 0) return null;
        return Feedback.wrong("other", "in epoch " + e + ", step " + i + " moved w by " + Exercise.num(size)
                + " × the gradient; expected η = " + Exercise.num(eta));
    }

    private static Feedback sgdDone(int m) {
        return Feedback.done(EPOCHS + " epochs on " + m + " rows: every row once per epoch, in the Fisher–Yates order of "
                + "the rng, and each step w ← w − η(epoch·m + i)·∇J_i");
    }

    /** The minibatch epoch: batches of b (the last one smaller) covering every row once, w ← w − η·mean ∇J. */
    public static void checkMinibatchEpoch(MinibatchEpoch epoch) {
        assessMinibatchEpoch(epoch).print();
    }

    static Feedback assessMinibatchEpoch(MinibatchEpoch epoch) {
        return Exercise.report("write the epoch's loop inside the lambda", () -> {
            if (Exercise.isTodo(epoch)) return Feedback.notDone("write the epoch");
            for (int b : new int[] {6, 5}) {   // 20 rows: a last batch of 2, and batches that divide m exactly
                Feedback wrong = minibatchRun(epoch, XB.rows(), b, 0.05);
                if (wrong != null) return wrong;
            }
            return Feedback.done(EPOCHS + " epochs on " + XB.rows() + " rows in batches of 6 (the last of 2) and of 5: the "
                    + "weights after each epoch are those of w ← w − η·∇J_batch over the Fisher–Yates order");
        });
    }

    /** Null if the epochs in batches of b end where the reference's do, else the diagnosis. */
    private static Feedback minibatchRun(MinibatchEpoch epoch, int m, int b, double eta) {
        EpochReplay.Recording run = EpochReplay.record(XB, EPOCHS, SEED, (w, e, grad, rng) -> epoch.run(w, m, b, grad, eta, rng));
        List<List<EpochReplay.Call>> epochs = run.epochs();
        List<double[]> ends = run.ends();
        if (EpochReplay.sameEnds(ends, EpochReplay.referenceEnds(XB, m, b, EPOCHS, SEED, t -> eta))) return null;
        Feedback order = checkOrder(epochs, m, b);
        if (order != null) return order;
        for (int e = 0; e < EPOCHS; e++) {
            List<EpochReplay.Call> calls = epochs.get(e);
            for (int i = 0; i < calls.size(); i++) {
                double[] next = i + 1 < calls.size() ? calls.get(i + 1).w() : ends.get(e);
                double step = EpochReplay.stepRate(calls.get(i).w(), calls.get(i).g(), next);
                if (Compare.close(step, eta * calls.get(i).rows().length, 1e-9) && calls.get(i).rows().length > 1) {
                    return Feedback.wrong("sum", "your step is η × " + calls.get(i).rows().length + " × the batch's mean "
                            + "gradient: grad.at already averages over the batch, step by η times it");
                }
                Feedback wrong = replay(epochs, ends, e, i, eta);
                if (wrong != null) return wrong;
                if (!Compare.close(step, eta, 1e-9)) {
                    return Feedback.wrong("other", "batch " + i + " of epoch " + e + " moved w by " + Exercise.num(step)
                            + " × its gradient; expected η = " + eta);
                }
            }
        }
        return Feedback.wrong("other", "every batch moved w by η × its gradient, but the weights after each epoch are "
                + "not those of one pass over the shuffled batches: does the loop leave w alone between the steps?");
    }

    /** Each epoch's orders checked against Fisher–Yates from the recorder's seed ({@link ShuffleProbe}). */
    private static Feedback checkOrder(List<List<EpochReplay.Call>> epochs, int m, int b) {
        List<List<int[]>> batches = new ArrayList<>();
        for (List<EpochReplay.Call> calls : epochs) batches.add(calls.stream().map(EpochReplay.Call::rows).toList());
        return ShuffleProbe.judge(batches, m, b, SEED);
    }

    /** The number of updates in one epoch of m rows in batches of b: ⌈m/b⌉, predicted. */
    public static void checkUpdatesPerEpoch(int updates) {
        assessUpdatesPerEpoch(updates).print();
    }

    static Feedback assessUpdatesPerEpoch(int updates) {
        return Exercise.report("set myUpdates", () -> {
            if (Exercise.isTodo(updates)) return Feedback.notDone("set myUpdates to a whole number");
            int m = 10_000, b = 64, answer = (m + b - 1) / b;
            if (updates == answer) {
                return Feedback.done(updates + " = ⌈10000/64⌉: 156 full batches of 64 and one of 16");
            }
            if (updates == m / b) {
                return Feedback.wrong("floor", updates + " is one too few: it counts only the full batches: 156 × 64 = 9984, and the last 16 "
                        + "rows still make a batch and a step. Round up — and mind integer division: 10000 / 64 is "
                        + "already 156 in Java, so Math.ceil(10000 / 64) is 156 too; write Math.ceil(10000 / 64.0)");
            }
            if (updates == m) {
                return Feedback.wrong("per-row", "10000 is one update per row (SGD); a minibatch step uses 64 rows at once");
            }
            String size = updates <= 0 ? "negative or 0: a count of steps is positive" : updates > answer
                    ? (updates >= 5 * answer ? Math.round((double) updates / answer) + " times too many" : "too many")
                    : "too few";
            return Feedback.wrong("other", updates + " is " + size + ": how many batches of 64 does it take to cover "
                    + "10000 rows? 156 full ones cover 9984");
        });
    }
}
