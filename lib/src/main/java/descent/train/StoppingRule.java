package descent.train;

import descent.Check;
import descent.Vectors;
import java.util.Locale;

/**
 * One reason to end a run, as a small object; a run stops at the first rule that fires, in the order
 * the rules were given. Budgets, |ΔJ| &lt; ε and ‖∇J‖ &lt; tol are rules here; divergence is
 * always watched by the loop itself.
 */
public interface StoppingRule {

    /** At a check of the full cost: a {@link Stop} to end the run there, or null to go on. */
    Stop atCheck(Checkpoint c);

    /** Before update t, in the middle of an epoch: a {@link Stop}, or null (only budgets stop here). */
    default Stop beforeUpdate(long t) {
        return null;
    }

    /** Stop once {@code n} updates are done, even within an epoch. */
    static StoppingRule maxIterations(long n) {
        return new IterationBudget(IterationBudget.check("maxIterations", n));
    }

    /** Stop once {@code n} epochs (passes over the data) are done. */
    static StoppingRule maxEpochs(int n) {
        Check.atLeast("maxEpochs", n, 1);
        return c -> c.epoch() >= n ? new Stop(StopReason.MAX_EPOCHS, "") : null;
    }

    /** Stop when the cost changed by less than ε since the check before: |J_t − J_prev| &lt; ε. */
    static StoppingRule lossChange(double epsilon) {
        Check.positive("epsilon", epsilon);
        return c -> {
            double change = Math.abs(c.cost() - c.previousCost());
            return change < epsilon  // false at the start, where previousCost is NaN
                    ? new Stop(StopReason.LOSS_CHANGE_BELOW_TOLERANCE,
                               String.format(Locale.ROOT, "|ΔJ| = %.3g < ε = %.3g", change, epsilon))
                    : null;
        };
    }

    /** Stop at a near-stationary point: ‖∇J(θ)‖ on all the data below {@code tolerance}. */
    static StoppingRule gradientNorm(double tolerance) {
        Check.positive("tolerance", tolerance);
        return c -> {
            double norm = Vectors.norm(c.gradient());
            return norm < tolerance
                    ? new Stop(StopReason.GRADIENT_BELOW_TOLERANCE,
                               String.format(Locale.ROOT, "‖∇J‖ = %.3g < %.3g", norm, tolerance))
                    : null;
        };
    }
}
