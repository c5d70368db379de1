package descent.autodiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.ToIntFunction;

/**
 * The nodes of a computation graph that a result depends on, every node after all of its inputs
 * (a topological order: Cormen et al., <i>Introduction to Algorithms</i>, §22.4, depth-first search).
 * The backward pass walks this list from the end, so each node's gradient is complete before it is
 * passed on.
 *
 * <p>Depth-first search with a stack of its own, not recursion: micrograd's recursive
 * {@code build_topo} overflows the call stack on a chain of about a thousand nodes in Python, and
 * recursion in Java on a chain of some ten thousand; here a chain of a million is only a longer list.
 * A node is marked as seen with a number stored in the node (a new number per search), not in a hash
 * set: two nodes holding the same number are still two nodes, and a million-node search does no hashing.
 * One search at a time per graph: graphs are not meant to be shared between threads.
 */
final class TopologicalOrder {
    private static final AtomicInteger SEARCHES = new AtomicInteger();

    private TopologicalOrder() {}

    /**
     * Every node {@code root} depends on, and root itself last; each node after all of its inputs.
     * {@code mark} reads a node's mark and {@code setMark} writes it.
     */
    static <N> List<N> of(N root, Function<N, List<N>> inputs, ToIntFunction<N> mark, ObjIntConsumer<N> setMark) {
        int search = SEARCHES.incrementAndGet();
        if (search == 0) search = SEARCHES.incrementAndGet();  // after 2³² searches: 0 is a fresh node's mark
        List<N> order = new ArrayList<>();
        List<N> path = new ArrayList<>();   // the stack: nodes whose inputs are being placed
        int[] next = new int[16];            // next[d]: how many inputs of path[d] have been looked at
        path.add(root);
        setMark.accept(root, search);
        while (!path.isEmpty()) {
            int depth = path.size() - 1;
            N node = path.get(depth);
            List<N> in = inputs.apply(node);
            if (next[depth] < in.size()) {
                N input = in.get(next[depth]++);
                if (mark.applyAsInt(input) != search) {
                    setMark.accept(input, search);
                    if (path.size() == next.length) next = Arrays.copyOf(next, 2 * next.length);
                    next[path.size()] = 0;
                    path.add(input);
                }
            } else {  // every input is placed: the node can follow them
                path.remove(depth);
                order.add(node);
            }
        }
        return order;
    }

    /** The same nodes, the result first: the order in which the backward pass visits them. */
    static <N> List<N> reversed(N root, Function<N, List<N>> inputs, ToIntFunction<N> mark, ObjIntConsumer<N> setMark) {
        List<N> order = of(root, inputs, mark, setMark);
        Collections.reverse(order);
        return order;
    }
}
