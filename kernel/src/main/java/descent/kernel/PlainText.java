package descent.kernel;

import java.util.List;

import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplaySystem;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;

/**
 * Every value rapaio shows (a cell's {@code execute_result}, {@code display(...)}) carries a {@code text/plain}
 * form, as Jupyter's messaging specification asks of every output, and HTML only where it adds something.
 *
 * <p>rapaio 2.3.0 labels a plain {@code toString()} as {@code text/html} alone: {@code 1 + 1} came as
 * HTML "2", and a string such as {@code "List<Double>"} lost its angle brackets to the browser. This renderer
 * is asked first for every value (rapaio finds it with {@link java.util.ServiceLoader}, listed in
 * {@code META-INF/services}); it lets rapaio render the value as it would (re-entering rapaio's display system
 * with itself switched off on this thread), then adds the {@code toString()} as {@code text/plain} where the
 * result has none, and drops an HTML form that is nothing but that same text. Charts keep their text
 * alternative ({@link ChartImages}); any other picture gets no text (the export template would make
 * an object's name its {@code <img alt>}); tables keep their HTML.
 */
public final class PlainText implements DisplayProvider {
    private static final ThreadLocal<Boolean> RENDERING = ThreadLocal.withInitial(() -> false);

    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return List.of(new Renderer());
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of();
    }

    /**
     * {@code data} with a text/plain form of {@code value} (unless it is a picture); an HTML form equal to that
     * text goes when no type was asked for.
     */
    static DisplayData withPlainText(DisplayData data, String mime, Object value) {
        String text = String.valueOf(value);
        boolean picture = data.data().keySet().stream().anyMatch(type -> type.startsWith("image/"));
        if (!data.data().containsKey("text/plain") && !picture) {
            if (mime == null && text.equals(data.data().get("text/html"))) {
                data.data().remove("text/html");
            }
            data.putData("text/plain", text);
        }
        return data;
    }

    static final class Renderer implements DisplayRenderer {
        @Override
        public Class<?> rendererClass() {
            return Object.class;
        }

        /** Every value, except while rapaio renders one for this renderer. */
        @Override
        public boolean canRender(String mime) {
            return !RENDERING.get();
        }

        @Override
        public DisplayData render(String mime, Object value) {
            RENDERING.set(true);
            DisplayData data;
            try {
                data = DisplaySystem.inst().render(mime, value);
            } finally {
                RENDERING.set(false);
            }
            return withPlainText(data, mime, value);
        }
    }
}
