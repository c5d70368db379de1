package descent;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers as people write them in labels and messages: {@code 0.0005}, not {@code 5.0E-4}; {@code 2}, not
 * {@code 2.0}. Used wherever the library puts a number into text.
 */
public final class Format {
    private Format() {}

    /** Up to 6 significant digits, plain for 1e-4 ≤ |v| &lt; 1e7, else like {@code 1.5e-05}. */
    public static String number(double v) {
        return number(v, 6);
    }

    /** Up to {@code digits} significant digits (1 to 17), trailing zeros dropped. */
    public static String number(double v, int digits) {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits = " + digits + " is invalid: it must be from 1 to 17");
        }
        if (v == 0) return "0";
        if (!Double.isFinite(v)) return String.valueOf(v);
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e7) {
            return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
        }
        // at most 3 significant digits in scientific notation, trailing zeros of the mantissa dropped
        return String.format(java.util.Locale.ROOT, "%." + (Math.min(digits, 3) - 1) + "e", v)
                .replaceAll("\\.?0+e", "e");
    }
}
