package descent.core;

/**
 * One row's term of a linear model's loss, as a function of the row's output z = x·w and its target
 * y: ℓ(z, y) and its slope ℓ′(z, y) = ∂ℓ/∂z. By the chain rule the row's gradient is ℓ′(z, y)·x, so
 * the {@link GradientCore} needs nothing else from a loss: it computes the outputs z of a chunk of
 * rows, asks the term for the slopes, and adds Σ ℓ′·x into the gradient.
 *
 * <p>A term states its formula per row ({@link #value}, {@link #slope}: single rows and the
 * reference) and per chunk of rows ({@link #slopes}, {@link #valuesAndSlopes}: the form the core's
 * loops call). The chunk forms are a loss's hot loops. Each term class writes them itself, so each is
 * compiled for that formula alone: a notebook that mixes losses in one JVM cannot slow any of them
 * down. Only {@link #valuesAndSlopes} pays for ℓ; a gradient alone calls {@link #slopes}. A term
 * whose slope is the residual z − y ({@link #slopeIsResidual}) is the exception: the core forms the
 * residuals itself in the same pass as the outputs, and their squares with them. Where a
 * formula needs a transcendental function per row, the chunk form calls the core's array functions
 * ({@link GradientCore#expOfMinusAbs}, {@link GradientCore#logistic}), which run SIMD, and the row
 * form their one-value versions, which give the same bits.
 */
public interface RowLoss {

    /** ℓ(z, y). */
    double value(double z, double y);

    /** ℓ′(z, y) = ∂ℓ/∂z. */
    double slope(double z, double y);

    /**
     * True when ℓ′(z, y) = z − y exactly, the residual (the squared error's slope). The core then calls
     * neither {@link #slopes} nor {@link #valuesAndSlopes}: it forms each chunk's residuals, adds them
     * into the gradient and sums their squares in one pass over the rows, and takes the chunk's summed
     * loss from {@link #valueOfResiduals}. False unless a term says otherwise.
     */
    default boolean slopeIsResidual() {
        return false;
    }

    /**
     * Σ_k ℓ(z[k], y[k]) over a chunk, given Σ_k (z[k] − y[k])² over it. Called only for a term whose
     * slope is the residual ({@link #slopeIsResidual}), and such a term must give it: ℓ = ½(z − y)²
     * has ½ the sum.
     *
     * @throws UnsupportedOperationException for any other term
     */
    default double valueOfResiduals(double sumOfSquares) {
        throw new UnsupportedOperationException(this + ": its slope is not the residual z − y, so its value "
                + "does not follow from the residuals' squares");
    }

    /**
     * Replaces z[k] by ℓ′(z[k], y[at + k]) for k = 0 … count − 1. {@code work} (at least count long)
     * is the term's to overwrite: room for an intermediate per row, such as e^−|z|.
     */
    void slopes(double[] z, double[] y, int at, int count, double[] work);

    /**
     * Replaces z[k] by ℓ′(z[k], y[at + k]) for k = 0 … count − 1 and returns Σ_k ℓ(z[k], y[at + k])
     * (taken before the replacement). {@code work} as for {@link #slopes}.
     */
    double valuesAndSlopes(double[] z, double[] y, int at, int count, double[] work);
}
