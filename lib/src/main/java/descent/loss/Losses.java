package descent.loss;

import descent.Check;
import descent.data.Dataset;
import descent.function.Objective;

/** Bridges between losses and the rest of the library. */
public final class Losses {
    private Losses() {}

    /**
     * J(w) over a fixed dataset as an {@link Objective} of the weights, so the optimisers'
     * {@code Minimizer.walk}, contour plots and gradient checks work on a model's cost.
     */
    public static Objective asObjective(Loss loss, Dataset data) {
        Check.notNull("loss", loss);
        Check.notNull("data", data);
        return new Objective() {
            @Override
            public int dimension() {
                return data.cols();
            }

            @Override
            public double value(double[] w) {
                return loss.value(data, w);
            }

            @Override
            public void gradient(double[] w, double[] grad) {
                loss.gradient(data, w, grad);
            }

            @Override
            public String toString() {
                return loss.name() + " on " + data;
            }
        };
    }
}
