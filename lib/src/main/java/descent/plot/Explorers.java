package descent.plot;

import static descent.plot.Explorer.obj;

import descent.Check;
import descent.Format;
import descent.data.Dataset;
import descent.function.Objective;
import descent.function.TestFunction;
import descent.loss.Loss;
import descent.optim.GradientDescent;
import descent.optim.Optimizer;
import descent.train.Descent;
import descent.train.History;
import descent.train.Init;
import descent.train.Minimizer;
import descent.train.Path;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Interactive explorers for the handouts, each built from runs computed here: move a slider or press
 * play, and the chart shows another run. Each comes with a static picture for paper (see
 * {@link Explorer}).
 */
public final class Explorers {
    /** The colours of up to eight series: {@link Palette}'s, colour-blind safe, each at least 3:1 on white. */
    private static final String[] PALETTE = Palette.HEX;
    /** Plotly's names for {@link Palette#marker}'s shapes, in the same order. */
    private static final String[] PLOTLY_MARKERS = {"circle", "triangle-up", "square", "diamond", "triangle-down", "x"};
    private static final int MAX_FRAMES = 60;
    /** Points per path in a frame of a long race. */
    private static final int PATH_POINTS = 120;

    private Explorers() {}

    /**
     * A learning-rate slider on a 1-D error curve: for each η, the steps of gradient descent from
     * {@code start}, a marker on every step, and where they ended.
     *
     * @param f     a function of one number (e.g. {@code new SampleMse(sample)})
     * @param etas  the learning rates the slider offers, in order
     * @param steps steps per walk
     * @param lo    the left end of the curve's window
     * @param hi    the right end
     */
    public static Explorer learningRate(Objective f, double start, double[] etas, int steps, double lo, double hi) {
        Check.notNull("f", f);
        if (f.dimension() != 1) {
            throw new IllegalArgumentException("f has " + f.dimension() + " variables but must have 1: the slider walks a 1-D curve");
        }
        Check.finite("start", new double[] {start});
        requireRates(etas);
        Check.size("steps", steps, 1);
        if (!(lo < hi)) throw new IllegalArgumentException("lo = " + lo + ", hi = " + hi + " is invalid: need lo < hi");
        double[] cx = new double[200], cy = new double[200];
        for (int i = 0; i < cx.length; i++) {
            cx[i] = lo + (hi - lo) * i / (cx.length - 1);
            cy[i] = f.value(new double[] {cx[i]});
        }
        Extent curve = Extent.finite().add(cy);
        double top = curve.hi() + 0.08 * (curve.hi() - curve.lo());
        List<Map<String, Object>> frames = new ArrayList<>();
        List<BufferedImage> panels = new ArrayList<>();
        List<String> says = new ArrayList<>();
        for (double eta : etas) {
            Path p = Minimizer.walk(f, new GradientDescent(eta), new double[] {start}, steps);
            double[] xs = column(p.points(), 0), ys = p.values();
            double end = xs[xs.length - 1];
            String outcome = p.diverged() ? String.format(Locale.ROOT, "η = %s: diverged after %d steps", Format.number(eta), p.steps())
                    : String.format(Locale.ROOT, "η = %s: after %d steps, at %.4f (f = %.5g)%s", Format.number(eta), p.steps(), end,
                            p.lastValue(), end < lo || end > hi ? ", off the chart" : "");
            says.add(outcome);
            frames.add(obj("name", Format.number(eta), "traces", List.of(1, 2), "data", List.of(
                    stepsTrace(xs, ys, PALETTE[1], "steps"), label(lo + 0.02 * (hi - lo), top * 1.1, outcome))));
            panels.add(LineChart.of("η = " + Format.number(eta)).size(340, 260).xRange(lo, hi).yRange(0, top)
                    .series("f", cx, cy).steps("steps", xs, ys, Color.RED).image());
        }
        List<Map<String, Object>> traces = new ArrayList<>();
        traces.add(obj("type", "scatter", "mode", "lines", "name", "error curve", "x", cx, "y", cy,
                "line", obj("color", PALETTE[0], "width", 2), "hoverinfo", "skip"));
        traces.addAll(frameData(frames.get(0)));
        Map<String, Object> layout = layout("Gradient descent on the error curve: choose η", 760, 500);
        layout.put("xaxis", obj("title", obj("text", "m"), "range", List.of(lo, hi)));
        layout.put("yaxis", obj("title", obj("text", "f(m)"), "range", List.of(Math.min(0, curve.lo()), top * 1.12)));
        layout.put("sliders", List.of(slider("η = ", frames, 0)));
        String title = "Gradient descent on the error curve, one panel per learning rate";
        return new Explorer("learning-rate explorer", traces, layout, frames, still(Plots.grid(panels, 3), title, says),
                new Explorer.Controls("learning rate η", "η = ", says, false));
    }

