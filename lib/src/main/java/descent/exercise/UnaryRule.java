package descent.exercise;

import descent.autodiff.Value;

/** A student's backward rule of a one-input operation out = f(a): add f'(a) · out's gradient into a's gradient. */
@FunctionalInterface
public interface UnaryRule {
    void propagate(Value a, Value out);
}
