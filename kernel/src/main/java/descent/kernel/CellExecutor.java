package descent.kernel;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * The executor on which rapaio's execution engine runs a cell's code, in place of its own thread pool.
 *
 * <p>{@code RapaioExecutionControl} submits each snippet's code here once JShell has compiled it, and waits on
 * the future; a cancelled future ends the cell with rapaio's "interrupted" error. So the engine's code runs
 * only if the current cell has not been interrupted ({@link CellInterrupts}): a marked cell's code is refused
 * at this point, the last before it would start. The check and the hand-over of the task happen under the
 * cell's lock, the same lock the interrupt takes to mark the cell and find its task, so an interrupt either
 * sees the task (and cancels it) or is seen here; it cannot fall between them. The thread that runs the task
 * is known exactly, for {@link Interrupts} to stop when the code ignores the interrupt flag.
 */
final class CellExecutor extends AbstractExecutorService {

    /** A snippet's code on its way: its future and, while it runs, its thread. */
    static final class Task {
        private final FutureTask<Object> future;
        private Thread thread;
        private boolean finished;

        Task(Callable<Object> code) {
            this.future = new FutureTask<>(() -> {
                synchronized (this) {
                    if (finished) {
                        return null;
                    }
                    thread = Thread.currentThread();
                }
                try {
                    return code.call();
                } finally {
                    synchronized (this) {
                        thread = null;
                        finished = true;
                    }
                }
            });
        }

        Future<Object> future() {
            return future;
        }

        /** The thread running the code, or null once it has ended (or before it started). */
        synchronized Thread thread() {
            return thread;
        }

        /**
         * Stops the task's thread if it is still inside this task's code. Under the task's lock, so the thread
         * cannot leave the code (and start the next cell's) between the check and the stop.
         */
        @SuppressWarnings({"deprecation", "removal"})
        synchronized boolean stopIfRunning() {
            if (thread == null) {
                return false;
            }
            thread.stop();
            return true;
        }
    }

    private final ExecutorService threads;
    private final CellInterrupts cells;
    /** The task of each cell (one snippet at a time runs; a cell's snippets follow each other). */
    private final java.util.Map<CellInterrupts.Cell, Task> running = new java.util.concurrent.ConcurrentHashMap<>();

    CellExecutor(ExecutorService threads, CellInterrupts cells) {
        this.threads = threads;
        this.cells = cells;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Future<T> submit(Callable<T> code) {
        CellInterrupts.Cell cell = cells.current();
        Task task = new Task((Callable<Object>) code);
        if (cell == null) {  // rapaio's start-up imports, or code outside any cell
            threads.execute(task.future);
            return (Future<T>) task.future;
        }
        synchronized (cell) {
            if (cell.interrupted()) {
                CompletableFuture<T> refused = new CompletableFuture<>();
                refused.cancel(false);
                return refused;
            }
            running.put(cell, task);
        }
        threads.execute(() -> {
            try {
                task.future.run();
            } finally {
                running.remove(cell, task);
            }
        });
        return (Future<T>) task.future;
    }

    /**
     * Marks {@code cell} interrupted (by the caller, under the cell's lock) and cancels the task it runs, if any:
     * returns that task, or null when the cell's code has not started (it then never will).
     */
    Task cancel(CellInterrupts.Cell cell) {
        Task task;
        synchronized (cell) {
            cell.markInterrupted();
            task = running.get(cell);
        }
        if (task != null) {
            task.future.cancel(true);
        }
        return task;
    }

    @Override
    public void execute(Runnable command) {
        threads.execute(command);
    }

    @Override
    public void shutdown() {
        threads.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return threads.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return threads.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return threads.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return threads.awaitTermination(timeout, unit);
    }
}