    /**
     * A learning-rate slider on the regression lines: the data, the line after each of the first
     * {@code iterations} batch steps of gradient descent from θ = 0 (the lecture's figure), and beside
     * it the cost per iteration.
     *
     * @param oneFeature the data: one feature, no bias column (the bias is added here)
     */
    public static Explorer regressionLines(Loss loss, Dataset oneFeature, double[] etas, int iterations) {
        Check.notNull("loss", loss);
        Check.notNull("oneFeature", oneFeature);
        if (oneFeature.cols() != 1) {
            throw new IllegalArgumentException("oneFeature has " + oneFeature.cols()
                    + " columns but must have exactly 1 (the feature x, without the bias column)");
        }
        requireRates(etas);
        Check.size("iterations", iterations, 1);
        double[] x = oneFeature.column(0), y = oneFeature.y();
        Extent ex = Extent.finite().add(x), ey = Extent.finite().add(y);
        double x0 = ex.lo(), x1 = ex.hi(), pad = 0.15 * (ey.hi() - ey.lo());
        double[] window = {x0, x1, ey.lo() - pad, ey.hi() + pad};
        List<History> runs = new ArrayList<>();
        Extent costs = Extent.positive();
        for (double eta : etas) {
            History h = Descent.of(loss, oneFeature.withBias()).optimizer(new GradientDescent(eta)).init(Init.zeros())
                    .maxIterations(iterations).run();
            runs.add(h);
            costs.add(h.epochLoss());
        }
        List<Map<String, Object>> frames = new ArrayList<>();
        List<BufferedImage> panels = new ArrayList<>();
        List<String> says = new ArrayList<>();
        for (int r = 0; r < etas.length; r++) {
            History h = runs.get(r);
            double[][] thetas = h.trajectory();
            List<Double> lx = new ArrayList<>(), ly = new ArrayList<>();
            for (int k = 0; k < thetas.length - 1; k++) {  // the earlier lines, pale, as one trace with gaps
                lx.addAll(Arrays.asList(x0, x1, null));
                ly.addAll(Arrays.asList(line(thetas[k], x0), line(thetas[k], x1), null));
            }
            double[] last = thetas[thetas.length - 1];
            double[] it = new double[h.epochLoss().length];
            for (int k = 0; k < it.length; k++) it[k] = k;
            String outcome = h.diverged() ? String.format(Locale.ROOT, "η = %s: diverged after %d iterations",
                    Format.number(etas[r]), h.iterations())
                    : String.format(Locale.ROOT, "η = %s: after %d iterations, y = %.3f + %.3f x, J = %.4g",
                            Format.number(etas[r]), h.iterations(), last[0], last[1], h.finalLoss());
            says.add(outcome);
            frames.add(obj("name", Format.number(etas[r]), "traces", List.of(1, 2, 3, 4), "data", List.of(
                    obj("type", "scatter", "mode", "lines", "x", lx, "y", ly, "line", obj("color", "#6f8fc7", "width", 1),
                            "name", "earlier iterations", "hoverinfo", "skip"),
                    obj("type", "scatter", "mode", "lines", "x", List.of(x0, x1), "y", List.of(line(last, x0), line(last, x1)),
                            "line", obj("color", "#08519c", "width", 3), "name", "after the last iteration"),
                    obj("type", "scatter", "mode", "lines+markers", "x", it, "y", h.epochLoss(), "xaxis", "x2", "yaxis", "y2",
                            "marker", obj("size", 4), "line", obj("color", PALETTE[1]), "name", "cost J per iteration"),
                    label(x0, window[3], outcome))));
            panels.add(Plots.fittedLines(oneFeature, Arrays.asList(Arrays.copyOfRange(thetas, 1, thetas.length)), window));
        }
        List<Map<String, Object>> traces = new ArrayList<>();
        traces.add(obj("type", "scatter", "mode", "markers", "name", "data", "x", x, "y", y,
                "marker", obj("color", "#555", "size", 6)));
        traces.addAll(frameData(frames.get(0)));
        Map<String, Object> layout = layout("The fitted line, iteration by iteration: choose η", 960, 520);
        layout.put("xaxis", obj("domain", List.of(0, 0.55), "title", obj("text", "x"), "range", List.of(window[0], window[1])));
        layout.put("yaxis", obj("title", obj("text", "y"), "range", List.of(window[2], window[3] + pad)));
        layout.put("xaxis2", obj("domain", List.of(0.66, 1), "anchor", "y2", "title", obj("text", "iteration")));
        layout.put("yaxis2", obj("anchor", "x2", "type", "log", "title", obj("text", "cost J"), "exponentformat", "power",
                "range", List.of(Math.log10(costs.lo()) - 0.2, Math.log10(Math.min(costs.hi(), 1e6 * costs.lo())) + 0.2)));
        layout.put("sliders", List.of(slider("η = ", frames, 0)));
        String title = "The fitted line after each of " + iterations + " iterations, one panel per learning rate";
        return new Explorer("regression-line explorer", traces, layout, frames, still(Plots.grid(panels, 2), title, says),
                new Explorer.Controls("learning rate η", "η = ", says, false));
    }

