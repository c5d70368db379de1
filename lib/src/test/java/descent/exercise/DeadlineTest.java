package descent.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Student code that never returns is stopped by the check, which names it, within the deadline (here 0.5 s), and
 * nothing of it keeps running; everything else a check's run of student code does passes through unchanged.
 */
class DeadlineTest {
    @BeforeEach
    void shortDeadline() {
        System.setProperty(Deadline.PROPERTY, "0.5");
    }

    @AfterEach
    void defaultDeadline() {
        System.clearProperty(Deadline.PROPERTY);
    }

    private static boolean checkThreadsAlive() {  // without stack traces: a deep recursion's would take seconds
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            if (threads[i].getName().equals("descent-check") && threads[i].isAlive()) {
                return true;
            }
        }
        return false;
    }

    private static void noCheckThreadLeft() throws InterruptedException {
        for (int i = 0; i < 50 && checkThreadsAlive(); i++) {
            Thread.sleep(20);
        }
        assertFalse(checkThreadsAlive(), "a student's loop is still running");
    }

    @Test
    void everyKindOfEndlessLoopIsStoppedAndNamed() throws InterruptedException {
        DoubleUnaryOperator[] loops = {
            m -> { long n = 0; while (true) { n++; } },
            m -> { while (true) { } },
            m -> { while (true) { try { Thread.sleep(50); } catch (InterruptedException ignored) { } } },
            m -> { while (true) { Thread.onSpinWait(); } },
        };
        for (DoubleUnaryOperator loop : loops) {
            long start = System.nanoTime();
            Feedback f = ErrorCurveExercises.assessSlope(loop);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals("no-return", f.mistake(), f.toString());
            assertTrue(f.toString().startsWith("✘ your code did not return within 0.5 s"), f.toString());
            assertTrue(f.toString().contains("does every loop advance?"), f.toString());
            assertTrue(seconds < 3, "took " + seconds + " s");
            noCheckThreadLeft();
        }
    }

    @Test
    void whatTheStudentsCodeReturnsOrThrowsPassesThrough() {
        assertEquals(42, Deadline.call(() -> 42));
        assertThrows(NotDoneYet.class, () -> Deadline.call(() -> { throw Exercise.notDone(); }));
        ArithmeticException thrown = assertThrows(ArithmeticException.class,
                () -> Deadline.call(() -> 1 / (int) (Math.random() * 0)));
        assertEquals("/ by zero", thrown.getMessage());
        System.setProperty(Deadline.PROPERTY, "60");
        assertThrows(StackOverflowError.class, () -> Deadline.call(DeadlineTest::recurse));
        assertEquals("not-done", ErrorCurveExercises.assessSlope(m -> { throw Exercise.notDone(); }).mistake());
    }

    private static int recurse() {
        return recurse() + 1;
    }

    @Test
    void aCellInterruptedWhileItsCheckRunsStopsTheStudentsCode() throws InterruptedException {
        System.setProperty(Deadline.PROPERTY, "60");
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread cell = new Thread(() -> {
            try {
                Deadline.call(() -> { while (true) { } });
            } catch (Throwable t) {
                ended.set(t);
            }
        });
        cell.start();
        Thread.sleep(300);
        assertTrue(checkThreadsAlive());
        cell.interrupt();   // what ■ does first
        cell.join(2_000);
        assertFalse(cell.isAlive());
        assertTrue(ended.get() instanceof CancellationException, String.valueOf(ended.get()));
        noCheckThreadLeft();
    }

    @Test
    void theDeadlineIsReadAtEachCheckAndABadOneIsNamed() {
        System.setProperty(Deadline.PROPERTY, "2.5");
        assertEquals(2.5, Deadline.seconds());
        for (String bad : new String[] {"0", "-1", "soon", "NaN", "Infinity"}) {
            System.setProperty(Deadline.PROPERTY, bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Deadline::seconds);
            assertEquals(Deadline.PROPERTY + " = \"" + bad + "\" is invalid: it must be a number of seconds > 0, "
                    + "e.g. 10", e.getMessage());
        }
        System.clearProperty(Deadline.PROPERTY);
        assertEquals(System.getenv(Deadline.ENV) == null ? Deadline.DEFAULT_SECONDS
                : Double.parseDouble(System.getenv(Deadline.ENV)), Deadline.seconds());
    }
}
