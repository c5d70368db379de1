package descent.data;

import descent.Check;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The course's example data, each from an explicit seed (a {@link Random} drawn in the order the
 * javadoc states, so a seed always gives the same numbers).
 */
public final class Datasets {
    private Datasets() {}

    /** A train/test split. */
    public record Split(Dataset train, Dataset test) {}

    /** m draws from N(mean, sd²): {@code mean + sd·nextGaussian()}, in order. */
    public static double[] normalSample(int m, double mean, double sd, long seed) {
        Check.size("m", m, 1);
        Check.positive("sd", sd);
        if (!Double.isFinite(mean)) throw new IllegalArgumentException("mean = " + mean + " is invalid: it must be finite");
        Random random = new Random(seed);
        double[] x = new double[m];
        for (int i = 0; i < m; i++) x[i] = mean + sd * random.nextGaussian();
        return x;
    }

    /**
     * The lecture's regression data: x ~ U[0, 2) and y = 8 + 6x + ε, ε ~ N(0, 1). For each row,
     * x = 2·nextDouble() then ε = nextGaussian(). One feature column named "x" (no bias column).
     */
    public static Dataset linear(int m, long seed) {
        Check.size("m", m, 2);
        Random random = new Random(seed);
        double[] x = new double[m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = 2 * random.nextDouble();
            y[i] = 8 + 6 * x[i] + random.nextGaussian();
        }
        return new Dataset(x, y, 1, new String[] {"x"});
    }

    /**
     * y = Σ_j trueW_j x_ij + noiseSd·ε with x_ij ~ U[0, 2) and ε ~ N(0, 1), no intercept. Per row:
     * the n features, then ε.
     */
    public static Dataset linear(int m, int n, double[] trueW, double noiseSd, long seed) {
        Check.atLeast("n", n, 1);
        Check.size("m", m, n + 1);
        checkLinear(n, trueW, noiseSd);
        double[] x = new double[m * n];
        double[] y = new double[m];
        int[] i = {0};
        drawLinear(m, n, trueW, noiseSd, seed, (row, target) -> {
            System.arraycopy(row, 0, x, i[0] * n, n);
            y[i[0]++] = target;
        });
        return new Dataset(x, y, n);
    }

    /**
     * The rows of {@link #linear(int, int, double[], double, long)} written to a row file instead of memory, for
     * data larger than the heap: the same draws in the same order, so its first k rows are
     * {@code linear(k, n, trueW, noiseSd, seed)}'s. One block of rows in the heap while it writes; the file
     * appears complete or not at all (written beside it, then renamed). Columns "x0" … "x(n−1)", target "y".
     */
    public static RowFile linearFile(Path file, int m, int n, double[] trueW, double noiseSd, long seed) {
        Check.notNull("file", file);
        Check.atLeast("n", n, 1);
        Check.atLeast("m", m, n + 1);
        checkLinear(n, trueW, noiseSd);
        fitsDisk(file, (long) m * (n + 1) * Double.BYTES, "m × (n + 1) = " + m + " × " + (n + 1) + " doubles");
        String[] names = new String[n];
        for (int j = 0; j < n; j++) names[j] = "x" + j;
        try (RowFileWriter writer = new RowFileWriter(file, names, "y", null)) {
            drawLinear(m, n, trueW, noiseSd, seed, (row, target) -> writer.add(row, 0, target));
            writer.finish();
        }
        return RowFile.open(file);
    }

    /**
     * Refuses, before writing anything, a file that would take more than half the free space of the disk it goes
     * to: a typo in m should not fill the disk (and the notebooks' temporary directory shares it with the system).
     */
    private static void fitsDisk(Path file, long bytes, String what) {
        Path dir = file.toAbsolutePath().getParent();
        long free;
        try {
            free = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a row file in " + dir + ": " + e.getMessage(), e);
        }
        if (bytes > free / 2) {
            throw new IllegalArgumentException(what + " is invalid: the file would take " + bytes / 1_000_000 + " MB, more "
                    + "than half of the " + free / 1_000_000 + " MB free in " + dir);
        }
    }

    private static void checkLinear(int n, double[] trueW, double noiseSd) {
        Check.length("trueW", trueW, n, "one true weight per column");
        Check.finite("trueW", trueW);
        Check.nonNegative("noiseSd", noiseSd);
    }

    /** Where {@link #drawLinear} puts each row: its n features (the array is reused) and its target. */
    private interface RowSink {
        void add(double[] row, double target);
    }

