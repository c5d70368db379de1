package descent.autodiff;

import descent.Check;
import descent.core.GradientCore;

/**
 * Losses as single nodes of a {@link Tensor} graph, each written the numerically stable way with its
 * gradient in closed form: a loss built from exp, log and division node by node would overflow for
 * large logits (e^800) where the fused form stays finite.
 * <ul>
 *   <li>mean squared error (1/N) Σ (p − t)²;</li>
 *   <li>log loss (binary cross-entropy) from logits, (1/N) Σ log(1 + e^z) − y z, as {@code descent.loss.LogLoss}
 *       computes it, gradient (σ(z) − y)/N (Ng, CS229 notes, part II);</li>
 *   <li>softmax cross-entropy, (1/m) Σ_i log Σ_c e^{z_ic} − z_{i,y_i}, with the row's largest logit
 *       subtracted first, gradient (softmax(z_i) − onehot(y_i))/m (Goodfellow, Bengio and Courville,
 *       <i>Deep Learning</i>, 2016, §6.2.2.3 and §4.1).</li>
 * </ul>
 * Targets are data, not nodes: no gradient flows into them.
 */
public final class TensorLosses {
    private TensorLosses() {}

    /** (1/N) Σ (p − t)² over the N entries of {@code prediction}; {@code targets} has one entry per entry, row-major. */
    public static Tensor meanSquaredError(Tensor prediction, double[] targets) {
        Check.notNull("prediction", prediction);
        checkTargets("meanSquaredError", "targets", prediction, targets);
        Check.finite("targets", targets);
        double[] p = prediction.data;
        int count = p.length;
        double s = 0;
        for (int k = 0; k < count; k++) {
            double r = p[k] - targets[k];
            s += r * r;
        }
        return Tensor.result("meanSquaredError", new double[] {s / count}, 1, 1, out -> {
            double scale = 2 * out.grad[0] / count;
            for (int k = 0; k < count; k++) prediction.grad[k] += scale * (p[k] - targets[k]);
        }, prediction);
    }

    /**
     * The mean log loss of logits z against labels y ∈ {0, 1} (one per entry of {@code logits}, row-major):
     * (1/N) Σ max(z, 0) + log1p(e^−|z|) − y z, finite for any z; d/dz = (σ(z) − y)/N. The same per-entry
     * arithmetic as {@code descent.loss.LogLoss} (the core's exponential and σ).
     */
    public static Tensor logLoss(Tensor logits, double[] labels) {
        Check.notNull("logits", logits);
        checkTargets("logLoss", "labels", logits, labels);
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] != 0 && labels[k] != 1) {
                throw new IllegalArgumentException("labels[" + k + "] = " + labels[k] + " is invalid for logLoss: labels must be 0 or 1");
            }
        }
        double[] z = logits.data;
        int count = z.length;
        double s = 0;
        for (int k = 0; k < count; k++) {
            s += Math.max(z[k], 0) + Math.log1p(GradientCore.exp(-Math.abs(z[k]))) - labels[k] * z[k];
        }
        return Tensor.result("logLoss", new double[] {s / count}, 1, 1, out -> {
            double scale = out.grad[0] / count;
            for (int k = 0; k < count; k++) logits.grad[k] += (GradientCore.sigmoid(z[k]) - labels[k]) * scale;
        }, logits);
    }

    /**
     * The mean softmax cross-entropy of an m×K matrix of logits (one row per example, one column per
     * class) against class indices {@code classes[i]} ∈ 0 … K − 1: (1/m) Σ_i logΣ_c e^{z_ic} − z_{i,y_i},
     * with max_c z_ic subtracted inside the exponentials so none overflows; d/dz_ic = (p_ic − [c = y_i])/m.
     */
    public static Tensor softmaxCrossEntropy(Tensor logits, int[] classes) {
        Check.notNull("logits", logits);
        Check.notNull("classes", classes);
        int m = logits.rows(), kinds = logits.cols();
        if (classes.length != m) {
            throw new IllegalArgumentException("softmaxCrossEntropy: classes has length " + classes.length
                    + " but the logits are " + logits.shape() + ": one class per row (" + m + ")");
        }
        for (int i = 0; i < m; i++) Check.index("classes[" + i + "]", classes[i], kinds, "classes (columns of the logits)");
        double[] labels = new double[m], residual = new double[logits.data.length];
        for (int i = 0; i < m; i++) labels[i] = classes[i];
        // residual = softmax(z_i) − onehot(y_i), the loop the network's written-out pass runs too
        double s = GradientCore.softmaxCrossEntropy(logits.data, m, kinds, labels, 1, residual);
        return Tensor.result("softmaxCrossEntropy", new double[] {s / m}, 1, 1, out -> {
            double scale = out.grad[0] / m;
            for (int k = 0; k < residual.length; k++) logits.grad[k] += residual[k] * scale;
        }, logits);
    }

    private static void checkTargets(String op, String name, Tensor node, double[] targets) {
        Check.notNull(name, targets);
        if (targets.length != node.data.length) {
            throw new IllegalArgumentException(op + ": " + name + " has length " + targets.length + " but the shape "
                    + node.shape() + " has " + node.data.length + " entries: one target per entry");
        }
    }
}
