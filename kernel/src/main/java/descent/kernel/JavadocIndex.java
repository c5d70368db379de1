package descent.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The course library's javadoc, for the inspector: each public class, method and field of {@code descent.*}
 * with its signature as written in the source and the first sentences of its documentation. Class files
 * carry no javadoc, so the kernel's build writes this index from the library's sources
 * ({@link JavadocIndexWriter}, into the launcher's jar as {@value #RESOURCE}).
 *
 * <p>One line per entry, tab-separated: key, signature, summary, parameter types. The key is a type's
 * canonical name ({@code descent.train.Descent}) or a member's: the type's name, {@code #} and the member's
 * name ({@code descent.train.Descent#of}; constructors {@code #<init>}). Parameter types are simple names
 * without type arguments, comma-separated, varargs as {@code []}, to pick the overload JShell names.
 */
final class JavadocIndex {
    static final String RESOURCE = "descent-javadoc.tsv";

    /** One documented element. */
    record Entry(String key, String signature, String summary, List<String> parameters) {
    }

    private final Map<String, List<Entry>> byKey = new HashMap<>();
    /** A type's simple name (or Outer.Inner) to its canonical names. */
    private final Map<String, List<String>> typesBySimpleName = new HashMap<>();

    /** The index in the launcher's jar (empty when the jar has none). */
    static JavadocIndex load() {
        try (InputStream in = JavadocIndex.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? new JavadocIndex() : read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JavadocIndex read(InputStream in) throws IOException {
        JavadocIndex index = new JavadocIndex();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String[] f = line.split("\t", -1);
            if (f.length == 4) {
                index.add(new Entry(f[0], f[1], f[2], f[3].isEmpty() ? List.of() : List.of(f[3].split(","))));
            }
        }
        return index;
    }

    void add(Entry e) {
        byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
        if (!e.key().contains("#")) {
            typesBySimpleName.computeIfAbsent(simpleTypeName(e.key()), k -> new ArrayList<>()).add(e.key());
        }
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** A type by its canonical name, or null. */
    Entry type(String canonicalName) {
        List<Entry> found = byKey.get(canonicalName);
        return found == null ? null : found.get(0);
    }

    /** The canonical names of the library's types with this simple name ({@code Descent}, {@code Descent.Mode}). */
    List<String> typesNamed(String simpleName) {
        return typesBySimpleName.getOrDefault(simpleName, List.of());
    }

    /**
     * A member as JShell names it: {@code declaring} as JShell writes it (canonical, {@code descent.train.Descent},
     * or as imported, {@code Descent}), the member's name and, for a method, JShell's parameter types (null for a
     * field). The overload with the same parameter types, else every overload with that many parameters.
     */
    List<Entry> member(String declaring, String name, List<String> parameterTypes) {
        List<String> types = type(declaring) != null ? List.of(declaring) : typesNamed(simpleTypeName(declaring));
        List<Entry> all = new ArrayList<>();
        for (String type : types) {
            all.addAll(byKey.getOrDefault(type + "#" + name, List.of()));
        }
        if (parameterTypes == null || all.size() <= 1) {
            return all;
        }
        List<String> wanted = parameterTypes.stream().map(JavadocIndex::simpleParameterType).toList();
        List<Entry> exact = all.stream().filter(e -> e.parameters().equals(wanted)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        List<Entry> sameCount = all.stream().filter(e -> e.parameters().size() == wanted.size()).toList();
        return sameCount.isEmpty() ? all : sameCount;
    }

    /** {@code descent.train.Descent.Mode} to {@code Descent.Mode}: the name from the first capitalised part on. */
    static String simpleTypeName(String name) {
        String[] parts = name.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                return String.join(".", java.util.Arrays.asList(parts).subList(i, parts.length));
            }
        }
        return name;
    }

    /** {@code java.util.List<java.lang.Double>} to {@code List}, {@code double...} to {@code double[]}. */
    static String simpleParameterType(String type) {
        StringBuilder plain = new StringBuilder();
        int depth = 0;
        for (char c : type.strip().toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (depth == 0 && !Character.isWhitespace(c)) {
                plain.append(c);
            }
        }
        String t = plain.toString().replace("...", "[]");
        if (t.startsWith("@")) {  // an annotation before the type: drop it
            t = t.replaceFirst("^@[\\w.]+", "");
        }
        int dims = t.indexOf('[');
        String base = dims < 0 ? t : t.substring(0, dims);
        String suffix = dims < 0 ? "" : t.substring(dims);
        return base.substring(base.lastIndexOf('.') + 1) + suffix;
    }
}
