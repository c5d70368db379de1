package descent.train;

import descent.Vectors;
import descent.optim.GradientDescent;
import descent.optim.Optimizer;
import java.util.List;
import java.util.function.Consumer;

/**
 * The descent loop, shared by model training ({@link Descent}) and the walks over test functions
 * ({@link Minimizer}). In the notebooks' words:
 *
 * <pre>
 * for each epoch:
 *     shuffle the rows
 *     for each batch:  cost and gradient of the batch (forward, backward), then θ ← update(θ, ∇J)
 *     check: the cost on all the data, against the stopping rules and divergence
 * </pre>
 *
 * In batch mode every batch is all the data, so the check's cost and gradient serve the next update:
 * one pass over the data per iteration.
 *
 * <p>Per-sample SGD (plain gradient descent, one row per batch) runs its updates in spans: the
 * updates up to the next moment where something happens besides the arithmetic (a budget that can
 * stop the run, a recorded point, a call to the listener, the end of the sampler's chunk) are made
 * by the gradient core in one go ({@link Problem#sgdSteps}). A span stops before an update that
 * would fail the divergence check, and that update is then made the ordinary way, where the check
 * reports it. Spans give the same bits as one update at a time: a million updates cost the
 * arithmetic instead of a million rounds of calls and checks. One instance runs once.
 */
final class Loop {
    /** The most updates in one span. */
    private static final int SPAN_MAX = 1024;

    private final Problem problem;
    private final Optimizer optimizer;
    private final Divergence divergence;
    /** An array, not a list: the budget check runs before every update, and must not allocate an iterator. */
    private final StoppingRule[] rules;
    final TrajectoryRecorder recorder;
    private final long listenEvery;
    private final Consumer<Progress> listener;
    private final long startNanos = System.nanoTime();
    /** The optimiser when its updates can run in spans (plain gradient descent, no rule that stops mid-epoch unseen), else null. */
    private final GradientDescent spanSgd;
    /** The update count at which a budget stops the run (Long.MAX_VALUE without one). */
    private final long budgetEnd;
    /** The costs of a span's updates. */
    private final double[] spanCosts;

    final double[] theta;
    private final double[] grad;
    private final double[] wholeGrad;
    final DoubleSeries iterationCosts = new DoubleSeries();
    final DoubleSeries checkCosts = new DoubleSeries();
    final DoubleSeries checkSeconds = new DoubleSeries();
    long t;
    int epochs;
    Stop stop;
    /** True when an update left θ NaN or ∞ (see {@link #update}). */
    boolean updateBroke;
    /** The update count at which {@code wholeGrad} and the last check cost were computed. */
    private long checkedAt;

    Loop(Problem problem, Optimizer optimizer, double[] theta, Divergence divergence, List<StoppingRule> rules,
         TrajectoryRecorder recorder, long listenEvery, Consumer<Progress> listener) {
        this.problem = problem;
        this.optimizer = optimizer;
        this.theta = theta;
        this.divergence = divergence;
        this.rules = rules.toArray(new StoppingRule[0]);
        this.recorder = recorder;
        this.listenEvery = listenEvery;
        this.listener = listener;
        this.grad = new double[theta.length];
        this.wholeGrad = new double[theta.length];
        long end = Long.MAX_VALUE;
        boolean rulesKnown = true;
        for (StoppingRule rule : this.rules) {
            if (rule instanceof IterationBudget budget) end = Math.min(end, budget.n);
            else if (stopsBeforeUpdates(rule)) rulesKnown = false;  // a rule of the caller's own: ask it before every update
        }
        this.budgetEnd = end;
        this.spanSgd = rulesKnown && optimizer instanceof GradientDescent sgd ? sgd : null;
        this.spanCosts = spanSgd == null ? null : new double[SPAN_MAX];
    }

