package descent.exercise;

import descent.data.Dataset;
import descent.data.Datasets;
import descent.nn.Activation;
import descent.nn.Mlp;
import descent.nn.WeightInit;
import descent.optim.GradientDescent;
import descent.train.Descent;
import descent.train.History;

/**
 * Checks for notebook 14, a first neural network. Each code check runs the student's function on probes
 * chosen to tell mistakes apart (a square and a non-square W, a = 0, one-hot inputs, huge logits) and names
 * the mistake that explains every probe, not the first difference: a layer a′ = tanh(a·W + b) (Goodfellow,
 * Bengio and Courville, <i>Deep Learning</i>, §6.1) and the softmax cross-entropy's gradient
 * ∂J/∂z = softmax(z) − onehot(y) (ibid., §6.2.2.3).
 */
public final class NetworkExercises {
    private NetworkExercises() {}

    public static void checkLayer(LayerForward layer) {
        assessLayer(layer).print();
    }

    static Feedback assessLayer(LayerForward layer) {
        return LayerCheck.assess(layer);
    }

    public static void checkSoftmaxGradient(SoftmaxGradient gradient) {
        assessSoftmaxGradient(gradient).print();
    }

    static Feedback assessSoftmaxGradient(SoftmaxGradient gradient) {
        return SoftmaxCheck.assess(gradient);
    }

    // ---- 14.3: an initialisation that lets a deep tanh network learn ----

    /** The network of exercise 14.3: 2 → 16 → 16 → 16 → 1, tanh, on the two moons. */
    static Mlp deepNetwork() {
        return Mlp.binary(2, Activation.TANH, 16, 16, 16);
    }

    static final Dataset MOONS = Datasets.twoMoons(300, 0.15, 14);

    public static void checkInitialisation(WeightInit init) {
        assessInitialisation(init).print();
    }

    static Feedback assessInitialisation(WeightInit init) {
        return Exercise.report("choose an initialisation", () -> {
            if (Exercise.isTodo(init)) return Feedback.notDone("set myInit to one of WeightInit.ZEROS, SMALL_RANDOM, XAVIER, HE");
            Mlp net = deepNetwork();
            History h = Descent.of(net.loss(), MOONS).optimizer(new GradientDescent(0.5)).init(net.init(init, 3))
                    .maxIterations(300).run();
            double accuracy = net.accuracy(h.weights(), MOONS);
            String measured = String.format("after 300 steps from %s the network classifies %.0f %% of the moons", init, 100 * accuracy);
            return switch (init) {
                case ZEROS -> Feedback.wrong("symmetry", measured + ": from zeros every unit of a layer computes the same "
                        + "function and gets the same gradient, so the 16 units stay one unit (and with tanh(0) = 0 no gradient reaches W1 at all)");
                case SMALL_RANDOM -> Feedback.wrong("vanishing", measured + ": with sd = 0.01 each layer shrinks its input about "
                        + "25-fold (16 inputs × 0.01² each), so after three layers the signal, and the gradient coming back, is nearly 0");
                case XAVIER -> Feedback.done(measured + ": Xavier's sd = √(2 / (n_in + n_out)) keeps every layer's outputs about as "
                        + "spread as its inputs, which is what tanh needs");
                case HE -> Feedback.done(measured + ": He's sd = √(2 / n_in) is meant for ReLU (twice Xavier's variance here), and "
                        + "works for this tanh network too");
            };
        });
    }

}
