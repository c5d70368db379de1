package descent.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A signature as JShell's {@code SourceCodeAnalysis.documentation} writes it, taken apart to look the element
 * up in the {@link JavadocIndex}: a type ({@code descent.train.Descent}), a method
 * ({@code Descent Descent.of(descent.loss.Loss loss, descent.data.Dataset data)}: the declaring type as the
 * cell sees it, the name, the parameters' types), or a field or variable ({@code Descent.DEFAULT_TOLERANCE:double}).
 *
 * @param declaring  the type, or the member's declaring type
 * @param member     the member's name, or null for a type
 * @param parameters a method's parameter types as written, or null for a type or field
 */
record JShellSignature(String declaring, String member, List<String> parameters) {

    static JShellSignature parse(String signature) {
        String s = signature.strip();
        int paren = s.indexOf('(');
        if (paren < 0) {
            int colon = s.indexOf(':');
            String name = colon < 0 ? s : s.substring(0, colon);
            if (colon < 0) {
                return new JShellSignature(name, null, null);
            }
            int dot = name.lastIndexOf('.');
            return dot < 0 ? new JShellSignature(name, null, null)
                    : new JShellSignature(name.substring(0, dot), name.substring(dot + 1), null);
        }
        String head = s.substring(0, paren).strip();
        String qualified = head.substring(head.lastIndexOf(' ') + 1);
        int dot = qualified.lastIndexOf('.');
        String declaring = dot < 0 ? "" : qualified.substring(0, dot);
        String member = qualified.substring(dot + 1);
        int close = s.lastIndexOf(')');
        List<String> parameters = new ArrayList<>();
        for (String p : splitTopLevel(s.substring(paren + 1, close < paren ? s.length() : close))) {
            String t = p.strip();
            int space = t.lastIndexOf(' ');
            parameters.add(space < 0 ? t : t.substring(0, space).strip());
        }
        return new JShellSignature(declaring, member, parameters);
    }

    /** Splits at the commas outside {@code <...>}. */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        if (text.isBlank()) {
            return parts;
        }
        int depth = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        return parts;
    }

    /** JDK javadoc as JShell gives it (the comment's source) as plain words: tags resolved, markup gone, one line. */
    static String plainJavadoc(String javadoc) {
        String body = javadoc.split("\n\\s*@(param|return|throws|exception|see|since)\\b", 2)[0];
        return body.replaceAll("(?s)<pre>.*?</pre>", " ")
                .replaceAll("\\{@(?:code|literal)\\s+([^{}]*)}", "$1")
                .replaceAll("\\{@link(?:plain)?\\s+\\S+\\s+([^{}]+)}", "$1")
                .replaceAll("\\{@link(?:plain)?\\s+#?([^\\s{}]+)\\s*}", "$1")
                .replaceAll("<[^>]+>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
    }
}
