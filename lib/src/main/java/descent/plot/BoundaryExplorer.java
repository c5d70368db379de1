package descent.plot;

import static descent.plot.Explorer.obj;

import descent.Check;
import descent.data.Dataset;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A slider over classifiers of two classes in the plane (e.g. networks of growing width): for each, its
 * boundary p = ½ over the same points, and how many of them it classifies correctly. Made by
 * {@link Explorers#decisionBoundaries}.
 */
final class BoundaryExplorer {
    private BoundaryExplorer() {}

    static Explorer build(Dataset data, String label, String prefix, String[] names, List<ToDoubleFunction<double[]>> logits) {
        Check.notNull("label", label);
        Check.notNull("prefix", prefix);
        Check.notNull("names", names);
        Check.notNull("logits", logits);
        if (names.length == 0 || names.length != logits.size()) {
            throw new IllegalArgumentException("names has " + names.length + " entries and logits " + logits.size()
                    + ": give one name for each classifier, at least one");
        }
        List<CurvedBoundary.Traced> traced = new ArrayList<>();
        for (ToDoubleFunction<double[]> logit : logits) traced.add(CurvedBoundary.trace(data, logit));
        CurvedBoundary.Traced first = traced.get(0);
        List<Map<String, Object>> frames = new ArrayList<>();
        List<String> says = new ArrayList<>();
        List<BufferedImage> panels = new ArrayList<>();
        for (int k = 0; k < names.length; k++) {
            CurvedBoundary.Traced t = traced.get(k);
            String outcome = prefix + names[k] + ": " + (t.segments().isEmpty() ? "one class everywhere, " : "")
                    + t.right() + " of " + t.rows() + " points on the right side (" + Math.round(100.0 * t.right() / t.rows()) + " %)";
            says.add(outcome);
            double[][] line = t.segments().isEmpty() ? new double[][] {{}, {}} : MarchingSquares.asLine(t.segments());
            frames.add(obj("name", names[k], "traces", List.of(2, 3), "data", List.of(
                    obj("type", "scatter", "mode", "lines", "x", line[0], "y", line[1], "name", "boundary p = 0.5",
                            "line", obj("color", "#000000", "width", 3), "hoverinfo", "skip"),
                    obj("type", "scatter", "mode", "text", "x", List.of(first.hi() - 0.05), "y", List.of(first.ylo() + 0.05),
                            "text", List.of(outcome), "textposition", "top left", "textfont", obj("size", 14, "color", "#222"),
                            "showlegend", false, "hoverinfo", "skip"))));
            panels.add(CurvedBoundary.draw(data, t, outcome));
        }
        List<Map<String, Object>> traces = new ArrayList<>();
        traces.add(points("class 0", first.a(), 0, "circle"));
        traces.add(points("class 1", first.b(), 1, "triangle-up"));
        traces.addAll(Explorers.frameData(frames.get(0)));
        String title = "Decision boundary by " + label + ": choose " + prefix.replace(" = ", "");
        Map<String, Object> layout = Explorers.layout(title, 760, 600);
        String[] axes = data.names();
        int off = data.hasBias() ? 1 : 0;
        layout.put("xaxis", obj("title", obj("text", axes[off]), "range", List.of(first.lo(), first.hi()), "zeroline", false));
        layout.put("yaxis", obj("title", obj("text", axes[off + 1]), "range", List.of(first.ylo(), first.yhi()),
                "scaleanchor", "x", "zeroline", false));
        layout.put("sliders", List.of(Explorers.slider(prefix, frames, 0)));
        return new Explorer(title, traces, layout, frames,
                Explorers.still(Plots.grid(panels, 3), "The decision boundary for each choice of " + label, says),
                new Explorer.Controls(label, prefix, says, false));
    }

    private static Map<String, Object> points(String name, double[][] xy, int colour, String symbol) {
        return obj("type", "scatter", "mode", "markers", "x", xy[0], "y", xy[1], "name", name,
                "marker", obj("color", Palette.HEX[colour], "size", 7, "symbol", symbol), "hoverinfo", "skip");
    }
}
