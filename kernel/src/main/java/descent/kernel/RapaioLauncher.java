package descent.kernel;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.LogManager;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.MessageHandler;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;
import org.rapaio.jupyter.kernel.message.MessageType;

/**
 * The course kernelspec's entry point when IJava is not installed: starts rapaio-jupyter-kernel the way
 * its own {@code MainApp} does, but completes the kernel's initialisation before it serves, and gives it
 * a working interrupt.
 *
 * <ul>
 *   <li>the handler table is a {@link HandlerGate} before the sockets are bound, so an early request
 *       waits instead of killing the shell thread;</li>
 *   <li>each loop thread (shell, control, heartbeat) is checked and restarted if it lost the start race
 *       ({@link LoopThreads});</li>
 *   <li>the shell and the control thread each run only their own after-actions ({@link PerThreadActions});</li>
 *   <li>interrupt stops the cell, however early it comes, and keeps the engine ({@link Interrupts});</li>
 *   <li>the requests rapaio answers against Jupyter's messaging specification are answered as it asks
 *       ({@link ProtocolReplies}, {@link Inspector}, {@link PlainText});</li>
 *   <li>after shutdown the JVM exits at once, instead of waiting for idle engine threads;</li>
 *   <li>rapaio's start-up imports, JShell's first compilation, are evaluated while the kernel already
 *       answers Jupyter's handshake, not before it binds a socket ({@link StartupImports});</li>
 *   <li>JShell builds no class-name index ({@link CompletionIndex}), and the jars only needed to run the library
 *       go on the run-time classpath alone ({@link RuntimeClasspath}): a smaller and quicker kernel.</li>
 * </ul>
 * Measured with {@code tools/kernel_starts.py}: see the closing notes of issue 12.
 */
public final class RapaioLauncher {
    private static final List<String> LOOP_CHANNELS = List.of("shell", "control", "heartbeat");

    private RapaioLauncher() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp descent-kernel.jar:rapaio-jupyter-kernel.jar "
                    + RapaioLauncher.class.getName() + " CONNECTION_FILE");
            System.exit(2);
        }
        String mismatch = KernelVersion.mismatch();
        if (mismatch != null) {
            System.err.println("error: " + mismatch);
            System.exit(3);
        }
        try (InputStream logging = MainApp.class.getClassLoader().getResourceAsStream("logging.properties")) {
            LogManager.getLogManager().readConfiguration(logging);
        }
        ConnectionProperties connection = Transform.fromJson(Files.readString(Path.of(args[0])), ConnectionProperties.class);

        String indexed = CompletionIndex.park();  // before MainApp.kernel makes the JShell
        if (indexed != null) {
            System.err.println("note: " + indexed);
        }
        RapaioKernel kernel = MainApp.kernel;
        String runtime = RuntimeClasspath.add(kernel.javaEngine().getShell(), System.getenv(RuntimeClasspath.VARIABLE));
        if (runtime != null) {
            System.err.println("note: " + runtime);
        }
        StartupImports imports = StartupImports.start(kernel);  // while the channels open
        Channels channels = new Channels(connection);
        HandlerGate gate = new HandlerGate();
        Fields.set(channels, "handlers", gate);
        Fields.set(channels, "afterActions", new PerThreadActions());
        channels.connect(kernel);
        Map<?, ?> handlers = (Map<?, ?>) Fields.get(channels, "handlers");
        Replies replies = new Replies(channels);
        Interrupts interrupts = new Interrupts(kernel, channels, replies);
        Map<Object, Object> table = new ProtocolReplies(kernel, channels, replies).install(handlers);
        table = new Inspector(kernel.javaEngine().getShell(), JavadocIndex.load(), replies).install(table);
        table.put(MessageType.SHELL_EXECUTE_REQUEST,
                interrupts.unlessInterrupted((MessageHandler) table.get(MessageType.SHELL_EXECUTE_REQUEST)));
        table = imports.install(table);  // the requests that use JShell wait for rapaio's imports
        // outermost: a cell counts as started (and can be interrupted) from the moment the shell thread takes it
        table = interrupts.install(table);
        gate.open(new MessageIds(channels, replies).install(table));  // first of all: the shell's message id
        Fields.set(channels, "handlers", gate);
        for (String name : LOOP_CHANNELS) {
            LoopThreads.ensureServing(Fields.get(channels, name));
        }

        channels.joinUntilClose();
        System.exit(0);
    }
}
