package descent.exercise;

import descent.core.GradientCore;
import descent.data.Dataset;
import descent.data.RowFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Checks for notebook 15, when the data does not fit: the heap a window of a block shuffle holds,
 * blocks · B · (n + 1) · 8 bytes (B = {@link GradientCore#BLOCK} rows a block; the row file's layout,
 * {@code descent.data.RowFileHeader}), and a mean of y computed one block at a time, (1/m) Σᵢ yᵢ, whose
 * probes are files whose blocks have different means and whose last block is short, so that a slip at a
 * block's edge changes the answer.
 */
public final class StreamExercises {
    /** The notebook's window: 4 blocks of rows of n = 16 features and the target. */
    static final int WINDOW_BLOCKS = 4, FEATURES = 16;

    private StreamExercises() {}

    // ---- 15.1: the heap one window holds ----

    /** Prints whether {@code megabytes} is the heap a window of 4 blocks of the notebook's file holds. */
    public static void checkWindowMegabytes(double megabytes) {
        assessWindowMegabytes(megabytes).print();
    }

    static Feedback assessWindowMegabytes(double megabytes) {
        return Exercise.report("set myWindowMegabytes", () -> NearMiss.explain(judgeWindow(megabytes), "myWindowMegabytes",
                megabytes, x -> judgeWindow(x).passed()));
    }

    static double windowMegabytes(int blocks, int values) {
        return (double) blocks * GradientCore.BLOCK * values * Double.BYTES / 1e6;
    }

    private static Feedback judgeWindow(double mb) {
        if (Exercise.isTodo(mb)) return Feedback.notDone("set myWindowMegabytes to a number of megabytes");
        if (mb == 0) return IntegerDivision.zero("myWindowMegabytes", mb);
        double exact = windowMegabytes(WINDOW_BLOCKS, FEATURES + 1);
        String mine = "myWindowMegabytes = " + Exercise.num(mb);
        if (Math.abs(mb - exact) < 0.006) {
            return Feedback.done(String.format("%.3f MB = 4 blocks × 8,192 rows × 17 doubles (16 features and y) × 8 bytes ÷ 10⁶:"
                    + " the heap a streamed run needs, however large the file", exact));
        }
        if (mb == Math.floor(exact) || mb == Math.rint(exact)) {
            return Feedback.wrong("truncated", mine + " is " + Exercise.num(exact) + " with its fraction cut off (rounded or "
                    + "truncated, as integer division does): give it to two decimals");
        }
        double mib = exact * 1e6 / (1 << 20);
        if (Math.abs(mb - mib) < 0.006 || mb == Math.floor(mib)) {
            return Feedback.wrong("mebibytes", mine + " is in MiB (2²⁰ = 1,048,576 bytes); a megabyte here is 10⁶ bytes");
        }
        if (Math.abs(mb - windowMegabytes(WINDOW_BLOCKS, FEATURES)) < 0.006) {
            return Feedback.wrong("without-y", mine + " counts the 16 features of a row but not its target y: a row file "
                    + "stores n + 1 = 17 doubles a row, and the window holds y too (y is missing)");
        }
        if (Math.abs(mb - windowMegabytes(1, FEATURES + 1)) < 0.006 || Math.abs(mb - windowMegabytes(1, FEATURES)) < 0.006) {
            return Feedback.wrong("one-block", mine + " is one block; the window holds 4 of them (a factor of 4 too small)");
        }
        if (Math.abs(mb - exact * 1e6) < 1e3) {
            return Feedback.wrong("bytes", mine + " is the number of bytes; divide by 10⁶ for megabytes");
        }
        if (Math.abs(mb - exact / 8) < 0.006 || Math.abs(mb * 1e6 - exact * 1e6 / 8) < 1e3) {
            return Feedback.wrong("values", mine + " counts the doubles, not their bytes: each double takes 8 bytes (a factor of 8)");
        }
        return Feedback.wrong("other", mine + " MB is not it: blocks × rows a block × doubles a row (n features and y) × "
                + "8 bytes, divided by 10⁶");
    }

    // ---- 15.2: the mean of y, one block at a time ----

    /** Prints whether {@code mean} returns the mean of y of a row file, read a block at a time. */
    public static void checkStreamedMean(StreamedMean mean) {
        assessStreamedMean(mean).print();
    }

    /** A probe: a small file and the rows it holds, to predict what each mistake returns. */
    private record Probe(RowFile file, Dataset rows) {}

    static Feedback assessStreamedMean(StreamedMean mean) {
        return Exercise.report("write the streamed mean inside the lambda", () -> {
            if (Exercise.isTodo(mean)) return Feedback.notDone("write the mean of y, a block at a time");
            Path dir = temporaryDirectory();
            try {
                List<Probe> probes = List.of(probe(dir, 2 * GradientCore.BLOCK + 100, 1), probe(dir, 3 * GradientCore.BLOCK, 2),
                        probe(dir, 50, 3));
                List<Double> answers = new ArrayList<>();
                for (Probe p : probes) answers.add(run(mean, p));
                return StreamedMeanDiagnosis.of(probes.stream().map(Probe::rows).toList(), answers);
            } finally {
                deleteAll(dir);
            }
        });
    }

    private static final java.util.regex.Pattern ARRAYCOPY =
            java.util.regex.Pattern.compile("arraycopy: last destination index (\\d+) out of bounds for double\\[(\\d+)\\]");

    private static double run(StreamedMean mean, Probe p) {
        try {
            return mean.of(p.file());
        } catch (ArrayIndexOutOfBoundsException e) {
            java.util.regex.Matcher m = ARRAYCOPY.matcher(String.valueOf(e.getMessage()));
            if (m.find()) {
                long needed = Long.parseLong(m.group(1)), has = Long.parseLong(m.group(2));
                String factor = has > 0 && needed % has == 0 ? "too small by a factor of " + needed / has : "too small";
                throw new Diagnosis.Found(Feedback.wrong("arrays", "readBlock threw " + e.getMessage() + ": the array it "
                        + "copied into holds " + has + " values, but it needed " + needed + ", " + factor + ". readBlock(b, x, "
                        + "y, 0) copies a block's X (" + GradientCore.BLOCK + " rows × n values) into x and its y (one per row) "
                        + "into y: is a factor missing from an array's size, or are x and y the other way round (swapped)?"));
            }
            throw e;
        }
    }

    /**
     * A file of m rows, n = 2 features, whose block k has targets about 10k + 1 (so the blocks' means differ and
     * every block counts), each row's target a little different (so every row counts).
     */
    private static Probe probe(Path dir, int m, long seed) {
        Random r = new Random(seed);
        double[] x = new double[2 * m], y = new double[m];
        for (int i = 0; i < m; i++) {
            x[2 * i] = r.nextDouble();
            x[2 * i + 1] = r.nextDouble();
            y[i] = 10 * (i / GradientCore.BLOCK) + 1 + r.nextDouble();
        }
        Dataset rows = new Dataset(x, y, 2);
        return new Probe(RowFile.write(rows, dir.resolve("probe-" + m + ".rows")), rows);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("descent-15-check-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary directory for the check's files: " + e.getMessage(), e);
        }
    }

    private static void deleteAll(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary directory the system cleans up in the end: nothing for the student to do
        }
    }

    /** Σ y over the rows {@code keep} accepts, (block, row in block). */
    static double sum(Dataset d, java.util.function.BiPredicate<Integer, Integer> keep) {
        double s = 0;
        for (int i = 0; i < d.rows(); i++) if (keep.test(i / GradientCore.BLOCK, i % GradientCore.BLOCK)) s += d.y(i);
        return s;
    }

    static int blocks(Dataset d) {
        return (d.rows() + GradientCore.BLOCK - 1) / GradientCore.BLOCK;
    }
}
