package descent.kernel;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;

import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.MessageHandler;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ControlShutdownRequest;
import org.rapaio.jupyter.kernel.message.messages.ShellIsCompleteRequest;

/**
 * The requests rapaio 2.3.0 answers against Jupyter's messaging specification (version 5.4, which it
 * announces), answered as the specification asks:
 * <ul>
 *   <li>{@code kernel_info_reply} carries {@code status: "ok"} (rapaio's has no status);</li>
 *   <li>{@code comm_info_reply} carries {@code status: "ok"} too;</li>
 *   <li>{@code history_request} gets a reply, an empty history (rapaio logs it and answers nothing, so a client
 *       waiting for the reply times out);</li>
 *   <li>{@code shutdown_reply} goes out on the channel the request came on (control, in every current client;
 *       rapaio's went to the shell socket) with {@code status: "ok"};</li>
 *   <li>{@code is_complete_request} for code JShell cannot make sense of ({@code )))}, {@code "abc},
 *       {@code import ;}) answers {@code invalid}: JShell's {@code analyzeCompletion} calls such input
 *       {@code UNKNOWN}, which it counts as "complete", so rapaio's loop skipped it and answered
 *       {@code complete}.</li>
 * </ul>
 */
final class ProtocolReplies {
    private static final Logger LOG = Logger.getLogger("descent-launcher");
    static final MessageType<Object> HISTORY_REPLY = new MessageType<>("history_reply", Object.class);

    private final RapaioKernel kernel;
    private final Channels channels;
    private final Replies replies;

    ProtocolReplies(RapaioKernel kernel, Channels channels, Replies replies) {
        this.kernel = kernel;
        this.channels = channels;
        this.replies = replies;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<Object, Object> install(Map<?, ?> kernelHandlers) {
        Map<Object, Object> table = new HashMap<>(kernelHandlers);
        table.put(MessageType.SHELL_KERNEL_INFO_REQUEST, (MessageHandler) this::kernelInfo);
        table.put(MessageType.SHELL_HISTORY_REQUEST, (MessageHandler) this::history);
        table.put(MessageType.SHELL_COMM_INFO_REQUEST, (MessageHandler) this::commInfo);
        table.put(MessageType.CONTROL_SHUTDOWN_REQUEST, (MessageHandler<ControlShutdownRequest>) this::shutdown);
        MessageHandler isComplete = (MessageHandler) kernelHandlers.get(MessageType.SHELL_IS_COMPLETE_REQUEST);
        table.put(MessageType.SHELL_IS_COMPLETE_REQUEST, (MessageHandler<ShellIsCompleteRequest>) m -> isComplete(isComplete, m));
        return table;
    }

    /** rapaio's own kernel_info content (name, versions, language_info, banner, help links) plus the status. */
    private void kernelInfo(Message<?> request) {
        Map<String, Object> content = new java.util.LinkedHashMap<>(Replies.ok());
        try {
            Method info = RapaioKernel.class.getDeclaredMethod("kernelInfo");
            info.setAccessible(true);
            content.putAll(Transform.fromJsonMap(Transform.toJsonBytes(info.invoke(kernel))));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("rapaio-jupyter-kernel " + KernelVersion.known() + " has no kernelInfo()", e);
        }
        replies.answer(request, MessageType.SHELL_KERNEL_INFO_REPLY, content);
    }

    private void history(Message<?> request) {
        Map<String, Object> content = Replies.ok();
        content.put("history", List.of());
        replies.answer(request, HISTORY_REPLY, content);
    }

    /** No comms are open (rapaio closes every comm a client opens); rapaio's reply had no status. */
    private void commInfo(Message<?> request) {
        Map<String, Object> content = Replies.ok();
        content.put("comms", Map.of());
        replies.answer(request, MessageType.SHELL_COMM_INFO_REPLY, content);
    }

    private void shutdown(Message<ControlShutdownRequest> request) {
        Map<String, Object> content = Replies.ok();
        content.put("restart", request.content().restart());
        replies.answer(request, MessageType.CONTROL_SHUTDOWN_REPLY, content);
        try {
            kernel.onShutdown();
        } catch (RuntimeException e) {
            LOG.warning("[descent-launcher] closing JShell at shutdown: " + e);
        }
        channels.markForShutdown();  // the loop that took the request closes the channels; the JVM then exits
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void isComplete(MessageHandler kernelHandler, Message<ShellIsCompleteRequest> request) {
        String code = request.content().code();
        if (!isMagic(code) && invalid(kernel.javaEngine().getShell(), code)) {
            Map<String, Object> content = new HashMap<>();
            content.put("status", "invalid");
            replies.answer(request, MessageType.SHELL_IS_COMPLETE_REPLY, content);
            return;
        }
        kernelHandler.handle(request);
    }

    /** True when any of the code's snippets is one JShell cannot make sense of (its completeness is UNKNOWN). */
    static boolean invalid(JShell shell, String code) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(code);
        while (info.completeness().isComplete()) {
            if (info.completeness() == SourceCodeAnalysis.Completeness.UNKNOWN) {
                return true;
            }
            info = analysis.analyzeCompletion(info.remaining());
        }
        return false;
    }

    /** rapaio's magics (a line starting with %) are rapaio's to judge. */
    static boolean isMagic(String code) {
        return code.lines().anyMatch(line -> line.strip().startsWith("%"));
    }
}
