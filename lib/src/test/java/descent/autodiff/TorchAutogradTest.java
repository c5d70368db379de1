package descent.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three small networks against torch.autograd in float64: the data, the parameters, torch's loss and
 * torch's gradient of every parameter were written by lib/src/test/python/torch_autograd_reference.py
 * into resources/torch/autograd.txt (torch's version in its header). The same graphs built from
 * {@link Tensor} and {@link TensorLosses} must give the same loss and gradients to 1e-12. No Python here.
 */
class TorchAutogradTest {
    private static final double TOLERANCE = 1e-12;
    private static Map<String, Map<String, Tensor>> networks;
    /** The largest |descent − torch| / max(1, |torch|) over every loss and gradient entry. */
    private static double largest;

    @BeforeAll
    static void read() throws IOException {
        InputStream in = TorchAutogradTest.class.getResourceAsStream("/torch/autograd.txt");
        assertNotNull(in, "missing test resource /torch/autograd.txt");
        networks = new LinkedHashMap<>();
        Map<String, Tensor> current = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.trim().split(" ");
                if (f[0].equals("network")) {
                    current = new LinkedHashMap<>();
                    networks.put(f[1], current);
                    continue;
                }
                int rows = Integer.parseInt(f[1]), cols = Integer.parseInt(f[2]);
                assertEquals(3 + rows * cols, f.length, f[0] + ": " + rows + "×" + cols + " entries");
                double[] v = new double[rows * cols];
                for (int k = 0; k < v.length; k++) v[k] = Double.parseDouble(f[3 + k]);
                current.put(f[0], Tensor.of(v, rows, cols));
            }
        }
        assertEquals(3, networks.size(), "networks in the file: " + networks.keySet());
    }

    @AfterAll
    static void report() {
        System.out.printf("descent.autodiff vs torch.autograd: largest difference %.2e%n", largest);
    }

    @Test
    void tanhNetworkWithSoftmaxCrossEntropy() {
        Map<String, Tensor> n = networks.get("tanh_softmax");
        double[] c = n.get("classes").data();
        int[] classes = new int[c.length];
        for (int i = 0; i < c.length; i++) classes[i] = (int) c[i];
        Tensor logits = n.get("X").matmul(n.get("W1")).addRow(n.get("b1")).tanh().matmul(n.get("W2")).addRow(n.get("b2"));
        compare("tanh_softmax", n, TensorLosses.softmaxCrossEntropy(logits, classes));
    }

    @Test
    void sigmoidNetworkWithMeanSquaredError() {
        Map<String, Tensor> n = networks.get("sigmoid_mse");
        Tensor prediction = n.get("X").matmul(n.get("W1")).addRow(n.get("b1")).sigmoid().matmul(n.get("W2")).addRow(n.get("b2"));
        compare("sigmoid_mse", n, TensorLosses.meanSquaredError(prediction, n.get("targets").data()));
    }

    @Test
    void twoHiddenLayersWithLogLoss() {
        Map<String, Tensor> n = networks.get("relu_tanh_log");
        Tensor hidden = n.get("X").matmul(n.get("W1")).addRow(n.get("b1")).relu().matmul(n.get("W2")).addRow(n.get("b2")).tanh();
        compare("relu_tanh_log", n, TensorLosses.logLoss(hidden.matmul(n.get("W3")).addRow(n.get("b3")), n.get("labels").data()));
    }

    /** Backward from {@code loss}; then its value and every parameter's gradient against torch's. */
    private static void compare(String network, Map<String, Tensor> n, Tensor loss) {
        loss.backward();
        close(network + " loss", n.get("loss").value(), loss.value());
        int parameters = 0;
        for (Map.Entry<String, Tensor> e : n.entrySet()) {
            if (!e.getKey().startsWith("grad_")) continue;
            String name = e.getKey().substring("grad_".length());
            double[] torch = e.getValue().data(), mine = n.get(name).grad();
            assertEquals(torch.length, mine.length, network + " " + name);
            for (int k = 0; k < torch.length; k++) close(network + " d loss/d " + name + "[" + k + "]", torch[k], mine[k]);
            parameters++;
        }
        assertTrue(parameters >= 4, network + ": only " + parameters + " gradients in the file");
        // the data gets no gradient of its own in torch (requires_grad=False); here it is computed and must be finite
        for (double g : n.get("X").grad()) assertTrue(Double.isFinite(g));
    }

    private static void close(String what, double torch, double mine) {
        double gap = Math.abs(mine - torch) / Math.max(1, Math.abs(torch));
        largest = Math.max(largest, gap);
        assertTrue(gap <= TOLERANCE, what + ": descent " + mine + ", torch " + torch);
        assertTrue(torch != 0, what + " is 0 in torch: a zero gradient proves nothing");
    }
}
