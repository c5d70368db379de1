package descent.diagnose;

import descent.data.Dataset;
import descent.linalg.HessianSpectrum;
import descent.loss.Loss;
import descent.loss.MeanSquaredError;
import descent.optim.Optimizer;
import descent.train.DivergenceAdvice;
import java.util.Locale;

/**
 * For batch steps on a least-squares cost, whose Hessian H = (c/m)XᵀX is constant, the bound on η
 * beyond which the iteration diverges: 2/λ_max for gradient descent, 2(1 + μ)/λ_max for heavy-ball
 * momentum, as the optimiser states it (Goodfellow, Bengio, Courville, <i>Deep Learning</i>, §4.3.1;
 * Goh, "Why Momentum Really Works", Distill 2017). Silent for other costs, for stochastic steps and
 * for optimisers without a fixed-step bound.
 */
public final class LeastSquaresRateBound implements DivergenceAdvice {

    @Override
    public String advise(Loss loss, Dataset data, Optimizer optimizer, boolean fullBatch) {
        if (!fullBatch || !(loss instanceof MeanSquaredError mse)) return "";
        double lambdaMax = HessianSpectrum.of(mse, data).lambdaMax();
        double bound = optimizer.stableRateBound(lambdaMax);
        if (Double.isNaN(bound)) return "";
        return String.format(Locale.ROOT, " (for this least-squares cost, %s converges only for η < %s = %.4g, "
                + "λ_max = %.4g being the largest eigenvalue of the Hessian; here η = %.4g)",
                optimizer.name(), optimizer.stableRateRule(), bound, lambdaMax, optimizer.learningRate());
    }
}
