package descent.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

import org.rapaio.jupyter.kernel.channels.MessageHandler;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;

/**
 * rapaio's start-up imports, evaluated while the kernel already answers Jupyter instead of before.
 *
 * <p>rapaio's kernel evaluates its {@code init.jshell} ({@code import java.util.*;} …
 * {@code import static org.rapaio.jupyter.kernel.global.Global.*;}, which gives cells {@code display(...)})
 * in its constructor. That is JShell's first compilation: javac starts up, in the interpreter, for about
 * half a second, and only then are the sockets bound. Yet once a kernel serves it waits anyway: for the
 * client's {@code kernel_info} round trip and then for its output channel to fall silent (jupyter_client
 * waits 0.2 s; a browser makes round trips of its own) before the first {@code execute_request} comes.
 *
 * <p>So the launcher's jar carries an empty {@code init.jshell}, first on the class path, which rapaio's
 * constructor reads instead of its own, and this class evaluates rapaio's own script (read from rapaio's
 * jar, the whole text in one {@code eval}, as rapaio does) on a thread of its own while the channels open.
 * The session ends up with exactly rapaio's imports. Requests that use JShell (execute, complete, inspect,
 * is_complete) wait until they are in, at most {@link #MAX_WAIT_MS}; the others (kernel_info, history,
 * comm, shutdown, interrupt) are answered at once.
 *
 * <p>With {@code DESCENT_DEFER_IMPORTS=off} the imports are evaluated before the kernel serves, as rapaio does,
 * to compare start times: {@code tools/kernel_starts.py --compare-imports-first}.
 */
final class StartupImports {
    private static final Logger LOG = Logger.getLogger("descent-launcher");
    /** rapaio's start-up script, in its own jar; the launcher's jar shadows it with an empty one. */
    static final String INIT_SCRIPT = "init.jshell";
    /** Far longer than the imports take (0.3–0.6 s); a stuck evaluation must not hold the kernel for good. */
    static final long MAX_WAIT_MS = 20_000;
    private static final Set<MessageType<?>> USE_JSHELL = Set.of(
            MessageType.SHELL_EXECUTE_REQUEST, MessageType.SHELL_COMPLETE_REQUEST,
            MessageType.SHELL_INSPECT_REQUEST, MessageType.SHELL_IS_COMPLETE_REQUEST);

    private final CountDownLatch done = new CountDownLatch(1);

    private StartupImports() {
    }

    /** True unless {@code DESCENT_DEFER_IMPORTS=off}. */
    static boolean deferred() {
        return !"off".equals(System.getenv("DESCENT_DEFER_IMPORTS"));
    }

    /**
     * Starts evaluating rapaio's imports on the kernel's JShell: on a thread of its own, or, with
     * {@code DESCENT_DEFER_IMPORTS=off}, here and now. Call right after the kernel is made, before its channels.
     */
    static StartupImports start(RapaioKernel kernel) throws Exception {
        JShell shell = kernel.javaEngine().getShell();
        return start(() -> evaluate(shell), deferred());
    }

    /** Runs {@code imports} on a thread of its own when {@code deferred}, else here and now. */
    static StartupImports start(Work imports, boolean deferred) throws Exception {
        StartupImports started = new StartupImports();
        if (!deferred) {
            imports.run();
            started.done.countDown();
            return started;
        }
        Thread thread = new Thread(() -> {
            try {
                imports.run();
            } catch (Throwable e) { // the cells then run without rapaio's imports, and say so when they need one
                LOG.severe("[descent-launcher] rapaio's start-up imports failed: " + e);
            } finally {
                started.done.countDown();
            }
        }, "descent-startup-imports");
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    /** What evaluates the imports. */
    interface Work {
        void run() throws Exception;
    }

    /** The handler table with the JShell requests waiting for the imports. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<Object, Object> install(Map<?, ?> handlers) {
        Map<Object, Object> table = new HashMap<>(handlers);
        for (MessageType<?> type : USE_JSHELL) {
            MessageHandler handler = (MessageHandler) handlers.get(type);
            if (handler != null) {
                table.put(type, (MessageHandler) m -> {
                    awaitDone();
                    handler.handle((Message) m);
                });
            }
        }
        return table;
    }

    boolean isDone() {
        return done.getCount() == 0;
    }

    /** Evaluates rapaio's own {@code init.jshell} the way its {@code JavaEngine.initialize} does. */
    static void evaluate(JShell shell) throws IOException {
        String script = script();
        if (script.isBlank()) {
            return;
        }
        for (SnippetEvent e : shell.eval(script)) {
            if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
                throw new IllegalStateException("rapaio's " + INIT_SCRIPT + " did not evaluate: " + e);
            }
        }
    }

    /** The text of {@code init.jshell} in rapaio's jar (not the launcher's empty one that shadows it). */
    static String script() throws IOException {
        URL rapaio = RapaioKernel.class.getProtectionDomain().getCodeSource().getLocation();
        Enumeration<URL> found = StartupImports.class.getClassLoader().getResources(INIT_SCRIPT);
        while (found.hasMoreElements()) {
            URL url = found.nextElement();
            if (url.toString().startsWith("jar:" + rapaio + "!")) {
                try (InputStream in = url.openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalStateException("rapaio-jupyter-kernel's jar (" + rapaio + ") has no " + INIT_SCRIPT);
    }

    private void awaitDone() {
        try {
            if (!done.await(MAX_WAIT_MS, TimeUnit.MILLISECONDS)) {
                LOG.warning("[descent-launcher] start-up imports still running after " + MAX_WAIT_MS + " ms; not waiting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
