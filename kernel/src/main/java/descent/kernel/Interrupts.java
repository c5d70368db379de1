package descent.kernel;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.rapaio.jupyter.kernel.channels.AbstractChannel;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.MessageHandler;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControlProvider;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageId;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ControlInterruptReply;
import org.rapaio.jupyter.kernel.message.messages.ControlInterruptRequest;
import org.rapaio.jupyter.kernel.message.messages.ShellExecuteRequest;

/**
 * Interrupt (Jupyter's ■) for rapaio-jupyter-kernel: the running cell ends with "interrupted" and the
 * next cell runs.
 *
 * <p>The kernel's own handler cancels the cell and then shuts down its execution engine, so every later
 * cell fails; it also runs on the control thread while the shell thread is still in the cell, and both
 * share one "current message", so the cell's reply could go out under the interrupt's id and the
 * notebook wait for it forever. This handler instead
 * <ol>
 *   <li>gives the running cell its message id back (the control loop has just pointed it at the interrupt),</li>
 *   <li>cancels the cell's task, which releases the shell thread at once ("interrupted"),</li>
 *   <li>waits until the shell thread has run the cell's after-actions itself (reply, idle),</li>
 *   <li>answers on the control channel, and</li>
 *   <li>stops the user's thread if it ignores the interrupt flag ({@code while (true) n++;}): Java 17's
 *       {@link Thread#stop()}, the same means JShell's own local engine uses.</li>
 * </ol>
 */
final class Interrupts {
    private static final Logger LOG = Logger.getLogger("descent-launcher");
    private static final long CELL_RELEASE_MS = 2_000;
    private static final long GRACE_MS = 300;

    private final Channels channels;
    private final AbstractChannel control;
    private final RapaioExecutionControl execution;
    private volatile MessageId<?> runningCell;
    private volatile CountDownLatch cellDone = new CountDownLatch(0);

    Interrupts(RapaioKernel kernel, Channels channels) {
        this.channels = channels;
        this.control = (AbstractChannel) Fields.get(channels, "control");
        Object engine = kernel.javaEngine();
        RapaioExecutionControlProvider provider =
                (RapaioExecutionControlProvider) Fields.get(engine, "controlProvider");
        this.execution = provider.getRegisteredControl((String) Fields.get(engine, "executionId"));
        if (execution == null) {
            throw new IllegalStateException("rapaio-jupyter-kernel has no execution engine registered");
        }
    }

    /** The kernel's handler table with execute wrapped (to know the running cell) and interrupt replaced. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<Object, Object> install(Map<?, ?> kernelHandlers) {
        Map<Object, Object> table = new HashMap<>(kernelHandlers);
        MessageHandler execute = (MessageHandler) kernelHandlers.get(MessageType.SHELL_EXECUTE_REQUEST);
        if (execute == null) {
            throw new IllegalStateException("rapaio-jupyter-kernel registered no execute_request handler");
        }
        table.put(MessageType.SHELL_EXECUTE_REQUEST, (MessageHandler<ShellExecuteRequest>) m -> execute(execute, m));
        table.put(MessageType.CONTROL_INTERRUPT_REQUEST, (MessageHandler<ControlInterruptRequest>) this::interrupt);
        return table;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void execute(MessageHandler kernelHandler, Message<ShellExecuteRequest> request) {
        CountDownLatch done = new CountDownLatch(1);
        cellDone = done;
        runningCell = request.getId();
        try {
            kernelHandler.handle(request);
        } finally {
            // the reply and "idle" go out here, on the shell thread, before anyone may take them
            channels.runAfterActions();
            runningCell = null;
            done.countDown();
        }
    }

    private void interrupt(Message<ControlInterruptRequest> request) {
        MessageId<?> cell = runningCell;
        if (cell != null) {
            channels.setMsgId(cell);
            Map<Thread, String> userThreads = threadsRunningUserCode();
            execution.interrupt();
            try {
                if (!cellDone.await(CELL_RELEASE_MS, TimeUnit.MILLISECONDS)) {
                    LOG.severe("[descent-launcher] the interrupted cell did not end within " + CELL_RELEASE_MS + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopLater(userThreads);
        }
        control.sendMessage(new Message<>(request.getId(), MessageType.CONTROL_INTERRUPT_REPLY, new ControlInterruptReply()));
    }

    /** Threads inside a cell's code, each with the snippet it runs (JShell compiles each cell into its own class). */
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
     * The snippet a stack is running: the frame the engine's task called by reflection, or null when the
     * stack does not pass through the engine's task.
     */
    static String snippetOf(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            if (stack[i].getClassName().equals(RapaioExecutionControl.class.getName())
                    && stack[i].getMethodName().startsWith("lambda$execute")) {
                for (int j = i - 1; j >= 0; j--) {
                    String c = stack[j].getClassName();
                    if (!c.startsWith("jdk.internal.reflect.") && !c.equals("java.lang.reflect.Method")) {
                        return c + "." + stack[j].getMethodName();
                    }
                }
                return "";
            }
        }
        return null;
    }

    /**
     * A cell that ignores the interrupt flag keeps its thread busy after the cell was released; after a
     * short grace period it is stopped, off the control thread so that the next message is not delayed,
     * and only while that thread still runs the same snippet (the next cell may already use the thread).
     */
    private static void stopLater(Map<Thread, String> userThreads) {
        if (userThreads.isEmpty()) {
            return;
        }
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MS);
            } catch (InterruptedException e) {
                return;
            }
            userThreads.forEach((t, snippet) -> {
                if (snippet.equals(snippetOf(t.getStackTrace()))) {
                    stop(t);
                }
            });
        }, "descent-interrupt");
        stopper.setDaemon(true);
        stopper.start();
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread t) {
        try {
            t.stop();
            LOG.info("[descent-launcher] stopped " + t.getName() + ", which ignored the interrupt");
        } catch (UnsupportedOperationException e) {
            LOG.severe("[descent-launcher] " + t.getName() + " ignores the interrupt and this Java cannot stop it: "
                    + "restart the kernel to free the CPU");
        }
    }
}
