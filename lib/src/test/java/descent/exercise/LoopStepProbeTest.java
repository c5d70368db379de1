package descent.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** LoopStepProbe on hand-worked steps: w = (1, 2), g = (0.5, −1), η = 0.1, so the right next w is (0.95, 2.1). */
class LoopStepProbeTest {
    private static final double[] W = {1, 2}, G = {0.5, -1}, PREVIOUS = {3, 4};

    private static String step(double... next) {
        Feedback f = LoopStepProbe.step("in step 0,", W, G, PREVIOUS, next, 0.1);
        return f == null ? null : f.mistake();
    }

    @Test
    void eachStepIsReadOffWhatItDid() {
        assertNull(step(0.95, 2.1));
        assertEquals("never-moves", step(1, 2));
        assertEquals("twice", step(0.9, 2.2));
        assertEquals("missing-eta", step(0.5, 3));
        assertEquals("first-weight", step(1, 2.1));
        assertEquals("no-gradient-factor", step(0.9, 1.9));
        assertEquals("stale-gradient", step(0.7, 1.6));
        assertEquals("ascends", step(1.05, 1.9));
        assertNull(step(0.975, 2.05), "another multiple of g is left to the schedule's probe");
    }

    @Test
    void theScheduleTIsReadAsALineInEpochAndStep() {
        int m = 4;
        assertNull(LoopStepProbe.scheduleT(List.of(new double[] {0, 1, 2, 3}, new double[] {4, 5, 6, 7}), m));
        assertEquals("t-per-epoch", LoopStepProbe.scheduleT(List.of(new double[] {0, 1, 2, 3}, new double[] {0, 1, 2, 3}), m).mistake());
        assertEquals("t-no-m", LoopStepProbe.scheduleT(List.of(new double[] {0, 1, 2, 3}, new double[] {1, 2, 3, 4}), m).mistake());
        assertEquals("t-no-epoch", LoopStepProbe.scheduleT(List.of(new double[] {4, 5, 6, 7}, new double[] {4, 5, 6, 7}), m).mistake());
        assertEquals("t-sign", LoopStepProbe.scheduleT(List.of(new double[] {0, -1, -2, -3}, new double[] {4, 3, 2, 1}), m).mistake());
        assertEquals("t-is-epoch", LoopStepProbe.scheduleT(List.of(new double[] {0, 0, 0, 0}, new double[] {1, 1, 1, 1}), m).mistake());
        assertNull(LoopStepProbe.scheduleT(List.of(new double[] {0, 1, 5, 3}, new double[] {4, 5, 6, 7}), m), "no line: no claim");
    }
}