    /** The draws of {@link #linear(int, int, double[], double, long)}, row by row. */
    private static void drawLinear(int m, int n, double[] trueW, double noiseSd, long seed, RowSink sink) {
        Random random = new Random(seed);
        double[] row = new double[n];
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                row[j] = 2 * random.nextDouble();
                s += trueW[j] * row[j];
            }
            sink.add(row, s + noiseSd * random.nextGaussian());
        }
    }

    /**
     * Two classes in the plane: m/2 points around (−1, −1) labelled 0 and the rest around
     * (1.5, 1.5) labelled 1, both with standard deviation 1, then shuffled. Columns "x1", "x2".
     */
    public static Dataset twoClass(int m, long seed) {
        Check.atLeast("m", m, 2);
        Check.size("m", m, 3);
        Random random = new Random(seed);
        double[] x = new double[2 * m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            int label = i < m / 2 ? 0 : 1;
            double centre = label == 0 ? -1 : 1.5;
            x[2 * i] = centre + random.nextGaussian();
            x[2 * i + 1] = centre + random.nextGaussian();
            y[i] = label;
        }
        return new Dataset(x, y, 2, new String[] {"x1", "x2"}).select(permutation(m, random));
    }

    /** The same rows ordered by increasing y: data an unshuffled SGD pass would see in order. */
    public static Dataset sortedByTarget(Dataset data) {
        Check.notNull("data", data);
        int[] order = IntStream.range(0, data.rows()).boxed()
                .sorted(Comparator.comparingDouble(data::y)).mapToInt(Integer::intValue).toArray();
        return data.select(order);
    }

    /** Shuffles the rows with the seed and puts round(m·testFraction) of them in the test set. */
    public static Split split(Dataset data, double testFraction, long seed) {
        Check.notNull("data", data);
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction = " + testFraction + " is invalid: it must be in (0, 1)");
        }
        int m = data.rows();
        int test = (int) Math.round(m * testFraction);
        if (test < 1 || test > m - 1) {
            throw new IllegalArgumentException("testFraction = " + testFraction + " of m = " + m
                    + " rows gives " + test + " test rows: both parts need at least one row");
        }
        int[] order = permutation(m, seed);
        return new Split(data.select(Arrays.copyOfRange(order, test, m)), data.select(Arrays.copyOf(order, test)));
    }

    /**
     * The Breast Cancer Wisconsin (Diagnostic) data shipped with the library: 569 rows, 30 named
     * features, y = 1 for malignant (212 rows), 0 for benign. Origin and license:
     * {@code descent/data/NOTICE.md}.
     */
    public static Dataset breastCancer() {
        return shipped("breast_cancer.csv", "malignant");
    }

    /**
     * The 8×8 handwritten digits shipped with the library: 1,797 rows, 64 pixel columns {@code p00 … p77}
     * (row, column; ink counts 0 … 16), y = the digit 0 … 9 (174–183 rows each). Origin and license:
     * {@code descent/data/NOTICE.md}.
     */
    public static Dataset digits() {
        return shipped("digits.csv", "digit");
    }

    /** A data set shipped in the library's jar, next to this class, with its target column. */
    private static Dataset shipped(String file, String target) {
        try (InputStream in = Datasets.class.getResourceAsStream(file)) {
            if (in == null) throw new IllegalStateException(file + " is missing from the library jar");
            return CsvData.read(in, file, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Two interleaving half circles in the plane, a set no straight line separates: class 0 on the upper
     * arc (cos t, sin t), class 1 on the lower arc (1 − cos t, 0.5 − sin t), t uniform in [0, π], each
     * point moved by N(0, noise²) in both coordinates, then shuffled (scikit-learn's {@code make_moons},
     * with random instead of evenly spaced t). Columns "x1", "x2"; m/2 rows of class 0.
     */
    public static Dataset twoMoons(int m, double noise, long seed) {
        Check.atLeast("m", m, 2);
        Check.size("m", m, 3);
        Check.nonNegative("noise", noise);
        Random random = new Random(seed);
        double[] x = new double[2 * m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            int label = i < m / 2 ? 0 : 1;
            double t = Math.PI * random.nextDouble();
            x[2 * i] = (label == 0 ? Math.cos(t) : 1 - Math.cos(t)) + noise * random.nextGaussian();
            x[2 * i + 1] = (label == 0 ? Math.sin(t) : 0.5 - Math.sin(t)) + noise * random.nextGaussian();
            y[i] = label;
        }
        return new Dataset(x, y, 2, new String[] {"x1", "x2"}).select(permutation(m, random));
    }

    /** A uniformly random permutation of 0 … m−1 from the seed: a shuffled order of the rows. */
    public static int[] permutation(int m, long seed) {
        Check.size("m", m, 1);
        int[] p = IntStream.range(0, m).toArray();
        new RowShuffler(seed).shuffle(p);  // the numbers of new Random(seed), drawn faster
        return p;
    }

    /** A uniformly random permutation of 0 … m−1 (Fisher–Yates, drawing from {@code random}). */
    private static int[] permutation(int m, Random random) {
        int[] p = IntStream.range(0, m).toArray();
        shuffle(p, random);
        return p;
    }

    /**
     * Shuffles {@code order} in place, every permutation equally likely: the Fisher–Yates shuffle
     * (Knuth, <i>TAOCP</i> vol. 2, §3.4.2, Algorithm P), drawing from {@code random}. The library's
     * own shuffles draw the same numbers from a {@link RowShuffler}, which is faster.
     */
    public static void shuffle(int[] order, Random random) {
        Check.notNull("order", order);
        Check.notNull("random", random);
        for (int i = order.length - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
    }
}
