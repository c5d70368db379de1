package descent.exercise;

/** A student's forward pass of one layer: the units' outputs a′ = tanh(a·W + b) for one example a. */
@FunctionalInterface
public interface LayerForward {
    /**
     * @param a the layer's inputs, n_in values
     * @param w the weights, n_in rows × n_out columns: w[i][u] joins input i to unit u
     * @param b the biases, one per unit
     * @return the n_out outputs
     */
    double[] apply(double[] a, double[][] w, double[] b);
}
