package descent.bench;

import descent.core.GradientCore;
import descent.data.CsvRows;
import descent.data.Dataset;
import descent.data.RowFile;
import descent.loss.MeanSquaredError;
import descent.optim.GradientDescent;
import descent.train.Descent;
import java.io.BufferedWriter;
import java.io.IOException;
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
 * <p>An epoch's time is that of a run of ⌈m/b⌉ updates less that of a run of one: both runs make the
 * start's and the end's pass over the data, so the difference is the updates of one epoch (less one).
 *
 * <p>Usage: {@code StreamingBenchmark DIR [m n b rounds csvRows]}; writes DIR/stream.rows and DIR/stream.csv
 * (the first csvRows rows, default 250,000).
 */
public final class StreamingBenchmark {
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
        double[][] t = new double[8][rounds];
        double[] w = new double[n], grad = new double[n];
        MeanSquaredError mse = MeanSquaredError.mean();
        for (int r = -1; r < rounds; r++) {  // round −1 warms the page cache and the JIT
            double[] row = {
                seconds(() -> readFloor(file)),
                seconds(() -> mse.valueAndGradient(file, w, grad)),
                seconds(() -> readFloor(file)),
                seconds(() -> mse.valueAndGradient(data, w, grad)),
                seconds(() -> epoch(Descent.of(mse, file), b, updates)),
                seconds(() -> epoch(Descent.of(mse, file), b, 1)),
                seconds(() -> epoch(Descent.of(mse, data).blockShuffle(Descent.DEFAULT_WINDOW_BLOCKS), b, updates)),
                seconds(() -> epoch(Descent.of(mse, data).blockShuffle(Descent.DEFAULT_WINDOW_BLOCKS), b, 1))};
            if (r >= 0) for (int k = 0; k < row.length; k++) t[k][r] = row[k];
        }
        // the floor is read twice a round, before and after the streamed pass: a slow spell falls on both
        double[] floors = new double[2 * rounds];
        System.arraycopy(t[0], 0, floors, 0, rounds);
        System.arraycopy(t[2], 0, floors, rounds, rounds);
        double floor = median(floors), streamedPass = median(t[1]), memoryPass = median(t[3]);
        double streamedEpoch = median(t[4]) - median(t[5]), memoryEpoch = median(t[6]) - median(t[7]);
        System.out.printf(Locale.ROOT, "shape m=%d n=%d b=%d file_bytes=%d rounds=%d kernel=%s%n", m, n, b, file.bytes(),
                rounds, GradientCore.kernel());
        row("read floor", floor, m, floor);
        row("streamed pass (MSE cost + gradient)", streamedPass, m, floor);
        row("in-memory pass", memoryPass, m, floor);
        row("streamed minibatch epoch", streamedEpoch, m, floor);
        row("in-memory minibatch epoch (same block shuffle)", memoryEpoch, m, floor);
        System.out.printf(Locale.ROOT, "ratio streamed/in-memory pass=%.2f epoch=%.2f%n", streamedPass / memoryPass,
                streamedEpoch / memoryEpoch);
        int[] first = new int[csvRows];
        for (int i = 0; i < csvRows; i++) first[i] = i;
        Path csv = writeCsv(data.select(first), dir.resolve("stream.csv"));
        double[] convert = new double[rounds];
        for (int r = -1; r < rounds; r++) {
            Files.deleteIfExists(CsvRows.rowFileOf(csv));
            double s = seconds(() -> CsvRows.convert(csv, "y"));
            if (r >= 0) convert[r] = s;
        }
        System.out.printf(Locale.ROOT, "csv bytes=%d convert_s=%.3f MB_per_s=%.1f rows_per_s=%.0f%n", Files.size(csv),
                median(convert), Files.size(csv) / 1e6 / median(convert), csvRows / median(convert));
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
            throw new java.io.UncheckedIOException(e);
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