    /**
     * A batch-size slider over learning curves: for each b, minibatch descent with η for a number of
     * epochs; the cost of every update's batch (pale) and the cost on all the data after each epoch,
     * against epochs, so every b is drawn on the same axis.
     */
    public static Explorer batchSizes(Loss loss, Dataset data, int[] sizes, double eta, int epochs, long seed) {
        Check.notNull("loss", loss);
        Check.notNull("data", data);
        Check.notNull("sizes", sizes);
        if (sizes.length == 0) throw new IllegalArgumentException("sizes is empty: give at least one batch size");
        requireRates(new double[] {eta});
        Check.size("epochs", epochs, 1);
        List<History> runs = new ArrayList<>();
        Extent costs = Extent.positive();  // of the full costs: one example's cost can be near 0 and means nothing
        for (int b : sizes) {
            Descent d = Descent.of(loss, data).optimizer(new GradientDescent(eta)).seed(seed).maxEpochs(epochs);
            History h = (b == data.rows() ? d.batch() : d.minibatch(b)).run();
            runs.add(h);
            costs.add(h.epochLoss());
        }
        List<Map<String, Object>> frames = new ArrayList<>();
        List<String> says = new ArrayList<>();
        LineChart still = LineChart.of("Cost on all the data after each epoch, η = " + Format.number(eta))
                .xLabel("epoch").yLabel("cost J").logY();
        double top = 10 * Math.min(costs.hi(), 1e4 * costs.lo()), bottom = costs.lo() / 30;
        for (int r = 0; r < sizes.length; r++) {
            History h = runs.get(r);
            double[] batchCost = h.iterationLoss();
            int stride = Math.max(1, batchCost.length / 1500);  // at most ~1,500 pale points per frame
            int kept = (batchCost.length + stride - 1) / stride;
            double[] bx = new double[kept], by = new double[kept];
            for (int k = 0; k < kept; k++) {
                bx[k] = (double) (k * stride + 1) / h.iterationsPerEpoch();
                by[k] = batchCost[k * stride];
            }
            double[] ex = new double[h.epochLoss().length];
            for (int k = 0; k < ex.length; k++) ex[k] = k;
            String outcome = String.format(Locale.ROOT, "b = %d: %d updates per epoch; %s", sizes[r], h.iterationsPerEpoch(),
                    h.diverged() ? "diverged" : String.format(Locale.ROOT, "J = %.4g after %d epochs", h.finalLoss(), h.epochs()));
            says.add(outcome);
            frames.add(obj("name", String.valueOf(sizes[r]), "traces", List.of(0, 1, 2), "data", List.of(
                    obj("type", "scatter", "mode", "markers", "x", bx, "y", by, "name", "cost of each update's batch",
                            "marker", obj("color", "rgba(0,114,178,0.35)", "size", 3), "hoverinfo", "skip"),
                    obj("type", "scatter", "mode", "lines+markers", "x", ex, "y", h.epochLoss(), "name", "cost on all the data",
                            "line", obj("color", PALETTE[1], "width", 3), "marker", obj("size", 7)),
                    label(0, top, outcome))));
            still.series("b = " + sizes[r], ex, h.epochLoss());
        }
        List<Map<String, Object>> traces = new ArrayList<>(frameData(frames.get(0)));
        Map<String, Object> layout = layout("Learning curves by batch size: choose b", 800, 520);
        layout.put("xaxis", obj("title", obj("text", "epoch"), "range", List.of(-0.1, epochs + 0.1), "dtick", epochs > 10 ? 5 : 1));
        layout.put("yaxis", obj("title", obj("text", "cost J"), "type", "log",
                "range", List.of(Math.log10(bottom), Math.log10(top) + 0.2), "exponentformat", "power"));
        layout.put("sliders", List.of(slider("b = ", frames, 0)));
        return new Explorer("batch-size explorer", traces, layout, frames, still.image(),
                new Explorer.Controls("batch size b", "b = ", says, false));
    }

