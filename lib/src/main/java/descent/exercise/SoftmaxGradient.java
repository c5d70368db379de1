package descent.exercise;

/** A student's gradient of one example's softmax cross-entropy with respect to its logits z. */
@FunctionalInterface
public interface SoftmaxGradient {
    /**
     * @param z the K logits of one example
     * @param y its class, 0 … K − 1
     * @return ∂J/∂z, K values
     */
    double[] apply(double[] z, int y);
}
