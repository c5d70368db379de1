package descent.kernel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Which cell an interrupt stops. A cell counts from the moment the shell thread takes its
 * {@code execute_request} (before JShell's start-up imports are waited for and before the cell is
 * compiled) until its reply; an interrupt that arrives in that time marks the cell, and the cell's code
 * never starts once it is marked ({@link CellExecutor}), however long the compilation took.
 *
 * <p>An interrupt can also arrive before the shell thread has taken the request: rapaio's shell and control
 * loops each poll their socket every 50 ms, so an interrupt sent right after the request may be read first.
 * It is then kept as pending and stops the next cell if that cell was sent before it: told by the two
 * requests' header dates when both come from the same client session (one clock), else by the cell's
 * start following the interrupt within {@link #WINDOW_MS} (a browser's clock and the server's may differ).
 * A pending interrupt is used once: an interrupt on an idle kernel does not stop a cell sent after it, and
 * an interrupt that arrives during a cell its client sent later does not stop that cell.
 * (Jupyter's messaging specification: the interrupt stops the running cell; one that arrives before the
 * code runs cancels it.)
 */
final class CellInterrupts {
    /** How long a pending interrupt from another session waits for the cell it was meant for. */
    static final long WINDOW_MS = 1_000;

    /** A cell, from the shell thread taking its request until its reply. */
    static final class Cell {
        final Object id;
        final String session;
        final Instant sent;
        private boolean interrupted;

        Cell(Object id, String session, Instant sent) {
            this.id = id;
            this.session = session;
            this.sent = sent;
        }

        synchronized boolean interrupted() {
            return interrupted;
        }

        synchronized void markInterrupted() {
            interrupted = true;
        }
    }

    /** An interrupt that found no cell. */
    record Pending(String session, Instant sent, long arrivedNanos) {
    }

    private final LongSupplier nanoClock;
    private Cell current;
    private Pending pending;

    CellInterrupts() {
        this(System::nanoTime);
    }

    CellInterrupts(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** The shell thread takes a cell's request; the cell starts interrupted if a pending interrupt was meant for it. */
    synchronized Cell begin(Object id, String session, Instant sent) {
        Cell cell = new Cell(id, session, sent);
        if (pending != null) {
            if (meantFor(pending, session, sent, nanoClock.getAsLong())) {
                cell.markInterrupted();
            }
            pending = null;
        }
        current = cell;
        return cell;
    }

    /** The cell's reply went out. */
    synchronized void end(Cell cell) {
        if (current == cell) {
            current = null;
        }
    }

    /** The cell between {@link #begin} and {@link #end}, or null. */
    synchronized Cell current() {
        return current;
    }

    /**
     * An interrupt arrives: marks and returns the current cell, or keeps the interrupt as pending and returns null.
     * An interrupt that its client sent before the current cell (same session, earlier date) was meant for none of
     * it: it only came late (jupyter_client opens a new control socket for its first interrupt) and is dropped.
     */
    synchronized Cell interrupt(String session, Instant sent) {
        if (current != null) {
            if (sameClock(session, current.session, sent, current.sent) && sent.isBefore(current.sent)) {
                return null;
            }
            current.markInterrupted();
            return current;
        }
        pending = new Pending(session, sent, nanoClock.getAsLong());
        return null;
    }

    /** True when the pending interrupt {@code p} was sent after a cell from {@code session} sent at {@code cellSent}. */
    static boolean meantFor(Pending p, String session, Instant cellSent, long nowNanos) {
        if (sameClock(p.session(), session, p.sent(), cellSent)) {
            return !cellSent.isAfter(p.sent());
        }
        return nowNanos - p.arrivedNanos() <= TimeUnit.MILLISECONDS.toNanos(WINDOW_MS);
    }

    /** True when two requests' dates can be compared: both dated, from one client session. */
    static boolean sameClock(String session, String otherSession, Instant sent, Instant otherSent) {
        return session != null && session.equals(otherSession) && sent != null && otherSent != null;
    }

    /** A header's {@code date} (ISO 8601, as jupyter_client and JupyterLab write it), or null when absent or unreadable. */
    static Instant date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
