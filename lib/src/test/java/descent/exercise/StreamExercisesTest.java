package descent.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.core.GradientCore;
import descent.data.RowFile;
import descent.data.RowFileReader;
import org.junit.jupiter.api.Test;

/** Exercise 15's checks: the right answers pass; each wrong answer, written as a student would, gets its own name. */
class StreamExercisesTest {
    private static void window(double mb, String mistake) {
        Feedback f = StreamExercises.assessWindowMegabytes(mb);
        assertEquals(mistake, f.mistake(), f.toString());
    }

    @Test
    void theWindowsMegabytes() {
        assertTrue(StreamExercises.assessWindowMegabytes(4.456).passed());
        assertTrue(StreamExercises.assessWindowMegabytes(4.46).passed());
        window(4.194304, "without-y");
        window(4.25, "mebibytes");
        window(1.114, "one-block");
        window(4456448, "bytes");
        window(4, "truncated");
        window(0.557, "values");
        assertTrue(StreamExercises.assessWindowMegabytes(44.56).message().contains("ten times too large"));
    }

    /** Each part of blocks × B × (n + 1) × 8 ÷ 10⁶ with a wrong value, computed here, not copied from the check. */
    @Test
    void slipsInOnePartAreNamedByTheirFactor() {
        window(4 * 8000 * 17 * 8 / 1e6, "rows");
        window(4 * 8192 * 17 * 64 / 1e6, "bits");
        window(4 * 8192 * 17 * 4 / 1e6, "floats");
        window(4 * 8192 * 17 * 8 / 1e3, "kilobytes");
        window(4 * 8192 * 17 * 8 / 1024.0, "kibibytes");
        window(4 * 8192 * 17 * 8 / Math.pow(2, 30), "gibibytes");
        window(4 * 8192 * 18 * 8 / 1e6, "bias");
        window(5 * 8192 * 17 * 8 / 1e6, "blocks");
        window(16 * 8192 * 17 * 8 / 1e6, "blocks");
        window(1 * 8192 * 16 * 8 / 1e6, "one-block");   // two slips at once
        window(4.45, "truncated");
        window(4.5, "truncated");
        assertTrue(StreamExercises.assessWindowMegabytes(4 * 8192 * 17 * 64 / 1e6).message().contains("a factor of 8 too large"));
        assertTrue(StreamExercises.assessWindowMegabytes(4.45).message().contains("4.46"));
        assertEquals("other", StreamExercises.assessWindowMegabytes(7.3).mistake());
    }

    /** A student's mean with a slip: which blocks count, which rows of a block, a short last block read as full. */
    private static double mean(RowFile f, int firstBlock, int blocksLess, int firstRow, int rowsLess, boolean full) {
        double[] x = new double[GradientCore.BLOCK * f.cols()], y = new double[GradientCore.BLOCK];
        double sum = 0;
        try (RowFileReader reader = f.reader()) {
            for (int b = firstBlock; b < f.blocks() - blocksLess; b++) {
                int rows = reader.readBlock(b, x, y, 0);
                for (int i = firstRow; i < (full ? GradientCore.BLOCK : rows) - rowsLess; i++) sum += y[i];
            }
        }
        return sum / f.rows();
    }

    /** The right loop with one of three slips: the sum reset each block, x added for y, a return after block 0. */
    private static double loop(RowFile f, boolean reset, boolean addX, boolean returnEarly) {
        double[] x = new double[GradientCore.BLOCK * f.cols()], y = new double[GradientCore.BLOCK];
        double sum = 0;
        try (RowFileReader reader = f.reader()) {
            for (int b = 0; b < f.blocks(); b++) {
                if (reset) sum = 0;
                int rows = reader.readBlock(b, x, y, 0);
                for (int i = 0; i < rows; i++) sum += addX ? x[i] : y[i];
                if (returnEarly) return sum / f.rows();
            }
        }
        return sum / f.rows();
    }

    private static void streamed(StreamedMean m, String mistake) {
        Feedback f = StreamExercises.assessStreamedMean(m);
        assertEquals(mistake, f.mistake(), f.toString());
    }

