package descent.diagnose;

import descent.data.Dataset;
import descent.linalg.HessianSpectrum;
import descent.loss.L2Penalty;
import descent.loss.Loss;
import descent.loss.MeanSquaredError;
import descent.optim.Optimizer;
import descent.train.DivergenceAdvice;
import java.util.Locale;

/**
 * For batch steps on a least-squares cost, whose Hessian H = (c/m)XᵀX is constant, the bound on η
 * beyond which the iteration diverges: 2/λ_max for gradient descent, 2(1 + μ)/λ_max for heavy-ball
 * momentum, as the optimiser states it (Goodfellow, Bengio, Courville, <i>Deep Learning</i>, §4.3.1;
 * Goh, "Why Momentum Really Works", Distill 2017); with a ridge penalty the Hessian gains λ on its
 * diagonal (bias excluded). For stochastic and minibatch steps it quotes the full-batch bound, which
 * their η must be below as well. Silent for other costs and for optimisers without a fixed-step bound.
 */
public final class LeastSquaresRateBound implements DivergenceAdvice {
    /** The most columns for which a diverged run's report computes the Hessian's spectrum. */
    static final int MAX_COLUMNS = 2_000;

    @Override
    public String advise(Loss loss, Dataset data, Optimizer optimizer, boolean fullBatch) {
        // the Hessian is n × n: past a few thousand columns a report is not worth minutes and hundreds of MB
        if (data.cols() > MAX_COLUMNS) return "";
        HessianSpectrum spectrum;
        String cost;
        if (loss instanceof MeanSquaredError mse) {
            spectrum = HessianSpectrum.of(mse, data);
            cost = "this least-squares cost";
        } else if (loss instanceof L2Penalty penalised && penalised.base() instanceof MeanSquaredError) {
            spectrum = HessianSpectrum.of(penalised, data);
            cost = "this penalised least-squares cost (the penalty adds λ to the curvature)";
        } else {
            return "";
        }
        double lambdaMax = spectrum.lambdaMax();
        double bound = optimizer.stableRateBound(lambdaMax);
        if (Double.isNaN(bound)) return "";
        if (fullBatch) {
            return String.format(Locale.ROOT, " (for %s, %s converges only for η < %s = %.4g, "
                    + "λ_max = %.4g being the largest eigenvalue of the Hessian; here η = %.4g)",
                    cost, optimizer.name(), optimizer.stableRateRule(), bound, lambdaMax, optimizer.learningRate());
        }
        // a batch of a few rows has a noisier, often sharper curvature than all of them: the full-batch bound
        // is where a stochastic run's η must at least start below
        return String.format(Locale.ROOT, " (for %s, even full-batch %s converges only for η < %s = %.4g, "
                + "λ_max = %.4g being the largest eigenvalue of the Hessian; a stochastic or minibatch step is noisier "
                + "and needs η below that; here η = %.4g)",
                cost, optimizer.name(), optimizer.stableRateRule(), bound, lambdaMax, optimizer.learningRate());
    }
}
