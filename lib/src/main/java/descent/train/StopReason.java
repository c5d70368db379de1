package descent.train;

/** Why a descent run ended. */
public enum StopReason {
    /** The iteration budget ran out. */
    MAX_ITERATIONS("reached the maximum number of iterations"),
    /** The epoch budget ran out. */
    MAX_EPOCHS("reached the maximum number of epochs"),
    /** |ΔJ| fell below the tolerance ε between two checks. */
    LOSS_CHANGE_BELOW_TOLERANCE("the change in cost fell below the tolerance"),
    /** The gradient norm fell below its tolerance: a stationary point. */
    GRADIENT_BELOW_TOLERANCE("the gradient norm fell below the tolerance"),
    /** The cost became infinite or NaN, or grew steadily: the step is too large. */
    DIVERGED("diverged");

    private final String description;

    StopReason(String description) {
        this.description = description;
    }

    /** Plain-words description for reports. */
    public String description() {
        return description;
    }
}
