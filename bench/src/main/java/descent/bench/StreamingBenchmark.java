package descent.bench;

import descent.core.GradientCore;
import descent.data.CsvRows;
import descent.data.Dataset;
import descent.data.RowFile;
import descent.loss.MeanSquaredError;
import descent.optim.GradientDescent;
import descent.train.Descent;
import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Issue #49's speed figures (bench/STREAMING.md): on one row file, page cache warm, in turn each
 * round: the floor (one read of the file, block by block, into a direct buffer), a streamed pass
 * (the MSE cost and gradient over the file), the same pass in memory, and a minibatch epoch
 * streamed and in memory; then the CSV → row file conversion of the same rows. Medians of the rounds.
 *
 * <p>An epoch's time is that of a run of {@link #EPOCHS}·⌈m/b⌉ updates less that of a run of one, over
 * {@link #EPOCHS}: both runs make the start's and the end's pass over the data, so the difference is
 * the updates of the epochs (less one); three epochs, not one, so that the difference outweighs the noise.
 *
 * <p>Usage: {@code StreamingBenchmark DIR [m n b rounds csvRows]}; writes DIR/stream.rows and DIR/stream.csv
 * (the first csvRows rows, default 250,000).
 */
public final class StreamingBenchmark {
    /** Epochs per timed run of minibatch descent. */
    private static final int EPOCHS = 3;

    private StreamingBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int b = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        int csvRows = Math.min(m, args.length > 5 ? Integer.parseInt(args[5]) : 250_000);
        GradientCore.awaitSimd();
        Dataset data = data(m, n);
        RowFile file = RowFile.write(data, dir.resolve("stream.rows"));
        int updates = (m + b - 1) / b;
        double[][] t = new double[9][rounds];
        double[] w = new double[n], grad = new double[n];
        MeanSquaredError mse = MeanSquaredError.mean();
        for (int r = -1; r < rounds; r++) {  // round −1 warms the page cache and the JIT
            double[] row = {
                seconds(() -> readFloor(file)),
                seconds(() -> mse.valueAndGradient(file, w, grad)),
                seconds(() -> readFloor(file)),
                seconds(() -> mse.valueAndGradient(data, w, grad)),
                seconds(() -> epoch(Descent.of(mse, file), b, EPOCHS * updates)),
                seconds(() -> epoch(Descent.of(mse, file), b, 1)),
                seconds(() -> epoch(Descent.of(mse, data).blockShuffle(Descent.DEFAULT_WINDOW_BLOCKS), b, EPOCHS * updates)),
                seconds(() -> epoch(Descent.of(mse, data).blockShuffle(Descent.DEFAULT_WINDOW_BLOCKS), b, 1)),
                seconds(() -> twoPassesAtOnce(mse, data))};
            if (r >= 0) for (int k = 0; k < row.length; k++) t[k][r] = row[k];
        }
        // the floor is read twice a round, before and after the streamed pass: a slow spell falls on both
        double[] floors = new double[2 * rounds];
        System.arraycopy(t[0], 0, floors, 0, rounds);
        System.arraycopy(t[2], 0, floors, rounds, rounds);
        double floor = median(floors), streamedPass = median(t[1]), memoryPass = median(t[3]);
        double streamedEpoch = (median(t[4]) - median(t[5])) / EPOCHS, memoryEpoch = (median(t[6]) - median(t[7])) / EPOCHS;
        System.out.printf(Locale.ROOT, "shape m=%d n=%d b=%d file_bytes=%d rounds=%d kernel=%s%n", m, n, b, file.bytes(),
                rounds, GradientCore.kernel());
        row("read floor", floor, m, floor);
        row("streamed pass (MSE cost + gradient)", streamedPass, m, floor);
        row("in-memory pass", memoryPass, m, floor);
        row("streamed minibatch epoch", streamedEpoch, m, floor);
        row("in-memory minibatch epoch (same block shuffle)", memoryEpoch, m, floor);
        System.out.printf(Locale.ROOT, "ratio streamed/in-memory pass=%.2f epoch=%.2f%n", streamedPass / memoryPass,
                streamedEpoch / memoryEpoch);
        // the same ratios round by round (each round's two runs side by side), then their median and range
        double[] passRatio = new double[rounds], epochRatio = new double[rounds], cores = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            passRatio[r] = (t[0][r] + t[2][r]) / 2 / t[1][r];
            epochRatio[r] = (t[4][r] - t[5][r]) / (t[6][r] - t[7][r]);
            cores[r] = 2 * t[3][r] / t[8][r];
        }
        spread("per round: streamed pass / floor (rows/s)", passRatio);
        spread("per round: streamed epoch / in-memory epoch (time)", epochRatio);
        // 2 when a second core is free for the read ahead, 1 when the two threads share one core
        spread("per round: cores free (2 × one pass / two passes at once)", cores);
        System.out.printf(Locale.ROOT, "without overlap a pass costs read + sum: %.2f× the floor's rows/s%n",
                floor / (floor + memoryPass));
        int[] first = new int[csvRows];
        for (int i = 0; i < csvRows; i++) first[i] = i;
        Path csv = writeCsv(data.select(first), dir.resolve("stream.csv"));
        double[][] c = new double[4][rounds];
        for (int r = -1; r < rounds; r++) {
            Files.deleteIfExists(CsvRows.rowFileOf(csv));
            double[] row = {
                seconds(() -> decode(csv)),
                seconds(() -> tokenise(csv, false)),
                seconds(() -> tokenise(csv, true)),
                seconds(() -> CsvRows.convert(csv, "y"))};
            if (r >= 0) for (int k = 0; k < row.length; k++) c[k][r] = row[k];
        }
        long bytes = Files.size(csv);
        System.out.printf(Locale.ROOT, "csv bytes=%d rows=%d%n", bytes, csvRows);
        csvRow("csv read and decoded (UTF-8 → chars)", median(c[0]), bytes, csvRows);
        csvRow("csv tokenised by FastCSV (no number read)", median(c[1]), bytes, csvRows);
        csvRow("csv tokenised, every number read (no file)", median(c[2]), bytes, csvRows);
        csvRow("csv converted (CsvRows.convert)", median(c[3]), bytes, csvRows);
    }

    private static void csvRow(String what, double seconds, long bytes, int rows) {
        System.out.printf(Locale.ROOT, "%-48s %8.3f s %8.1f MB/s %10.0f rows/s%n", what, seconds, bytes / 1e6 / seconds,
                rows / seconds);
    }

    private static void spread(String what, double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-58s median %.2f, range %.2f–%.2f%n", what, median(a), s[0], s[s.length - 1]);
    }

    /** Two in-memory passes on two threads at once: as long as one when two cores are free, twice as long on one. */
    private static void twoPassesAtOnce(MeanSquaredError mse, Dataset data) {
        Thread other = new Thread(() -> mse.valueAndGradient(data, new double[data.cols()], new double[data.cols()]));
        other.start();
        mse.valueAndGradient(data, new double[data.cols()], new double[data.cols()]);
        try {
            other.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CSV's text read and decoded, nothing parsed: the floor of any conversion from characters. */
    private static void decode(Path csv) {
        char[] buffer = new char[1 << 16];
        try (Reader in = new InputStreamReader(Files.newInputStream(csv), StandardCharsets.UTF_8)) {
            while (in.read(buffer) >= 0) { /* read on */ }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * FastCSV's records and fields, each field only counted (the tokeniser's share of a conversion) or
     * also read as a number by FastDoubleParser, as CsvRows reads it (the conversion less the row file).
     */
    private static void tokenise(Path csv, boolean numbers) {
        CsvCallbackHandler<double[]> count = new AbstractBaseCsvCallbackHandler<>() {
            private final double[] fields = new double[1];
            private boolean pastHeader;

            @Override protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
                fields[0] += numbers && pastHeader ? JavaDoubleParser.parseDouble(buf, offset, len) : len;
            }

            @Override protected double[] buildRecord() {
                pastHeader = true;
                return fields;
            }
        };
        try (CsvReader<double[]> reader = CsvReader.builder().build(count, csv, StandardCharsets.UTF_8)) {
            for (double[] ignored : reader) { /* read on */ }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(String what, double seconds, int m, double floor) {
        System.out.printf(Locale.ROOT, "%-48s %8.3f s %12.0f rows/s  %.2f× the floor's rows/s%n", what, seconds, m / seconds,
                floor / seconds);
    }

    private static void epoch(Descent d, int b, int updates) {
        d.optimizer(new GradientDescent(0.001)).minibatch(b).seed(1).maxIterations(updates).run();
    }

    /** One read of the file, block after block, into one direct buffer: what any pass over it must pay. */
    private static void readFloor(RowFile file) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(GradientCore.BLOCK * (file.cols() + 1) * Double.BYTES);
        try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            while (channel.read(buffer.clear()) > 0) { /* read on */ }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Dataset data(int m, int n) {
        Random random = new Random(49);
        double[] x = new double[m * n], y = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += (j + 1) * (x[i * n + j] = random.nextGaussian());
            y[i] = s + random.nextGaussian();
        }
        return new Dataset(x, y, n);
    }

    /** The rows as CSV, shortest round-trip digits (what a program writing its doubles writes). */
    static Path writeCsv(Dataset data, Path csv) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write(String.join(",", data.names()) + ",y\n");
            StringBuilder line = new StringBuilder();
            double[] x = data.x();
            for (int i = 0; i < data.rows(); i++) {
                line.setLength(0);
                for (int j = 0; j < data.cols(); j++) line.append(x[i * data.cols() + j]).append(',');
                out.append(line.append(data.y(i)).append('\n'));
            }
        }
        return csv;
    }

    private static double seconds(Runnable run) {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