    /**
     * A race on a test function, animated: each optimiser's path grows step by step on the contours
     * (equal aspect), and its value f beside it on a log scale; play/pause and a step slider.
     */
    public static Explorer race(TestFunction f, double[] start, List<Optimizer> optimizers, int steps) {
        Check.notNull("f", f);
        Check.notNull("optimizers", optimizers);
        if (optimizers.isEmpty() || optimizers.size() > PALETTE.length) {
            throw new IllegalArgumentException("optimizers has " + optimizers.size() + " entries: give 1 to " + PALETTE.length);
        }
        Check.size("steps", steps, 1);
        double[] w = f.window();
        List<Path> paths = new ArrayList<>();
        for (Optimizer o : optimizers) paths.add(Minimizer.walk(f, Check.notNull("optimizer", o), start, steps));
        double floor = Double.POSITIVE_INFINITY;
        for (double[] m : f.minima()) floor = Math.min(floor, f.value(m));
        int longest = 0;
        List<double[][]> points = new ArrayList<>();
        List<double[]> values = new ArrayList<>();  // f − f_min along each path
        Extent heights = Extent.positive();
        for (Path p : paths) {
            longest = Math.max(longest, p.steps());
            points.add(p.points());
            double[] v = p.values();
            for (int t = 0; t < v.length; t++) v[t] -= floor;
            values.add(v);
            heights.add(v);
        }
        int stride = roundStep((double) longest / MAX_FRAMES);
        List<Integer> animated = new ArrayList<>();
        for (int k = 0; k < 2 * paths.size(); k++) animated.add(k + 1);
        List<Map<String, Object>> frames = new ArrayList<>();
        List<String> says = new ArrayList<>();
        for (int s = 0; ; s = Math.min(longest, s + stride)) {
            List<Map<String, Object>> data = new ArrayList<>();
            for (int k = 0; k < paths.size(); k++) {
                int[] kept = thinned(Math.min(s, paths.get(k).steps()), longest);
                double[][] pts = points.get(k);
                double[] px = new double[kept.length], py = new double[kept.length];
                for (int i = 0; i < kept.length; i++) {
                    px[i] = pts[kept[i]][0];
                    py[i] = pts[kept[i]][1];
                }
                data.add(obj("type", "scatter", "mode", "lines+markers", "x", px, "y", py, "name", paths.get(k).label(),
                        "line", obj("color", PALETTE[k], "width", 2, "dash", Palette.plotlyDash(k)),
                        "marker", obj("size", 6, "symbol", PLOTLY_MARKERS[k % PLOTLY_MARKERS.length])));
            }
            for (int k = 0; k < paths.size(); k++) {
                int[] kept = thinned(Math.min(s, paths.get(k).steps()), longest);
                double[] vx = new double[kept.length], vy = new double[kept.length], f0 = values.get(k);
                for (int i = 0; i < kept.length; i++) {
                    vx[i] = kept[i];
                    vy[i] = f0[kept[i]];
                }
                data.add(obj("type", "scatter", "mode", "lines", "x", vx, "y", vy, "xaxis", "x2", "yaxis", "y2",
                        "showlegend", false, "name", paths.get(k).label(),
                        "line", obj("color", PALETTE[k], "width", 2, "dash", Palette.plotlyDash(k))));
            }
            frames.add(obj("name", String.valueOf(s), "traces", animated, "data", data));
            says.add(raceStatus(s, paths, values));
            if (s == longest) break;
        }
        List<Map<String, Object>> traces = new ArrayList<>();
        // the static chart's contour lines (log-spaced levels, so a valley shows), as one plain line
        // trace: Plotly's own contour trace vanishes when an animation redraws only the paths
        List<Double> lx = new ArrayList<>(), ly = new ArrayList<>();
        double gx = (w[1] - w[0]) / 4000, gy = (w[3] - w[2]) / 4000;  // a fraction of a pixel: fewer digits to send
        for (double[][] level : ContourPlot.of(f).logLevels().levelLines()) {
            for (int i = 0; i < level[0].length; i++) {
                lx.add(Double.isNaN(level[0][i]) ? null : Math.round(level[0][i] / gx) * gx);
                ly.add(Double.isNaN(level[1][i]) ? null : Math.round(level[1][i] / gy) * gy);
            }
        }
        traces.add(obj("type", "scatter", "mode", "lines", "x", lx, "y", ly, "line", obj("color", "#7d8aa0", "width", 1),
                "hoverinfo", "skip", "name", "contours of f", "showlegend", false));
        traces.addAll(frameData(frames.get(0)));
        Map<String, Object> layout = layout(f.name() + ": press play", 980, 560);
        layout.put("xaxis", obj("domain", List.of(0, 0.56), "range", List.of(w[0], w[1]), "title", obj("text", "x"),
                "constrain", "domain"));
        layout.put("yaxis", obj("range", List.of(w[2], w[3]), "scaleanchor", "x", "scaleratio", 1, "title", obj("text", "y"),
                "constrain", "domain"));
        layout.put("xaxis2", obj("domain", List.of(0.66, 1), "anchor", "y2", "title", obj("text", "step"),
                "range", List.of(0, longest)));
        double lowest = Math.max(heights.lo(), 1e-12 * heights.hi());
        layout.put("yaxis2", obj("anchor", "x2", "type", "log", "title", obj("text", "f − f_min"), "exponentformat", "power",
                "range", List.of(Math.log10(lowest) - 0.3, Math.log10(heights.hi()) + 0.3)));
        layout.put("sliders", List.of(slider("step ", frames, 0)));
        layout.put("updatemenus", List.of(playButtons()));
        return new Explorer(f.name() + " race", traces, layout, frames, Plots.smallMultiples(f, paths, 2),
                new Explorer.Controls("step", "step ", says, true));
    }

