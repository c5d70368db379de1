package descent.nn;

import descent.core.GradientCore;

/**
 * One forward and backward pass of an {@link Mlp} over a batch, written out layer by layer with its
 * buffers kept between batches: the same cost and gradient as the autodiff graph of {@link Mlp#graphLoss}
 * (tested equal to 1e-12), without building a graph. The network's backpropagation in matrix form
 * (Goodfellow, Bengio and Courville, <i>Deep Learning</i>, 2016, §6.5.4, rows as examples):
 * <pre>
 *   forward:  Z⁽ˡ⁾ = A⁽ˡ⁻¹⁾ W⁽ˡ⁾ + b⁽ˡ⁾,  A⁽ˡ⁾ = g(Z⁽ˡ⁾)  (A⁽⁰⁾ = X; no g on the last layer)
 *   output:   δ⁽ᴸ⁾ = ∂J/∂Z⁽ᴸ⁾ from the head (softmax: (P − Y)/m)
 *   backward: ∂J/∂W⁽ˡ⁾ = A⁽ˡ⁻¹⁾ᵀ δ⁽ˡ⁾,  ∂J/∂b⁽ˡ⁾ = column sums of δ⁽ˡ⁾,  δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾ W⁽ˡ⁾ᵀ) ⊙ g′(Z⁽ˡ⁻¹⁾)
 * </pre>
 * Every loop runs in the gradient core ({@link GradientCore#product} for the three products per layer).
 * A pass belongs to one thread; it grows its buffers to the largest batch it has seen and then
 * allocates nothing.
 */
final class MlpPass {
    private final int[] widths;
    private final int[] weightAt;
    private final int[] biasAt;
    private final int slopeKind;
    private final Head head;
    private final int layers;
    /** A⁽ˡ⁾ for l = 1 … L (A⁽ᴸ⁾ holds Z⁽ᴸ⁾, the outputs), then δ⁽ˡ⁾; each m × n_l. */
    private final double[][] activations;
    private final double[][] deltas;
    /** Z⁽ˡ⁾ of a hidden layer before g, the inputs and targets of a gathered batch, and W⁽ˡ⁾ᵀ. */
    private double[] z = new double[0];
    private double[] x = new double[0];
    private double[] y = new double[0];
    private final double[] transposed;
    private int capacity;

    MlpPass(int[] widths, int[] weightAt, int[] biasAt, Activation activation, Head head) {
        this.widths = widths;
        this.weightAt = weightAt;
        this.biasAt = biasAt;
        this.head = head;
        this.slopeKind = switch (activation) {
            case TANH -> 0;
            case SIGMOID -> 1;
            case RELU -> 2;
        };
        this.layers = widths.length - 1;
        this.activations = new double[layers + 1][];
        this.deltas = new double[layers + 1][];
        int largestWeights = 0;
        for (int l = 1; l <= layers; l++) largestWeights = Math.max(largestWeights, widths[l - 1] * widths[l]);
        this.transposed = new double[largestWeights];
    }

    /** Room for rows rows[from..to) of X (n_0 columns) and their targets, gathered. */
    void gather(double[] xAll, double[] yAll, int[] rows, int from, int to) {
        room(to - from);
        GradientCore.gather(xAll, yAll, widths[0], rows, from, to, x, y);
    }

    /** Consecutive rows from..to of X (n_0 columns) and their targets, copied in as if gathered. */
    void copy(double[] xAll, double[] yAll, int from, int to) {
        room(to - from);
        System.arraycopy(xAll, from * widths[0], x, 0, (to - from) * widths[0]);
        System.arraycopy(yAll, from, y, 0, to - from);
    }

    /** The gathered batch's buffers hold at least m rows (grown, never shrunk: no allocation per batch). */
    private void room(int m) {
        if (x.length < m * widths[0]) {
            x = new double[m * widths[0]];
            y = new double[m];
        }
    }

    /** The mean cost and, into {@code grad}, its gradient over the batch last {@link #gather}ed. */
    double gathered(double[] theta, int m, double[] grad) {
        return valueAndGradient(theta, x, y, m, grad);
    }

    /**
     * The head's mean cost over the m rows of X (row-major, n_0 columns) and y at θ; when {@code grad} is
     * not null, its gradient (overwritten).
     */
    double valueAndGradient(double[] theta, double[] xs, double[] ys, int m, double[] grad) {
        ensure(m);
        double[] in = xs;
        for (int l = 1; l <= layers; l++) {
            int n = widths[l], k = widths[l - 1];
            double[] out = l < layers ? z : activations[l];
            for (int i = 0; i < m; i++) System.arraycopy(theta, biasAt[l], out, i * n, n);
            GradientCore.product(in, 0, k, 1, theta, weightAt[l], m, k, n, out, 0, true);
            if (l < layers) activate(z, m * n, activations[l]);
            in = activations[l];
        }
        int outputs = widths[layers];
        double[] zL = activations[layers], dL = deltas[layers];
        double scale = 1.0 / (head == Head.CLASSES ? m : m * outputs);
        double sum = switch (head) {
            case CLASSES -> GradientCore.softmaxCrossEntropy(zL, m, outputs, ys, scale, dL);
            case BINARY -> GradientCore.logLoss(zL, ys, m, scale, dL);
            case NUMBER -> GradientCore.squaredError(zL, ys, m, scale, dL);
        };
        if (grad == null) return sum * scale;
        for (int l = layers; l >= 1; l--) {
            int n = widths[l], k = widths[l - 1];
            double[] below = l == 1 ? xs : activations[l - 1];
            GradientCore.product(below, 0, 1, k, deltas[l], 0, k, m, n, grad, weightAt[l], false);
            GradientCore.columnSums(deltas[l], m, n, grad, biasAt[l]);
            if (l > 1) {
                GradientCore.transpose(theta, weightAt[l], k, n, transposed);
                GradientCore.product(deltas[l], 0, n, 1, transposed, 0, m, n, k, deltas[l - 1], 0, false);
                GradientCore.activationSlope(slopeKind, activations[l - 1], m * k, deltas[l - 1]);
            }
        }
        return sum * scale;
    }

    /** The outputs Z⁽ᴸ⁾ of the last pass, row-major m × n_L (the pass's own buffer). */
    double[] outputs() {
        return activations[layers];
    }

    private void activate(double[] zs, int count, double[] a) {
        switch (slopeKind) {
            case 0 -> GradientCore.tanh(zs, count, a);
            case 1 -> GradientCore.sigmoids(zs, count, a);
            default -> GradientCore.relu(zs, count, a);
        }
    }

    private void ensure(int m) {
        if (m <= capacity) return;
        int widest = 0;
        for (int l = 1; l <= layers; l++) {
            activations[l] = new double[m * widths[l]];
            deltas[l] = new double[m * widths[l]];
            widest = Math.max(widest, widths[l]);
        }
        z = new double[m * widest];
        capacity = m;
    }
}
