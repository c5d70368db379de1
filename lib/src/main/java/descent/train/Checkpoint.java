package descent.train;

/**
 * What a stopping rule sees at a check: the cost on all the data after an epoch (after every update in
 * batch mode), the cost at the check before, and the cost at the start.
 *
 * @param iteration    updates done so far (t)
 * @param epoch        epochs completed so far
 * @param cost         J(θ_t) on all the data
 * @param previousCost J at the check before (NaN at the start, where there is none)
 * @param startCost    J(θ_0)
 * @param gradient     ∇J(θ_t) on all the data (the loop's buffer: read it, do not keep or modify it)
 * @param weights      θ_t (the loop's buffer: read it, do not keep or modify it)
 */
public record Checkpoint(long iteration, int epoch, double cost, double previousCost, double startCost,
                         double[] gradient, double[] weights) {}