    /**
     * A slider over classifiers of two classes in the plane, e.g. networks of growing width: for each, its boundary
     * p = ½ (z = 0 of its logit) over the data's points, and how many points it classifies correctly.
     *
     * @param data   two feature columns (and a bias column or not), labels 0 and 1
     * @param label  what the slider chooses, its visible label ("hidden units")
     * @param prefix what precedes a frame's name ("width = ")
     * @param names  each classifier's name on the slider ("1", "2", "16")
     * @param logits each classifier's logit z(x1, x2), in the slider's order
     */
    public static Explorer decisionBoundaries(Dataset data, String label, String prefix, String[] names,
                                              List<ToDoubleFunction<double[]>> logits) {
        return BoundaryExplorer.build(data, label, prefix, names, logits);
    }

    /**
     * The hyperparameter heat map with a value under the pointer: each cell coloured by its value on
     * a log scale, its number written in it, and diverged cells (NaN or ±∞) in a colour of their own,
     * marked "diverged".
     */
    public static Explorer heatMap(String title, String xLabel, double[] xs, String yLabel, double[] ys, double[][] values) {
        Check.notNull("xLabel", xLabel);
        Check.notNull("yLabel", yLabel);
        ChartImage still = HeatMap.draw(title, xLabel, xs, yLabel, ys, values);  // its checks apply here too
        List<String> cx = new ArrayList<>(), cy = new ArrayList<>();
        for (double v : xs) cx.add(Format.number(v, 3));
        for (double v : ys) cy.add(Format.number(v, 3));
        Extent e = Extent.positive().add(values);
        boolean log = !e.isEmpty() && Extent.finite().add(values).lo() > 0;
        // text: what the pointer shows in every cell (as customdata: heat maps write only "text" into
        // cells); shown: what is written in the cell (diverged cells are written by the marking trace
        // on top, which lets the pointer through)
        List<List<Object>> z = new ArrayList<>(), text = new ArrayList<>(), shown = new ArrayList<>(),
                marks = new ArrayList<>(), markText = new ArrayList<>();
        for (double[] row : values) {
            List<Object> zr = new ArrayList<>(), tr = new ArrayList<>(), sr = new ArrayList<>(), mr = new ArrayList<>(),
                    mt = new ArrayList<>();
            for (double v : row) {
                boolean ok = Double.isFinite(v);
                zr.add(!ok ? null : log ? Math.log10(Math.min(v, 1e4 * e.lo())) : v);
                tr.add(ok ? Format.number(v, 3) : "diverged");
                sr.add(ok ? Format.number(v, 3) : "");
                mr.add(ok ? null : 1);
                mt.add(ok ? "" : "diverged");
            }
            z.add(zr);
            text.add(tr);
            shown.add(sr);
            marks.add(mr);
            markText.add(mt);
        }
        String hover = xLabel + " = %{x}<br>" + yLabel + " = %{y}<br>value: %{customdata}<extra></extra>";
        List<Map<String, Object>> traces = new ArrayList<>();
        Map<String, Object> colorbar = obj("title", obj("text", log ? "value (log scale)" : "value"));
        if (log) {
            List<Double> ticks = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (double d = Math.floor(Math.log10(e.lo())); d <= Math.ceil(Math.log10(Math.min(e.hi(), 1e4 * e.lo()))); d++) {
                ticks.add(d);
                labels.add(Format.number(Math.pow(10, d), 3));
            }
            colorbar.put("tickvals", ticks);
            colorbar.put("ticktext", labels);
        }
        traces.add(obj("type", "heatmap", "x", cx, "y", cy, "z", z, "text", shown, "customdata", text,
                "texttemplate", "%{text}", "hovertemplate", hover, "hoverongaps", true, "colorscale", List.of(List.of(0, "#1e3278"), List.of(0.5, "#7a8fa8"), List.of(1, "#faeba0")),
                "colorbar", colorbar, "xgap", 2, "ygap", 2, "name", "value"));
        traces.add(obj("type", "heatmap", "x", cx, "y", cy, "z", marks, "text", markText, "texttemplate", "%{text}",
                "hoverinfo", "skip", "colorscale", List.of(List.of(0, "#f6d6d6"), List.of(1, "#f6d6d6")),
                "showscale", false, "textfont", obj("color", "#a01414"), "xgap", 2, "ygap", 2, "name", "diverged"));
        Map<String, Object> layout = layout(title, 700, 460);
        layout.put("xaxis", obj("title", obj("text", xLabel), "type", "category"));
        layout.put("yaxis", obj("title", obj("text", yLabel), "type", "category"));
        layout.put("showlegend", false);
        String[] header = new String[xs.length + 1];
        header[0] = yLabel + " \\ " + xLabel;
        for (int c = 0; c < xs.length; c++) header[c + 1] = xLabel + " = " + cx.get(c);
        Object[][] rows = new Object[ys.length][xs.length + 1];
        for (int r = ys.length - 1, i = 0; r >= 0; r--, i++) {  // top row first, as drawn
            rows[i][0] = yLabel + " = " + cy.get(r);
            for (int c = 0; c < xs.length; c++) rows[i][c + 1] = text.get(r).get(c);
        }
        return new Explorer(title, traces, layout, List.of(), still, null,
                new Explorer.DataTable("The values as a table", header, rows));
    }

