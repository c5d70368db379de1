package descent.train;

import descent.Check;

/**
 * A decision to end a run: why, and the numbers behind it in words (e.g. "|ΔJ| = 8.1e-05 &lt; ε =
 * 0.0001"; empty when the reason says it all).
 */
public record Stop(StopReason reason, String detail) {
    public Stop {
        Check.notNull("reason", reason);
        Check.notNull("detail", detail);
    }

    /** The run diverged, for the reason given in words. */
    static Stop diverged(String why) {
        return new Stop(StopReason.DIVERGED, why);
    }
}
