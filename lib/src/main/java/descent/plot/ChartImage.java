package descent.plot;

import descent.Check;
import java.awt.image.BufferedImage;

/**
 * A rendered chart that knows what it shows: the picture plus a text alternative computed from the data it
 * drew (WCAG 2.1, success criterion 1.1.1 "Non-text Content"). It is a {@link BufferedImage}, so
 * {@code display(...)} and a cell's last expression show it as any picture; {@link #toString()} is the
 * text alternative, which IJava puts beside the PNG as {@code text/plain} and the course's rapaio launcher
 * puts there and in the output's {@code alt} metadata. The export template turns either into the page's
 * {@code <img alt>}.
 */
public final class ChartImage extends BufferedImage {
    private final String altText;

    /** Wraps {@code image}'s pixels (no copy) with its text alternative. */
    ChartImage(BufferedImage image, String altText) {
        super(image.getColorModel(), image.getRaster(), image.isAlphaPremultiplied(), null);
        this.altText = Check.notNull("altText", altText);
        if (altText.isBlank()) throw new IllegalArgumentException("altText is blank: say what the chart shows");
    }

    /** What the chart shows and its main finding, in a sentence or a few, for a screen reader. */
    public String altText() {
        return altText;
    }

    /** The text alternative: what a kernel shows as the picture's {@code text/plain}. */
    @Override
    public String toString() {
        return altText;
    }
}
