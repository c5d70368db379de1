package descent.exercise;

import descent.data.Dataset;
import java.util.List;
import java.util.function.DoublePredicate;
import tech.tablesaw.api.Table;


/**
 * Checks for notebook 3, the workshop on learning rate and iterations: 50 points of y = 8 + 6x + noise
 * (seed 2024) with the bias column, batch gradient descent from w = 0 on J = MSE. The stability bound
 * η &lt; 2/λ_max and the best fixed step 2/(λ_max + λ_min) are from Nocedal &amp; Wright, Numerical
 * Optimization, §3.3; the workshop follows the course's lecture on learning rate and iterations. The checks
 * are the notebook's and the grader's names; each task's check lives in its own class (WorkshopLines,
 * WorkshopThreshold, WorkshopIterations, WorkshopScaling, WorkshopStopping).
 */
public final class Workshop {
    /** Batch descent from w = 0 for some iterations: the weights after every iteration. */
    @FunctionalInterface
    public interface FittedLines {
        List<double[]> run(Dataset xb, double eta, int iterations);
    }

    /** A search for the η where descent starts to diverge, between a converging lo and a diverging hi. */
    @FunctionalInterface
    public interface ThresholdSearch {
        double find(DoublePredicate diverges, double lo, double hi);
    }

    /** The number of iterations after which J − J* &lt; 10⁻⁶ first holds, or −1 if it never does. */
    @FunctionalInterface
    public interface IterationCount {
        int of(double eta);
    }

    /** A convergence test on two successive costs. */
    @FunctionalInterface
    public interface StopRule {
        boolean stop(double previousJ, double currentJ);
    }

    /** The learning rates of task 2's chart. */

    /** The learning rates of task 2's chart. */
    public static final double[] TASK2_RATES = WorkshopData.TASK2_RATES.clone();

    private Workshop() {}

    /** The workshop's data with its bias column. */
    public static Dataset data() { return WorkshopData.XB; }

    /** J* = J at the normal equation's weights. */
    public static double best() { return WorkshopData.BEST; }

    /** Task 1: the student's loop against the library's batch descent (η = 0.1, 10 iterations); then the figure. */
    public static void checkFittedLines(FittedLines loop) {
        assessFittedLines(loop).print();
    }

    static Feedback assessFittedLines(FittedLines loop) {
        return WorkshopLines.assessFittedLines(loop);
    }

    /** Task 2: the largest of {@link #TASK2_RATES} that converges, predicted before the chart was drawn. */
    public static void checkLargestConverging(double eta) {
        assessLargestConverging(eta).print();
    }

    static Feedback assessLargestConverging(double eta) {
        return WorkshopThreshold.assessLargestConverging(eta);
    }

    /** Task 3: the student's search for the divergence threshold, on thresholds the check knows, then on real runs. */
    public static void checkThresholdSearch(ThresholdSearch search) {
        assessThresholdSearch(search).print();
    }

    static Feedback assessThresholdSearch(ThresholdSearch search) {
        return WorkshopThreshold.assessThresholdSearch(search);
    }

    /** Task 4: the student's count against a reference loop at six rates, then the table over all of them. */
    public static void checkIterationCount(IterationCount count) {
        assessIterationCount(count).print();
    }

    static Feedback assessIterationCount(IterationCount count) {
        return WorkshopIterations.assessIterationCount(count);
    }

    /** Task 5: how many times λ_max grows (and so 2/λ_max shrinks) when x is measured ten times larger, predicted. */
    public static void checkScalingPrediction(double factor) {
        assessScalingPrediction(factor).print();
    }

    static Feedback assessScalingPrediction(double factor) {
        return WorkshopScaling.assessScalingPrediction(factor);
    }

    static Table hessianTable() {
        return WorkshopScaling.hessianTable();
    }

    /** Task 6: |ΔJ| &lt; 10⁻⁴, tried on pairs of costs, then run against a fixed budget of 1000 iterations. */
    public static void checkStopRule(StopRule rule) {
        assessStopRule(rule).print();
    }

    static Feedback assessStopRule(StopRule rule) {
        return WorkshopStopping.assessStopRule(rule);
    }

    /** Stretch: momentum (η, μ) that reaches J − J* &lt; 10⁻⁶ from w = 0 in fewer iterations than GD at η*. */
    public static void checkMomentumBeatsBestStep(double eta, double mu) {
        assessMomentumBeatsBestStep(eta, mu).print();
    }

    static Feedback assessMomentumBeatsBestStep(double eta, double mu) {
        return WorkshopStopping.assessMomentumBeatsBestStep(eta, mu);
    }
}
