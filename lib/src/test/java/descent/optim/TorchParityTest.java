package descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java optimisers against PyTorch's torch.optim: trajectories written by
 * lib/src/test/python/torch_reference.py (settings in each CSV's header) on
 * f(x, y) = (1 − x)² + 5 (y − x²)² from (−1.5, 2), 150 steps, float64. No Python needed here.
 */
class TorchParityTest {

    static Stream<Arguments> runs() {
        return Stream.of(
                run("sgd", () -> new GradientDescent(0.01)),
                run("sgd_momentum", () -> new Momentum(0.002, 0.9)),
                run("sgd_nesterov", () -> new Nesterov(0.002, 0.9)),
                run("adagrad", () -> new Adagrad(0.3, 1e-7)),
                run("rmsprop", () -> new RMSprop(0.02, 0.9, 1e-7)),
                run("adam", () -> new Adam(0.05)));
    }

    private static Arguments run(String csv, Supplier<Optimizer> optimizer) {
        return Arguments.of(csv, optimizer);
    }

    /** Same expression and evaluation order as gradient() in torch_reference.py. */
    static void gradient(double[] p, double[] g) {
        double x = p[0], y = p[1];
        double d = y - x * x;
        g[0] = -2.0 * (1.0 - x) - 20.0 * x * d;
        g[1] = 10.0 * d;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void trajectoryMatchesTorch(String csv, Supplier<Optimizer> make) throws IOException {
        List<double[]> torch = read("/torch/" + csv + ".csv");
        assertEquals(151, torch.size(), "rows: start + 150 steps");
        Optimizer optimizer = make.get();
        double[] theta = {torch.get(0)[0], torch.get(0)[1]};
        double[] g = new double[2];
        for (int step = 1; step < torch.size(); step++) {
            gradient(theta, g);
            optimizer.step(theta, g);
            double[] expected = torch.get(step);
            for (int i = 0; i < 2; i++) {
                double scale = Math.max(Math.abs(expected[i]), Math.abs(theta[i]));
                assertTrue(Math.abs(theta[i] - expected[i]) <= 1e-10 * scale,
                        csv + " step " + step + " coordinate " + i + ": java " + theta[i] + " torch " + expected[i]);
            }
        }
        // the run must have gone somewhere, or matching would prove little
        assertTrue(Math.abs(theta[0] - torch.get(0)[0]) > 1, csv + " barely moved");
    }

    private static List<double[]> read(String resource) throws IOException {
        InputStream in = TorchParityTest.class.getResourceAsStream(resource);
        assertNotNull(in, "missing test resource " + resource);
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("step")) continue;
                String[] f = line.split(",");
                assertEquals(rows.size(), Integer.parseInt(f[0]), "step numbers are consecutive");
                rows.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
            }
        }
        return rows;
    }
}
