package descent.train;

import descent.optim.GradientDescent;

import descent.data.Dataset;
import descent.loss.Loss;

/** A model's cost over a dataset, each update's rows chosen by a {@link BatchSampler}. */
final class SampledLoss implements Problem {
    private final Loss loss;
    private final Dataset data;
    private final BatchSampler sampler;

    SampledLoss(Loss loss, Dataset data, BatchSampler sampler) {
        this.loss = loss;
        this.data = data;
        this.sampler = sampler;
    }

    @Override
    public int batchesPerEpoch() {
        return sampler.batchesPerEpoch();
    }

    @Override
    public boolean batchIsWhole() {
        return sampler.batchIsAll();
    }

    @Override
    public void newEpoch() {
        sampler.newEpoch();
    }

    @Override
    public double batch(int k, double[] theta, double[] grad) {
        return sampler.costAndGradient(loss, k, theta, grad);
    }

    @Override
    public int sgdSteps(GradientDescent sgd, int k, int maxUpdates, double[] theta, double costLimit, double[] costs) {
        return sampler.sgdSteps(sgd, loss, k, maxUpdates, theta, costLimit, costs);
    }

    @Override
    public double whole(double[] theta, double[] grad) {
        return loss.valueAndGradient(data, theta, grad);
    }
}
