package descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The recorder against the rule it promises, worked out independently: after steps 0..T with
 * {@code every} = k and at most {@code cap} points, it holds exactly the multiples of k·2^d up to T,
 * for the smallest d that leaves at most {@code cap} of them, and each point is θ as offered then.
 */
class TrajectoryRecorderTest {

    /** The multiples of k·2^d in 0..last, d the smallest with at most cap of them. */
    private static long[] expectedSteps(long k, int cap, long last) {
        long e = k;
        while (last / e + 1 > cap) e *= 2;
        long[] s = new long[(int) (last / e + 1)];
        for (int i = 0; i < s.length; i++) s[i] = i * e;
        return s;
    }

    @Test
    void keepsTheMultiplesOfTheDoubledSpacingAtEveryLength() {
        for (long k : new long[] {1, 3, 7}) {
            for (int cap : new int[] {2, 5, 16}) {
                TrajectoryRecorder r = new TrajectoryRecorder(k, cap);
                for (long step = 0; step <= 300; step++) {
                    r.offer(step, new double[] {step, -step});
                    assertArrayEquals(expectedSteps(k, cap, step), r.steps(), "k = " + k + ", cap = " + cap + ", after step " + step);
                }
                double[][] points = r.points();
                long[] steps = r.steps();
                for (int i = 0; i < steps.length; i++) {
                    assertArrayEquals(new double[] {steps[i], -steps[i]}, points[i], "the point of step " + steps[i]);
                }
            }
        }
    }

    @Test
    void finishAddsTheLastPointOnlyWhenItWasNotKept() {
        TrajectoryRecorder r = new TrajectoryRecorder(4, 100);
        for (long step = 0; step <= 9; step++) r.offer(step, new double[] {step});
        r.finish(9, new double[] {9});
        assertArrayEquals(new long[] {0, 4, 8, 9}, r.steps());
        TrajectoryRecorder kept = new TrajectoryRecorder(4, 100);
        for (long step = 0; step <= 8; step++) kept.offer(step, new double[] {step});
        kept.finish(8, new double[] {8});
        assertArrayEquals(new long[] {0, 4, 8}, kept.steps());
        assertEquals(8.0, kept.points()[2][0]);
    }
}