    /** True unless the rule keeps {@link StoppingRule#beforeUpdate}'s default, which never stops a run. */
    private static boolean stopsBeforeUpdates(StoppingRule rule) {
        try {
            return rule.getClass().getMethod("beforeUpdate", long.class).getDeclaringClass() != StoppingRule.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);  // every StoppingRule has the method
        }
    }

    /** Runs until a rule stops it. */
    Loop run() {
        optimizer.reset();
        double j0 = problem.whole(theta, wholeGrad);
        record(j0, false);
        stop = divergence.atStart(j0, wholeGrad);
        if (stop == null) stop = firstRule(new Checkpoint(0, 0, j0, Double.NaN, j0, wholeGrad, theta));
        while (stop == null) epoch();
        if (stop.reason() == StopReason.MAX_ITERATIONS || stop.reason() == StopReason.MAX_EPOCHS) {
            Stop diverged = divergence.atBudgetEnd(checkCosts.toArray());
            if (diverged != null) stop = diverged;
        }
        recorder.finish(t, theta);
        if (listener != null) notifyListener();
        return this;
    }

    /** One pass: shuffle; for each batch: cost and gradient, update; then the check. */
    private void epoch() {
        problem.newEpoch();
        int batches = problem.batchesPerEpoch();
        iterationCosts.reserve(batches);  // a million updates' costs, without copying them while they grow
        int first = iterationCosts.size();
        for (int k = 0; k < batches; k++) {
            int made = span(k, batches - k);
            if (made > 0) {
                iterationCosts.addAll(spanCosts, made);
                t += made;
                afterUpdates();
                k += made - 1;  // and the loop's k++: the next batch after the span
                continue;
            }
            stop = firstBudget();
            if (stop != null) break;
            double j = costAndGradient(k);
            stop = divergence.afterBatch(t, j, grad);
            if (stop != null) break;
            iterationCosts.add(j);
            stop = update();
            if (stop != null) break;
        }
        boolean complete = stop == null;
        if (complete) stop = divergence.afterEpoch(epochs + 1, iterationCosts.sum(first, iterationCosts.size()) / batches);
        check(complete);
    }

    /** The cost on all the data after the updates, recorded; the rules judge it unless the run is already stopping. */
    private void check(boolean epochComplete) {
        double previous = checkCosts.last();
        // θ no longer finite (an update rule broke it, see update()): there is no cost to compute
        double j = Vectors.allFinite(theta) ? problem.whole(theta, wholeGrad) : Double.NaN;
        checkedAt = t;
        if (epochComplete) epochs++;
        record(j, true);
        if (stop != null) return;  // already stopping: keep the first reason
        Checkpoint c = new Checkpoint(t, epochs, j, previous, checkCosts.get(0), wholeGrad, theta);
        stop = divergence.atCheck(c);
        if (stop == null) stop = firstRule(c);
    }

    private double costAndGradient(int k) {
        if (problem.batchIsWhole() && checkedAt == t) {  // the check just computed this very cost and gradient
            System.arraycopy(wholeGrad, 0, grad, 0, grad.length);
            return checkCosts.last();
        }
        return problem.batch(k, theta, grad);
    }

    /**
     * θ ← the optimiser's update; a stop when it left θ NaN or ∞ from a finite θ and gradient (the
     * optimiser checks both): an update rule of the student's own that divides by 0, or a step so large
     * that θ overflows. Reported as divergence, naming the optimiser, instead of a complaint about NaN
     * weights at the next cost.
     */
    private Stop update() {
        optimizer.step(theta, grad);
        t++;
        afterUpdates();
        if (Vectors.allFinite(theta)) return null;
        updateBroke = true;
        int i = 0;
        while (Double.isFinite(theta[i])) i++;
        return Stop.diverged("update " + t + " of " + optimizer.name() + " made θ[" + i + "] = " + theta[i]
                + " from a finite θ and gradient");
    }

    /** After the update that brought the count to t: keep θ for the path, tell the listener, as due. */
    private void afterUpdates() {
        recorder.offer(t, theta);
        if (listener != null && t % listenEvery == 0) notifyListener();
    }

    /**
     * Updates for batches k, k + 1, … made in one span (see the class comment), at most {@code left}:
     * the span ends with the update before a budget fires, with the update that brings t to the next
     * recorded point or the next call to the listener, and at the end of the sampler's chunk.
     * Returns how many were made; 0 leaves batch k to the one-at-a-time path.
     */
    private int span(int k, int left) {
        if (spanSgd == null) return 0;
        long most = Math.min(Math.min(left, SPAN_MAX), budgetEnd - t);
        most = Math.min(most, recorder.nextOffer() - t);
        if (listener != null) most = Math.min(most, listenEvery - t % listenEvery);
        if (most <= 0) return 0;
        return problem.sgdSteps(spanSgd, k, (int) most, theta, divergence.batchCostLimit(), spanCosts);
    }

    private Stop firstRule(Checkpoint c) {
        for (StoppingRule rule : rules) {
            Stop s = rule.atCheck(c);
            if (s != null) return s;
        }
        return null;
    }

    private Stop firstBudget() {
        for (StoppingRule rule : rules) {
            Stop s = rule.beforeUpdate(t);
            if (s != null) return s;
        }
        return null;
    }

    private void record(double cost, boolean afterStart) {
        checkCosts.add(cost);
        checkSeconds.add(afterStart ? seconds() : 0);
        if (!afterStart) recorder.offer(0, theta);
    }

    private void notifyListener() {
        double latest = iterationCosts.size() > 0 ? iterationCosts.last() : checkCosts.get(0);
        listener.accept(new Progress(t, epochs, latest, theta.clone(), iterationCosts.toArray(), seconds()));
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
