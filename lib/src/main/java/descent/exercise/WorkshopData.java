package descent.exercise;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.linalg.HessianSpectrum;
import descent.linalg.LeastSquares;
import descent.loss.MeanSquaredError;
import descent.train.Descent;
import descent.train.History;
import descent.train.Init;

/**
 * What the workshop's checks share (notebook 3): 50 points of y = 8 + 6x + noise (seed 2024) with the bias column,
 * J = MSE, its minimum J* from the normal equations and its Hessian's spectrum (Nocedal &amp; Wright, Numerical
 * Optimization, §3.3), and batch gradient descent from w = 0.
 */
final class WorkshopData {
    private WorkshopData() {}

    static final double[] TASK2_RATES = {0.005, 0.05, 0.3, 0.6};
    static final Dataset DATA = Datasets.linear(50, 2024);
    static final Dataset XB = DATA.withBias();
    static final MeanSquaredError MSE = MeanSquaredError.mean();
    static final double BEST = MSE.value(XB, LeastSquares.solve(XB));
    static final HessianSpectrum SPECTRUM = HessianSpectrum.of(MSE, XB);
    static final int BUDGET = 5000;

    /** The first t with J_t − J* &lt; 10⁻⁶ in a batch run's costs (one per iteration), or −1. */
    static int firstWithin(double[] costs, double best) {
        for (int t = 0; t < costs.length; t++) if (costs[t] - best < 1e-6) return t;
        return -1;
    }

    static History run(double eta, int iterations) {
        return Descent.of(MSE, XB).optimizer(new descent.optim.GradientDescent(eta)).init(Init.zeros())
                .maxIterations(iterations).tolerance(0).run();
    }

    /** Reference: the first t with J(w_t) − J* &lt; 10⁻⁶, w_t after t batch updates from w = 0. */
    static int iterationsToReach(double eta) {
        double[] w = new double[XB.cols()], g = new double[XB.cols()];
        for (int t = 0; t <= BUDGET; t++) {
            double j = MSE.valueAndGradient(XB, w, g);
            if (!Double.isFinite(j)) return -1;
            if (j - BEST < 1e-6) return t;
            for (int i = 0; i < w.length; i++) w[i] -= eta * g[i];
        }
        return -1;
    }

    /** The data with its one feature multiplied by {@code by}. */
    static Dataset scaled(Dataset data, double by) {
        double[][] features = new double[data.rows()][1];
        double[] y = new double[data.rows()];
        for (int i = 0; i < data.rows(); i++) {
            features[i][0] = by * data.x(i, 0);
            y[i] = data.y(i);
        }
        return Dataset.of(features, y);
    }
}
