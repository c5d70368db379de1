package descent.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.function.Himmelblau;
import descent.function.SampleMse;
import descent.loss.MeanSquaredError;
import descent.optim.Adam;
import descent.optim.GradientDescent;
import descent.optim.Momentum;
import descent.train.Descent;
import descent.train.History;
import descent.train.Minimizer;
import descent.train.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each explorer's frames hold the runs they claim to show, computed again here independently. */
class ExplorersTest {

    private static double[] xs(Map<String, Object> trace) {
        return (double[]) trace.get("x");
    }

    private static double[] ys(Map<String, Object> trace) {
        return (double[]) trace.get("y");
    }

    @Test
    void learningRateFramesAreTheWalksOfEachRate() {
        SampleMse f = new SampleMse(Datasets.normalSample(200, 2.0, 0.3, 42));
        double[] etas = {0.1, 0.5, 1.05};
        Explorer e = Explorers.learningRate(f, 1.0, etas, 10, 1, 3);
        assertEquals(List.of("0.1", "0.5", "1.05"), e.frameNames());
        for (int k = 0; k < etas.length; k++) {
            Path p = Minimizer.walk(f, new GradientDescent(etas[k]), new double[] {1.0}, 10);
            Map<String, Object> steps = e.frameTraces(k).get(0);
            assertEquals(p.points().length, xs(steps).length);
            for (int t = 0; t < p.points().length; t++) assertEquals(p.points()[t][0], xs(steps)[t], 0.0);
            assertArrayEquals(p.values(), ys(steps), 0.0);
        }
        assertArrayEquals(xs(e.frameTraces(0).get(0)), xs(e.traces().get(1)), 0.0, "the chart opens on the first η");
        assertTrue(e.html(null).contains("Plotly.addFrames"));
    }

    @Test
    void regressionFramesEndOnTheRunsFinalLine() {
        Dataset line = Datasets.linear(50, 42);
        double[] etas = {0.02, 0.1};
        Explorer e = Explorers.regressionLines(MeanSquaredError.mean(), line, etas, 10);
        for (int k = 0; k < etas.length; k++) {
            History h = Descent.of(MeanSquaredError.mean(), line.withBias()).optimizer(new GradientDescent(etas[k]))
                    .maxIterations(10).run();
            double[] w = h.weights();
            Map<String, Object> last = e.frameTraces(k).get(1);
            @SuppressWarnings("unchecked") List<Double> lx = (List<Double>) last.get("x");
            @SuppressWarnings("unchecked") List<Double> ly = (List<Double>) last.get("y");
            for (int i = 0; i < 2; i++) assertEquals(w[0] + w[1] * lx.get(i), ly.get(i), 1e-12);
            assertArrayEquals(h.epochLoss(), ys(e.frameTraces(k).get(2)), 0.0, "cost per iteration");
        }
    }

    @Test
    void batchSizeFramesAreTheMinibatchRuns() {
        Dataset data = Datasets.linear(300, 3).withBias();
        int[] sizes = {1, 32, 300};
        Explorer e = Explorers.batchSizes(MeanSquaredError.mean(), data, sizes, 0.05, 4, 7);
        assertEquals(List.of("1", "32", "300"), e.frameNames());
        History b32 = Descent.of(MeanSquaredError.mean(), data).minibatch(32).seed(7).optimizer(new GradientDescent(0.05))
                .maxEpochs(4).run();
        assertArrayEquals(b32.epochLoss(), ys(e.frameTraces(1).get(1)), 0.0);
        double[] firstBatches = ys(e.frameTraces(1).get(0));
        assertEquals(b32.iterationLoss()[0], firstBatches[0], 0.0);
        assertEquals(1.0 / 10, xs(e.frameTraces(1).get(0))[0], 1e-12, "update 1 of 10 per epoch sits at epoch 0.1");
    }

    @Test
    void raceFramesGrowToTheWholePaths() {
        Himmelblau f = new Himmelblau();
        double[] start = {-1, -1};
        List<descent.optim.Optimizer> opts = List.of(new GradientDescent(0.01), new Momentum(0.01, 0.9), new Adam(0.1));
        Explorer e = Explorers.race(f, start, opts, 150);
        assertEquals(List.of("0", "5", "10"), e.frameNames().subList(0, 3), "150 steps: a frame every 5 (round) steps");
        assertEquals("150", e.frameNames().get(e.frameCount() - 1));
        assertEquals("0", e.frameNames().get(0));
        List<Map<String, Object>> first = e.frameTraces(0), last = e.frameTraces(e.frameCount() - 1);
        int longest = 0;
        for (descent.optim.Optimizer o : opts) longest = Math.max(longest, Minimizer.walk(f, o, start, 150).steps());
        for (int k = 0; k < opts.size(); k++) {
            Path p = Minimizer.walk(f, opts.get(k), start, 150);
            assertEquals(1, xs(first.get(k)).length, "each path starts as its start point");
            double[][] pts = p.points();
            int[] kept = Explorers.thinned(p.steps(), longest);
            assertEquals(kept.length, xs(last.get(k)).length);
            for (int i = 0; i < kept.length; i++) {
                assertEquals(pts[kept[i]][0], xs(last.get(k))[i], 0.0);
                assertEquals(pts[kept[i]][1], ys(last.get(k))[i], 0.0);
                assertEquals(p.values()[kept[i]], ys(last.get(opts.size() + k))[i], 1e-12, "f − f_min, f_min = 0");
            }
            assertEquals(p.steps(), kept[kept.length - 1], "the last frame ends where the path ends");
        }
        Map<String, Object> yaxis = e.layout().containsKey("yaxis") ? cast(e.layout().get("yaxis")) : Map.of();
        assertEquals("x", yaxis.get("scaleanchor"), "equal aspect");
    }

