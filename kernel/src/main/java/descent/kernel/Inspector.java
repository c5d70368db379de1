package descent.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

import org.rapaio.jupyter.kernel.channels.MessageHandler;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ShellInspectRequest;

/**
 * Answers {@code inspect_request} (JupyterLab's contextual help, Shift+Tab) about the name the cursor touches.
 *
 * <p>rapaio 2.3.0 looked one character too far: with the cursor at the end of a name, where a front end puts
 * it, it found nothing ({@code Math} at 4). Here the name is the one the cursor touches ({@link NameAtCursor})
 * and the answer is, in this order:
 * <ul>
 *   <li>a variable of the student's session: its type and value ({@code w : double[] = double[3] { 0.0, 0.0, 0.0 }});</li>
 *   <li>what JShell knows of the name (its {@code documentation}: a class, or a method's overloads, asked
 *       with a {@code (} after the name when the code has none), each with the course library's javadoc
 *       from {@link JavadocIndex} (signature as written and first sentences), or the JDK's javadoc where
 *       the JDK's {@code src.zip} is installed (else the signature alone);</li>
 *   <li>a library class JShell cannot see because the cell has not imported it: its javadoc, and the import.</li>
 * </ul>
 * The reply carries {@code text/plain} and {@code text/html}.
 */
final class Inspector {
    private static final Logger LOG = Logger.getLogger("descent-launcher");
    /** A value longer than this is cut: the inspector is a tooltip. */
    static final int MAX_VALUE_CHARS = 600;

    private final JShell shell;
    private final JavadocIndex index;
    private final Replies replies;

    Inspector(JShell shell, JavadocIndex index, Replies replies) {
        this.shell = shell;
        this.index = index;
        this.replies = replies;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<Object, Object> install(Map<?, ?> kernelHandlers) {
        Map<Object, Object> table = new HashMap<>(kernelHandlers);
        table.put(MessageType.SHELL_INSPECT_REQUEST, (MessageHandler<ShellInspectRequest>) this::inspect);
        return table;
    }

    /** What the inspector shows: a title line and text per entry. */
    record Doc(String title, String text) {
    }

    private void inspect(Message<ShellInspectRequest> request) {
        String code = request.content().code() == null ? "" : request.content().code();
        List<Doc> docs;
        try {
            docs = inspect(code, NameAtCursor.charIndex(code, request.content().cursorPos()));
        } catch (RuntimeException e) {
            LOG.warning("[descent-launcher] inspect: " + e);
            docs = List.of();
        }
        Map<String, Object> content = Replies.ok();
        content.put("found", !docs.isEmpty());
        Map<String, Object> data = new LinkedHashMap<>();
        if (!docs.isEmpty()) {
            data.put("text/plain", plain(docs));
            data.put("text/html", html(docs));
        }
        content.put("data", data);
        content.put("metadata", Map.of());
        replies.answer(request, MessageType.SHELL_INSPECT_REPLY, content);
    }

    /** The documentation of the name at {@code cursor} (a char index), empty when there is none. */
    List<Doc> inspect(String code, int cursor) {
        NameAtCursor name = NameAtCursor.at(code, cursor);
        if (name == null) {
            return List.of();
        }
        if (!name.qualified()) {
            Optional<Doc> variable = variable(name.name());
            if (variable.isPresent()) {
                return List.of(variable.get());
            }
        }
        List<Doc> docs = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation d : documentation(name)) {
            docs.addAll(withJavadoc(d));
        }
        if (docs.isEmpty() && !name.qualified()) {  // a library class the cell has not imported
            for (String type : index.typesNamed(name.name())) {
                JavadocIndex.Entry e = index.type(type);
                String pkg = type.substring(0, type.length() - name.name().length() - 1);
                docs.add(new Doc(e.signature(), join(e.summary(), "(import " + pkg + ".*; to use it)")));
            }
        }
        return docs;
    }

    private Optional<Doc> variable(String name) {
        return shell.variables()
                .filter(v -> v.name().equals(name) && shell.status(v).isActive())
                .reduce((first, second) -> second)  // the latest declaration
                .map(v -> new Doc(v.name() + " : " + v.typeName(), "= " + value(v)));
    }

    private String value(VarSnippet v) {
        try {
            String value = shell.varValue(v);
            return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS) + " …";
        } catch (RuntimeException e) {  // not initialised, or its toString() failed
            return "(no value: " + e.getMessage() + ")";
        }
    }

    /** JShell's documentation of the name: as a class or variable at its end, else as a method with "(" after it. */
    private List<SourceCodeAnalysis.Documentation> documentation(NameAtCursor name) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String code = name.code();
        if (name.call()) {
            List<SourceCodeAnalysis.Documentation> calls = analysis.documentation(code, name.parenthesis() + 1, true);
            if (!calls.isEmpty()) {
                return calls;
            }
        }
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, name.end(), true);
        if (!docs.isEmpty()) {
            return docs;
        }
        return analysis.documentation(code.substring(0, name.end()) + "(", name.end() + 1, true);
    }

    /** One of JShell's entries, with the library's javadoc when it is the library's (one per matching overload). */
    private List<Doc> withJavadoc(SourceCodeAnalysis.Documentation d) {
        String signature = d.signature();
        if (d.javadoc() != null && !d.javadoc().isBlank()) {  // the JDK's, from src.zip
            return List.of(new Doc(signature, JavadocIndexWriter.firstSentences(JShellSignature.plainJavadoc(d.javadoc()))));
        }
        JShellSignature parsed = JShellSignature.parse(signature);
        if (parsed.member() == null) {
            JavadocIndex.Entry type = index.type(parsed.declaring());
            return List.of(type == null ? new Doc(signature, "") : new Doc(type.signature(), type.summary()));
        }
        List<JavadocIndex.Entry> found = index.member(parsed.declaring(), parsed.member(), parsed.parameters());
        if (found.isEmpty()) {
            return List.of(new Doc(signature, ""));
        }
        return found.stream().map(e -> new Doc(e.signature(), e.summary())).toList();
    }

    static String plain(List<Doc> docs) {
        StringBuilder s = new StringBuilder();
        for (Doc d : docs) {
            if (s.length() > 0) {
                s.append("\n\n");
            }
            s.append(d.title());
            if (!d.text().isEmpty()) {
                s.append('\n').append(d.text());
            }
        }
        return s.toString();
    }

    static String html(List<Doc> docs) {
        StringBuilder s = new StringBuilder();
        for (Doc d : docs) {
            s.append("<p><code><b>").append(escape(d.title())).append("</b></code>");
            if (!d.text().isEmpty()) {
                s.append("<br>").append(escape(d.text()));
            }
            s.append("</p>");
        }
        return s.toString();
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + " " + b;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
