package descent.train;

import descent.data.CsvData;
import descent.data.CsvRows;
import descent.data.RowFile;
import descent.loss.MeanSquaredError;
import descent.optim.Adam;
import java.nio.file.Path;

/**
 * Run by {@link LargerThanHeapTest} in a JVM of its own with a small heap: converts a CSV larger than
 * that heap, is refused loading it whole (both ways), trains on it streamed and prints what happened,
 * one fact a line, the weights as the bits of their doubles.
 */
public final class StreamInSmallHeap {
    private StreamInSmallHeap() {}

    public static void main(String[] args) {
        Path csv = Path.of(args[0]);
        System.out.println("heap " + Runtime.getRuntime().maxMemory());
        try {
            CsvData.load(csv, "y");
            System.out.println("csv-loaded");
        } catch (IllegalArgumentException e) {
            System.out.println("csv-refused " + e.getMessage());
        }
        RowFile file = CsvRows.convert(csv, "y");
        System.out.println("rows-file " + file.bytes());
        try {
            file.load();
            System.out.println("rows-loaded");
        } catch (IllegalArgumentException e) {
            System.out.println("rows-refused " + e.getMessage());
        }
        History h = MinibatchRun.configure(Descent.of(MeanSquaredError.mean(), file)).run();
        StringBuilder bits = new StringBuilder("weights");
        for (double w : h.weights()) bits.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(w)));
        System.out.println(bits);
        System.out.println("message " + h.message());
    }

    /** The run both JVMs make. */
    static final class MinibatchRun {
        static Descent configure(Descent d) {
            return d.optimizer(new Adam(0.01)).minibatch(64).blockShuffle(4).seed(5).maxEpochs(1);
        }
    }
}
