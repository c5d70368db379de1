package descent.plot;

import descent.Check;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Small grey-scale images in a row, each with a caption under it: e.g. the 8×8 handwritten digits a network
 * got wrong, "7 read as 9". Darker is more ink; 0 is white, the largest value black.
 */
final class DigitImages {
    private static final int SCALE = 10;
    private static final int GAP = 16;

    private DigitImages() {}

    static ChartImage draw(String title, double[][] images, int side, String[] captions) {
        Check.notNull("title", title);
        Check.notNull("images", images);
        Check.notNull("captions", captions);
        Check.atLeast("images.length", images.length, 1);
        Check.atLeast("side", side, 1);
        if (captions.length != images.length) {
            throw new IllegalArgumentException("captions has " + captions.length + " entries but there are "
                    + images.length + " images: one caption per image");
        }
        double top = 0;
        for (int k = 0; k < images.length; k++) {
            Check.length("images[" + k + "]", images[k], side * side, "side × side = " + side * side + " pixels, row by row");
            Check.finite("images[" + k + "]", images[k]);
            for (double v : images[k]) {
                if (v < 0) throw new IllegalArgumentException("images[" + k + "] has a pixel " + v + ": ink is ≥ 0");
                top = Math.max(top, v);
            }
        }
        int cell = side * SCALE, width = images.length * (cell + GAP) + GAP, height = cell + 70;
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, GAP, 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int k = 0; k < images.length; k++) {
            int x0 = GAP + k * (cell + GAP), y0 = 32;
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    int grey = 255 - (int) Math.round(255 * (top == 0 ? 0 : images[k][r * side + c] / top));
                    g.setColor(new Color(grey, grey, grey));
                    g.fillRect(x0 + c * SCALE, y0 + r * SCALE, SCALE, SCALE);
                }
            }
            g.setColor(Color.GRAY);
            g.drawRect(x0, y0, cell, cell);
            g.setColor(Color.BLACK);
            g.drawString(captions[k], x0, y0 + cell + 18);
        }
        g.dispose();
        return new ChartImage(picture, AltText.sentence(title + ": " + AltText.count(images.length, "image", "images")
                + " of " + side + "×" + side + " pixels, captioned " + String.join("; ", captions)));
    }
}
