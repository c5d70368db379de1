package descent.exercise;

import descent.data.RowFile;

/** A student's mean of the targets y of a row file, read a block at a time (exercise 15.2). */
@FunctionalInterface
public interface StreamedMean {
    /** @return (1/m) Σᵢ yᵢ over all m rows of {@code file} */
    double of(RowFile file);
}
