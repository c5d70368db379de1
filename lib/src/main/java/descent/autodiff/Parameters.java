package descent.autodiff;

import descent.Check;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model's matrices read from one flat θ for one evaluation ({@link ParameterLayout#bind}): each
 * {@link #get} gives the slot's entries as an input node of the graph, the same node every time it is
 * asked for (so a matrix used twice accumulates both gradients), and {@link #gradient} gathers the
 * nodes' gradients back into one flat vector in θ's layout, which is what an optimiser updates.
 */
public final class Parameters {
    private final ParameterLayout layout;
    private final double[] theta;
    private final Map<ParameterLayout.Slot, Tensor> nodes = new LinkedHashMap<>();

    Parameters(ParameterLayout layout, double[] theta) {
        this.layout = layout;
        Check.length("theta", theta, layout.size(), "the layout's " + layout.slots().size() + " matrices, "
                + layout.size() + " entries in all");
        Check.finite("theta", theta);
        this.theta = theta;
    }

    /** The slot's matrix, θ[offset … offset + rows·cols) row-major, as a node of the graph. */
    public Tensor get(ParameterLayout.Slot slot) {
        Check.notNull("slot", slot);
        if (!layout.owns(slot)) {
            throw new IllegalArgumentException("slot " + slot.name() + " is invalid: it belongs to another layout");
        }
        return nodes.computeIfAbsent(slot, s ->
                Tensor.leaf(Arrays.copyOfRange(theta, s.offset(), s.offset() + s.size()), s.rows(), s.cols()));
    }

    /** Writes every slot's gradient into {@code grad} at its offset (0 for a slot the graph never used). */
    public void gradient(double[] grad) {
        Check.length("grad", grad, layout.size(), "one entry per parameter");
        Arrays.fill(grad, 0.0);
        for (Map.Entry<ParameterLayout.Slot, Tensor> e : nodes.entrySet()) {
            System.arraycopy(e.getValue().grad, 0, grad, e.getKey().offset(), e.getKey().size());
        }
    }
}
