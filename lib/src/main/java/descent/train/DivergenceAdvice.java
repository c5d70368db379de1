package descent.train;

import descent.Check;
import descent.data.Dataset;
import descent.loss.Loss;
import descent.optim.Optimizer;
import java.util.ServiceLoader;

/**
 * Advice for the report of a diverged run, from a layer above this one: for example the bound on η
 * that the Hessian of a least-squares cost gives ({@code descent.diagnose.LeastSquaresRateBound}).
 * Implementations are found with {@link ServiceLoader}, so this package needs neither linear algebra
 * nor knowledge of particular losses.
 */
public interface DivergenceAdvice {

    /**
     * Words to insert after "try a smaller one", starting with a space (e.g. " (… η &lt; 2/λ_max =
     * 0.4343 …)"), or "" when this advice has nothing to say about the run.
     *
     * @param fullBatch true when every update used all the rows (batch mode)
     */
    String advise(Loss loss, Dataset data, Optimizer optimizer, boolean fullBatch);

    /** The advice of every implementation on the class path, in the order found. */
    static String forRun(Loss loss, Dataset data, Optimizer optimizer, boolean fullBatch) {
        Check.notNull("loss", loss);
        Check.notNull("data", data);
        Check.notNull("optimizer", optimizer);
        StringBuilder words = new StringBuilder();
        // this interface's own loader: a notebook kernel's context loader may not see the library's jar
        for (DivergenceAdvice advice : ServiceLoader.load(DivergenceAdvice.class, DivergenceAdvice.class.getClassLoader())) {
            words.append(advice.advise(loss, data, optimizer, fullBatch));
        }
        return words.toString();
    }
}
