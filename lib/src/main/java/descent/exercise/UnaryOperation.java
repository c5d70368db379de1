package descent.exercise;

import descent.autodiff.Value;

/** A student's operation of one input, a node of the graph made with {@link Value#operation}: its value and its rule. */
@FunctionalInterface
public interface UnaryOperation {
    Value apply(Value x);
}
