package descent.kernel;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The message-handler table of rapaio's {@code Channels}, closed until the kernel is ready.
 *
 * <p>{@code Channels.connect()} binds the sockets and starts the loop threads first and fills its handler
 * table afterwards, so a request that arrives in between (Jupyter sends {@code kernel_info_request} as
 * soon as the port answers) met a null table: a NullPointerException that ended the shell thread and
 * left a kernel that never answers. The launcher puts this gate in the table's place before
 * {@code connect()}; a thread that asks it for a handler waits until {@link #open} hands it the finished
 * table, so the early request is served, late, instead of lost.
 */
final class HandlerGate extends AbstractMap<Object, Object> {
    private final CountDownLatch opened = new CountDownLatch(1);
    private volatile Map<Object, Object> table = Map.of();

    void open(Map<?, ?> handlers) {
        table = Map.copyOf(handlers);
        opened.countDown();
    }

    boolean isOpen() {
        return opened.getCount() == 0;
    }

    @Override
    public Object get(Object key) {
        awaitOpen();
        return table.get(key);
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        awaitOpen();
        return table.entrySet();
    }

    private void awaitOpen() {
        boolean interrupted = false;
        while (true) {
            try {
                opened.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
