package descent.exercise;

import descent.autodiff.Value;

/**
 * A student's backward rule of a two-input operation out = f(a, b): add ∂f/∂a · out's gradient into a's
 * gradient and ∂f/∂b · out's gradient into b's ({@link Value#addGrad}), as {@code descent.autodiff.BackwardRule}
 * does for the library's own operations.
 */
@FunctionalInterface
public interface BinaryRule {
    void propagate(Value a, Value b, Value out);
}
