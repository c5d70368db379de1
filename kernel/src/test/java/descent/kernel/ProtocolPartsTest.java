package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jdk.jshell.JShell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapaio.jupyter.kernel.display.DisplayData;

/** The pure parts of the launcher's protocol fixes: interrupt bookkeeping, the name under the cursor, the javadoc index. */
class ProtocolPartsTest {
    private static final Instant T = Instant.parse("2026-12-07T18:00:00.000100Z");

    @Test
    void anInterruptMarksTheCellThatHasBegun() {
        CellInterrupts cells = new CellInterrupts();
        CellInterrupts.Cell cell = cells.begin("a", "s", T);
        assertSame(cell, cells.interrupt("s", T.plusMillis(5)));
        assertTrue(cell.interrupted());
        cells.end(cell);
        assertNull(cells.current());
        assertFalse(cells.begin("b", "s", T.plusSeconds(1)).interrupted(), "an interrupt stops one cell, not the next");
    }

    @Test
    void anInterruptThatCameFirstStopsTheCellSentBeforeIt() {
        CellInterrupts cells = new CellInterrupts();
        assertNull(cells.interrupt("s", T.plusMillis(1)), "no cell yet: kept as pending");
        assertTrue(cells.begin("a", "s", T).interrupted(), "sent 1 ms before the interrupt");
        cells.end(cells.current());
        assertFalse(cells.begin("b", "s", T).interrupted(), "a pending interrupt is used once");
    }

    @Test
    void anInterruptOnAnIdleKernelDoesNotStopTheCellSentAfterIt() {
        CellInterrupts cells = new CellInterrupts();
        cells.interrupt("s", T);
        assertFalse(cells.begin("a", "s", T.plusNanos(1_000)).interrupted());
        cells.end(cells.current());
        assertFalse(cells.begin("b", "s", T).interrupted(), "and the pending interrupt is gone");
    }

    @Test
    void anInterruptSentBeforeTheCellButArrivingDuringItIsDropped() {
        CellInterrupts cells = new CellInterrupts();
        CellInterrupts.Cell cell = cells.begin("a", "s", T);
        assertNull(cells.interrupt("s", T.minusMillis(1)), "sent before the cell by the same client");
        assertFalse(cell.interrupted());
        assertSame(cell, cells.interrupt("other", T.minusMillis(1)), "another clock: it stops the cell");
        cells.end(cell);
        assertFalse(cells.begin("b", "s", T.plusSeconds(1)).interrupted(), "nor is it kept for the next cell");
    }

