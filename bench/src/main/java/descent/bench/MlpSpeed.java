package descent.bench;

import descent.core.GradientCore;
import descent.data.Dataset;
import descent.data.Datasets;
import descent.loss.Loss;
import descent.nn.Activation;
import descent.nn.Mlp;
import descent.nn.WeightInit;
import descent.optim.Adam;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A 64–h–10 tanh / softmax cross-entropy network on the digits (pixels ÷ 16), trained with Adam(0.001) in
 * batches of b rows of one seeded shuffle: the figures {@code bench/mlp.py} sets beside PyTorch
 * ({@code bench/mlp_torch.py}, which reads the same start, data and order from the files {@code export}
 * writes).
 * <pre>
 *   MlpSpeed export DIR H B…   the digits, θ₀ (Xavier, seed 1), the order, and θ after 20 steps at each b
 *   MlpSpeed time H B…         one JSON line: seconds per step and per epoch at each b, and the core's FMA rate
 * </pre>
 * A step is what a training loop does per batch: gather the batch's rows, forward, backward, Adam's update;
 * an epoch is every row once, ⌈1797 / b⌉ steps (the last one short). Each figure is the fastest of ten
 * stretches of about 0.15 s, after 3 s of warm-up ({@link #seconds}).
 */
public final class MlpSpeed {
    static final int STEPS_CHECKED = 20;
    private static final double RATE = 0.001;

    private MlpSpeed() {}

    /** The digits with pixels scaled to [0, 1]. */
    static Dataset digits() {
        Dataset raw = Datasets.digits();
        double[] x = raw.x();
        double[] scaled = new double[x.length];
        for (int k = 0; k < x.length; k++) scaled[k] = x[k] / 16;
        return new Dataset(scaled, raw.y(), raw.cols());
    }

    /** A shuffle of 0 … m − 1 from seed 7 (Fisher–Yates). */
    static int[] order(int m) {
        int[] order = new int[m];
        for (int i = 0; i < m; i++) order[i] = i;
        Random random = new Random(7);
        for (int i = m - 1; i > 0; i--) {
            int j = random.nextInt(i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** One training loop: the network's loss, θ, its gradient and Adam, over batches of the order. */
    static final class Loop {
        final Dataset data;
        final int[] order;
        final int batch;
        final Loss loss;
        final double[] theta;
        final double[] grad;
        final Adam adam = new Adam(RATE);
        int next;

        Loop(Dataset data, int[] order, int hidden, int batch) {
            this.data = data;
            this.order = order;
            this.batch = batch;
            Mlp net = Mlp.classes(64, 10, Activation.TANH, hidden);
            this.loss = net.loss();
            this.theta = net.init(WeightInit.XAVIER, 1).weights(net.parameterCount());
            this.grad = new double[theta.length];
        }

        /** One step on the next full batch of the order (wrapping to its start). */
        double step() {
            if (next + batch > order.length) next = 0;
            double cost = loss.valueAndGradient(data, theta, order, next, next + batch, grad);
            adam.step(theta, grad);
            next += batch;
            return cost;
        }

        /** Every row once, in batches of b, the last one short. */
        double epoch() {
            double cost = 0;
            for (int from = 0; from < order.length; from += batch) {
                cost += loss.valueAndGradient(data, theta, order, from, Math.min(from + batch, order.length), grad);
                adam.step(theta, grad);
            }
            return cost;
        }
    }

    public static void main(String[] args) throws IOException {
        int hidden = Integer.parseInt(args[args[0].equals("export") ? 2 : 1]);
        List<Integer> batches = new ArrayList<>();
        for (int k = args[0].equals("export") ? 3 : 2; k < args.length; k++) batches.add(Integer.parseInt(args[k]));
        Dataset data = digits();
        int[] order = order(data.rows());
        if (args[0].equals("export")) {
            export(Path.of(args[1]), data, order, hidden, batches);
            return;
        }
        GradientCore.awaitSimd();
        StringBuilder json = new StringBuilder("{\"hidden\": " + hidden + ", \"kernel\": \"" + GradientCore.kernel() + "\"");
        double sink = 0;
        for (int b : batches) {
            Loop loop = new Loop(data, order, hidden, b);
            double step = seconds(loop::step), epoch = seconds(loop::epoch);
            sink += loop.theta[0];
            json.append(String.format(Locale.ROOT, ", \"step_%d\": %.9g, \"epoch_%d\": %.9g", b, step, b, epoch));
        }
        json.append(String.format(Locale.ROOT, ", \"fma_per_second\": %.6g, \"sink\": %.3g}", fmaRate(), sink));
        System.out.println(json);
    }

    /** The median of five stretches of ~0.4 s, after 3 s of warm-up, in seconds per call. */
    static double seconds(java.util.function.DoubleSupplier call) {
        double sink = 0;
        long start = System.nanoTime();
        long calls = 0;
        while (System.nanoTime() - start < 3_000_000_000L) {
            sink += call.getAsDouble();
            calls++;
        }
        long per = Math.max(1, calls / 20);  // about 0.15 s
        double[] times = new double[10];
        for (int r = 0; r < times.length; r++) {
            long t0 = System.nanoTime();
            for (long c = 0; c < per; c++) sink += call.getAsDouble();
            times[r] = (System.nanoTime() - t0) / 1e9 / per;
        }
        if (Double.isNaN(sink)) throw new IllegalStateException("the loop diverged");
        java.util.Arrays.sort(times);
        return times[0];
    }

    /**
     * The core's multiply-adds per second in the network's own product at its best: C = A·B for A 256×64
     * (a batch of inputs) and B 64×128 (W⁽¹⁾), all in cache, repeated.
     */
    static double fmaRate() {
        int m = 256, k = 64, n = 128;
        double[] a = new double[m * k], b = new double[k * n], c = new double[m * n];
        for (int q = 0; q < a.length; q++) a[q] = 1e-3 * (q % 17);
        for (int q = 0; q < b.length; q++) b[q] = 1e-3 * (q % 13);
        double perCall = seconds(() -> {
            GradientCore.product(a, 0, k, 1, b, 0, m, k, n, c, 0, false);
            return c[0];
        });
        return (double) m * k * n / perCall;
    }

    private static void export(Path dir, Dataset data, int[] order, int hidden, List<Integer> batches) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("x.f64"), data.x());
        write(dir.resolve("y.f64"), data.y());
        double[] o = new double[order.length];
        for (int i = 0; i < o.length; i++) o[i] = order[i];
        write(dir.resolve("order.f64"), o);
        Loop start = new Loop(data, order, hidden, 1);
        write(dir.resolve("theta0-" + hidden + ".f64"), start.theta);
        for (int b : batches) {
            Loop loop = new Loop(data, order, hidden, b);
            double[] costs = new double[STEPS_CHECKED];
            for (int s = 0; s < STEPS_CHECKED; s++) costs[s] = loop.step();
            write(dir.resolve("theta" + STEPS_CHECKED + "-" + hidden + "-" + b + ".f64"), loop.theta);
            write(dir.resolve("costs-" + hidden + "-" + b + ".f64"), costs);
        }
    }

    /** Little-endian doubles, as numpy.fromfile reads them. */
    private static void write(Path file, double[] values) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) bytes.putDouble(v);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.write(bytes.array());
        }
    }
}
