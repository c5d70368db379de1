package descent.bench;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.loss.MeanSquaredError;
import descent.optim.GradientDescent;
import descent.train.Descent;
import descent.train.History;
import java.util.Locale;

/**
 * What the block shuffle changes (bench/STREAMING.md): minibatch descent on rows stored sorted by
 * their target (the worst order a file can have for a shuffle within windows) and on rows stored in a
 * random order, with a full shuffle each epoch against block shuffles of 1, 4 and 16 blocks per window.
 * Prints the cost J on all the data after each of the first three epochs, for five seeds, averaged.
 */
public final class BlockShuffleEffect {
    private BlockShuffleEffect() {}

    public static void main(String[] args) {
        Dataset random = Datasets.linear(200_000, 4, new double[] {1, -2, 0.5, 3}, 1.0, 49).withBias();
        Dataset sorted = Datasets.sortedByTarget(random);
        System.out.println("stored | shuffle | J after epoch 1 | 2 | 3  (mean of 5 seeds; m = 200,000, n = 5, b = 32, η = 0.01)");
        for (Dataset data : new Dataset[] {random, sorted}) {
            for (int window : new int[] {0, 1, 4, 16}) {
                double[] j = new double[3];
                for (long seed = 1; seed <= 5; seed++) {
                    Descent d = Descent.of(MeanSquaredError.mean(), data).optimizer(new GradientDescent(0.01)).minibatch(32)
                            .seed(seed).maxEpochs(3);
                    History h = (window == 0 ? d : d.blockShuffle(window)).run();
                    for (int e = 0; e < 3; e++) j[e] += h.epochLoss()[e + 1] / 5;
                }
                System.out.printf(Locale.ROOT, "%s | %s | %.5f | %.5f | %.5f%n", data == random ? "random order" : "sorted by y",
                        window == 0 ? "full" : "blocks, " + window + " per window", j[0], j[1], j[2]);
            }
        }
    }
}
