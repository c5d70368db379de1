package descent.exercise;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A check's run of the student's code, under a deadline: a loop that never ends is stopped and named, the check
 * answers, and the kernel goes on with the student's variables intact.
 *
 * <p>The check runs on a thread of its own while the cell's thread waits for it. Past the deadline the thread is
 * interrupted and, if it does not end (a {@code while} that never looks at the flag), stopped with
 * {@link Thread#stop()}, the means JShell's own local engine and the course's kernel launcher use for ■. The cell
 * then reports "your code did not return within N s". A cell that is itself interrupted (■, or the grader's
 * per-cell timeout) stops the student's thread as it goes, so nothing keeps running behind the next cell.</p>
 *
 * <p>The deadline is {@value #DEFAULT_SECONDS} s, long enough for every check's own work on a loaded machine;
 * the system property {@value #PROPERTY} or the environment variable {@value #ENV} (read at each check) change it.
 * </p>
 */
final class Deadline {
    static final String PROPERTY = "descent.deadline.seconds";
    static final String ENV = "DESCENT_DEADLINE_SECONDS";
    static final double DEFAULT_SECONDS = 10;
    private static final long STACK_BYTES = 16L << 20;  // deep recursion in a student's code: an error, not a crash
    private static final long STOP_GRACE_MS = 200;

    private Deadline() {}

    /** The student's code did not return in time. */
    static final class Missed extends RuntimeException {
        final double seconds;

        Missed(double seconds) {
            super("did not return within " + Exercise.num(seconds) + " s", null, false, false);
            this.seconds = seconds;
        }
    }

    /** The deadline in seconds: the property, else the environment variable, else the default. */
    static double seconds() {
        String given = System.getProperty(PROPERTY);
        String from = PROPERTY;
        if (given == null) {
            given = System.getenv(ENV);
            from = ENV;
        }
        if (given == null || given.isBlank()) {
            return DEFAULT_SECONDS;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(given.strip());
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds > 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException(from + " = \"" + given + "\" is invalid: it must be a number of "
                    + "seconds > 0, e.g. 10");
        }
        return seconds;
    }

    /**
     * {@code work.get()} on a thread of its own, waited for at most {@link #seconds()}: its value, or what it threw
     * (rethrown here as it was), or {@link Missed}. If this thread is interrupted while it waits, the work is
     * stopped and a {@link CancellationException} ends the check.
     */
    static <T> T call(Supplier<T> work) {
        double seconds = seconds();
        AtomicReference<T> value = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                value.set(work.get());
            } catch (Throwable t) {  // handed to the waiting thread, which rethrows it
                thrown.set(t);
            }
        }, "descent-check", STACK_BYTES);
        worker.setDaemon(true);
        worker.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        worker.start();
        boolean finished = false;
        try {
            worker.join(Math.max(1, Math.round(seconds * 1000)));
            finished = !worker.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the check was interrupted");
        } finally {
            if (!finished) {
                stop(worker);
            }
        }
        if (!finished) {
            throw new Missed(seconds);
        }
        Throwable t = thrown.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {  // a checked exception thrown sneakily by the student's code
            throw new IllegalStateException(t);
        }
        return value.get();
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread worker) {
        worker.interrupt();
        try {
            worker.join(STOP_GRACE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            try {
                worker.stop();  // Java 17: ends even `while (true) n++;`; later JDKs refuse, and the daemon is left
            } catch (UnsupportedOperationException e) {
                worker.setPriority(Thread.MIN_PRIORITY);
            }
        }
    }
}
