package descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV conversion's two libraries against what they replace: FastDoubleParser gives the double of
 * {@link Double#parseDouble}, bit for bit, or fails where it fails; FastCSV's records keep the CSV's
 * lines (a quoted field over two lines, a BOM, empty lines).
 */
class CsvRowFieldsTest {
    @TempDir
    Path dir;

    /** Both parsers on {@code text}: the same bits, or both refuse it. */
    private static void sameAsTheJdk(String text) {
        String jdk;
        try {
            jdk = Long.toHexString(Double.doubleToRawLongBits(Double.parseDouble(text)));
        } catch (NumberFormatException e) {
            jdk = "refused";
        }
        String fast;
        char[] padded = ("#," + text + ",#").toCharArray();  // as FastCSV hands a field: inside a larger buffer
        try {
            fast = Long.toHexString(Double.doubleToRawLongBits(JavaDoubleParser.parseDouble(padded, 2, text.length())));
        } catch (NumberFormatException e) {
            fast = "refused";
        }
        assertEquals(jdk, fast, () -> "\"" + text + "\"");
    }

    @Test
    void edgeValuesParseToTheBitsOfDoubleParseDouble() {
        List<String> edges = List.of("0", "-0", "+0.0", "-0.0e-5", "1", "-1", ".5", "5.", "0.1", "0.3", "1e23", "8.41e21",
                "9007199254740993", "9007199254740992.5", "9007199254740993.0000000000000000001",
                "4.9e-324", "5e-324", "2e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
                "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
                "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e308", "1e309",
                "1e-400", "1e400", "123456789012345678901234567890", "0.000000000000000000000000000001234",
                "1E5", "1e+05", "1e-05", "1.e1", " 7", "7 ", "\t7", "1d", "2f", "2D", "0x1p3", "0x1.8p1", "-0X.8P-2",
                "NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "inf", "nan",
                "", " ", "-", "+", ".", "e5", "1e", "1e+", "--1", "+-1", "1..2", "1.2.3", "1,5", "1_000", "1 000",
                "\u0661", "0x", "0x1", "1e5.5", "0e99999999999", "1e-99999999999", "12345678901234567890e-19");
        for (String text : edges) sameAsTheJdk(text);
    }

    @Test
    void randomDoublesInEveryNotationParseToTheBitsOfDoubleParseDouble() {
        Random random = new Random(49);
        for (int i = 0; i < 100_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(d)) continue;
            sameAsTheJdk(Double.toString(d));                                            // shortest round-trip digits
            sameAsTheJdk(String.format(Locale.ROOT, "%." + random.nextInt(20) + "e", d));  // too few or too many digits
            double ordinary = random.nextGaussian() * Math.pow(10, random.nextInt(13) - 6);
            sameAsTheJdk(Double.toString(ordinary));
            sameAsTheJdk(String.format(Locale.ROOT, "%." + random.nextInt(18) + "f", ordinary));
        }
    }

    @Test
    void decimalsExactlyHalfwayBetweenTwoDoublesRoundAsTheJdkRoundsThem() {
        // the hardest inputs: the exact midpoint of two neighbours (ties to even), and a hair above or below it
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            double d = Math.abs(Double.longBitsToDouble(random.nextLong()));
            if (!Double.isFinite(d) || d == Double.MAX_VALUE) continue;
            BigDecimal mid = new BigDecimal(d).add(new BigDecimal(Math.nextUp(d))).divide(BigDecimal.valueOf(2));
            String exact = mid.toString();
            sameAsTheJdk(exact);
            sameAsTheJdk(mid.add(mid.ulp()).toString());
            sameAsTheJdk(mid.subtract(mid.ulp()).toString());
            sameAsTheJdk(mid.round(new java.math.MathContext(17 + random.nextInt(10))).toString());
        }
    }

    @Test
    void randomDigitStringsParseToTheBitsOfDoubleParseDouble() {
        Random random = new Random(11);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.setLength(0);
            if (random.nextInt(4) == 0) text.append(random.nextBoolean() ? '-' : '+');
            int whole = random.nextInt(22), fraction = random.nextInt(22);
            for (int k = 0; k < whole; k++) text.append((char) ('0' + random.nextInt(10)));
            if (fraction > 0 || whole == 0) text.append('.');
            for (int k = 0; k < fraction; k++) text.append((char) ('0' + random.nextInt(10)));
            if (random.nextBoolean()) text.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(700) - 350);
            sameAsTheJdk(text.toString());
        }
    }

    @Test
    void aQuotedFieldOverTwoLinesABomAndEmptyLinesKeepTheLineNumbers() throws IOException {
        Path csv = dir.resolve("lines.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = "x,\"the target\"\n\n1,\"2\n\"\n\"3\",4\n\n5,six\n";  // "2\n" is 2, as Double.parseDouble reads it
        write(csv, bom, text);
        String message = assertThrows(IllegalArgumentException.class, () -> CsvRows.convert(csv, "the target")).getMessage();
        assertEquals(csv + ", line 7, column 2 (\"the target\") is \"six\", which is not a number", message);
        write(csv, bom, text.replace("six", "6"));
        Dataset data = CsvRows.convert(csv, "the target").load();
        assertArrayEquals(new String[] {"x"}, data.names(), "the BOM is not part of the first name");
        assertArrayEquals(new double[] {1, 3, 5}, data.x(), 0.0);
        assertArrayEquals(new double[] {2, 4, 6}, data.y(), 0.0);
        Path broken = Files.writeString(dir.resolve("broken.csv"), "x,\"the\ntarget\"\n1,2\n");
        assertEquals(broken + ", line 1, column 2: the header's name \"the\ntarget\" holds a line break, which a row file "
                + "cannot keep in a name; rename the column",
                assertThrows(IllegalArgumentException.class, () -> CsvRows.convert(broken, "the\ntarget")).getMessage());
    }

    private static void write(Path csv, byte[] start, String text) throws IOException {
        Files.write(csv, start);
        Files.writeString(csv, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void whatFastCsvItselfRefusesNamesTheFileAndTheLine() throws IOException {
        Path csv = Files.writeString(dir.resolve("quote.csv"), "x,y\n1,2\n3,\"4\n5,6\n");
        String message = assertThrows(IllegalArgumentException.class, () -> CsvRows.convert(csv, "y")).getMessage();
        assertEquals(csv + ": Unclosed quoted field at end of input (record starting at line 3)", message);
        Path open = Files.writeString(dir.resolve("open.csv"), "x,y\n1,2\n3,\"4");  // cut short: "4 would read as 4
        message = assertThrows(IllegalArgumentException.class, () -> CsvRows.convert(open, "y")).getMessage();
        assertEquals(open + ": Unclosed quoted field at end of input (record starting at line 3)", message);
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertEquals(empty + " is empty: it needs a header line naming its columns",
                assertThrows(IllegalArgumentException.class, () -> CsvRows.convert(empty, "y")).getMessage());
        for (Path file : List.of(csv, open, empty)) assertTrue(Files.notExists(CsvRows.rowFileOf(file)), file.toString());
    }
}
