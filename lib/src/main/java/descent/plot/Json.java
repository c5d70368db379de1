package descent.plot;

import java.util.List;
import java.util.Map;

/**
 * A JavaScript object literal of maps, lists, strings, numbers and booleans, for Plotly figures.
 * Numbers keep 7 significant digits (a chart needs no more, and a page of frames stays small); NaN
 * and ±∞ become null, which Plotly draws as a gap. Strings are escaped for use inside a script element.
 */
final class Json {
    private Json() {}

    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            out.append(Surface3D.jsString(s));
        } else if (v instanceof Boolean b) {
            out.append(b);
        } else if (v instanceof Integer || v instanceof Long) {
            out.append(v);
        } else if (v instanceof Number n) {
            number(out, n.doubleValue());
        } else if (v instanceof double[] a) {
            out.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) out.append(',');
                number(out, a[i]);
            }
            out.append(']');
        } else if (v instanceof Object[] a) {
            write(out, List.of(a));
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) out.append(',');
                write(out, list.get(i));
            }
            out.append(']');
        } else if (v instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) out.append(',');
                first = false;
                out.append(Surface3D.jsString(String.valueOf(e.getKey()))).append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getSimpleName() + " into a figure");
        }
    }

    private static void number(StringBuilder out, double d) {
        if (!Double.isFinite(d)) {
            out.append("null");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            out.append((long) d);
        } else {
            String s = String.format(java.util.Locale.ROOT, "%.7g", d);
            if (s.contains("e")) {
                out.append(s);
            } else {
                // drop trailing zeros of the fraction: 0.1000000 → 0.1
                s = s.replaceAll("0+$", "");
                out.append(s.endsWith(".") ? s.substring(0, s.length() - 1) : s);
            }
        }
    }
}