    @Test
    void theStreamedMean() {
        assertTrue(StreamExercises.assessStreamedMean(f -> mean(f, 0, 0, 0, 0, false)).passed());
        streamed(f -> mean(f, 0, 1, 0, 0, false), "last-block");
        streamed(f -> mean(f, 1, 0, 0, 0, false), "first-block");
        streamed(f -> mean(f, 0, 0, 1, 0, false), "first-row");
        streamed(f -> mean(f, 0, 0, 0, 1, false), "last-row");
        streamed(f -> mean(f, 0, 0, 0, 0, true), "left-over");
        streamed(f -> -mean(f, 0, 0, 0, 0, false), "sign");
        streamed(f -> 2 * mean(f, 0, 0, 0, 0, false), "factor");
        streamed(f -> mean(f, 0, 0, 0, 0, false) * f.rows(), "sum");
        streamed(f -> Math.floor(mean(f, 0, 0, 0, 0, false)), "integer division");
        streamed(f -> 0, "nothing-added");
        streamed(f -> mean(f, 0, 0, 0, 0, false) * f.rows() / (f.rows() - 1), "off-by-one");
        streamed(f -> loop(f, false, true, false), "features");
        streamed(f -> loop(f, false, false, true), "return-early");
        streamed(f -> { throw Exercise.notDone(); }, "not-done");
        streamed(f -> {
            double[] x = new double[GradientCore.BLOCK * f.cols()], y = new double[GradientCore.BLOCK];
            try (RowFileReader reader = f.reader()) {
                reader.readBlock(0, y, x, 0);
            }
            return 0;
        }, "arrays");
        streamed(f -> loop(f, true, false, false), "reset");
        streamed(f -> mean(f, 0, 0, 0, 0, false) * f.rows() / GradientCore.BLOCK, "divisor");
        streamed(f -> mean(f, 0, 0, 0, 0, false) * f.rows() / f.cols(), "divisor");
        streamed(f -> mean(f, 0, 0, 0, 0, false) / f.cols(), "divisor");
        assertTrue(StreamExercises.assessStreamedMean(f -> mean(f, 0, 0, 0, 0, false) / f.cols()).message()
                .contains("m = file.rows() times n = file.cols()"));
        streamed(f -> {
            double[] y = f.load().y();
            return java.util.Arrays.stream(y).sum() / y.length;
        }, "loaded");
    }

    @Test
    void anIntSumAndXsLastColumnAreNamed() {
        streamed(f -> {
            double[] x = new double[GradientCore.BLOCK * f.cols()], y = new double[GradientCore.BLOCK];
            int sum = 0;
            try (RowFileReader reader = f.reader()) {
                for (int b = 0; b < f.blocks(); b++) {
                    int rows = reader.readBlock(b, x, y, 0);
                    for (int i = 0; i < rows; i++) sum += y[i];
                }
            }
            return (double) sum / f.rows();
        }, "int-sum");
        streamed(f -> {
            double[] x = new double[GradientCore.BLOCK * f.cols()], y = new double[GradientCore.BLOCK];
            double sum = 0;
            try (RowFileReader reader = f.reader()) {
                for (int b = 0; b < f.blocks(); b++) {
                    int rows = reader.readBlock(b, x, y, 0);
                    for (int i = 0; i < rows; i++) sum += x[i * f.cols() + f.cols() - 1];
                }
            }
            return sum / f.rows();
        }, "x-column");
    }

    /** The right mean from arrays of the whole file, filled a block at a time: named, though the numbers are right. */
    @Test
    void aFileGatheredIntoArraysOfItsOwnIsNamed() {
        streamed(f -> {
            double[] x = new double[f.rows() * f.cols()], y = new double[f.rows()];
            try (RowFileReader reader = f.reader()) {
                for (int b = 0; b < f.blocks(); b++) reader.readBlock(b, x, y, b * GradientCore.BLOCK);
            }
            return java.util.Arrays.stream(y).sum() / f.rows();
        }, "gathered");
    }

    /** The right mean whose reader is never closed: named, though the numbers are right. */
    @Test
    void aReaderLeftOpenIsNamed() {
        streamed(f -> {
            double[] x = new double[GradientCore.BLOCK * f.cols()], y = new double[GradientCore.BLOCK];
            double sum = 0;
            RowFileReader reader = f.reader();
            for (int b = 0; b < f.blocks(); b++) {
                int rows = reader.readBlock(b, x, y, 0);
                for (int i = 0; i < rows; i++) sum += y[i];
            }
            return sum / f.rows();
        }, "unclosed");
    }
}
