package descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.loss.MeanSquaredError;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV and its row file larger than a JVM's heap (-Xmx32m, a JVM of its own): loading either whole is
 * refused before anything is allocated, the conversion streams, and minibatch descent on the file
 * reaches the bits of the same run in this JVM's memory.
 */
class LargerThanHeapTest {
    @TempDir
    Path dir;

    @Test
    void aFileLargerThanTheHeapTrainsToTheWeightsOfTheRunInMemory() throws Exception {
        Dataset data = Datasets.linear(450_000, 8, new double[] {1, -2, 0.5, 3, 0, 1, -1, 2}, 0.5, 13).withBias();
        Path csv = dir.resolve("large.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write(String.join(",", data.names()) + ",y\n");
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < data.rows(); i++) {
                line.setLength(0);
                for (int j = 0; j < data.cols(); j++) line.append(data.x(i, j)).append(',');  // shortest round-trip digits
                out.append(line.append(data.y(i)).append('\n'));
            }
        }
        Map<String, String> child = runWithSmallHeap(csv);
        long heap = Long.parseLong(child.get("heap"));
        long rowsFile = Long.parseLong(child.get("rows-file"));
        assertTrue(Files.size(csv) > heap && rowsFile > heap, "CSV " + Files.size(csv) + " and row file " + rowsFile
                + " bytes against a heap of " + heap);
        assertTrue(child.get("csv-refused").contains(csv + " (" + Files.size(csv) + " bytes of CSV, loaded whole) is invalid: "
                + "it needs"), child.get("csv-refused"));
        assertTrue(child.get("csv-refused").contains("Descent.of(loss, CsvRows.convert(file, \"y\"))"), child.get("csv-refused"));
        assertTrue(child.get("rows-refused").contains("more than half of this JVM's heap of 32 MiB"), child.get("rows-refused"));
        assertTrue(child.get("rows-refused").contains("train on it streamed instead"), child.get("rows-refused"));

        History inMemory = StreamInSmallHeap.MinibatchRun.configure(Descent.of(MeanSquaredError.mean(), data)).run();
        StringBuilder bits = new StringBuilder();
        for (double w : inMemory.weights()) bits.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(w)));
        assertEquals(bits.toString().trim(), child.get("weights"));
        assertTrue(child.get("message").contains("streamed from large.csv.rows"), child.get("message"));
    }

    /** Runs {@link StreamInSmallHeap} with -Xmx32m and this JVM's class path; its lines as key → rest. */
    private Map<String, String> runWithSmallHeap(Path csv) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                StreamInSmallHeap.class.getName(), csv.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the small-heap JVM did not end");
        assertEquals(0, process.exitValue(), output);
        Map<String, String> facts = new HashMap<>();
        for (String line : output.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) facts.put(line.substring(0, space), line.substring(space + 1));
        }
        return facts;
    }
}
