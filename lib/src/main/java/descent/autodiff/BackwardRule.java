package descent.autodiff;

/**
 * How one operation passes its output's gradient back to its inputs: the chain rule for that
 * operation alone. For out = f(a, b) it adds ∂f/∂a · out.grad to a's gradient and ∂f/∂b · out.grad to
 * b's. It <b>adds</b>, never assigns: an input used by several operations receives a share from each,
 * and the sum of the shares is its gradient (the multivariable chain rule).
 */
@FunctionalInterface
public interface BackwardRule {

    /** Adds this operation's share of {@code out}'s gradient into the gradients of its inputs. */
    void propagate(Value out);
}
