package descent.kernel;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rapaio.jupyter.kernel.channels.AbstractChannel;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.IOPubStatus;

/**
 * Sends the launcher's replies the way Jupyter's messaging specification asks: on the channel the request
 * came on (rapaio's {@code Channels.reply} always uses the shell socket, where a reply to a control request
 * never reaches the client), with the request as parent (never rapaio's shared "current message", which the
 * other loop thread may have just changed), and with any content (a map, serialised as the JSON object).
 */
final class Replies {
    private final AbstractChannel shell;
    private final AbstractChannel control;
    private final AbstractChannel iopub;

    Replies(Channels channels) {
        this.shell = (AbstractChannel) Fields.get(channels, "shell");
        this.control = (AbstractChannel) Fields.get(channels, "control");
        this.iopub = (AbstractChannel) Fields.get(channels, "iopub");
    }

    /** A reply's content, {@code status: "ok"} first. */
    static Map<String, Object> ok() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        return content;
    }

    /** True on the control channel's loop thread (it may have been replaced at start: {@link LoopThreads}). */
    boolean onControl() {
        return Fields.get(control, "loopThread") == Thread.currentThread();
    }

    /** Sends {@code content} as the reply to {@code request}, on the channel the request came on. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void send(Message<?> request, MessageType<?> type, Object content) {
        AbstractChannel channel = onControl() ? control : shell;
        channel.sendMessage(new Message(request.getId(), (MessageType) type, content));
    }

    /** Publishes the kernel's state on IOPub with {@code request} as parent. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void status(Message<?> request, IOPubStatus state) {
        iopub.sendMessage(new Message(request.getId(), MessageType.IOPUB_STATUS, state));
    }

    /** busy, the reply, idle: what a client waits for after a request. */
    void answer(Message<?> request, MessageType<?> type, Object content) {
        status(request, IOPubStatus.BUSY);
        try {
            send(request, type, content);
        } finally {
            status(request, IOPubStatus.IDLE);
        }
    }
}
