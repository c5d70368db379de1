package descent.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import jdk.jshell.JShell;

/**
 * Starts IJava (conda-forge's {@code ijava} 1.4.0, the JaneliaSciComp fork of SpencerPark's kernel) as its own
 * {@code io.github.spencerpark.ijava.IJava.main} does, with the course's mends; the kernelspec that
 * {@code tools/kernel.py} writes runs it with IJava's jar on the class path in place of {@code java -jar ijava.jar}.
 *
 * <ul>
 *   <li>■ ends a runaway cell, whatever its loop does, and the next cell runs ({@link IJavaInterrupts}).</li>
 *   <li>JShell builds no class-name index ({@link CompletionIndex}), and the jars only needed to run the library
 *       go on the run-time classpath alone ({@link RuntimeClasspath}, {@code DESCENT_RUNTIME_CLASSPATH}, ';'):
 *       the same lean JShell as on the rapaio kernel.</li>
 * </ul>
 *
 * <p>IJava is on no Maven repository, so its own classes are reached by name ({@link #KERNEL_CLASS},
 * {@link #MAIN_CLASS}); the channels and the base kernel it is built on are jupyter-jvm-basekernel 2.3.0 (IJava's
 * build.gradle), which IJava's jar carries and this class is compiled against.
 */
public final class IJavaLauncher {
    static final String MAIN_CLASS = "io.github.spencerpark.ijava.IJava";
    static final String KERNEL_CLASS = "io.github.spencerpark.ijava.JavaKernel";

    private IJavaLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp descent-kernel.jar:ijava.jar " + IJavaLauncher.class.getName()
                    + " CONNECTION_FILE");
            System.exit(2);
        }
        String contents = Files.readString(Path.of(args[0]));
        JupyterSocket.JUPYTER_LOGGER.setLevel(Level.WARNING);  // as IJava's main

        note(CompletionIndex.park());  // before the kernel makes its JShell
        BaseKernel kernel = (BaseKernel) Class.forName(KERNEL_CLASS).getConstructor().newInstance();
        // IJava.getKernelInstance() is what display(...) in a cell reaches the kernel by
        Fields.setStatic(Class.forName(MAIN_CLASS), "kernel", kernel);
        Object evaluator = Fields.get(kernel, "evaluator");
        JShell shell = (JShell) evaluator.getClass().getMethod("getShell").invoke(evaluator);
        note(RuntimeClasspath.add(shell, System.getenv(RuntimeClasspath.VARIABLE)));

        JupyterConnection connection = new JupyterConnection(KernelConnectionProperties.parse(contents));
        kernel.becomeHandlerForConnection(connection);
        new IJavaInterrupts(kernel).install(connection);
        connection.connect();
        connection.waitUntilClose();

        Fields.setStatic(Class.forName(MAIN_CLASS), "kernel", null);
        System.exit(0);
    }

    private static void note(String text) {
        if (text != null) {
            System.err.println("note: " + text);
        }
    }
}
