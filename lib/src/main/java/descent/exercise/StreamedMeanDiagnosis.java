package descent.exercise;

import static descent.exercise.StreamExercises.blocks;
import static descent.exercise.StreamExercises.sum;

import descent.core.GradientCore;
import descent.data.Dataset;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Exercise 15.2's diagnosis: what a student's streamed mean returned on each probe file against what each
 * mistake at a block's edge would return there (a block or a row left out, a short last block read as full,
 * the mean of the blocks' means, a sum that restarts), with the hypotheses of {@link Diagnosis}.
 */
final class StreamedMeanDiagnosis {
    private StreamedMeanDiagnosis() {}

    /** The probes' rows and the student's answer on each. */
    private record Results(List<Dataset> rows, List<Double> answers) {
        boolean all(ToDoubleFunction<Dataset> predicted) {
            for (int k = 0; k < rows.size(); k++) {
                double want = predicted.applyAsDouble(rows.get(k)), got = answers.get(k);
                if (Double.isNaN(want) && Double.isNaN(got)) continue;   // 0/0 both ways: a loop that read nothing
                if (!(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)))) return false;
            }
            return true;
        }

        double ratio(int k) {
            return answers.get(k) / right(rows.get(k));
        }
    }

    static double right(Dataset d) {
        return sum(d, (b, i) -> true) / d.rows();
    }

    static Feedback of(List<Dataset> rows, List<Double> answers) {
        Results r = new Results(rows, answers);
        if (r.all(StreamedMeanDiagnosis::right)) {
            return Feedback.done("your mean is (1/m) Σ yᵢ on all " + rows.size() + " probe files (one short block; whole "
                    + "blocks; two whole blocks and a short one), without rowFile.load(), a block at a time into arrays of "
                    + "one block, and every reader you opened closed");
        }
        return new Diagnosis<Results>()
                .hypothesis("sign", p -> p.all(d -> -right(d)), p -> "your mean has the opposite sign: add the y's, do not subtract them")
                .hypothesis("nothing-added", p -> p.all(d -> 0), p -> "your mean is 0 on every file: nothing was ever added — "
                        + "the line sum += y[i] is missing, or the loop over the blocks never runs")
                .hypothesis("last-block", p -> p.all(d -> sum(d, (b, i) -> b < blocks(d) - 1) / d.rows())
                        || p.all(d -> sum(d, (b, i) -> b < blocks(d) - 1) / (d.rows() - rowsIn(d, blocks(d) - 1))),
                        p -> "the last block is missing: your loop over the blocks stops one too early; the blocks are b = 0 … "
                                + "file.blocks() − 1 (b < file.blocks())")
                .hypothesis("first-block", p -> p.all(d -> sum(d, (b, i) -> b > 0) / d.rows()),
                        p -> "the first block (b = 0) is missing: start the loop over the blocks at 0")
                .hypothesis("first-row", p -> p.all(d -> sum(d, (b, i) -> i > 0) / d.rows())
                        || p.all(d -> sum(d, (b, i) -> i > 0) / (d.rows() - blocks(d))),
                        p -> "the first row of each block is missing: a block's rows are y[0] … y[rows − 1], so start at i = 0")
                .hypothesis("last-row", p -> p.all(d -> sum(d, (b, i) -> i < rowsIn(d, b) - 1) / d.rows()),
                        p -> "the last row of each block is missing: loop while i < rows (the count readBlock returns), "
                                + "not one fewer")
                .hypothesis("left-over", p -> p.all(StreamedMeanDiagnosis::withLeftOvers),
                        p -> "after the short last block you added rows it does not have: values left over in y from the "
                                + "block before. readBlock returns the block's row count; add y[0 … rows) only")
                .hypothesis("reset", p -> p.all(d -> sum(d, (b, i) -> b == blocks(d) - 1) / d.rows()),
                        p -> "only the last block's rows count: the sum is reset to zero at every block — start from 0 "
                                + "once, before the loop over the blocks")
                .hypothesis("return-early", p -> p.all(d -> sum(d, (b, i) -> b == 0) / d.rows()),
                        p -> "only the first block counts: your code returned after the loop's first block — return "
                                + "the mean after the loop over the blocks, once every block is added")
                .hypothesis("same-block", p -> p.all(d -> blocks(d) * sum(d, (b, i) -> b == 0) / d.rows()),
                        p -> "every block you read was block 0 (the first): pass the loop's b to readBlock(b, x, y, 0)")
                .hypothesis("mean-of-means", p -> p.all(StreamedMeanDiagnosis::meanOfMeans),
                        p -> "you averaged the blocks' means; the last block is short, so its rows weigh more that way. Add "
                                + "every y and divide once, by m = file.rows()")
                .hypothesis("off-by-one", p -> p.all(d -> sum(d, (b, i) -> true) / (d.rows() - 1))
                                || p.all(d -> sum(d, (b, i) -> true) / (d.rows() + 1)),
                        p -> "you divided by one row too many or too few (m ± 1): the mean divides by m = file.rows(), "
                                + "the number of rows")
                .hypothesis("features", p -> p.all(StreamedMeanDiagnosis::firstFeatures),
                        p -> "you added values of x, the features: readBlock puts a block's features into x and its "
                                + "targets into y, and the mean asked for is that of y")
                .hypothesis("capacity", p -> p.all(d -> sum(d, (b, i) -> true) / ((double) blocks(d) * GradientCore.BLOCK)),
                        p -> "you divided by blocks × " + GradientCore.BLOCK + ", a factor too large when the last block is "
                                + "short: divide by m = file.rows()")
                .hypothesis("divisor", p -> divisor(p) != null,
                        p -> "you divided Σ yᵢ by " + divisor(p) + ": the mean divides by m = file.rows(), the number of "
                                + "rows of the file, and nothing else")
                .hypothesis("x-column", p -> p.all(d -> columnMean(d, d.cols() - 1)) || p.all(d -> columnMean(d, 0)),
                        p -> "you averaged a column of x, a feature: y is not stored in x. readBlock puts the block's "
                                + "targets into y, one a row, and the mean asked for is that of y")
                .hypothesis("sum", p -> p.all(d -> sum(d, (b, i) -> true)),
                        p -> "you returned the sum Σ yᵢ: the mean is (1/m) Σ yᵢ — divide by m = file.rows()")
                .hypothesis("integer division", p -> p.all(d -> Math.floor(right(d))) || p.all(d -> Math.floor(sum(d, (b, i) -> true)) / d.rows()),
                        p -> "your mean lost its fraction: integer division (or a cast to int/long) cut it off — keep the "
                                + "sum and the division in doubles")
                .hypothesis("int-sum", p -> p.all(d -> wholeParts(d, Math::floor))
                                || p.all(d -> wholeParts(d, Math::rint)),
                        p -> "your sum lost every y's fraction: each y was added as a whole number (an int or long sum, "
                                + "whose += casts each new sum back to a whole number with no error, or Math.round, or a cast). "
                                + "Declare the sum a double and add y[i] as it is")
                .hypothesis("factor", p -> Math.abs(p.ratio(0) - p.ratio(1)) < 1e-9 * Math.abs(p.ratio(0))
                                && Math.abs(p.ratio(0) - p.ratio(2)) < 1e-9 * Math.abs(p.ratio(0)),
                        p -> String.format(Locale.ROOT, "your mean is %s times the right one on every file: a factor "
                                + "too many or too few, (1/m) Σ yᵢ has none", Exercise.num(p.ratio(0))))
                .otherwise(p -> String.format(Locale.ROOT, "on a file of m = %,d rows (%d blocks, the last of %d rows) your mean "
                        + "is %s; the mean of its y is %s. Add every y of every block, then divide by m", p.rows().get(0).rows(),
                        blocks(p.rows().get(0)), rowsIn(p.rows().get(0), blocks(p.rows().get(0)) - 1),
                        digits(p.answers().get(0), right(p.rows().get(0))), digits(right(p.rows().get(0)), p.answers().get(0))))
                .of(r);
    }

    /** v as Exercise.num prints it, or with 10 significant digits when {@code other} would print the same. */
    private static String digits(double v, double other) {
        String short_ = Exercise.num(v);
        return short_.equals(Exercise.num(other)) ? String.format(Locale.ROOT, "%.10g", v) : short_;
    }

    static int rowsIn(Dataset d, int b) {
        return Math.min(GradientCore.BLOCK, d.rows() - b * GradientCore.BLOCK);
    }

    /** Every block read as full: a short last block adds the previous block's rows beyond its own count. */
    private static double withLeftOvers(Dataset d) {
        int lastBlock = blocks(d) - 1, lastRows = rowsIn(d, lastBlock);
        double s = sum(d, (b, i) -> true);
        if (lastBlock > 0) {
            for (int i = lastRows; i < GradientCore.BLOCK; i++) s += d.y((lastBlock - 1) * GradientCore.BLOCK + i);
        }
        return s / d.rows();
    }

    /** y's indices read from x instead: the first rows values of each block's features, row-major. */
    private static double firstFeatures(Dataset d) {
        double s = 0;
        for (int b = 0; b < blocks(d); b++) {
            for (int k = 0; k < rowsIn(d, b); k++) s += d.x()[b * GradientCore.BLOCK * d.cols() + k];
        }
        return s / d.rows();
    }

    /** (1/m) Σ whole(yᵢ): an int accumulator, which += truncates at every row (⌊y⌋, y > 0 on the probes), or a rounding. */
    private static double wholeParts(Dataset d, java.util.function.DoubleUnaryOperator whole) {
        double s = 0;
        for (int i = 0; i < d.rows(); i++) s += whole.applyAsDouble(d.y(i));
        return s / d.rows();
    }

    /** A count of the file the sum may be divided by instead of m, and what it is. */
    private record Count(String name, ToDoubleFunction<Dataset> of) {}

    private static final List<Count> COUNTS = List.of(new Count("m = file.rows()", d -> d.rows()),
            new Count("n = file.cols(), the features of a row", d -> d.cols()),
            new Count("n + 1, the values of a row", d -> d.cols() + 1),
            new Count("file.blocks(), the number of blocks", d -> blocks(d)),
            new Count("GradientCore.BLOCK = " + GradientCore.BLOCK + ", the rows of one full block", d -> GradientCore.BLOCK));

    /**
     * What the student divided Σ y by, when it is one of the file's counts other than m, or a product of two of them
     * (m × n, blocks × n, …): null when no such count explains every probe.
     */
    static String divisor(Results p) {
        for (int a = 0; a < COUNTS.size(); a++) {
            for (int b = a; b <= COUNTS.size(); b++) {
                Count first = COUNTS.get(a), second = b < COUNTS.size() ? COUNTS.get(b) : null;
                if (a == 0 && second == null) continue;   // m alone is right
                if (p.all(d -> sum(d, (k, i) -> true) / (first.of.applyAsDouble(d)
                        * (second == null ? 1 : second.of.applyAsDouble(d))))) {
                    return second == null ? first.name : first.name + " times " + second.name;
                }
            }
        }
        return null;
    }

    /** The mean of feature j, x's column j. */
    private static double columnMean(Dataset d, int j) {
        double s = 0;
        for (int i = 0; i < d.rows(); i++) s += d.x()[i * d.cols() + j];
        return s / d.rows();
    }

    private static double meanOfMeans(Dataset d) {
        double s = 0;
        for (int b = 0; b < blocks(d); b++) {
            int block = b;
            s += sum(d, (k, i) -> k == block) / rowsIn(d, block);
        }
        return s / blocks(d);
    }
}
