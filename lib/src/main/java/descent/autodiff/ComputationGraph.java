package descent.autodiff;

import java.util.List;

/**
 * A scalar computation graph as data, for a picture or a table: its nodes in topological order
 * (inputs before the operations that use them, the result last) and its edges from each input to
 * the operation that used it. Built by {@link Value#graph()}; holds numbers, not the live nodes.
 *
 * @param nodes every node, {@code nodes.get(k).id() == k}
 * @param edges one per use of a node as an input (a node used twice by one operation has two)
 */
public record ComputationGraph(List<Node> nodes, List<Edge> edges) {

    public ComputationGraph {
        nodes = entries("nodes", nodes);
        edges = entries("edges", edges);
    }

    private static <T> List<T> entries(String name, List<T> given) {
        descent.Check.notNull(name, given);
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null) {
                throw new IllegalArgumentException(name + "[" + i + "] is null: every entry is required");
            }
        }
        return List.copyOf(given);
    }

    /**
     * One node: its position, its label ("" when it has none), the operation that made it ("" for an
     * input), its value and its gradient.
     */
    public record Node(int id, String label, String op, double data, double grad) {
        /** The label, or the operation, or "input": what a picture writes in the box. */
        public String name() {
            return !label.isEmpty() ? label : !op.isEmpty() ? op : "input";
        }
    }

    /** Node {@code from} is an input of node {@code to}. */
    public record Edge(int from, int to) {}

    /** The result: the last node. */
    public Node result() {
        return nodes.get(nodes.size() - 1);
    }
}