    @Test
    void fromAnotherSessionAPendingInterruptWaitsOneWindow() {
        AtomicLong now = new AtomicLong();
        CellInterrupts cells = new CellInterrupts(now::get);
        cells.interrupt("server", T.plusSeconds(3600));  // another clock: the dates say nothing
        now.set(TimeUnit.MILLISECONDS.toNanos(CellInterrupts.WINDOW_MS - 1));
        assertTrue(cells.begin("a", "browser", T).interrupted());
        cells.end(cells.current());
        cells.interrupt("server", T);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(CellInterrupts.WINDOW_MS + 1));
        assertFalse(cells.begin("b", "browser", T).interrupted(), "too late for the window: meant for no cell");
        cells.end(cells.current());
        cells.interrupt("s", null);  // no date: the window decides
        assertTrue(cells.begin("c", "s", T).interrupted());
    }

    @Test
    void headerDatesAreRead() {
        assertEquals(T, CellInterrupts.date("2026-12-07T18:00:00.000100Z"));
        assertEquals(T, CellInterrupts.date("2026-12-07T18:00:00.000100+00:00"));
        assertEquals(Instant.parse("2026-12-07T17:00:00Z"), CellInterrupts.date("2026-12-07T18:00:00+01:00"));
        assertNull(CellInterrupts.date(""));
        assertNull(CellInterrupts.date("yesterday"));
    }

    @Test
    void aMarkedCellsCodeNeverStarts() throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            CellInterrupts cells = new CellInterrupts();
            CellExecutor executor = new CellExecutor(threads, cells);
            CellInterrupts.Cell cell = cells.begin("a", "s", T);
            cells.interrupt("s", T);
            AtomicBoolean ran = new AtomicBoolean();
            Future<Object> refused = executor.submit(() -> ran.getAndSet(true));
            assertTrue(refused.isCancelled());
            assertThrows(CancellationException.class, refused::get);
            Thread.sleep(50);
            assertFalse(ran.get(), "the code of an interrupted cell ran");
            cells.end(cell);
            assertEquals(42, executor.submit(() -> 42).get(5, TimeUnit.SECONDS), "outside a cell the code runs");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void runningCodeIsCancelledAndItsThreadStoppedWhenItIgnoresTheInterrupt() throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            CellInterrupts cells = new CellInterrupts();
            CellExecutor executor = new CellExecutor(threads, cells);
            CellInterrupts.Cell cell = cells.begin("a", "s", T);
            CountDownLatch started = new CountDownLatch(1);
            AtomicLong spins = new AtomicLong();
            Future<Object> running = executor.submit(() -> {
                started.countDown();
                while (true) {
                    spins.incrementAndGet();  // ignores the interrupt flag
                }
            });
            assertTrue(started.await(5, TimeUnit.SECONDS));
            CellExecutor.Task task = executor.cancel(cell);
            assertTrue(cell.interrupted() && running.isCancelled());
            Thread worker = task.thread();
            assertTrue(worker != null && worker.isAlive(), "the code goes on after the cancel");
            assertTrue(task.stopIfRunning());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (task.thread() != null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertNull(task.thread(), "the stopped code left its thread");
            long after = spins.get();
            Thread.sleep(50);
            assertEquals(after, spins.get(), "the loop still runs");
            assertFalse(task.stopIfRunning(), "a finished task stops nothing");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theNameTheCursorTouches() {
        assertEquals("Math", NameAtCursor.at("Math", 4).name(), "at the end, where a front end puts the cursor");
        assertEquals("Math", NameAtCursor.at("Math", 0).name());
        assertEquals("Math", NameAtCursor.at("Math", 2).name());
        NameAtCursor of = NameAtCursor.at("Descent.of", 10);
        assertEquals("of", of.name());
        assertTrue(of.qualified() && !of.call());
        NameAtCursor sqrt = NameAtCursor.at("double r = Math.sqrt(2 * x)", 22);
        assertEquals("sqrt", sqrt.name(), "inside a call's parentheses: the method");
        assertTrue(sqrt.call() && sqrt.qualified());
        assertEquals(20, sqrt.parenthesis());
        assertEquals("w", NameAtCursor.at("w", 1).name());
        assertFalse(NameAtCursor.at("w", 1).qualified());
        assertNull(NameAtCursor.at("1 + 1", 1));
        assertNull(NameAtCursor.at("x = 12", 6), "a number is no name");
        assertNull(NameAtCursor.at("Math", 5));
        String code = "String ä = \"😀\"; ä";
        assertEquals(code.length(), NameAtCursor.charIndex(code, code.codePointCount(0, code.length())),
                "Jupyter counts code points; the emoji is two chars");
        assertEquals("ä", NameAtCursor.at(code, NameAtCursor.charIndex(code, 17)).name());
    }

    @Test
    void jshellSignaturesAreTakenApart() {
        JShellSignature m = JShellSignature.parse("Descent Descent.of(descent.loss.Loss loss, descent.data.Dataset data)");
        assertEquals(new JShellSignature("Descent", "of", List.of("descent.loss.Loss", "descent.data.Dataset")), m);
        assertEquals(new JShellSignature("java.lang.Math", null, null), JShellSignature.parse("java.lang.Math"));
        assertEquals(new JShellSignature("Descent", "DEFAULT_TOLERANCE", null),
                JShellSignature.parse("Descent.DEFAULT_TOLERANCE:double"));
        assertEquals(List.of("java.util.Map<K, V>", "int"),
                JShellSignature.parse("<K, V> void Maps.put(java.util.Map<K, V> m, int n)").parameters());
        assertEquals("Sums, products.", JShellSignature.plainJavadoc("{@code Sums}, {@link #x products}.\n@param a b"));
    }

    @Test
    void theIndexPicksTheOverloadJShellNames() throws Exception {
        String tsv = "descent.plot.BarChart\tclass descent.plot.BarChart\tBars.\t\n"
                + "descent.plot.BarChart#of\tstatic BarChart of(String title, String... categories)\tFrom names.\tString,String[]\n"
                + "descent.plot.BarChart#of\tstatic BarChart of(String title, List<String> categories)\tFrom a list.\tString,List\n";
        JavadocIndex index = JavadocIndex.read(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)));
        assertEquals("Bars.", index.type("descent.plot.BarChart").summary());
        assertEquals(List.of("descent.plot.BarChart"), index.typesNamed("BarChart"));
        List<JavadocIndex.Entry> list = index.member("BarChart", "of", List.of("java.lang.String", "java.util.List<java.lang.String>"));
        assertEquals(1, list.size());
        assertEquals("From a list.", list.get(0).summary());
        assertEquals("From names.", index.member("descent.plot.BarChart", "of", List.of("String", "String...")).get(0).summary());
        assertEquals(2, index.member("BarChart", "of", null).size());
        assertTrue(index.member("Other", "of", null).isEmpty());
        assertEquals("double[][]", JavadocIndex.simpleParameterType("double[][]"));
        assertEquals("Map", JavadocIndex.simpleParameterType("java.util.Map<java.lang.String, java.util.List<Double>>"));
    }

    @Test
    void theIndexIsWrittenFromTheSources(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("descent/demo"));
        Files.writeString(src.resolve("Step.java"), """
                package descent.demo;

                /**
                 * One step of {@code x - η∇f(x)}, as in {@link Other#run() the loop}. The second sentence.
                 * <pre>{@code
                 * Step.of(0.1)
                 * }</pre>
                 */
                public final class Step {
                    /** The learning rate &lt; 1. */
                    public static final double ETA = 0.1;
                    /** A step of size {@code eta}. Throws if it is not positive. */
                    public static Step of(double eta, double... xs) { return new Step(); }
                    /** Hidden. */
                    private void secret() { }
                    void packagePrivate() { }
                    /** Its rule. */
                    public interface Rule { /** Applies it. */ double apply(double x); }
                }
                """);
        Map<String, JavadocIndex.Entry> byKey = new java.util.HashMap<>();
        for (JavadocIndex.Entry e : JavadocIndexWriter.entries(dir)) {
            byKey.put(e.key() + e.parameters(), e);
        }
        assertEquals("One step of x - η∇f(x), as in the loop. The second sentence.",
                byKey.get("descent.demo.Step[]").summary(), "tags resolved, code block left out");
        JavadocIndex.Entry of = byKey.get("descent.demo.Step#of[double, double[]]");
        assertEquals("static Step of(double eta, double... xs)", of.signature());
        assertEquals("A step of size eta. Throws if it is not positive.", of.summary());
        assertEquals("static final double ETA", byKey.get("descent.demo.Step#ETA[]").signature());
        assertEquals("The learning rate < 1.", byKey.get("descent.demo.Step#ETA[]").summary());
        assertEquals("Applies it.", byKey.get("descent.demo.Step.Rule#apply[double]").summary(), "an interface's methods are public");
        assertFalse(byKey.keySet().stream().anyMatch(k -> k.contains("secret") || k.contains("packagePrivate")), byKey.keySet().toString());
        assertThrows(IllegalArgumentException.class, () -> JavadocIndexWriter.entries(dir.resolve("missing")));
    }

    @Test
    void everyValueGetsPlainTextAndHtmlOnlyWhereItAddsSomething() {
        DisplayData plain = DisplayData.withType("text/html", "List<Double>");
        PlainText.withPlainText(plain, null, "List<Double>");
        assertEquals(Map.of("text/plain", "List<Double>"), plain.data(), "a toString() labelled HTML is text");
        DisplayData table = DisplayData.withType("text/html", "<table><tr><td>1</td></tr></table>");
        PlainText.withPlainText(table, null, List.of(1));
        assertEquals("[1]", table.data().get("text/plain"));
        assertTrue(table.data().containsKey("text/html"));
        DisplayData picture = DisplayData.withType("image/png", "iVBOR");
        PlainText.withPlainText(picture, null, new Object());
        assertEquals(Map.of("image/png", "iVBOR"), picture.data(), "no object name as a picture's alt text");
    }

    @Test
    void isCompleteTellsInvalidCodeApart() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String bad : List.of(")))", "\"abc", "int x = )", "import ;")) {
                assertTrue(ProtocolReplies.invalid(shell, bad), bad);
            }
            for (String fine : List.of("int x = 1;", "for (;;) {", "1 + 1", "")) {
                assertFalse(ProtocolReplies.invalid(shell, fine), fine);
            }
        }
        assertTrue(ProtocolReplies.isMagic("%jars x.jar"));
        assertFalse(ProtocolReplies.isMagic("int percent = 5 % 2;"));
    }

    @Test
    void theInspectorShowsAVariableAndTheNameAtTheEnd() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.eval("var w = new double[3];");
            Inspector inspector = new Inspector(shell, new JavadocIndex(), null);
            assertEquals(List.of(new Inspector.Doc("w : double[]", "= double[3] { 0.0, 0.0, 0.0 }")), inspector.inspect("w", 1));
            assertEquals("java.lang.Math", inspector.inspect("Math", 4).get(0).title(), "the cursor at the name's end");
            assertTrue(inspector.inspect("Math.sqrt", 9).get(0).title().contains("sqrt(double"), "a method without its (");
            assertTrue(inspector.inspect("nothingHere", 11).isEmpty());
        }
    }
}
