package descent.exercise;

import descent.function.SampleMse;

/** The check of notebook 0's warm-up: the guess μ with the lowest MSE for {1.8, 2.1, 2.4, 1.9, 2.3}. */
public final class WelcomeExercises {
    private static final SampleMse MSE = new SampleMse(new double[] {1.8, 2.1, 2.4, 1.9, 2.3});

    private WelcomeExercises() {}

    public static void checkGuess(double guess) {
        assessGuess(guess).print();
    }

    static Feedback assessGuess(double guess) {
        return Exercise.report("set myGuess", () -> {
            if (Exercise.isTodo(guess)) return Feedback.notDone("set myGuess to a number");
            double best = MSE.mean(), cost = MSE.value(new double[] {guess});
            Feedback truncated = IntegerDivision.of("myGuess", guess, Math.round(best * 10) / 10.0);
            if (truncated != null && Math.abs(guess - best) >= 0.01) return truncated;
            if (Math.abs(guess - best) < 0.01) {
                return Feedback.done(String.format("the lowest cost is at the sample mean, %.2f (MSE = %.4f)", best, cost));
            }
            String side = guess < best ? "right" : "left";
            String size = guess < 0 ? "negative, below every measurement" : guess < best ? "too small" : "too large";
            return Feedback.wrong(guess < best ? "too-low" : "too-high", String.format("your guess is %s: MSE(%s) = %.4f "
                    + "is not the bottom of the curve: it still falls to the %s of your guess, so the lowest point is "
                    + "further %s", size, Exercise.num(guess), cost, side, side));
        });
    }
}
