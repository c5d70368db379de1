package descent.kernel;

import java.lang.reflect.Field;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

/**
 * Keeps JShell from building its class-name index, which would cost every kernel about 30 MB of heap for as long
 * as it lives, and a second busy thread while it starts.
 *
 * <p>JShell's {@code SourceCodeAnalysisImpl} (made on the first {@code sourceCodeAnalysis()}, which rapaio calls to
 * split each cell into snippets, and again on each classpath change) hands a task to its one indexing thread, a
 * static single-thread executor {@code INDEXER}: the task walks the JDK image and every classpath jar and keeps, in
 * a static map, each simple class name's qualified names (JDK 17 with the course's 31 jars: about 33,000 sets). The
 * index serves only Tab completion of package names after {@code import}. Completion of members, of imported and
 * {@code java.lang} types, and compilation do not read it (checked: {@code Math.ab}, {@code s.toUpper},
 * {@code ArrayLi}, {@code Datasets.} still complete).
 *
 * <p>{@link #park()} gives that thread, before any JShell exists, a first task that never ends; the index tasks
 * queue behind it and never run. The class is not exported by {@code jdk.jshell}: the kernelspec opens the package
 * to the launcher ({@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED}). Without that flag, or on a JDK whose
 * JShell differs, the kernel runs as before, with the index.
 */
final class CompletionIndex {
    private CompletionIndex() {
    }

    /** Occupies JShell's indexing thread for good; returns null, or why it could not (the kernel then indexes). */
    static String park() {
        try {
            Field indexer = Class.forName("jdk.jshell.SourceCodeAnalysisImpl").getDeclaredField("INDEXER");
            indexer.setAccessible(true);
            CountDownLatch never = new CountDownLatch(1);
            ((ExecutorService) indexer.get(null)).submit(() -> {
                while (true) {
                    try {
                        never.await();
                    } catch (InterruptedException ignored) {
                        // the thread is JShell's, and it is to stay parked
                    }
                }
            });
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "JShell's class-name index is built (" + e + ")";
        }
    }
}
