package descent.nn;

import descent.Check;
import descent.data.Dataset;
import descent.data.RowBlock;
import descent.loss.Loss;

/**
 * An {@link Mlp}'s cost and gradient for {@code Descent}, from the written-out pass ({@link MlpPass}): the
 * numbers of the autodiff graph ({@link Mlp#graphLoss}, equal to 1e-12 in the tests) at a fraction of its
 * time, since a training step neither builds a graph nor allocates. Each thread has its own pass, so runs
 * in parallel share one loss.
 */
final class MlpLoss implements Loss {
    private final Mlp net;
    private final ThreadLocal<MlpPass> passes;

    MlpLoss(Mlp net, ThreadLocal<MlpPass> passes) {
        this.net = net;
        this.passes = passes;
    }

    @Override
    public int parameterCount(Dataset data) {
        Check.notNull("data", data);
        return net.parameterCount();
    }

    @Override
    public double valueAndGradient(Dataset data, double[] w, double[] grad) {
        check(data, w);
        Check.length("grad", grad, net.parameterCount(), "one entry per parameter");
        net.checkTargets(data.y(), 0, data.rows());
        return passes.get().valueAndGradient(w, data.x(), data.y(), data.rows(), grad);
    }

    @Override
    public double valueAndGradient(Dataset data, double[] w, int[] rows, int from, int to, double[] grad) {
        check(data, w);
        Check.length("grad", grad, net.parameterCount(), "one entry per parameter");
        Check.rowRange(rows, from, to);
        MlpPass pass = passes.get();
        pass.gather(data.x(), data.y(), rows, from, to);
        for (int k = from; k < to; k++) net.checkTargets(data.y(), rows[k], rows[k] + 1);
        return pass.gathered(w, to - from, grad);
    }

    @Override
    public double valueAndGradient(RowBlock block, int from, int to, double[] w, double[] grad) {
        Check.notNull("block", block);
        block.checkRange(from, to);
        Check.length("grad", grad, net.parameterCount(), "one entry per parameter");
        int n = block.source().cols();
        net.checkColumns(n);
        checkTheta(w);
        net.checkTargets(block.y(), from, to);
        MlpPass pass = passes.get();
        pass.copy(block.x(), block.y(), from, to);
        return pass.gathered(w, to - from, grad);
    }

    @Override
    public double value(Dataset data, double[] w) {
        check(data, w);
        net.checkTargets(data.y(), 0, data.rows());
        return passes.get().valueAndGradient(w, data.x(), data.y(), data.rows(), null);
    }

    @Override
    public String name() {
        return net.toString();
    }

    @Override
    public String toString() {
        return name();
    }

    private void check(Dataset data, double[] w) {
        Check.notNull("data", data);
        net.checkColumns(data.cols());
        checkTheta(w);
    }

    private void checkTheta(double[] w) {
        Check.length("w", w, net.parameterCount(), "this network's parameters");
    }
}
