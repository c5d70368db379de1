package descent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import descent.data.Dataset;
import descent.loss.Loss;
import descent.optim.Adam;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Networks trained by torch: a few steps of {@code torch.optim.Adam} on batches of rows, for three
 * networks (every head, every activation, one and two hidden layers), written once by
 * {@code src/test/python/torch_mlp_reference.py} into resources/torch/mlp.txt. The same steps here,
 * through the written-out pass ({@link Mlp#loss()}) and through the autodiff graph ({@link Mlp#graphLoss()}),
 * each with the library's {@link Adam}, must give every step's loss and the final weights to 1e-10.
 */
class TorchMlpTest {
    private static final double TOLERANCE = 1e-10;

    /** One network of the file: its config line's settings and its named matrices, in order. */
    private record Network(String name, Map<String, String> config, Map<String, double[]> matrices) {}

    private static List<Network> read() throws IOException {
        InputStream in = TorchMlpTest.class.getResourceAsStream("/torch/mlp.txt");
        assertNotNull(in, "missing test resource /torch/mlp.txt");
        List<Network> networks = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.trim().split(" ");
                if (f[0].equals("network")) {
                    networks.add(new Network(f[1], new LinkedHashMap<>(), new LinkedHashMap<>()));
                } else if (f[0].equals("config")) {
                    for (int k = 1; k < f.length; k++) {
                        String[] kv = f[k].split("=");
                        networks.get(networks.size() - 1).config().put(kv[0], kv[1]);
                    }
                } else {
                    int count = Integer.parseInt(f[1]) * Integer.parseInt(f[2]);
                    double[] values = new double[count];
                    for (int k = 0; k < count; k++) values[k] = Double.parseDouble(f[3 + k]);
                    networks.get(networks.size() - 1).matrices().put(f[0], values);
                }
            }
        }
        return networks;
    }

    @Test
    void adamStepsOfEveryNetworkMatchTorch() throws IOException {
        List<Network> networks = read();
        assertEquals(3, networks.size(), "networks in mlp.txt");
        for (Network n : networks) {
            int[] widths = Arrays.stream(n.config().get("widths").split(",")).mapToInt(Integer::parseInt).toArray();
            Mlp net = new Mlp(Head.valueOf(n.config().get("head")), Activation.valueOf(n.config().get("activation")), widths);
            double rate = Double.parseDouble(n.config().get("rate"));
            Dataset data = new Dataset(n.matrices().get("X"), n.matrices().get("y"), widths[0]);
            for (Loss loss : new Loss[] {net.loss(), net.graphLoss()}) {
                String what = n.name() + " through " + loss.getClass().getSimpleName();
                double[] theta = parameters(n, widths, "");
                double[] grad = new double[theta.length];
                Adam adam = new Adam(rate);
                int steps = 0;
                for (; n.matrices().containsKey("rows" + steps); steps++) {
                    int[] rows = Arrays.stream(n.matrices().get("rows" + steps)).mapToInt(v -> (int) v).toArray();
                    double cost = loss.valueAndGradient(data, theta, rows, 0, rows.length, grad);
                    assertEquals(n.matrices().get("loss" + steps)[0], cost, TOLERANCE, what + ": loss of step " + steps);
                    adam.step(theta, grad);
                }
                assertEquals(6, steps, what + ": steps in the file");
                double[] expected = parameters(n, widths, "_after");
                for (int k = 0; k < theta.length; k++) {
                    assertEquals(expected[k], theta[k], TOLERANCE, what + ": θ[" + k + "] after " + steps + " steps");
                }
            }
        }
    }

    /** θ = (W1, b1, W2, b2, …) from the file's matrices named W1{suffix}, b1{suffix}, …: Mlp's layout. */
    private static double[] parameters(Network n, int[] widths, String suffix) {
        List<double[]> parts = new ArrayList<>();
        int size = 0;
        for (int l = 1; l < widths.length; l++) {
            for (String name : new String[] {"W" + l, "b" + l}) {
                double[] part = n.matrices().get(name + suffix);
                assertNotNull(part, n.name() + ": no " + name + suffix + " in mlp.txt");
                parts.add(part);
                size += part.length;
            }
        }
        double[] theta = new double[size];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, theta, at, part.length);
            at += part.length;
        }
        return theta;
    }
}
