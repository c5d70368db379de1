package descent.autodiff;

/**
 * A model's cost on a batch of rows as a {@link Tensor} graph: given the parameters, the batch's
 * rows X (a b×n node, data) and their targets y, return the batch's 1×1 cost (its mean over the rows,
 * as the library's losses are means).
 */
@FunctionalInterface
public interface BatchModel {

    Tensor cost(Parameters params, Tensor x, double[] y);
}
