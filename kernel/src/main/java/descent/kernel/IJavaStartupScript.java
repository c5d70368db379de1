package descent.kernel;

import java.util.logging.Logger;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.messages.MessageType;

/**
 * IJava's start-up script ({@code import java.util.*;} … {@code import static …Display.*;}, which gives cells
 * {@code display(...)}), evaluated while the kernel answers Jupyter's handshake instead of with the first cell.
 *
 * <p>IJava's {@code CodeEvaluator} evaluates its start-up scripts in its first {@code eval}, that of the student's
 * first cell: JShell's first compilation, javac starting up in the interpreter, is then paid by that cell. Yet
 * after the kernel serves, the client waits anyway (the {@code kernel_info} round trip, then for the output
 * channel to fall silent) before it sends the first cell. This class makes that first {@code eval} an empty one on
 * a thread of its own, right after the channels open; {@code eval("")} runs the scripts and nothing else.
 *
 * <p>JShell is not safe for two threads at once. IJava's base kernel handles execute requests holding the
 * kernel's monitor ({@code BaseKernel.handleExecuteRequest} is synchronized); the evaluation holds it too, and
 * so do the complete, inspect and is_complete handlers, which this class wraps: a request that uses JShell
 * waits until the script is in. The others (kernel_info, interrupt, shutdown, comm) are answered at once.
 * {@code DESCENT_DEFER_IMPORTS=off} leaves IJava's own order, to compare start times
 * ({@code tools/kernel_starts.py --compare-imports-first}).
 */
final class IJavaStartupScript {
    private static final Logger LOG = Logger.getLogger("descent-launcher");

    private IJavaStartupScript() {
    }

    /** Wraps the handlers that use JShell; call before the channels open. */
    static void guard(JupyterConnection connection, BaseKernel kernel) {
        guard(connection, kernel, MessageType.COMPLETE_REQUEST);
        guard(connection, kernel, MessageType.INSPECT_REQUEST);
        guard(connection, kernel, MessageType.IS_COMPLETE_REQUEST);
    }

    private static <T> void guard(JupyterConnection connection, BaseKernel kernel, MessageType<T> type) {
        ShellHandler<T> handler = connection.getHandler(type);
        if (handler == null) {
            throw new IllegalStateException("IJava registered no " + type.getName() + " handler");
        }
        connection.setHandler(type, (env, message) -> {
            synchronized (kernel) {
                handler.handle(env, message);
            }
        });
    }

    /** Starts evaluating the start-up scripts (IJava's {@code CodeEvaluator.eval("")}) unless deferral is off. */
    static void start(BaseKernel kernel, Object evaluator) {
        if ("off".equals(System.getenv("DESCENT_DEFER_IMPORTS"))) {  // as StartupImports, which needs rapaio's classes
            return;
        }
        Thread thread = new Thread(() -> {
            synchronized (kernel) {
                try {
                    evaluator.getClass().getMethod("eval", String.class).invoke(evaluator, "");
                } catch (ReflectiveOperationException | RuntimeException e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    LOG.severe("[descent-launcher] IJava's start-up script failed: " + cause);
                }
            }
        }, "descent-startup-script");
        thread.setDaemon(true);
        thread.start();
    }
}
