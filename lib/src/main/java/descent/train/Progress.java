package descent.train;

/**
 * A snapshot passed to a progress listener while training, so a notebook can redraw a live chart.
 *
 * @param iteration updates done so far
 * @param epoch     epochs completed so far
 * @param loss      the most recent cost (minibatch cost in stochastic and minibatch modes)
 * @param weights   a copy of the current weights
 * @param history   the loss per iteration so far (a copy)
 * @param seconds   wall-clock seconds since the run started
 */
public record Progress(long iteration, int epoch, double loss, double[] weights, double[] history,
                       double seconds) {}
