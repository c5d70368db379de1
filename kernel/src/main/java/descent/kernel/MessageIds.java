package descent.kernel;

import java.util.HashMap;
import java.util.Map;

import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.MessageHandler;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageId;

/**
 * Keeps rapaio's shared "current message" on the request the shell thread is handling.
 *
 * <p>rapaio's {@code Channels} has one current message id, the parent of every reply and output it sends, and
 * both loops set it to the message they take. A control request (an interrupt, a kernel_info that
 * jupyter_server sends on control to check the channel) taken while the shell thread handles a cell therefore
 * re-parented the cell's output and reply to the control request: the client, waiting for its cell's reply,
 * never saw one. Here the shell thread records the request it handles, under a lock, and every request on the
 * control thread puts that id back before and after its handler (the launcher's control handlers address their
 * replies explicitly: {@link Replies}). The shell thread's after-actions (reply, "idle") run inside the
 * wrapper, while its request is still the recorded one.
 */
final class MessageIds {
    private final Channels channels;
    private final Replies replies;
    private MessageId<?> shell;  // guarded by this

    MessageIds(Channels channels, Replies replies) {
        this.channels = channels;
        this.replies = replies;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<Object, Object> install(Map<?, ?> handlers) {
        Map<Object, Object> table = new HashMap<>();
        handlers.forEach((type, handler) -> table.put(type, (MessageHandler) m -> handle((MessageHandler) handler, m)));
        return table;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(MessageHandler handler, Message message) {
        if (replies.onControl()) {
            restore();
            try {
                handler.handle(message);
            } finally {
                restore();
            }
            return;
        }
        synchronized (this) {
            shell = message.getId();
            channels.setMsgId(shell);
        }
        try {
            handler.handle(message);
        } finally {
            channels.runAfterActions();
            synchronized (this) {
                shell = null;
            }
        }
    }

    /** Points the current message back at the shell thread's request (null when it handles none). */
    synchronized void restore() {
        channels.setMsgId(shell);
    }
}
