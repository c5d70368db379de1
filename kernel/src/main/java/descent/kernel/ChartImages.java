package descent.kernel;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;

/**
 * Shows the library's charts on rapaio with their text alternative. rapaio 2.3.0 turns a picture into
 * {@code image/png} alone; a picture that says what it shows (the library's {@code descent.plot.ChartImage},
 * which has a public {@code altText()}) gets that text as the output's {@code text/plain} and as
 * {@code alt} in the output's {@code image/png} metadata, which the export template writes into
 * {@code <img alt>} (WCAG 2.1, 1.1.1). IJava needs nothing of the kind: it puts any value's
 * {@code toString()} beside its picture as {@code text/plain}, and {@code ChartImage.toString()} is the text.
 *
 * <p>rapaio finds this class with {@link java.util.ServiceLoader} (it is listed in
 * {@code META-INF/services}) and asks its renderers before its own. The chart's class is JShell's, not this
 * class loader's, so the text is read by reflection.
 */
public final class ChartImages implements DisplayProvider {
    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return List.of(new Renderer());
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of();
    }

    /** The text alternative of a picture that has one, else null. */
    static String altText(Object image) {
        try {
            Method m = image.getClass().getMethod("altText");
            return m.getReturnType() == String.class ? (String) m.invoke(image) : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** PNG, base64, as a notebook output carries it. */
    static String png(RenderedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static final class Renderer implements DisplayRenderer {
        @Override
        public Class<?> rendererClass() {
            return RenderedImage.class;
        }

        /** A value shown as it is (mime null) or asked for as PNG; rapaio's renderer takes other image types. */
        @Override
        public boolean canRender(String mime) {
            return mime == null || mime.equals("image/png") || mime.equals("png");
        }

        @Override
        public DisplayData render(String mime, Object value) {
            // rapaio takes the first renderer whose class and type fit, and fails on a null answer: any other
            // picture is drawn here too, as rapaio's own renderer would draw it
            DisplayData data = DisplayData.withType("image/png", png((RenderedImage) value));
            String alt = altText(value);
            if (alt == null) return data;
            data.putData("text/plain", alt);
            data.putMetaData("image/png", Map.of("alt", alt));
            return data;
        }
    }
}
