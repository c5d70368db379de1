package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jdk.jshell.JShell;

import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.channels.MessageHandler;
import org.rapaio.jupyter.kernel.message.MessageType;

class StartupImportsTest {

    @Test
    void theLaunchersEmptyScriptShadowsRapaiosAndRapaiosOwnIsStillRead() throws Exception {
        try (InputStream first = getClass().getClassLoader().getResourceAsStream(StartupImports.INIT_SCRIPT)) {
            assertTrue(new String(first.readAllBytes(), StandardCharsets.UTF_8).isBlank(),
                    "the first init.jshell on the class path must be the launcher's empty one, or rapaio's constructor compiles");
        }
        String rapaio = StartupImports.script();
        assertTrue(rapaio.contains("import static org.rapaio.jupyter.kernel.global.Global.*;"), rapaio);
        assertTrue(rapaio.contains("import java.util.concurrent.*;"), rapaio);
    }

    @Test
    void theImportsAreRapaiosLineForLine() throws Exception {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            StartupImports.evaluate(shell);
            // JShell takes the whole script as one import snippet, as it does in rapaio's JavaEngine.initialize
            List<String> imported = shell.imports().map(i -> i.source().strip()).toList();
            assertEquals(List.of(StartupImports.script().strip()), imported);
            // and a cell can use them: java.util.* without an import
            assertEquals("3", shell.eval("new ArrayList<>(List.of(1, 2, 3)).size()").get(0).value());
        }
    }

    @Test
    void cellsWaitForTheImportsAndTheHandshakeDoesNot() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        StartupImports imports = StartupImports.start(release::await, true);
        List<String> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        Map<Object, Object> kernel = new HashMap<>();
        for (MessageType<?> type : List.of(MessageType.SHELL_EXECUTE_REQUEST, MessageType.SHELL_COMPLETE_REQUEST,
                MessageType.SHELL_KERNEL_INFO_REQUEST)) {
            kernel.put(type, (MessageHandler<?>) m -> handled.add(type.name()));
        }
        Map<Object, Object> table = imports.install(kernel);

        handle(table, MessageType.SHELL_KERNEL_INFO_REQUEST).get(5, TimeUnit.SECONDS);
        assertEquals(List.of(MessageType.SHELL_KERNEL_INFO_REQUEST.name()), handled, "kernel_info must not wait");
        CompletableFuture<Void> cell = handle(table, MessageType.SHELL_EXECUTE_REQUEST);
        CompletableFuture<Void> completion = handle(table, MessageType.SHELL_COMPLETE_REQUEST);
        assertThrows(TimeoutException.class, () -> cell.get(200, TimeUnit.MILLISECONDS), "a cell ran before the imports");
        assertFalse(completion.isDone(), "a completion ran before the imports");
        assertFalse(imports.isDone());

        release.countDown();
        cell.get(5, TimeUnit.SECONDS);
        completion.get(5, TimeUnit.SECONDS);
        assertTrue(imports.isDone());
        assertEquals(3, handled.size());
    }

    @Test
    void withDeferralOffTheImportsAreInBeforeStartReturns() throws Exception {
        List<String> ran = new java.util.ArrayList<>();
        StartupImports imports = StartupImports.start(() -> ran.add("imports"), false);
        assertEquals(List.of("imports"), ran);
        assertTrue(imports.isDone());
    }

    @Test
    void aFailedEvaluationStillLetsTheCellsRun() throws Exception {
        StartupImports imports = StartupImports.start(() -> {
            throw new IllegalStateException("broken script");
        }, true);
        Map<Object, Object> table = imports.install(Map.of(MessageType.SHELL_EXECUTE_REQUEST, (MessageHandler<?>) m -> { }));
        handle(table, MessageType.SHELL_EXECUTE_REQUEST).get(5, TimeUnit.SECONDS);
        assertTrue(imports.isDone());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static CompletableFuture<Void> handle(Map<Object, Object> table, MessageType<?> type) {
        MessageHandler handler = (MessageHandler) table.get(type);
        return CompletableFuture.runAsync(() -> handler.handle(null));
    }
}
