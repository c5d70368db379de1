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
 * block's edge changes the answer, and whose n differ, so that dividing by n shows. The probe files are
 * {@link RowFile#streamedOnly}: load() refuses, and each counts the readers left open after the student's code.
 * 15.1's wrong numbers are named by {@link WindowSlips}, the formula's parts with a wrong value.
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

    private static Feedback judgeWindow(double mb) {
        if (Exercise.isTodo(mb)) return Feedback.notDone("set myWindowMegabytes to a number of megabytes");
        if (mb == 0) return IntegerDivision.zero("myWindowMegabytes", mb);
        double exact = WindowSlips.exact();
        String mine = "myWindowMegabytes = " + Exercise.num(mb);
        if (Math.abs(mb - exact) < 0.006) {
            return Feedback.done(String.format("%.3f MB = 4 blocks × 8,192 rows × 17 doubles (16 features and y) × 8 bytes ÷ 10⁶:"
                    + " the heap a streamed run needs, however large the file", exact));
        }
        if (mb == Math.floor(exact) || mb == Math.rint(exact)) {
            return Feedback.wrong("truncated", mine + " is " + Exercise.num(exact) + " with its fraction cut off (rounded or "
                    + "truncated, as integer division does): give it to two decimals");
        }
        Feedback rounding = rounding(mb, exact, mine);
        if (rounding != null) return rounding;
        Feedback slip = WindowSlips.explain(mb, mine);
        if (slip != null) return slip;
        return Feedback.wrong("other", mine + " MB is not it: " + WindowSlips.parts() + ", with n = 16 features and y "
                + "in a row");
    }

    /** {@code mb} is the right heap cut to fewer decimals than asked, or truncated where rounding was asked. */
    private static Feedback rounding(double mb, double exact, String mine) {
        for (int d = 1; d <= 2; d++) {
            double scale = Math.pow(10, d), rounded = Math.rint(exact * scale) / scale, cut = Math.floor(exact * scale) / scale;
            boolean fewer = d < 2 && Math.abs(mb - rounded) < 1e-9, truncated = Math.abs(mb - cut) < 1e-9 && cut != rounded;
            if (fewer || truncated) {
                return Feedback.wrong("truncated", mine + " is " + Exercise.num(exact) + (truncated ? " truncated" : " rounded")
                        + " to " + (d == 1 ? "one decimal" : "two decimals") + ": to two decimals, rounded, it is "
                        + String.format(java.util.Locale.ROOT, "%.2f", exact));
            }
        }
        return null;
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
                // n differs between the files, so that dividing by n = cols() shows as such
                List<Probe> probes = List.of(probe(dir, 2 * GradientCore.BLOCK + 100, 2, 1),
                        probe(dir, 3 * GradientCore.BLOCK, 3, 2), probe(dir, 50, 5, 3));
                List<Double> answers = new ArrayList<>();
                for (Probe p : probes) answers.add(run(mean, p));
                Feedback said = StreamedMeanDiagnosis.of(probes.stream().map(Probe::rows).toList(), answers);
                int open = probes.stream().mapToInt(p -> p.file().openReaders()).sum();
                int widest = probes.stream().mapToInt(p -> p.file().widestRead()).max().orElse(0);
                if (said.passed() && widest > GradientCore.BLOCK) {
                    return Feedback.wrong("gathered", "your mean is right, but your arrays held " + widest + " rows, more than one "
                            + "block: readBlock(b, x, y, at) put blocks after each other, gathering the file as load() does. "
                            + "Read every block to index 0 (at = 0) of arrays of one block, " + GradientCore.BLOCK + " rows, and add its y "
                            + "before reading the next");
                }
                if (!said.passed() || open == 0) return said;
                return Feedback.wrong("unclosed", "your mean is right, but the reader was never closed: " + open + " reader"
                        + (open == 1 ? "" : "s") + " of the " + probes.size() + " probe files still hold" + (open == 1 ? "s" : "")
                        + " an open file. Open it as try (RowFileReader reader = rowFile.reader()) { … }, which closes it "
                        + "however the block ends (or call reader.close() when done)");
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
        } catch (UnsupportedOperationException e) {
            if (!String.valueOf(e.getMessage()).contains("load()")) throw e;   // not the probe file's refusal
            throw new Diagnosis.Found(Feedback.wrong("loaded", "you loaded the whole file with rowFile.load(): that puts all m "
                    + "rows in the heap at once, which is what a file larger than the heap cannot do (the check's files refuse "
                    + "it). Open a reader and add the y of one block at a time: readBlock(b, x, y, 0)"));
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
     * A file of m rows, n features, whose block k has targets about 10k + 1 (so the blocks' means differ and
     * every block counts), each row's target a little different (so every row counts).
     */
    private static Probe probe(Path dir, int m, int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n * m], y = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) x[n * i + j] = r.nextDouble();
            y[i] = 10 * (i / GradientCore.BLOCK) + 1 + r.nextDouble();
        }
        Dataset rows = new Dataset(x, y, n);
        return new Probe(RowFile.write(rows, dir.resolve("probe-" + m + ".rows")).streamedOnly(), rows);
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
