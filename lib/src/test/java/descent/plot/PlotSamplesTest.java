package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Datasets;
import descent.function.Himmelblau;
import descent.function.QuadraticBowl;
import descent.linalg.LeastSquares;
import descent.loss.Losses;
import descent.loss.MeanSquaredError;
import descent.optim.GradientDescent;
import descent.optim.Momentum;
import descent.train.Minimizer;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Renders one of each chart (also saved to target/plot-samples/ to be looked at). */
class PlotSamplesTest {

    private static void save(BufferedImage img, String name) throws Exception {
        Path dir = Path.of("target", "plot-samples");
        Files.createDirectories(dir);
        ImageIO.write(img, "png", new File(dir.toFile(), name + ".png"));
        assertTrue(img.getWidth() >= 300 && img.getHeight() >= 200);
        assertTrue(distinctColours(img) > 5, name + " is nearly blank");
    }

    static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) seen.add(img.getRGB(x, y));
        }
        return seen.size();
    }

    @Test
    void everyChartRenders() throws Exception {
        save(LineChart.of("Learning curves").xLabel("iteration").yLabel("cost J").logY()
                .series("η = 0.1", new double[] {10, 5, 2, 1, 0.5, 0.2})
                .series("η = 1.1", new double[] {10, 30, 90, Double.NaN}).image(), "line");
        var data = Datasets.linear(50, 42);
        save(Plots.fittedLines(data, List.of(new double[] {1, 1}, new double[] {5, 4}, new double[] {8, 6}),
                new double[] {0, 2, 8, 22}), "fitted");
        save(Plots.heatMap("Final cost", "η", new double[] {0.01, 0.1, 1}, "batch size", new double[] {1, 32},
                new double[][] {{1.2, 0.9, Double.NaN}, {1.5, 1.0, 1e9}}), "heat");
        var h = new Himmelblau();
        save(ContourPlot.of(h).logLevels().path(Minimizer.walk(h, new GradientDescent(0.01), new double[] {0, 0}, 200))
                .path(Minimizer.walk(h, new Momentum(0.005, 0.8), new double[] {-1, -4}, 200)).image(), "contour");
        var lecture = Datasets.linear(100, 42).withBias();
        var j = Losses.asObjective(MeanSquaredError.mean(), lecture);
        double[] w = LeastSquares.solve(lecture);
        var walk = Minimizer.walk(j, new GradientDescent(0.1), new double[] {0, 0}, 60);
        save(Surface3D.of(j, new double[] {w[0] - 8, w[0] + 8, w[1] - 8, w[1] + 8}).title("J(w0, w1)")
                .axes("w0", "w1", "J").trajectory(walk.points()).image(), "surface");
        save(Plots.decisionBoundary(Datasets.twoClass(200, 3), new double[] {-0.5, 1, 1}, "Decision boundary"), "boundary");
        save(ContourPlot.of(new QuadraticBowl(10)).path(Minimizer.walk(new QuadraticBowl(10),
                new GradientDescent(0.18), new double[] {-9, 3}, 30)).image(), "bowl");
        assertEquals("none", Show.kernel());
    }

    @Test
    void learningCurvesHelper() throws Exception {
        save(Plots.learningCurves("Learning curves", Map.of("a", new double[] {3, 2, 1}), false), "curves");
    }
}
