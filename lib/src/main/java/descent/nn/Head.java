package descent.nn;

import descent.autodiff.Tensor;
import descent.autodiff.TensorLosses;

/**
 * What a network's last layer predicts, and the cost it is trained on: the same pairs as the course's
 * linear models (logistic regression's log loss, least squares' mean squared error), plus softmax for
 * more than two classes.
 */
public enum Head {
    /** One logit z; P(y = 1) = σ(z); cost: the mean log loss; y ∈ {0, 1}. */
    BINARY,
    /** K logits; P(y = c) = softmax(z)_c; cost: the mean softmax cross-entropy; y ∈ {0, …, K − 1}. */
    CLASSES,
    /** One output, the prediction itself; cost: the mean squared error. */
    NUMBER;

    /** The batch's mean cost of outputs z (b × outputs) against the targets y (one per row). */
    Tensor cost(Tensor z, double[] y) {
        return switch (this) {
            case BINARY -> TensorLosses.logLoss(z, y);
            case CLASSES -> TensorLosses.softmaxCrossEntropy(z, classes(y, z.cols()));
            case NUMBER -> TensorLosses.meanSquaredError(z, y);
        };
    }

    /** The targets as class indices, each a whole number in 0 … K − 1. */
    static int[] classes(double[] y, int kinds) {
        int[] c = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            if (y[i] != Math.rint(y[i]) || y[i] < 0 || y[i] >= kinds) {
                throw new IllegalArgumentException("y[" + i + "] = " + y[i] + " is invalid for a network with " + kinds
                        + " classes: each target must be a class index 0 … " + (kinds - 1));
            }
            c[i] = (int) y[i];
        }
        return c;
    }
}