    @Test
    void heatMapMarksDivergedCellsAndWritesEveryValue() {
        double[][] v = {{1.5, Double.NaN}, {0.02, 3e4}};
        Explorer e = Explorers.heatMap("cost", "η", new double[] {0.1, 0.6}, "b", new double[] {1, 32}, v);
        assertEquals(0, e.frameCount());
        Map<String, Object> cells = e.traces().get(0), marks = e.traces().get(1);
        List<List<Object>> z = cast(cells.get("z")), text = cast(cells.get("customdata")), mark = cast(marks.get("z"));
        assertNull(z.get(0).get(1), "no colour for a diverged cell");
        List<List<Object>> markText = cast(marks.get("text"));
        assertEquals("diverged", markText.get(0).get(1));
        assertEquals("", markText.get(0).get(0), "only diverged cells are marked");
        assertEquals("diverged", text.get(0).get(1), "what the pointer shows");
        List<List<Object>> shown = cast(cells.get("text"));
        assertEquals("", shown.get(0).get(1), "written once, by the marking trace");
        assertEquals("1.5", shown.get(0).get(0));
        assertEquals(1, mark.get(0).get(1));
        assertNull(mark.get(0).get(0));
        assertEquals("1.5", text.get(0).get(0));
        assertTrue(((String) cells.get("hovertemplate")).contains("%{customdata}"));
        assertEquals(Math.log10(1.5), (Double) z.get(0).get(0), 1e-12, "log scale");
        assertTrue(((String) cells.get("hovertemplate")).contains("η = %{x}"));
    }

    @Test
    void longRacesKeepTheFirstStepsAndEveryFrameEndsAtItsStep() {
        int[] kept = Explorers.thinned(700, 2000);
        for (int t = 0; t < 60; t++) assertEquals(t, kept[t]);
        assertEquals(700, kept[kept.length - 1]);
        assertTrue(kept.length < 90, kept.length + " points");
        assertEquals(7, Explorers.thinned(6, 6).length);
        assertEquals(50, Explorers.roundStep(2000 / 60.0));
        assertEquals(1, Explorers.roundStep(0.3));
        assertEquals(5, Explorers.roundStep(2.5));
    }

    @Test
    void boundaryFramesAreEachClassifiersZeroLevel() {
        // four points, x1 = 0, 1, 2, 3; classes 0, 0, 1, 1: the line x1 = 1.5 gets all four right, x1 = 0.5 three
        Dataset four = new Dataset(new double[] {0, 0, 1, 1, 2, 0, 3, 1}, new double[] {0, 0, 1, 1}, 2,
                new String[] {"x1", "x2"});
        List<java.util.function.ToDoubleFunction<double[]>> logits = List.of(x -> x[0] - 1.5, x -> x[0] - 0.5, x -> -1);
        Explorer e = Explorers.decisionBoundaries(four, "threshold", "t = ", new String[] {"1.5", "0.5", "none"}, logits);
        assertEquals(List.of("1.5", "0.5", "none"), e.frameNames());
        double[] thresholds = {1.5, 0.5};
        for (int k = 0; k < 2; k++) {
            double[] bx = xs(e.frameTraces(k).get(0));
            assertTrue(bx.length > 0);
            for (double x : bx) if (!Double.isNaN(x)) assertEquals(thresholds[k], x, 1e-9, "the boundary is the line x1 = t");
        }
        assertEquals(0, xs(e.frameTraces(2).get(0)).length, "a constant classifier has no boundary");
        assertEquals(List.of("t = 1.5: 4 of 4 points on the right side (100 %)",
                "t = 0.5: 3 of 4 points on the right side (75 %)",
                "t = none: one class everywhere, 2 of 4 points on the right side (50 %)"), e.frameDescriptions());
        assertArrayEquals(new double[] {0, 1}, xs(e.traces().get(0)), 0.0, "class 0's points");
        assertTrue(e.image().altText().contains("4 of 4 points"), e.image().altText());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Explorers.decisionBoundaries(four, "t", "t = ", new String[] {"1"}, logits));
        assertTrue(bad.getMessage().contains("names has 1 entries and logits 3"), bad.getMessage());
    }

    @Test
    void badInputIsNamed() {
        SampleMse f = new SampleMse(new double[] {1, 2, 3});
        assertThrows(IllegalArgumentException.class, () -> Explorers.learningRate(f, 1, new double[0], 10, 0, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Explorers.learningRate(f, 1, new double[] {0.1, -1}, 10, 0, 4));
        assertTrue(e.getMessage().contains("etas[1] = -1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Explorers.learningRate(f, 1, new double[] {0.1}, 10, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> Explorers.learningRate(new Himmelblau(), 1, new double[] {0.1}, 10, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> Explorers.race(new Himmelblau(), new double[] {0, 0}, List.of(), 10));
    }

    @Test
    void jsonIsCompactAndHasNoNaN() {
        assertEquals("{\"a\":[1,0.5,null,1.234568e-05],\"b\":\"x\\u003cy\"}",
                Json.of(Explorer.obj("a", new double[] {1, 0.5, Double.NaN, 1.2345678e-5}, "b", "x<y")));
        assertFalse(Json.of(List.of(Double.POSITIVE_INFINITY)).contains("Infinity"));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
