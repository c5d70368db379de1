package descent.autodiff;

import descent.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each weight matrix of a model lives in one flat parameter vector θ: the optimisers of
 * {@code descent.optim} and the training loops update a single {@code double[]}, so a model's
 * matrices are slices of it, one after another, each row-major.
 *
 * <pre>{@code
 * ParameterLayout layout = new ParameterLayout();
 * ParameterLayout.Slot w1 = layout.add("W1", 30, 8), b1 = layout.add("b1", 1, 8);
 * double[] theta = new double[layout.size()];   // W1 in theta[0 … 240), b1 in theta[240 … 248)
 * }</pre>
 */
public final class ParameterLayout {
    private final List<Slot> slots = new ArrayList<>();
    private int size;

    /** One matrix of the model: its name, its first index in θ, its shape. */
    public record Slot(String name, int offset, int rows, int cols) {
        /** rows × cols: how many entries of θ it takes. */
        public int size() {
            return rows * cols;
        }
    }

    /** Reserves the next rows × cols entries of θ for the matrix {@code name} and returns where they are. */
    public Slot add(String name, int rows, int cols) {
        Check.notNull("name", name);
        for (Slot s : slots) {
            if (s.name().equals(name)) throw new IllegalArgumentException("name = \"" + name + "\" is invalid: the layout has it already");
        }
        Check.size("rows", rows, cols);
        Check.size("cols", cols, rows);
        Check.size("the parameters' count", size + rows * cols, 1);
        Slot slot = new Slot(name, size, rows, cols);
        slots.add(slot);
        size += rows * cols;
        return slot;
    }

    /** The length of θ: every slot's entries. */
    public int size() {
        return size;
    }

    public List<Slot> slots() {
        return List.copyOf(slots);
    }

    /** The slots over a given θ, for one evaluation of the model: see {@link Parameters}. */
    public Parameters bind(double[] theta) {
        return new Parameters(this, theta);
    }

    boolean owns(Slot slot) {
        return slots.contains(slot);
    }
}
