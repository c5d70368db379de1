package descent.exercise;

import descent.core.GradientCore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Exercise 15.1's slips, from the formula's parts: a window's heap is blocks × B rows a block × (n + 1) doubles a
 * row × 8 bytes a double ÷ 10⁶ bytes a megabyte (B = {@link GradientCore#BLOCK}; the row file's layout,
 * {@code descent.data.RowFileHeader}). A slip puts a wrong value into one part (or into two), so the answer is off
 * by that part's factor; the table lists, per part, the values a student plausibly puts there and why they are
 * wrong. An answer is explained by a slip when it matches the product with the slip to the two decimals asked
 * (rounded or truncated) or to three significant digits.
 */
final class WindowSlips {
    private WindowSlips() {}

    /** One part of the product: its right value, and whether it divides. */
    private record Part(String name, double right, boolean divides) {}

    /** A wrong value in one part, the mistake's name and the sentence that says why it is wrong. */
    private record Slip(String mistake, Part part, double value, String why) {
        double factor() {
            return part.divides ? part.right / value : value / part.right;
        }
    }

    private static final Part BLOCKS = new Part("blocks", StreamExercises.WINDOW_BLOCKS, false),
            ROWS = new Part("rows a block", GradientCore.BLOCK, false),
            DOUBLES = new Part("doubles a row", StreamExercises.FEATURES + 1, false),
            BYTES = new Part("bytes a double", Double.BYTES, false),
            MEGABYTE = new Part("bytes a megabyte", 1e6, true);

    private static final List<Slip> SLIPS = List.of(
            new Slip("one-block", BLOCKS, 1, "is one block; the window holds 4 of them"),
            new Slip("blocks", BLOCKS, 3, "counts 3 blocks; the window holds 4"),
            new Slip("blocks", BLOCKS, 5, "counts 5 blocks; the window holds 4 (the read buffer is not part of it)"),
            new Slip("blocks", BLOCKS, 16, "counts 16 blocks; the window asked about holds 4"),
            new Slip("rows", ROWS, 8000, "takes a block as 8,000 rows; a block has B = 8,192 = 2¹³ rows"),
            new Slip("without-y", DOUBLES, StreamExercises.FEATURES, "counts the 16 features of a row but not its target y: "
                    + "a row file stores n + 1 = 17 doubles a row, and the window holds y too (y is missing)"),
            new Slip("bias", DOUBLES, StreamExercises.FEATURES + 2, "counts 18 doubles a row; a row file stores n + 1 = 17: "
                    + "the 16 features and y, no bias column"),
            new Slip("values", BYTES, 1, "counts the doubles, not their bytes: each double takes 8 bytes"),
            new Slip("floats", BYTES, 4, "counts 4 bytes a value, a float's; the rows hold doubles, 8 bytes each"),
            new Slip("bits", BYTES, 64, "counts bits: a double has 64 bits, 8 bytes"),
            new Slip("mebibytes", MEGABYTE, 1 << 20, "is in MiB (2²⁰ = 1,048,576 bytes); a megabyte here is 10⁶ bytes"),
            new Slip("mixed-units", MEGABYTE, 1024 * 1000, "divides by 1,024 × 1,000 (KiB, then thousands); a megabyte "
                    + "is 10⁶ bytes"),
            new Slip("kibibytes", MEGABYTE, 1024, "is in KiB (2¹⁰ = 1,024 bytes); a megabyte is 10⁶ bytes"),
            new Slip("gibibytes", MEGABYTE, 1 << 30, "is in GiB (2³⁰ bytes); a megabyte is 10⁶ bytes"),
            new Slip("kilobytes", MEGABYTE, 1e3, "is in kilobytes (10³ bytes); a megabyte is 10⁶ bytes"),
            new Slip("bytes", MEGABYTE, 1, "is the number of bytes; divide by 10⁶ for megabytes"),
            new Slip("gigabytes", MEGABYTE, 1e9, "is in gigabytes (10⁹ bytes); a megabyte is 10⁶ bytes"));

    /** The window's heap in megabytes, from the parts. */
    static double exact() {
        return BLOCKS.right * ROWS.right * DOUBLES.right * BYTES.right / MEGABYTE.right;
    }

    /**
     * The wording for the slip (or two slips in different parts) that explains {@code mb}, or null: the answer
     * off by the slip's factor, and why.
     */
    static Feedback explain(double mb, String mine) {
        double exact = exact();
        List<Slip> found = new ArrayList<>();   // slips of the same factor (8,000 rows; 1,024 × 1,000 bytes) are all named
        for (Slip s : SLIPS) if (matches(mb, exact * s.factor())) found.add(s);
        if (!found.isEmpty()) {
            List<String> whys = new ArrayList<>();
            for (Slip s : found) whys.add(s.why);
            return Feedback.wrong(found.get(0).mistake, say(mine, String.join("; or it ", whys), found.get(0).factor()));
        }
        for (int a = 0; a < SLIPS.size(); a++) {
            for (int b = a + 1; b < SLIPS.size(); b++) {
                Slip s = SLIPS.get(a), t = SLIPS.get(b);
                if (s.part == t.part || !matches(mb, exact * s.factor() * t.factor())) continue;
                return Feedback.wrong(s.mistake, say(mine, s.why + ", and it " + t.why, s.factor() * t.factor()));
            }
        }
        return null;
    }

    /** Two decimals, rounded or truncated, or three significant digits. */
    private static boolean matches(double mb, double predicted) {
        double hundredths = predicted * 100;
        return Math.abs(mb - Math.rint(hundredths) / 100) < 1e-9 || Math.abs(mb - Math.floor(hundredths) / 100) < 1e-9
                || Math.abs(mb - predicted) <= 1.5e-3 * Math.abs(predicted);
    }

    private static String say(String mine, String why, double factor) {
        return mine + " " + why + " (" + factorWords(factor) + ")";
    }

    /** "a factor of 4 too small", "a factor of 1,074 too small", "5.9 % too large". */
    static String factorWords(double factor) {
        boolean large = factor > 1;
        double f = large ? factor : 1 / factor;
        String side = large ? " too large" : " too small";
        if (Math.abs(f - Math.rint(f)) < 1e-9) return "a factor of " + Exercise.num(Math.rint(f)) + side;
        if (f < 1.5) return String.format(Locale.ROOT, "%.1f %%", 100 * Math.abs(factor - 1)) + side;
        return "a factor of " + String.format(Locale.ROOT, f >= 100 ? "%,.0f" : "%.3g", f) + side;
    }

    /** The parts' names, for the generic reminder. */
    static String parts() {
        List<String> names = new ArrayList<>();
        for (Part p : List.of(BLOCKS, ROWS, DOUBLES, BYTES)) names.add(p.name);
        return String.join(" × ", names) + " ÷ " + MEGABYTE.name;
    }
}
