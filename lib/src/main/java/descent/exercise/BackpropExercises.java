package descent.exercise;

/**
 * Checks for notebook 13, backpropagation. Each runs the student's backward rule or operation on inputs chosen
 * so that the usual mistakes give different numbers (an incoming gradient other than 1 exposes a forgotten
 * out.grad(); a ≠ b exposes swapped factors; a second share into the same entry exposes assignment), then inside
 * a small graph whose gradient the calculus (or central differences) gives independently. The chain rule run
 * backwards follows Rumelhart, Hinton and Williams (Nature 323, 1986) and micrograd's closures. One class per
 * exercise: {@link MulRuleCheck}, {@link TanhRuleCheck}, {@link ShareCheck}, {@link OwnOperationCheck}.
 */
public final class BackpropExercises {
    private BackpropExercises() {}

    // ---- 13.1 the rule of a × b ----
    public static void checkMulRule(BinaryRule rule) { assessMulRule(rule).print(); }

    static Feedback assessMulRule(BinaryRule rule) { return MulRuleCheck.assess(rule); }

    // ---- 13.2 the rule of tanh ----
    public static void checkTanhRule(UnaryRule rule) { assessTanhRule(rule).print(); }

    static Feedback assessTanhRule(UnaryRule rule) { return TanhRuleCheck.assess(rule); }

    // ---- 13.3 a node used twice ----
    public static void checkShare(GradientShare share) { assessShare(share).print(); }

    static Feedback assessShare(GradientShare share) { return ShareCheck.assess(share); }

    // ---- 13.4 an operation of your own ----
    public static void checkOwnOperation(UnaryOperation op) { assessOwnOperation(op).print(); }

    static Feedback assessOwnOperation(UnaryOperation op) { return OwnOperationCheck.assess(op); }
}
