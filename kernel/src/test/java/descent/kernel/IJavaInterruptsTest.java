package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The stack test by which IJava's interrupt finds a cell's thread (IJava itself is on no Maven repository: the
 * interrupt as a whole is tested on a running IJava kernel by tools/tests/test_kernel.py).
 */
class IJavaInterruptsTest {
    private static final String TASK = IJavaInterrupts.EXECUTION_CONTROL;

    @Test
    void snippetOfNamesTheStatementRunningOnIJavasExecutor() {
        StackTraceElement[] cell = {
            new StackTraceElement("java.lang.Thread", "sleep", null, -2),
            new StackTraceElement("REPL.$JShell$13", "do_it$", null, 15),
            new StackTraceElement("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -2),
            new StackTraceElement("jdk.internal.reflect.DelegatingMethodAccessorImpl", "invoke", null, 43),
            new StackTraceElement("java.lang.reflect.Method", "invoke", null, 568),
            new StackTraceElement(TASK, "lambda$execute$0", null, 103),
            new StackTraceElement("java.util.concurrent.FutureTask", "run", null, 264),
        };
        assertEquals("REPL.$JShell$13.do_it$", IJavaInterrupts.snippetOf(cell));
    }

    @Test
    void aThreadOutsideAStatementRunsNoSnippet() {
        StackTraceElement[] betweenStatements = {
            new StackTraceElement("java.util.concurrent.SynchronousQueue", "poll", null, 1),
            new StackTraceElement("java.util.concurrent.ThreadPoolExecutor", "getTask", null, 1),
        };
        assertNull(IJavaInterrupts.snippetOf(betweenStatements));
        StackTraceElement[] notYetInTheStatement = {
            new StackTraceElement("java.lang.reflect.Method", "invoke", null, 568),
            new StackTraceElement(TASK, "lambda$execute$0", null, 103),
        };
        assertNull(IJavaInterrupts.snippetOf(notYetInTheStatement));
        StackTraceElement[] rapaiosEngine = {
            new StackTraceElement("REPL.$JShell$12", "do_it$", null, 1),
            new StackTraceElement("java.lang.reflect.Method", "invoke", null, 568),
            new StackTraceElement("org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl", "lambda$execute$0", null, 58),
        };
        assertNull(IJavaInterrupts.snippetOf(rapaiosEngine));
    }
}
