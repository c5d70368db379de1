package descent.nn;

import descent.autodiff.Tensor;

/**
 * The non-linearity of a network's hidden layers, applied entry by entry: without one, layers of
 * matrix products collapse into a single linear map and the network is logistic regression again.
 */
public enum Activation {
    /** tanh(a): outputs in (−1, 1), centred on 0; the long tutorial's choice. */
    TANH,
    /** σ(a) = 1/(1 + e^−a): outputs in (0, 1); saturates, and is not centred. */
    SIGMOID,
    /** max(0, a): the rectified linear unit (Nair and Hinton, ICML 2010); its gradient is 0 or 1. */
    RELU;

    Tensor apply(Tensor a) {
        return switch (this) {
            case TANH -> a.tanh();
            case SIGMOID -> a.sigmoid();
            case RELU -> a.relu();
        };
    }
}
