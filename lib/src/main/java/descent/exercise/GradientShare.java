package descent.exercise;

import java.util.Map;

/**
 * One step of a backward pass kept in a table of gradients, node name → d(result)/d(node): the share
 * {@code share} that one use of {@code node} passes back is entered into {@code grad}.
 */
@FunctionalInterface
public interface GradientShare {
    void enter(Map<String, Double> grad, String node, double share);
}
