package descent.kernel;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jdk.jshell.JShell;
import jdk.jshell.spi.ExecutionControl;

/**
 * Puts the jars that notebooks never name in their code on the kernel's run-time classpath only, not on the
 * compiler's: {@code DESCENT_RUNTIME_CLASSPATH}, {@code ;}-separated like {@code RJK_CLASSPATH}.
 *
 * <p>Why: JShell's compiler opens every jar on its classpath when it compiles the first cell (to find each
 * imported package), and keeps each jar's index for the life of the kernel. The library's dependencies that
 * its public API never mentions (fastutil alone has 12,811 entries, icu4j 5,636, guava 2,057) cost a kernel
 * about 0.4 s at start and some megabytes for as long as it lives, and a notebook's code cannot use them without
 * naming them. {@code tools/kernel.py} decides which jars are compile-time (the library and the jars of the types
 * its public API names); a test there checks that list against the library's public signatures.
 *
 * <p>JShell has no public call for a run-time-only entry; its execution control has ({@code addToClasspath}),
 * reached through {@code JShell.executionControl()}, which needs {@code --add-opens jdk.jshell/jdk.jshell}
 * (the kernelspec passes it). Without it each jar goes on both classpaths, as rapaio would do.
 */
final class RuntimeClasspath {
    static final String VARIABLE = "DESCENT_RUNTIME_CLASSPATH";

    private RuntimeClasspath() {
    }

    /** Adds the variable's jars; returns null, or a note saying they went on the compiler's classpath too. */
    static String add(JShell shell, String value) {
        List<String> jars = new ArrayList<>();
        if (value != null) {
            for (String jar : value.split(";")) {
                if (!jar.isBlank()) {
                    jars.add(jar.strip());
                }
            }
        }
        if (jars.isEmpty()) {
            return null;
        }
        try {
            Method control = JShell.class.getDeclaredMethod("executionControl");
            control.setAccessible(true);
            ExecutionControl execution = (ExecutionControl) control.invoke(shell);
            for (String jar : jars) {
                execution.addToClasspath(jar);
            }
            return null;
        } catch (ReflectiveOperationException | RuntimeException | ExecutionControl.ExecutionControlException e) {
            for (String jar : jars) {
                shell.addToClasspath(jar);
            }
            return VARIABLE + " went on the compiler's classpath too (" + e + ")";
        }
    }
}
