package descent.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The grader's entry, {@link Grading#call}: the check named as text runs with the answers given by value, and
 * each way it can fail is told apart — the student's answer of the wrong type, the student's code throwing, and
 * the grader's own mistake (a check the library lacks). Outside a kernel the verdict is the printed line
 * {@code [graded ID: VERDICT] MESSAGE}.
 */
class GradingTest {

    private static String graded(Runnable call) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            call.run();
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        return text.substring(text.lastIndexOf("[graded ")).strip();
    }

    @Test
    void theCheckNamedAsTextRunsWithTheAnswer() {
        assertEquals("[graded 00-guess: done] " + WelcomeExercises.assessGuess(2.1).message(),
                graded(() -> Grading.call("n", "00-guess", "WelcomeExercises.checkGuess(myGuess)", 2.1)));
        assertTrue(graded(() -> Grading.call("n", "00-guess", "WelcomeExercises.checkGuess(myGuess)", 1.8))
                .startsWith("[graded 00-guess: wrong] "));
        assertTrue(graded(() -> Grading.call("n", "00-guess", "WelcomeExercises.checkGuess(myGuess)", Exercise.TODO))
                .startsWith("[graded 00-guess: not-done] "));
    }

    @Test
    void answersConvertAsJavaWouldPassThem() {
        // an int where a double is taken widens, as in the check cell's own call
        assertTrue(graded(() -> Grading.call("n", "03-x", "Workshop.checkMomentumBeatsBestStep(myEta, myMu)", 1, 0))
                .startsWith("[graded 03-x: wrong] "));
        assertTrue(CheckCall.accepts(double.class, 3));
        assertTrue(CheckCall.accepts(long.class, 'c'));
        assertFalse(CheckCall.accepts(int.class, 3L), "a long does not narrow to an int");
        assertFalse(CheckCall.accepts(double.class, null));
        assertFalse(CheckCall.accepts(double.class, "3"));
        assertTrue(CheckCall.accepts(String[].class, new String[] {"a"}));
        assertTrue(CheckCall.accepts(DoubleUnaryOperator.class, null));
    }

    @Test
    void anAnswerOfAnotherTypeIsTheStudentsMistakeAndSaysWhichTypes() {
        String said = graded(() -> Grading.call("n", "01-learning-rate", "ErrorCurveExercises.checkLearningRate(myEta)",
                "0.1"));
        assertEquals("[graded 01-learning-rate: wrong] myEta is a String (\"0.1\"), but "
                + "ErrorCurveExercises.checkLearningRate takes a double: keep the type the answer cell declares", said);
        DoubleUnaryOperator notAStep = x -> x;
        said = graded(() -> Grading.call("n", "01-step", "ErrorCurveExercises.checkStep(myStep)", notAStep));
        assertTrue(said.contains("myStep is a DoubleUnaryOperator, but ErrorCurveExercises.checkStep takes a Step"),
                said);
    }

    @Test
    void theStudentsCodeThrowingIsThatExercisesResult() {
        DoubleUnaryOperator throwing = x -> {
            throw new ArithmeticException("/ by zero");
        };
        String said = graded(() -> Grading.call("n", "01-slope", "ErrorCurveExercises.checkSlope(mySlope)", throwing));
        assertTrue(said.startsWith("[graded 01-slope: "), said);
        assertFalse(said.contains("not your mistake"), said);
    }

    @Test
    void aCheckTheLibraryLacksIsTheGradersFault() {
        for (String check : new String[] {"Workshop.checkNothing(myEta)", "NoSuchExercises.checkGuess(myGuess)",
                "not a call", "Workshop.checkStopRule(a + b)"}) {
            String said = graded(() -> Grading.call("n", "99-x", check, 1.0));
            assertTrue(said.startsWith("[graded 99-x: error] the grader could not run this check (not your mistake)"),
                    check + " → " + said);
        }
        String said = graded(() -> Grading.call("n", "99-x", "WelcomeExercises.checkGuess(a, b)", 1.0));
        assertTrue(said.contains("not your mistake"), said);
    }

    @Test
    void aCellThatShowsTwoVerdictsIsNotGradedByTheLastOne() {
        String said = graded(() -> Grading.run("n", "00-guess", () -> {
            WelcomeExercises.checkGuess(2.1);   // right
            WelcomeExercises.checkGuess(1.8);   // wrong
        }));
        assertTrue(said.startsWith("[graded 00-guess: error] the check showed 2 verdicts"), said);
        assertTrue(graded(() -> Grading.run("n", "00-guess", () -> WelcomeExercises.checkGuess(2.1)))
                .startsWith("[graded 00-guess: done]"));
    }

    @Test
    void aBlankNonceOrExerciseIsRefused() {
        for (String blank : new String[] {"", "  "}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Grading.run(blank, "00-guess", () -> { }));
            assertTrue(e.getMessage().startsWith("nonce = \"" + blank + "\" is invalid"), e.getMessage());
            e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Grading.call("n", blank, "WelcomeExercises.checkGuess(myGuess)", 2.1));
            assertTrue(e.getMessage().startsWith("exercise = \"" + blank + "\" is invalid"), e.getMessage());
        }
    }
}
