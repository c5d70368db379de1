package descent.kernel;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives a notebook kernel's memory back when the kernel is idle: a Java agent ({@code -javaagent:descent-kernel.jar},
 * in the kernelspec of either kernel, IJava or rapaio) whose daemon thread runs one full collection
 * <ol>
 *   <li>{@link #AFTER_CELL_MS} after the last cell ended, when no cell has started since: the student is reading,
 *       though the JVM may still be busy with work of its own (the JIT compiling the cells' code, the gradient
 *       core's SIMD warm-up thread, which may run for several seconds after the notebook's last cell); and</li>
 *   <li>again once the whole process has used next to no CPU for {@link #QUIET_MS}: that background work has
 *       settled, and the garbage and heap growth it left are given back too.</li>
 * </ol>
 * Either needs {@link #WORK_NS} of CPU used since the last collection, so an idle kernel is never collected twice.
 * The launchers ({@link IJavaLauncher}, {@link RapaioLauncher}) report cells through {@link #cellStarted()} and
 * {@link #cellEnded()}; under a kernel without them only the second rule applies.
 *
 * <p>Why: a JVM keeps the heap it grew to while a cell ran. The serial collector the kernelspec selects shrinks
 * the heap to the live data plus {@code MaxHeapFreeRatio} after a full collection, and
 * {@code TrimNativeHeapInterval} hands freed native memory back to the system; nothing else would run that
 * collection while the kernel waits for the student. A kernel left open in a tab then holds its live data, not
 * the peak of its busiest cell. G1's periodic collection ({@code G1PeriodicGCInterval}) would do the same, but G1
 * costs about 35 MB more per kernel (its remembered sets and marking bitmaps) at these heap sizes.
 */
public final class IdleMemory implements Runnable {
    /** The window over which the process must have been quiet before it collects. */
    static final long QUIET_MS = 2000;
    /** How long after the last cell ended, with none started since, the kernel counts as idle. */
    static final long AFTER_CELL_MS = 1000;
    /**
     * Share of one core below which the process counts as quiet over that window: an idle kernel uses about
     * 1 % (its heartbeat, its socket threads); the process CPU clock ticks in steps of 10 ms, so the share is
     * judged over the whole window, never over one tick.
     */
    static final double QUIET_CPU_SHARE = 0.05;
    /** CPU time the process must have used since the last collection before it collects again. */
    static final long WORK_NS = 200_000_000L;
    private static final int TICK_MS = 250;

    private static final AtomicInteger CELLS_RUNNING = new AtomicInteger();
    /** System.nanoTime() when the last cell ended; a cell counts once a collection has seen it ended. */
    private static volatile long lastCellEnd;
    private static volatile boolean cellEndedSinceCollection;

    private final com.sun.management.OperatingSystemMXBean os;

    private IdleMemory(com.sun.management.OperatingSystemMXBean os) {
        this.os = os;
    }

    /** A launcher's execute handler calls this as a cell begins. */
    public static void cellStarted() {
        CELLS_RUNNING.incrementAndGet();
    }

    /** A launcher's execute handler calls this once the cell's reply is sent (after every {@link #cellStarted()}). */
    public static void cellEnded() {
        lastCellEnd = System.nanoTime();
        cellEndedSinceCollection = true;
        CELLS_RUNNING.decrementAndGet();
    }

    /** The agent's entry point: starts the watcher; a JVM without the process CPU clock gets none. */
    public static void premain(String args) {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
                || os.getProcessCpuTime() < 0) {
            return;
        }
        Thread watcher = new Thread(new IdleMemory(os), "descent-idle-memory");
        watcher.setDaemon(true);
        watcher.setPriority(Thread.MIN_PRIORITY);
        watcher.start();
    }

    /**
     * The rule: whether to collect now.
     *
     * @param workNs        CPU the process used since the last collection
     * @param quiet         whether the process used under {@link #QUIET_CPU_SHARE} of a core over {@link #QUIET_MS}
     * @param cellsRunning  cells running now
     * @param sinceCellMs   ms since a cell ended that no collection has followed yet, or -1 for none
     */
    static boolean shouldCollect(long workNs, boolean quiet, int cellsRunning, long sinceCellMs) {
        if (workNs <= WORK_NS) return false;
        return quiet || cellsRunning == 0 && sinceCellMs >= AFTER_CELL_MS;
    }

    @Override
    public void run() {
        int window = (int) (QUIET_MS / TICK_MS);
        long[] cpuAt = new long[window]; // the process CPU time at each of the last `window` ticks, a ring
        java.util.Arrays.fill(cpuAt, os.getProcessCpuTime());
        long cpuAtCollection = cpuAt[0];
        for (int tick = 0; ; tick++) {
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                return;
            }
            long cpu = os.getProcessCpuTime();
            long windowAgo = cpuAt[tick % window];
            cpuAt[tick % window] = cpu;
            boolean quiet = cpu - windowAgo < QUIET_CPU_SHARE * QUIET_MS * 1_000_000;
            long sinceCell = cellEndedSinceCollection ? (System.nanoTime() - lastCellEnd) / 1_000_000 : -1;
            if (shouldCollect(cpu - cpuAtCollection, quiet, CELLS_RUNNING.get(), sinceCell)) {
                cellEndedSinceCollection = false;
                System.gc();
                cpuAtCollection = os.getProcessCpuTime();
                java.util.Arrays.fill(cpuAt, cpuAtCollection); // the collection's own time is not work
            }
        }
    }
}
