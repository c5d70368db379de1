package descent.kernel;

import java.time.Duration;
import java.util.logging.Logger;

import org.rapaio.jupyter.kernel.channels.LoopThread;

/**
 * Makes sure a channel's loop thread is serving, and replaces it if it lost rapaio's start-up race.
 *
 * <p>{@code LoopThread.start()} starts the thread before it sets {@code running = true}, so the new
 * thread can read {@code running == false} and end at once: a dead shell thread is a kernel that never
 * answers, a dead control thread one that ignores interrupt and shutdown. Which way the race went is
 * decided by the thread itself and can be told apart without guessing: a thread whose stack has a frame
 * below {@code LoopThread.run} (its loop body or its sleep) read {@code true} and serves until shutdown;
 * a terminated thread read {@code false}. A replacement gets {@code running = true} before it starts.
 */
final class LoopThreads {
    private static final Logger LOG = Logger.getLogger("descent-launcher");
    private static final Duration DECIDE_WITHIN = Duration.ofSeconds(20);

    private LoopThreads() {
    }

    /**
     * Returns true when {@code channel}'s loop thread already served, false when it was replaced.
     *
     * @param channel an object with a {@code loopThread} field (rapaio's shell, control and heartbeat channels)
     */
    static boolean ensureServing(Object channel) {
        LoopThread thread = (LoopThread) Fields.get(channel, "loopThread");
        if (entersLoop(thread)) {
            return true;
        }
        LoopThread replacement = new LoopThread(thread.getName(), (Long) Fields.get(thread, "sleep"),
                (Runnable) Fields.get(thread, "loopBody"));
        Fields.set(replacement, "running", true);
        replacement.start();
        Fields.set(channel, "loopThread", replacement);
        LOG.info("[descent-launcher] " + thread.getName() + " had ended at start (rapaio's LoopThread race): restarted");
        return false;
    }

    /** True once {@code thread} is inside its loop, false once it has ended without entering it. */
    static boolean entersLoop(Thread thread) {
        long deadline = System.nanoTime() + DECIDE_WITHIN.toNanos();
        while (true) {
            if (thread.getState() == Thread.State.TERMINATED) {
                return false;
            }
            StackTraceElement[] stack = thread.getStackTrace();
            for (int i = 1; i < stack.length; i++) {
                if (stack[i].getClassName().equals(LoopThread.class.getName()) && stack[i].getMethodName().equals("run")) {
                    return true;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(thread.getName() + " neither entered its loop nor ended within "
                        + DECIDE_WITHIN.toSeconds() + " s");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
