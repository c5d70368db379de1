package descent.kernel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Stack;

/**
 * rapaio's stack of after-actions, one per thread.
 *
 * <p>{@code Channels} keeps one stack of actions to run after a message is handled (send the reply,
 * publish "idle", restore {@code System.out}), and both the shell and the control thread push onto it
 * and empty it. A control message handled while a cell runs, or just after, therefore ran the cell's
 * actions on the wrong thread and at the wrong time: the cell's reply went out early or under another
 * message's id, and its output lost its parent. Each thread now sees only the actions it pushed.
 * Only the methods {@code Channels} calls ({@code push}, {@code pop}, {@code isEmpty}) are per thread.
 */
final class PerThreadActions extends Stack<Runnable> {
    private static final long serialVersionUID = 1L;
    private final transient ThreadLocal<Deque<Runnable>> actions = ThreadLocal.withInitial(ArrayDeque::new);

    @Override
    public Runnable push(Runnable action) {
        actions.get().push(action);
        return action;
    }

    @Override
    public synchronized Runnable pop() {
        return actions.get().pop();
    }

    @Override
    public boolean isEmpty() {
        return actions.get().isEmpty();
    }

    @Override
    public synchronized int size() {
        return actions.get().size();
    }
}
