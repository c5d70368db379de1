package descent.kernel;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.EndElementTree;
import com.sun.source.doctree.EntityTree;
import com.sun.source.doctree.LinkTree;
import com.sun.source.doctree.LiteralTree;
import com.sun.source.doctree.StartElementTree;
import com.sun.source.doctree.TextTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;

/**
 * Writes the {@link JavadocIndex} of the course library from its sources, at the kernel's build
 * ({@code kernel/pom.xml}, phase process-classes): {@code JavadocIndexWriter SOURCE_DIR OUT_FILE}.
 *
 * <p>javac's own parser reads the sources (no compilation, so the library's dependencies are not needed) and
 * its doc-comment trees give each comment's text with {@code {@code}} and {@code {@link}} resolved to
 * words; code blocks ({@code <pre>}) are left out. Only what a student can call is indexed: public types and
 * their public or protected members (an interface's members are public).
 */
public final class JavadocIndexWriter {
    /** How much of a comment the inspector shows: sentences up to about this many characters. */
    static final int SUMMARY_CHARS = 320;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:])\\s+(?=[A-Z(\"])");

    private JavadocIndexWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: JavadocIndexWriter SOURCE_DIR OUT_FILE, got " + List.of(args));
        }
        List<JavadocIndex.Entry> entries = entries(Path.of(args[0]));
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (JavadocIndex.Entry e : entries) {
                w.print(e.key() + "\t" + e.signature() + "\t" + e.summary() + "\t" + String.join(",", e.parameters()) + "\n");
            }
        }
        System.out.println("[descent-kernel] javadoc index: " + entries.size() + " entries from " + args[0] + " -> " + out);
    }

    /** The index entries of every {@code .java} file under {@code sources}. */
    static List<JavadocIndex.Entry> entries(Path sources) throws IOException {
        if (!Files.isDirectory(sources)) {
            throw new IllegalArgumentException("sources: " + sources + " is not a directory (the library's src/main/java)");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<JavadocIndex.Entry> entries = new ArrayList<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            JavacTask task = (JavacTask) javac.getTask(null, fm, d -> { }, List.of("-proc:none"), null, units);
            DocTrees docs = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
                new Scanner(docs, pkg, entries).scan(unit, null);
            }
        }
        return entries;
    }

    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final DocTrees docs;
        private final List<JavadocIndex.Entry> entries;
        private final List<String> typeNames = new ArrayList<>();
        private final List<Boolean> interfaces = new ArrayList<>();

        Scanner(DocTrees docs, String pkg, List<JavadocIndex.Entry> entries) {
            this.docs = docs;
            this.entries = entries;
            typeNames.add(pkg);
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
            String outer = typeNames.get(typeNames.size() - 1);
            boolean inInterface = !interfaces.isEmpty() && interfaces.get(interfaces.size() - 1);
            if (!visible(type.getModifiers().getFlags(), inInterface) || type.getSimpleName().isEmpty()) {
                return null;  // neither it nor its members can be called from a cell
            }
            String name = outer.isEmpty() ? type.getSimpleName().toString() : outer + "." + type.getSimpleName();
            String kind = switch (type.getKind()) {
                case INTERFACE -> "interface";
                case ENUM -> "enum";
                case RECORD -> "record";
                case ANNOTATION_TYPE -> "@interface";
                default -> "class";
            };
            entries.add(new JavadocIndex.Entry(name, kind + " " + name, summary(getCurrentPath()), List.of()));
            typeNames.add(name);
            interfaces.add(type.getKind() == Tree.Kind.INTERFACE || type.getKind() == Tree.Kind.ANNOTATION_TYPE);
            try {
                return super.visitClass(type, unused);
            } finally {
                typeNames.remove(typeNames.size() - 1);
                interfaces.remove(interfaces.size() - 1);
            }
        }

        @Override
        public Void visitMethod(MethodTree method, Void unused) {
            String type = typeNames.get(typeNames.size() - 1);
            boolean inInterface = interfaces.get(interfaces.size() - 1);
            if (visible(method.getModifiers().getFlags(), inInterface)) {
                boolean constructor = method.getReturnType() == null;
                String simple = type.substring(type.lastIndexOf('.') + 1);
                String name = constructor ? simple : method.getName().toString();
                List<String> parameters = new ArrayList<>();
                List<String> written = new ArrayList<>();
                for (VariableTree p : method.getParameters()) {
                    String declared = p.toString().replaceAll("^(@\\S+\\s+|final\\s+)*", "").strip();
                    written.add(declared);
                    String typeText = declared.substring(0, declared.length() - p.getName().length()).strip();
                    parameters.add(JavadocIndex.simpleParameterType(typeText));
                }
                String typeParameters = method.getTypeParameters().isEmpty() ? ""
                        : "<" + method.getTypeParameters().stream().map(Object::toString).collect(Collectors.joining(", ")) + "> ";
                String signature = modifiers(method.getModifiers().getFlags()) + typeParameters
                        + (constructor ? "" : method.getReturnType() + " ") + name + "(" + String.join(", ", written) + ")";
                entries.add(new JavadocIndex.Entry(type + "#" + (constructor ? "<init>" : name), signature,
                        summary(getCurrentPath()), parameters));
            }
            return null;  // a method's body declares nothing callable
        }

        @Override
        public Void visitVariable(VariableTree field, Void unused) {
            String type = typeNames.get(typeNames.size() - 1);
            boolean inInterface = interfaces.get(interfaces.size() - 1);
            if (visible(field.getModifiers().getFlags(), inInterface)) {
                String signature = modifiers(field.getModifiers().getFlags()) + field.getType() + " " + field.getName();
                entries.add(new JavadocIndex.Entry(type + "#" + field.getName(), signature, summary(getCurrentPath()), List.of()));
            }
            return null;
        }

        private String summary(TreePath path) {
            DocCommentTree comment = docs.getDocCommentTree(path);
            return comment == null ? "" : firstSentences(plain(comment.getFullBody()));
        }
    }

    static boolean visible(Set<Modifier> flags, boolean inInterface) {
        return inInterface ? !flags.contains(Modifier.PRIVATE) : flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED);
    }

    private static String modifiers(Set<Modifier> flags) {
        StringBuilder s = new StringBuilder();
        for (Modifier m : List.of(Modifier.STATIC, Modifier.ABSTRACT, Modifier.DEFAULT, Modifier.FINAL)) {
            if (flags.contains(m)) {
                s.append(m).append(' ');
            }
        }
        return s.toString();
    }

    /** A comment's text as a reader sees it: tags resolved to words, markup and code blocks gone, one line. */
    static String plain(List<? extends DocTree> body) {
        StringBuilder text = new StringBuilder();
        boolean inPre = false;
        for (DocTree t : body) {
            switch (t.getKind()) {
                case START_ELEMENT -> {
                    String tag = ((StartElementTree) t).getName().toString().toLowerCase();
                    inPre |= tag.equals("pre");
                    text.append(' ');
                }
                case END_ELEMENT -> {
                    if (((EndElementTree) t).getName().toString().equalsIgnoreCase("pre")) {
                        inPre = false;
                    }
                    text.append(' ');
                }
                default -> {
                    if (!inPre) {
                        text.append(words(t));
                    }
                }
            }
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    private static String words(DocTree t) {
        return switch (t.getKind()) {
            case TEXT -> ((TextTree) t).getBody();
            case CODE, LITERAL -> ((LiteralTree) t).getBody().getBody();
            case LINK, LINK_PLAIN -> {
                LinkTree link = (LinkTree) t;
                yield link.getLabel().isEmpty()
                        ? link.getReference().getSignature().replaceFirst("^#", "").replace('#', '.')
                        : plain(link.getLabel());
            }
            case ENTITY -> switch (((EntityTree) t).getName().toString()) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "nbsp" -> " ";
                default -> "&" + ((EntityTree) t).getName() + ";";
            };
            default -> t.toString();
        };
    }

    /** The first sentences of {@code text}, up to about {@link #SUMMARY_CHARS} characters (always the first). */
    static String firstSentences(String text) {
        String[] sentences = SENTENCE_END.split(text);
        StringBuilder s = new StringBuilder(sentences[0]);
        for (int i = 1; i < sentences.length && s.length() + sentences[i].length() < SUMMARY_CHARS; i++) {
            s.append(' ').append(sentences[i]);
        }
        return s.toString().replace('\t', ' ');
    }
}
