package descent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's package picture, read from the sources (imports and fully qualified names): no cycles,
 * and the training loop knows nothing of linear algebra, diagnosis or plotting, nor of particular losses.
 */
class PackageLayersTest {
    private static final Path SOURCES = Path.of("src/main/java/descent");
    private static final Pattern REFERENCE = Pattern.compile("\\bdescent\\.([a-z]+)\\.[A-Z]");

    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path dir = SOURCES.relativize(f.getParent());
                if (dir.toString().isEmpty()) continue;  // descent.Check, descent.Vectors, … : shared by all
                String pkg = dir.toString();
                Set<String> uses = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
                String code = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
                Matcher m = REFERENCE.matcher(code);  // code only: a comment may name a package above
                while (m.find()) if (!m.group(1).equals(pkg)) uses.add(m.group(1));
            }
        }
        return deps;
    }

    @Test
    void packagesFormNoCycle() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        assertTrue(deps.keySet().containsAll(List.of("core", "data", "loss", "optim", "train", "plot")), deps.toString());
        // Kahn's algorithm: repeatedly remove a package whose dependencies are all removed
        Map<String, Set<String>> left = new TreeMap<>();
        deps.forEach((k, v) -> left.put(k, new TreeSet<>(v)));
        List<String> order = new ArrayList<>();
        boolean progress = true;
        while (!left.isEmpty() && progress) {
            progress = false;
            for (String p : new ArrayList<>(left.keySet())) {
                if (order.containsAll(left.get(p))) {
                    order.add(p);
                    left.remove(p);
                    progress = true;
                }
            }
        }
        assertEquals(Map.of(), left, "packages on a cycle (bottom-up order so far: " + order + ")");
    }

    /**
     * Automatic differentiation sits on the gradient core, the data and the loss and function interfaces
     * it implements (GraphLoss, GraphObjective); the optimisers and the training loop train it without
     * knowing it, and nothing below it knows it either.
     */
    @Test
    void autodiffSitsAboveTheCoreAndTheLossesAndBelowNothingItNeeds() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        assertTrue(deps.containsKey("autodiff"), deps.toString());
        assertTrue(Set.of("core", "data", "loss", "function").containsAll(deps.get("autodiff")),
                "autodiff uses " + deps.get("autodiff") + ": only core, data, loss and function are below it");
        for (String below : List.of("core", "data", "loss", "function", "optim", "train", "schedule")) {
            assertFalse(deps.getOrDefault(below, Set.of()).contains("autodiff"), below + " uses autodiff: " + deps.get(below));
        }
    }

    @Test
    void trainingNeedsNoLinearAlgebraAndNoParticularLoss() throws IOException {
        Set<String> train = dependencies().get("train");
        for (String above : List.of("linalg", "diagnose", "plot", "exercise")) {
            assertFalse(train.contains(above), "train uses " + above + ": " + train);
        }
        try (Stream<Path> files = Files.list(SOURCES.resolve("train"))) {
            for (Path f : files.toList()) {
                String code = Files.readString(f);
                assertFalse(code.matches("(?s).*instanceof\\s+(MeanSquaredError|LogLoss|HuberLoss|L2Penalty).*"),
                        f + " asks which loss it has");
            }
        }
    }
}
