package descent.kernel;

/**
 * The name an inspection is about: the Java identifier the cursor touches, at its end (where a front end
 * puts the cursor: JupyterLab's inspector and Shift+Tab send the position right after the name), at its
 * start or inside it; or, when the cursor is inside a call's parentheses with no name at it ({@code sqrt(|}),
 * the name of the method called. Jupyter counts {@code cursor_pos} in Unicode code points; this class works
 * in Java's chars, see {@link #charIndex}.
 *
 * @param start the name's first char
 * @param end   just after the name's last char
 * @param call  true when the name is followed by {@code (} (a method or constructor call)
 */
record NameAtCursor(String code, int start, int end, boolean call) {

    String name() {
        return code.substring(start, end);
    }

    /** True when the name follows a dot ({@code Math.sqrt}, {@code w.length}): a member, not a name of its own. */
    boolean qualified() {
        int i = start - 1;
        while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
            i--;
        }
        return i >= 0 && code.charAt(i) == '.';
    }

    /** Where the call's {@code (} is, or -1. */
    int parenthesis() {
        int i = end;
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        return i < code.length() && code.charAt(i) == '(' ? i : -1;
    }

    /** The name at {@code cursor} (a char index, 0 to the code's length), or null when there is none. */
    static NameAtCursor at(String code, int cursor) {
        if (code == null || cursor < 0 || cursor > code.length()) {
            return null;
        }
        NameAtCursor name = touching(code, cursor);
        if (name != null) {
            return name;
        }
        // inside a call's parentheses: the method before the nearest unclosed "(" on the way back
        int depth = 0;
        for (int i = cursor - 1; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    int j = i;
                    while (j > 0 && Character.isWhitespace(code.charAt(j - 1))) {
                        j--;
                    }
                    return j > 0 ? touching(code, j) : null;
                }
                depth--;
            } else if (c == ';' || c == '{' || c == '}') {
                return null;
            }
        }
        return null;
    }

    private static NameAtCursor touching(String code, int cursor) {
        int start = cursor;
        int end = cursor;
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
            start--;
        }
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        while (start < end && !Character.isJavaIdentifierStart(code.charAt(start))) {
            start++;  // "2x" is no name; nor is a number
        }
        if (start == end || Character.isDigit(code.charAt(start))) {
            return null;
        }
        NameAtCursor name = new NameAtCursor(code, start, end, false);
        return name.parenthesis() >= 0 ? new NameAtCursor(code, start, end, true) : name;
    }

    /** Jupyter's {@code cursor_pos} (Unicode code points) as a char index into {@code code}, clamped to the code. */
    static int charIndex(String code, int codePoints) {
        int max = code.codePointCount(0, code.length());
        return code.offsetByCodePoints(0, Math.max(0, Math.min(codePoints, max)));
    }
}
