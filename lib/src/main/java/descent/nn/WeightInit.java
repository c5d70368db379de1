package descent.nn;

import java.util.Random;

/**
 * How a network's weight matrices start (biases always start at 0). Each random scheme draws
 * from N(0, sd²) with its own sd for a matrix of fan-in n_in (rows) and fan-out n_out (columns).
 */
public enum WeightInit {
    /**
     * All zeros: every hidden unit of a layer computes the same function and gets the same gradient, so
     * the units stay identical for ever ("symmetry"): the network has the capacity of one unit per layer.
     */
    ZEROS,
    /** sd = 0.01, the "small random numbers" of the CS231n notes: breaks the symmetry, but signals shrink layer by layer. */
    SMALL_RANDOM,
    /**
     * Xavier/Glorot: sd = √(2 / (n_in + n_out)), which keeps the variance of activations and of gradients about
     * the same from layer to layer for tanh units (Glorot and Bengio, "Understanding the difficulty of training
     * deep feedforward neural networks", AISTATS 2010, eq. 12, in its normal form).
     */
    XAVIER,
    /**
     * He: sd = √(2 / n_in), for ReLU units, which zero half their inputs (He, Zhang, Ren and Sun, "Delving deep
     * into rectifiers", ICCV 2015, eq. 10).
     */
    HE;

    /** The standard deviation of a weight of an n_in × n_out matrix. */
    public double sd(int fanIn, int fanOut) {
        return switch (this) {
            case ZEROS -> 0;
            case SMALL_RANDOM -> 0.01;
            case XAVIER -> Math.sqrt(2.0 / (fanIn + fanOut));
            case HE -> Math.sqrt(2.0 / fanIn);
        };
    }

    /** Fills {@code theta[offset … offset + fanIn·fanOut)} with this scheme's draws from {@code random}. */
    void fill(double[] theta, int offset, int fanIn, int fanOut, Random random) {
        double sd = sd(fanIn, fanOut);
        for (int k = 0; k < fanIn * fanOut; k++) theta[offset + k] = sd == 0 ? 0 : sd * random.nextGaussian();
    }
}
