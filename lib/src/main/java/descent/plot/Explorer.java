package descent.plot;

import descent.Check;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An interactive chart built from runs the library computed: Plotly traces, and frames that a slider
 * or a play button steps through. It is an HTML fragment that works offline — plotly.js is inlined
 * from the npm package named by {@code DESCENT_PLOTLY_JS}, as for {@link Surface3D} — in JupyterLab
 * on either kernel ({@link #show()}) and in the exported page. A static picture comes with it: shown
 * when scripts are off or the notebook is untrusted, and always on paper.
 *
 * <p>Made by {@link Explorers}.
 */
public final class Explorer {
    private static int counter;

    private final String title;
    private final List<Map<String, Object>> traces;
    private final Map<String, Object> layout;
    private final List<Map<String, Object>> frames;
    private final BufferedImage still;

    Explorer(String title, List<Map<String, Object>> traces, Map<String, Object> layout,
             List<Map<String, Object>> frames, BufferedImage still) {
        this.title = title;
        this.traces = traces;
        this.layout = layout;
        this.frames = frames;
        this.still = still;
    }

    /** How many frames the slider or the play button steps through. */
    public int frameCount() {
        return frames.size();
    }

    /** The frames' names, as the slider labels them (e.g. "0.1" for η = 0.1, "12" for step 12). */
    public List<String> frameNames() {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> f : frames) names.add((String) f.get("name"));
        return names;
    }

    /** The picture shown without scripts and in print. */
    public BufferedImage image() {
        return still;
    }

    List<Map<String, Object>> traces() {
        return traces;
    }

    Map<String, Object> layout() {
        return layout;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> frameTraces(int k) {
        return (List<Map<String, Object>>) frames.get(k).get("data");
    }

    /** Shows the explorer as a notebook output (IJava and rapaio alike). */
    public void show() {
        Show.html(html());
    }

    /** The HTML fragment: the static picture, plotly.js if no output before loaded it, and the live chart. */
    public String html() {
        return html(Surface3D.plotlySource());
    }

    String html(String inlinePlotly) {
        String id;
        synchronized (Explorer.class) {
            id = "descentExplorer" + (++counter);
        }
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("data", traces);
        figure.put("layout", layout);
        figure.put("frames", frames);
        String loader = inlinePlotly != null ? Surface3D.plotlyLoader(inlinePlotly) : "";
        // The picture stays unless the chart draws (scripts off, an untrusted notebook); on paper the
        // picture is printed and the live chart is not.
        return "<div class=\"descent-explorer\" id=\"" + id + "\">\n"
                + "<style>@media print { .descent-explorer .descent-live { display: none !important; } "
                + ".descent-explorer .descent-static { display: block !important; } }</style>\n"
                + "<img id=\"" + id + "Static\" class=\"descent-static\" alt=\"" + Show.escape(title)
                + "\" src=\"data:image/png;base64," + Show.pngBase64(still) + "\">\n"
                + loader
                + "<div id=\"" + id + "Plot\" class=\"descent-live\"></div>\n"
                + "<script>(function () {\n"
                + "  if (typeof Plotly === 'undefined') return;\n"
                + "  var fig = " + Json.of(figure) + ";\n"
                + "  var gd = document.getElementById(\"" + id + "Plot\");\n"
                + "  Plotly.newPlot(gd, fig.data, fig.layout, {displaylogo: false, responsive: true})\n"
                + "    .then(function () { return Plotly.addFrames(gd, fig.frames); })\n"
                + "    .then(function () { document.getElementById(\"" + id + "Static\").style.display = \"none\"; });\n"
                + "})();</script>\n</div>";
    }

    /** A map in insertion order, from key-value pairs: Plotly's attributes read in the order written. */
    static Map<String, Object> obj(Object... keyValues) {
        Check.notNull("keyValues", keyValues);
        if (keyValues.length % 2 != 0) throw new IllegalArgumentException("keys and values must come in pairs");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }
}
