package descent.exercise;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.data.Standardizer;
import descent.function.GradientCheck;
import descent.loss.LogLoss;
import descent.loss.MeanSquaredError;
import descent.optim.GradientDescent;
import descent.train.Descent;
import descent.train.History;
import descent.train.Init;
import java.util.Arrays;

/**
 * Checks for notebook 10, logistic regression on the breast-cancer data (75/25 split, seed 7,
 * standardised, bias column): J(w) = −(1/m) Σ [y log σ(x_iᵀw) + (1 − y) log(1 − σ(x_iᵀw))] with
 * ∇J = (1/m) X_bᵀ(σ(X_b w) − y) (Hastie, Tibshirani &amp; Friedman, The Elements of Statistical Learning,
 * §4.4).
 */
public final class ClassifierExercises {
    private static final Dataset TRAIN;
    private static final Dataset TEST;

    static {
        Datasets.Split split = Datasets.split(Datasets.breastCancer(), 0.25, 7);
        Standardizer scale = Standardizer.fit(split.train());
        TRAIN = scale.transform(split.train()).withBias();
        TEST = scale.transform(split.test()).withBias();
    }

    private ClassifierExercises() {}

    /** The student's ∇J against finite differences of the library's log loss at two weight vectors. */
    public static void checkLogLossGradient(DataGradient gradient) {
        assessLogLossGradient(gradient).print();
    }

    static Feedback assessLogLossGradient(DataGradient gradient) {
        return Exercise.report("write the gradient inside the lambda", () -> {
            if (Exercise.isTodo(gradient)) return Feedback.notDone("write the gradient");
            int n = TRAIN.cols();
            double[][] points = {Init.random(3, 0.1).weights(n), Init.random(11, 0.5).weights(n)};
            double[] mine = new double[2 * n], reference = new double[2 * n], noSigmoid = new double[2 * n];
            boolean[] accumulates = {false};
            RuntimeException threw = GradientProbe.attempt(() -> {
                for (int p = 0; p < 2; p++) {
                    double[] g = new double[n];
                    Arrays.fill(g, 5.0);
                    double[] at = points[p].clone();
                    gradient.into(TRAIN, at, g);
                    Feedback changed = Unchanged.check("weights", points[p], at);
                    if (changed != null) throw new Diagnosis.Found(changed);
                    double[] clean = new double[n];
                    gradient.into(TRAIN, points[p].clone(), clean);
                    accumulates[0] |= !Compare.close(g, clean, 1e-9);
                    double[] fd = GradientCheck.central(w -> new LogLoss().value(TRAIN, w), points[p]);
                    double[] linear = new double[n];
                    MeanSquaredError.half().valueAndGradient(TRAIN, points[p], linear);
                    System.arraycopy(clean, 0, mine, p * n, n);
                    System.arraycopy(fd, 0, reference, p * n, n);
                    System.arraycopy(linear, 0, noSigmoid, p * n, n);
                }
            });
            boolean right = threw == null && Compare.close(mine, reference, 1e-5);
            if (right && accumulates[0]) {
                return Feedback.wrong("not-cleared", "right when g starts at zero, but you add to what g held before: set g to "
                        + "zero first");
            }
            if (right) {
                return Feedback.done("your gradient matches finite differences of the log loss in all " + n + " components "
                        + "at two weight vectors");
            }
            if (threw == null && Compare.close(mine, noSigmoid, 1e-6)) {
                return Feedback.wrong("no-sigmoid", "you used the residual x_iᵀw − y_i of linear regression: the prediction "
                        + "of logistic regression is σ(x_iᵀw), so the residual is σ(x_iᵀw) − y_i");
            }
            return new GradientProbe(gradient, LogLoss::sigmoid, 1).diagnose("your gradient", TRAIN.rows(), threw);
        });
    }

    /**
     * η for minibatch SGD (b = 32, 30 epochs from w = 0): at least 95% held-out accuracy with a training cost
     * that falls steadily (it may rise in at most 2 of the 30 epochs). Accuracy alone would accept η = 100,
     * whose cost jumps up in half the epochs and whose held-out log loss is 80 times that of η = 0.1.
     */
    public static void checkRate(double eta) {
        assessRate(eta).print();
    }

    static Feedback assessRate(double eta) {
        return Exercise.report("set myEta", () -> {
            if (Exercise.isTodo(eta)) return Feedback.notDone("set myEta to a number");
            if (eta == 0) return IntegerDivision.zero("myEta", eta);
            if (!(eta > 0) || Double.isInfinite(eta)) {
                return Feedback.wrong("not-positive", "η = " + Exercise.num(eta) + " is too small: η must be > 0 (a "
                        + "negative η steps uphill)");
            }
            History h = Descent.of(new LogLoss(), TRAIN).minibatch(32).seed(1).optimizer(new GradientDescent(eta))
                    .init(Init.zeros()).maxEpochs(30).run();
            if (h.diverged()) return Feedback.wrong("diverges", h.message());
            double accuracy = LogLoss.accuracy(TEST, h.weights());
            double heldOutLoss = new LogLoss().value(TEST, h.weights());
            double[] epochs = h.epochLoss();
            int rises = 0;
            for (int k = 1; k < epochs.length; k++) if (epochs[k] > epochs[k - 1]) rises++;
            String result = String.format("η = %s: %.1f%% held-out accuracy, held-out log loss %.3f", Exercise.num(eta),
                    100 * accuracy, heldOutLoss);
            if (rises > 2) {
                return Feedback.wrong("bounces", result + ", but the training cost rose in " + rises + " of the " + (epochs.length - 1)
                        + " epochs: η is too large, the steps jump across the valley. The accuracy hides it; "
                        + "the log loss on held-out data does not. Take a smaller η");
            }
            if (accuracy >= 0.95) return Feedback.done(result + "; the training cost fell steadily");
            return Feedback.wrong("crawls", result + String.format("; the training cost is still %.3f after 30 epochs — "
                    + "η is too small: the steps are too small to get there. Take a larger η", h.finalLoss()));
        });
    }
}