    // ------------------------------------------------------------------ pieces

    /** A still of panels, one per frame, described by what the live region says at each. */
    static ChartImage still(BufferedImage panels, String title, List<String> says) {
        return new ChartImage(panels, AltText.sentence(title) + " " + String.join(" ", says.stream().map(AltText::sentence).toList()));
    }

    /** What a race's live region says at step s: where each method's f − f_min stands, or that it has stopped. */
    private static String raceStatus(int s, List<Path> paths, List<double[]> gaps) {
        List<String> each = new ArrayList<>();
        for (int k = 0; k < paths.size(); k++) {
            Path p = paths.get(k);
            int at = Math.min(s, p.steps());
            String gap = AltText.number(gaps.get(k)[at]);
            each.add(p.label() + " " + (p.diverged() && s >= p.steps() ? "diverged after " + p.steps() + " steps"
                    : "f − f_min = " + gap + (s > p.steps() ? " (stopped at step " + p.steps() + ")" : "")));
        }
        return "step " + s + ": " + String.join("; ", each);
    }

    static Map<String, Object> layout(String title, int width, int height) {
        return new java.util.LinkedHashMap<>(obj("title", obj("text", title), "width", width, "height", height,
                "margin", obj("l", 70, "r", 30, "t", 100, "b", 60), "font", obj("family", "sans-serif", "size", 13),
                // above the plot: below it, the slider and the buttons need the room
                "legend", obj("orientation", "h", "x", 0, "y", 1.02, "yanchor", "bottom"), "hovermode", "closest"));
    }

