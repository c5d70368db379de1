package descent.plot;

import descent.Format;
import java.util.List;

/**
 * The words of the charts' text alternatives: numbers to three significant digits (what a reader takes in
 * from a chart; the data tables and the printed output carry the exact values), lists joined as people say
 * them, points as (x, y).
 */
final class AltText {
    private AltText() {}

    /** A number as the alt text says it: 3 significant digits, plain where that is short. */
    static String number(double v) {
        return Format.number(v, 3);
    }

    /** "(x, y)". */
    static String point(double x, double y) {
        return "(" + number(x) + ", " + number(y) + ")";
    }

    /** "a", "a and b", "a, b and c". */
    static String list(List<String> items) {
        if (items.isEmpty()) return "";
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** "1 point", "3 points". */
    static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** The text ending in a full stop. */
    static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") ? t : t + ".";
    }
}
