package descent.kernel;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.MessageHandler;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.format.ErrorFormatters;
import org.rapaio.jupyter.kernel.core.java.EvaluationInterruptedException;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControlProvider;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ControlInterruptRequest;
import org.rapaio.jupyter.kernel.message.messages.ErrorReply;
import org.rapaio.jupyter.kernel.message.messages.IOPubError;
import org.rapaio.jupyter.kernel.message.messages.IOPubExecuteInput;
import org.rapaio.jupyter.kernel.message.messages.ShellExecuteRequest;

/**
 * Interrupt (Jupyter's ■) for rapaio-jupyter-kernel: the cell ends with "interrupted" and the next cell runs,
 * whenever the interrupt comes: while the cell's code runs, while JShell still compiles it or waits for the
 * start-up imports, or just before the shell thread has taken the cell's request ({@link CellInterrupts}).
 *
 * <p>The kernel's own handler cancels the running code and then shuts down its execution engine, so every
 * later cell fails; an interrupt that came before the code started was lost (the cell then ran for ever).
 * (The cell keeps its message id while the interrupt is handled: {@link MessageIds}.) This handler instead
 * <ol>
 *   <li>marks the cell, so that its code never starts ({@link CellExecutor}; a cell marked while it waits for
 *       the start-up imports is not even compiled), and cancels the code if it runs, which releases the shell
 *       thread at once ("interrupted");</li>
 *   <li>waits until the shell thread has sent the cell's reply and "idle" itself,</li>
 *   <li>answers on the control channel ({@code status: "ok"}), and</li>
 *   <li>stops the cell's thread if it ignores the interrupt flag ({@code while (true) n++;}): Java 17's
 *       {@link Thread#stop()}, the same means JShell's own local engine uses.</li>
 * </ol>
 */
final class Interrupts {
    private static final Logger LOG = Logger.getLogger("descent-launcher");
    private static final long CELL_RELEASE_MS = 2_000;
    private static final long GRACE_MS = 300;

    private final RapaioKernel kernel;
    private final Channels channels;
    private final Replies replies;
    private final CellInterrupts cells = new CellInterrupts();
    private final CellExecutor executor;
    private volatile CountDownLatch cellDone = new CountDownLatch(0);

    Interrupts(RapaioKernel kernel, Channels channels, Replies replies) {
        this.kernel = kernel;
        this.channels = channels;
        this.replies = replies;
        Object engine = kernel.javaEngine();
        RapaioExecutionControlProvider provider =
                (RapaioExecutionControlProvider) Fields.get(engine, "controlProvider");
        RapaioExecutionControl execution = provider.getRegisteredControl((String) Fields.get(engine, "executionId"));
        if (execution == null) {
            throw new IllegalStateException("rapaio-jupyter-kernel has no execution engine registered");
        }
        this.executor = new CellExecutor((ExecutorService) Fields.get(execution, "executor"), cells);
        Fields.set(execution, "executor", executor);
    }

    /**
     * rapaio's execute handler, to be called once the cell may use JShell (after the start-up imports): a cell
     * interrupted before this point is answered "interrupted" at once, without JShell compiling it.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    MessageHandler<ShellExecuteRequest> unlessInterrupted(MessageHandler<ShellExecuteRequest> kernelHandler) {
        return m -> {
            CellInterrupts.Cell cell = cells.current();
            if (cell != null && cell.interrupted()) {
                interruptedBeforeItRan(m);
            } else {
                kernelHandler.handle(m);
            }
        };
    }

    /** What rapaio sends for an interrupted cell (its own error and reply), without evaluating the cell. */
    private void interruptedBeforeItRan(Message<ShellExecuteRequest> request) {
        int count = ((AtomicInteger) Fields.getStatic(RapaioKernel.class, "executionCount")).getAndIncrement();
        String code = request.content().code();
        channels.scheduleAfter(channels::freeMsgId);
        channels.busyThenIdle();
        channels.publish(new IOPubExecuteInput(code, count));
        EvaluationInterruptedException e = new EvaluationInterruptedException(code.trim());
        channels.publish(IOPubError.of(e, ex -> ErrorFormatters.exceptionFormat(kernel, ex)));
        channels.scheduleAfter(() -> channels.replyError(MessageType.SHELL_EXECUTE_REPLY.newError(), ErrorReply.of(kernel, e, count)));
    }

    /**
     * The handler table with execute wrapped (a cell begins when the shell thread takes it, before any wait) and
     * interrupt replaced. Install it last, outside the wrappers that make a cell wait.
     */
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
        CellInterrupts.Cell cell = cells.begin(request.getId(), request.header().sessionId(),
                CellInterrupts.date(request.header().timestamp()));
        IdleMemory.cellStarted();
        try {
            kernelHandler.handle(request);
        } finally {
            // the reply and "idle" go out here, on the shell thread, before anyone may take them
            channels.runAfterActions();
            cells.end(cell);
            done.countDown();
            IdleMemory.cellEnded();
        }
    }

    private void interrupt(Message<ControlInterruptRequest> request) {
        CellInterrupts.Cell cell = cells.interrupt(request.header().sessionId(),
                CellInterrupts.date(request.header().timestamp()));
        if (cell != null) {
            CellExecutor.Task task = executor.cancel(cell);
            if (task != null) {  // the code ran: rapaio's wait on it ends now; its reply follows at once
                try {
                    if (!cellDone.await(CELL_RELEASE_MS, TimeUnit.MILLISECONDS)) {
                        LOG.severe("[descent-launcher] the interrupted cell did not end within " + CELL_RELEASE_MS + " ms");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                stopLater(task);
            }
        }
        replies.send(request, MessageType.CONTROL_INTERRUPT_REPLY, Replies.ok());
    }

    /**
     * Code that ignores the interrupt flag keeps its thread busy after the cell was released; after a short
     * grace period its thread is stopped, off the control thread so that the next message is not delayed,
     * and only while that thread is still inside the same task (the next cell may already use the thread).
     */
    private static void stopLater(CellExecutor.Task task) {
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MS);
            } catch (InterruptedException e) {
                return;
            }
            Thread t = task.thread();
            try {
                if (task.stopIfRunning()) {
                    LOG.info("[descent-launcher] stopped " + t.getName() + ", which ignored the interrupt");
                }
            } catch (UnsupportedOperationException e) {
                LOG.severe("[descent-launcher] " + t.getName() + " ignores the interrupt and this Java cannot stop it: "
                        + "restart the kernel to free the CPU");
            }
        }, "descent-interrupt");
        stopper.setDaemon(true);
        stopper.start();
    }
}