    /** A slider whose steps show the frames; "animate" with no transition, so a step shows at once. */
    static Map<String, Object> slider(String prefix, List<Map<String, Object>> frames, int active) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Map<String, Object> f : frames) {
            String name = (String) f.get("name");
            steps.add(obj("label", name, "method", "animate", "args", List.of(List.of(name),
                    obj("mode", "immediate", "frame", obj("duration", 0, "redraw", false), "transition", obj("duration", 0)))));
        }
        return obj("active", active, "currentvalue", obj("prefix", prefix, "font", obj("size", 15)),
                "pad", obj("t", 70, "b", 10), "len", 0.9, "x", 0.05, "steps", steps);
    }

    private static Map<String, Object> playButtons() {
        Map<String, Object> play = obj("label", "▶ play", "method", "animate", "args", Arrays.asList(null,
                obj("fromcurrent", true, "frame", obj("duration", 120, "redraw", false), "transition", obj("duration", 0))));
        Map<String, Object> pause = obj("label", "❚❚ pause", "method", "animate", "args", List.of(Arrays.asList((Object) null),
                obj("mode", "immediate", "frame", obj("duration", 0, "redraw", false), "transition", obj("duration", 0))));
        return obj("type", "buttons", "direction", "left", "showactive", false, "x", 0.05, "y", -0.16,
                "xanchor", "right", "yanchor", "top", "pad", obj("r", 10, "t", 70), "buttons", List.of(play, pause));
    }

    private static Map<String, Object> stepsTrace(double[] x, double[] y, String color, String name) {
        return obj("type", "scatter", "mode", "lines+markers", "x", x, "y", y, "name", name,
                "line", obj("color", color, "width", 1.5), "marker", obj("color", color, "size", 8));
    }

    /** A line of text in the plot (a scatter trace in text mode, so frames can change it). */
    private static Map<String, Object> label(double x, double y, String text) {
        return obj("type", "scatter", "mode", "text", "x", List.of(x), "y", List.of(y), "text", List.of(text),
                "textposition", "bottom right", "textfont", obj("size", 14, "color", "#222"), "showlegend", false,
                "hoverinfo", "skip");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> frameData(Map<String, Object> frame) {
        return (List<Map<String, Object>>) frame.get("data");
    }

    /** The smallest of 1, 2, 5, 10, 20, 50, … at least {@code least}: slider labels at round steps. */
    static int roundStep(double least) {
        for (long p = 1; ; p *= 10) {
            for (int m : new int[] {1, 2, 5}) if (m * p >= least) return (int) (m * p);
        }
    }

    /**
     * The steps 0 … upTo that a frame draws: all of them for a short race; for a long one the first
     * {@link #PATH_POINTS}/2 steps and about as many evenly spaced ones after them, and always the
     * last, so that the page stays small while every frame ends where the path is.
     */
    static int[] thinned(int upTo, int longest) {
        // every one of the first steps (the large ones), then evenly spaced steps of the rest
        int first = PATH_POINTS / 2, stride = Math.max(1, (longest - first + first - 1) / first);
        List<Integer> kept = new ArrayList<>();
        for (int t = 0; t <= upTo; t = t < first ? t + 1 : t + stride) kept.add(t);
        if (kept.get(kept.size() - 1) != upTo) kept.add(upTo);
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double line(double[] theta, double x) {
        return theta[0] + theta[1] * x;
    }

    private static double[] column(double[][] points, int j) {
        double[] c = new double[points.length];
        for (int i = 0; i < c.length; i++) c[i] = points[i][j];
        return c;
    }

    private static void requireRates(double[] etas) {
        Check.notNull("etas", etas);
        if (etas.length == 0) throw new IllegalArgumentException("etas is empty: give at least one learning rate");
        for (int i = 0; i < etas.length; i++) Check.positive("etas[" + i + "]", etas[i]);
    }
}
