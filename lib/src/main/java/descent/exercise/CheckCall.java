package descent.exercise;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check cell's call, {@code "Workshop.checkStopRule(myStop)"}, found and run by name with the student's answers.
 *
 * <p>The grader's check cell reaches the check this way, not through Java names, because any Java name in a
 * notebook can be hidden by the student's own declarations: a variable named {@code descent} obscures the package
 * {@code descent} in {@code descent.exercise.Workshop.check…(…)} (JLS §6.4.2), and a class named {@code Workshop}
 * shadows the library's. Only the answers are passed as Java values, by their own names.</p>
 *
 * <p>Two kinds of failure are kept apart: an answer whose type the check cannot take is the student's
 * ({@link WrongAnswerType}); a check that does not exist is the course's ({@link GraderFault}).</p>
 */
final class CheckCall {
    private static final Pattern CALL = Pattern.compile("\\s*(\\w+)\\.(check\\w+)\\(([\\w\\s,]*)\\)\\s*");

    private final String text;
    private final Class<?> exercises;
    private final String method;
    private final List<String> answers;

    private CheckCall(String text, Class<?> exercises, String method, List<String> answers) {
        this.text = text;
        this.exercises = exercises;
        this.method = method;
        this.answers = answers;
    }

    /** The call {@code "Class.checkName(answer, …)"} of a class in this package; a {@link GraderFault} otherwise. */
    static CheckCall parse(String call) {
        Matcher m = CALL.matcher(call == null ? "" : call);
        if (!m.matches()) {
            throw new GraderFault("the check call " + quote(call) + " is not of the form Class.checkName(answer)");
        }
        Class<?> exercises;
        try {
            exercises = Class.forName(CheckCall.class.getPackageName() + "." + m.group(1), true,
                    CheckCall.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new GraderFault("the library has no check class " + m.group(1) + " (for " + call.strip() + ")");
        }
        List<String> answers = m.group(3).isBlank() ? List.of()
                : Arrays.stream(m.group(3).split(",")).map(String::strip).toList();
        return new CheckCall(call.strip(), exercises, m.group(2), answers);
    }

    /**
     * Runs the check with the answers, in the order the call names them; what the check (or the student's code in
     * it) throws propagates as it was thrown, checked or not, for {@link Grading} to report.
     */
    void invoke(Object... values) {
        if (values.length != answers.size()) {
            throw new GraderFault(text + " names " + answers.size() + " answers but was given " + values.length);
        }
        Method check = resolve(values);
        try {
            check.invoke(null, values);
        } catch (InvocationTargetException e) {
            throw CheckCall.<RuntimeException>rethrow(e.getCause());
        } catch (IllegalAccessException e) {  // public static methods of this package: cannot happen
            throw new GraderFault(text + " could not be called: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable e) throws T {
        throw (T) e;
    }

    private Method resolve(Object[] values) {
        List<Method> named = new ArrayList<>();
        for (Method m : exercises.getMethods()) {
            if (m.getName().equals(method) && Modifier.isStatic(m.getModifiers())
                    && m.getParameterCount() == values.length) {
                named.add(m);
            }
        }
        if (named.isEmpty()) {
            throw new GraderFault("the library has no check " + exercises.getSimpleName() + "." + method
                    + " taking " + values.length + " answer(s)");
        }
        for (Method m : named) {
            if (accepts(m.getParameterTypes(), values)) {
                return m;
            }
        }
        Class<?>[] wanted = named.get(0).getParameterTypes();
        for (int i = 0; i < values.length; i++) {
            if (!accepts(wanted[i], values[i])) {
                throw new WrongAnswerType(answers.get(i) + " is " + describe(values[i]) + ", but "
                        + exercises.getSimpleName() + "." + method + " takes " + article(wanted[i])
                        + ": keep the type the answer cell declares");
            }
        }
        throw new WrongAnswerType("the answers' types do not fit " + text);
    }

    private static boolean accepts(Class<?>[] types, Object[] values) {
        for (int i = 0; i < types.length; i++) {
            if (!accepts(types[i], values[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether Java would pass {@code value} to a parameter of this type (boxing, then widening). */
    static boolean accepts(Class<?> type, Object value) {
        if (!type.isPrimitive()) {
            return value == null || type.isInstance(value);
        }
        if (value == null) {
            return false;
        }
        List<Class<?>> widensTo = switch (value.getClass().getSimpleName()) {
            case "Byte" -> List.of(byte.class, short.class, int.class, long.class, float.class, double.class);
            case "Short" -> List.of(short.class, int.class, long.class, float.class, double.class);
            case "Character" -> List.of(char.class, int.class, long.class, float.class, double.class);
            case "Integer" -> List.of(int.class, long.class, float.class, double.class);
            case "Long" -> List.of(long.class, float.class, double.class);
            case "Float" -> List.of(float.class, double.class);
            case "Double" -> List.of(double.class);
            case "Boolean" -> List.of(boolean.class);
            default -> List.of();
        };
        return value.getClass().getPackageName().equals("java.lang") && widensTo.contains(type);
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        Class<?> c = value.getClass();
        if (c.getPackageName().equals("java.lang")) {
            return article(unboxed(c)) + " (" + quote(String.valueOf(value)) + ")";
        }
        if (c.isArray()) {
            return article(c.getSimpleName());
        }
        if ((c.isSynthetic() || c.isHidden()) && c.getInterfaces().length > 0) {  // a lambda: what it implements
            return article(c.getInterfaces()[0]);
        }
        return article(c);
    }

    private static String unboxed(Class<?> boxed) {
        return switch (boxed.getSimpleName()) {
            case "Integer" -> "int";
            case "Character" -> "char";
            case "Byte", "Short", "Long", "Float", "Double", "Boolean" -> boxed.getSimpleName().toLowerCase();
            default -> boxed.getSimpleName();
        };
    }

    private static String article(Class<?> type) {
        return article(type.getSimpleName());
    }

    private static String article(String name) {
        return ("aeiouAEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    private static String quote(String s) {
        return s == null ? "null" : s.length() > 60 ? "\"" + s.substring(0, 57) + "…\"" : "\"" + s + "\"";
    }

    /** The course's own failure: the check cell names a check the library does not have. */
    static final class GraderFault extends RuntimeException {
        GraderFault(String message) {
            super(message);
        }
    }

    /** The student's answer is of a type the check cannot take (e.g. a String where a number is asked). */
    static final class WrongAnswerType extends RuntimeException {
        WrongAnswerType(String message) {
            super(message);
        }
    }
}
