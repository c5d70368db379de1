package descent.plot;

import descent.Check;
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
    private final ChartImage still;
    private final Controls controls;

    /**
     * The explorer's own controls, beside the chart: Plotly's slider and buttons are SVG that no key reaches, so
     * a native {@code <input type=range>} (arrow keys, Home, End, Page Up/Down) and, for an animation, a play
     * button (Enter, Space) step through the same frames, and a live region says what each frame shows
     * (WCAG 2.1: 2.1.1 Keyboard, 4.1.2 Name, Role, Value, 4.1.3 Status Messages).
     *
     * @param label    what the slider chooses, its visible label ("learning rate η")
     * @param prefix   what precedes a frame's name in the value read out ("η = ")
     * @param says     for each frame, the sentence the live region announces ("η = 0.3: after 20 iterations, …")
     * @param playable whether a play button runs through the frames
     */
    record Controls(String label, String prefix, List<String> says, boolean playable) {}

    /** Rows of a table that holds the chart's data, for an explorer without frames (a heat map). */
    record DataTable(String caption, String[] header, Object[][] rows) {}

    private final DataTable table;

    Explorer(String title, List<Map<String, Object>> traces, Map<String, Object> layout,
             List<Map<String, Object>> frames, ChartImage still, Controls controls) {
        this(title, traces, layout, frames, still, controls, null);
    }

    Explorer(String title, List<Map<String, Object>> traces, Map<String, Object> layout,
             List<Map<String, Object>> frames, ChartImage still, Controls controls, DataTable table) {
        if (controls != null && controls.says().size() != frames.size()) {
            throw new IllegalArgumentException(controls.says().size() + " frame descriptions for " + frames.size() + " frames");
        }
        this.title = title;
        this.traces = traces;
        this.layout = layout;
        this.frames = frames;
        this.still = still;
        this.controls = controls;
        this.table = table;
    }

    /** What the live region announces at each frame, in the slider's order (empty without frames). */
    public List<String> frameDescriptions() {
        return controls == null ? List.of() : controls.says();
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

    /** The picture shown without scripts and in print, with its text alternative. */
    public ChartImage image() {
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
        // picture is printed and the live chart and its controls are not.
        return "<div class=\"descent-explorer\" id=\"" + id + "\">\n"
                + "<style>@media print { .descent-explorer .descent-live, .descent-explorer .descent-controls "
                + "{ display: none !important; } .descent-explorer .descent-static { display: block !important; } }\n"
                + ".descent-controls { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin: 0 0 .4rem 0; "
                + "font: 14px sans-serif; color: #1a1a1a; }\n"
                + ".descent-controls input[type=range] { width: min(420px, 60vw); accent-color: #0b5394; }\n"
                + ".descent-controls button { font: inherit; padding: .25rem .9rem; color: #fff; background: #0b5394; "
                + "border: 1px solid #0b5394; border-radius: 4px; cursor: pointer; }\n"
                + ".descent-controls :focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }\n"
                + ".descent-controls [role=status] { flex-basis: 100%; margin: 0; min-height: 1.4em; }</style>\n"
                + "<img id=\"" + id + "Static\" class=\"descent-static\" alt=\"" + Show.escape(still.altText())
                + "\" src=\"data:image/png;base64," + Show.pngBase64(still) + "\">\n"
                + loader
                // the controls come first: Tab reaches them before the chart's own toolbar buttons
                + controlsHtml(id)
                + "<div id=\"" + id + "Plot\" class=\"descent-live\"></div>\n"
                + tableHtml()
                + "<script>(function () {\n"
                + "  if (typeof Plotly === 'undefined') return;\n"
                + "  var fig = " + Json.of(figure) + ";\n"
                + "  var gd = document.getElementById(\"" + id + "Plot\");\n"
                + "  Plotly.newPlot(gd, fig.data, fig.layout, {displaylogo: false, responsive: true})\n"
                + "    .then(function () { return Plotly.addFrames(gd, fig.frames); })\n"
                + "    .then(function () {\n"
                + "      document.getElementById(\"" + id + "Static\").style.display = \"none\";\n"
                + (controls == null ? "" : controlsScript(id))
                + "    });\n"
                + "})();</script>\n</div>";
    }

    /** The slider, the play button and the live region; hidden until the chart has drawn (they drive it). */
    private String controlsHtml(String id) {
        if (controls == null) return "";
        String first = controls.prefix() + frameNames().get(0);
        return "<div class=\"descent-controls\" id=\"" + id + "Controls\" role=\"group\" aria-label=\""
                + Show.escape(title) + "\" hidden>\n"
                + (controls.playable() ? "<button type=\"button\" id=\"" + id + "Play\" aria-pressed=\"false\">Play</button>\n" : "")
                + "<label for=\"" + id + "Range\">" + Show.escape(controls.label()) + "</label>\n"
                + "<input type=\"range\" id=\"" + id + "Range\" min=\"0\" max=\"" + (frames.size() - 1)
                + "\" step=\"1\" value=\"0\" aria-valuetext=\"" + Show.escape(first) + "\">\n"
                + "<output id=\"" + id + "Value\" for=\"" + id + "Range\">" + Show.escape(first) + "</output>\n"
                + "<p role=\"status\" aria-live=\"polite\" id=\"" + id + "Status\">"
                + Show.escape(controls.says().get(0)) + "</p>\n</div>\n";
    }

    /**
     * What the controls do: a slider move shows that frame (as Plotly's own slider does) and announces it; Play
     * steps through the frames from the current one and announces where it paused or ended, not every frame (a
     * screen reader would fall behind); Plotly's own slider and buttons, used with a mouse, move the controls too.
     */
    private String controlsScript(String id) {
        return "      var names = " + Json.of(frameNames()) + ", says = " + Json.of(controls.says()) + ", prefix = "
                + Json.of(controls.prefix()) + ";\n"
                + "      var box = document.getElementById(\"" + id + "Controls\"), range = document.getElementById(\"" + id + "Range\"),\n"
                + "          value = document.getElementById(\"" + id + "Value\"), status = document.getElementById(\"" + id + "Status\"),\n"
                + "          play = document.getElementById(\"" + id + "Play\"), timer = null;\n"
                + "      function mark(k, announce) {\n"
                + "        range.value = k; range.setAttribute('aria-valuetext', prefix + names[k]);\n"
                + "        value.textContent = prefix + names[k];\n"
                + "        if (announce) status.textContent = says[k];\n"
                + "      }\n"
                + "      function show(k, announce) {\n"
                + "        mark(k, announce);\n"
                + "        Plotly.animate(gd, [names[k]], {mode: 'immediate', frame: {duration: 0, redraw: false}, transition: {duration: 0}});\n"
                + "      }\n"
                + "      function stop() {\n"
                + "        if (timer === null) return;\n"
                + "        clearInterval(timer); timer = null;\n"
                + "        play.textContent = 'Play'; play.setAttribute('aria-pressed', 'false');\n"
                + "        status.textContent = says[+range.value];\n"
                + "      }\n"
                + "      range.addEventListener('input', function () { stop(); show(+range.value, true); });\n"
                + "      if (play) play.addEventListener('click', function () {\n"
                + "        if (timer !== null) { stop(); return; }\n"
                + "        var k = +range.value; if (k >= names.length - 1) k = -1;\n"
                + "        play.textContent = 'Pause'; play.setAttribute('aria-pressed', 'true');\n"
                + "        timer = setInterval(function () { k++; show(k, false); if (k >= names.length - 1) stop(); }, 150);\n"
                + "      });\n"
                + "      gd.on('plotly_animatingframe', function (e) {\n"
                + "        var k = names.indexOf(e.name); if (k >= 0 && +range.value !== k) mark(k, timer === null);\n"
                + "      });\n"
                + "      gd.on('plotly_sliderchange', function (e) {\n"   // also sent as an animation moves it: only a user's
                + "        if (!e.interaction) return;\n"                   // drag or click stops the play
                + "        var k = names.indexOf(e.step.label); if (k >= 0) { stop(); mark(k, true); }\n"
                + "      });\n"
                + "      box.hidden = false;\n";
    }

    /** The chart's data as a table a screen reader can walk, folded under its caption. */
    private String tableHtml() {
        if (table == null) return "";
        return "<details class=\"descent-data\"><summary>" + Show.escape(table.caption()) + "</summary>\n"
                + Show.tableHtml(table.header(), table.rows()) + "\n</details>\n";
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
