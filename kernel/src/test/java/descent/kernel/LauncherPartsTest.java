package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.channels.LoopThread;

class LauncherPartsTest {

    /** Stands in for rapaio's shell/control/heartbeat channel: all the launcher touches is this field. */
    static final class Channel {
        volatile LoopThread loopThread;
    }

    @Test
    void gateHoldsAnEarlyRequestUntilTheTableIsReady() throws Exception {
        HandlerGate gate = new HandlerGate();
        CompletableFuture<Object> early = CompletableFuture.supplyAsync(() -> gate.get("execute"));
        assertThrows(TimeoutException.class, () -> early.get(200, TimeUnit.MILLISECONDS), "answered before the table was ready");
        gate.open(Map.of("execute", "handler"));
        assertEquals("handler", early.get(5, TimeUnit.SECONDS));
        assertNull(gate.get("unknown"));
        assertTrue(gate.isOpen());
    }

    @Test
    void aLoopThreadThatLostTheStartRaceIsReplacedAndServes() throws Exception {
        AtomicInteger served = new AtomicInteger();
        LoopThread lost = new LoopThread("Shell-test", 1, served::incrementAndGet);
        lost.start();
        lost.shutdown();  // what losing the race amounts to: running read as false, the thread ends
        lost.join(5_000);
        int before = served.get();
        Channel channel = new Channel();
        channel.loopThread = lost;

        assertFalse(LoopThreads.ensureServing(channel), "a dead loop thread must be reported as replaced");
        LoopThread replacement = channel.loopThread;
        assertNotSame(lost, replacement);
        assertEquals("Shell-test", replacement.getName());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (served.get() < before + 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(served.get() >= before + 3, "the replacement runs the same loop body");
        replacement.shutdown();
        replacement.join(5_000);
    }

    @Test
    void aServingLoopThreadIsKept() throws Exception {
        LoopThread serving = new LoopThread("Heartbeat-test", 20, () -> { });
        Fields.set(serving, "running", true);  // so that it cannot lose rapaio's start race (it does, often)
        serving.start();
        Channel channel = new Channel();
        channel.loopThread = serving;
        assertTrue(LoopThreads.ensureServing(channel));
        assertSame(serving, channel.loopThread);
        serving.shutdown();
        serving.join(5_000);
    }

    @Test
    void eachThreadRunsOnlyTheAfterActionsItPushed() throws Exception {
        PerThreadActions actions = new PerThreadActions();
        java.util.List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        actions.push(() -> ran.add("cell: idle"));
        actions.push(() -> ran.add("cell: reply"));
        Thread control = new Thread(() -> {
            actions.push(() -> ran.add("control: idle"));
            while (!actions.isEmpty()) {
                actions.pop().run();  // what Channels.runAfterActions does on the control thread
            }
        });
        control.start();
        control.join(5_000);
        assertEquals(java.util.List.of("control: idle"), ran, "the control thread ran the cell's actions");
        assertEquals(2, actions.size());
        while (!actions.isEmpty()) {
            actions.pop().run();
        }
        assertEquals(java.util.List.of("control: idle", "cell: reply", "cell: idle"), ran, "last pushed runs first");
    }

    @Test
    void theLauncherKnowsTheKernelOnTheClassPath() {
        assertEquals(KernelVersion.known(), KernelVersion.running());
        assertFalse(KernelVersion.known().isEmpty());
        assertNull(KernelVersion.mismatch());
    }

    @Test
    void anUnknownFieldIsALoudErrorNamingTheVersion() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Fields.get(new Channel(), "handlers"));
        assertTrue(e.getMessage().contains("'handlers'") && e.getMessage().contains(KernelVersion.known()), e.getMessage());
    }
}
