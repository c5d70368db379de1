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
    }
}
