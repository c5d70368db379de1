package descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each divergence rule on hand-made numbers: where it fires, and the value just short of it. */
class DivergenceRulesTest {
    private static final double[] SMALL = {0.5, -0.5};

    private static Checkpoint check(double cost, double previous, double start) {
        return new Checkpoint(1, 1, cost, previous, start, SMALL, new double[] {1, 1});
    }

    private static Divergence started(Divergence d, double start) {
        assertNull(d.atStart(start, SMALL));
        return d;
    }

    @Test
    void aCostThatIsNotFiniteDivergesEverywhere() {
        assertEquals("the cost at the initial weights is not finite (NaN)",
                Divergence.ofTraining().atStart(Double.NaN, SMALL).detail());
        assertEquals(StopReason.DIVERGED, Divergence.ofWalk().atStart(1, new double[] {Double.NaN}).reason());
        assertEquals("the cost became Infinity", started(Divergence.ofTraining(), 2).atCheck(check(Double.POSITIVE_INFINITY, 2, 2)).detail());
        assertEquals("the cost became NaN", started(Divergence.ofWalk(), 2).atCheck(check(Double.NaN, 2, 2)).detail());
        Checkpoint badGradient = new Checkpoint(1, 1, 1, 2, 2, new double[] {Double.NaN, 0}, new double[] {0, 0});
        assertEquals(StopReason.DIVERGED, started(Divergence.ofTraining(), 2).atCheck(badGradient).reason());
        assertEquals("the cost of update 7 is not finite (NaN)", started(Divergence.ofWalk(), 2).afterBatch(7, Double.NaN, SMALL).detail());
        assertEquals(StopReason.DIVERGED, started(Divergence.ofTraining(), 2).afterBatch(7, 1, new double[] {Double.NaN}).reason());
    }

    @Test
    void trainingCostsMayGrowAHundredfoldButNoMore() {
        assertNull(started(Divergence.ofTraining(), 2).atCheck(check(200, 3, 2)));
        Stop s = started(Divergence.ofTraining(), 2).atCheck(check(200.5, 3, 2));
        assertEquals("the cost rose from 2.000 to 200.5, over 100 times its start", s.detail());
        assertNull(started(Divergence.ofWalk(), 2).atCheck(check(1e6, 3, 2)), "a walk may climb a hill");
        assertNull(started(Divergence.ofTraining(), 0).atCheck(check(5, 3, 0)), "from a zero cost no ratio is measured");
    }

    @Test
    void oneBatchMayCostTenThousandTimesTheStart() {
        assertNull(started(Divergence.ofTraining(), 2).afterBatch(3, 20_000, SMALL));
        assertTrue(started(Divergence.ofTraining(), 2).afterBatch(3, 20_001, SMALL).detail()
                .startsWith("the cost of update 3's batch reached 2.000e+04"));
        assertNull(started(Divergence.ofWalk(), 2).afterBatch(3, 1e9, SMALL));
        assertNull(started(Divergence.ofTraining(), 0).afterBatch(3, 1e9, SMALL));
    }

    @Test
    void anEpochsBatchesMayAverageAHundredTimesTheStart() {
        assertNull(started(Divergence.ofTraining(), 2).afterEpoch(4, 200));
        assertTrue(started(Divergence.ofTraining(), 2).afterEpoch(4, 200.5).detail().startsWith("the batches' mean cost in epoch 4"));
        assertNull(started(Divergence.ofWalk(), 2).afterEpoch(4, 1e9));
        assertNull(started(Divergence.ofTraining(), 0).afterEpoch(4, 1e9));
    }

    @Test
    void fiveRisesInARowAboveTheStartDiverge() {
        Divergence d = started(Divergence.ofTraining(), 10);
        double previous = 1;
        for (int k = 1; k <= 4; k++) assertNull(d.atCheck(check(previous + k * 4, previous + (k - 1) * 4, 10)), "rise " + k);
        // the fifth rise, to 21 > 10 = the start
        assertEquals("the cost grew 5 checks in a row, from 10.00 at the start to 21.00",
                d.atCheck(check(21, 17, 10)).detail());
        Divergence below = started(Divergence.ofWalk(), 10);
        for (int k = 1; k <= 5; k++) assertNull(below.atCheck(check(5 + k, 4 + k, 10)), "rises that stay at or below the start");
        Divergence equal = started(Divergence.ofWalk(), 10);
        for (int k = 1; k <= 4; k++) equal.atCheck(check(5 + k, 4 + k, 10));
        assertNull(equal.atCheck(check(10, 9, 10)), "ending exactly at the start is not above it");
        Divergence broken = started(Divergence.ofWalk(), 10);
        for (int k = 1; k <= 4; k++) broken.atCheck(check(10 + k, 9 + k, 10));
        broken.atCheck(check(13, 14, 10));  // a fall resets the count
        assertNull(broken.atCheck(check(15, 13, 10)));
    }

    @Test
    void aWalkRunsOffPastTenToTheTwelve() {
        Checkpoint at = new Checkpoint(1, 1, 1, 2, 2, SMALL, new double[] {1e12, 0});
        assertNull(started(Divergence.ofWalk(), 2).atCheck(at));
        Checkpoint past = new Checkpoint(1, 1, 1, 2, 2, SMALL, new double[] {1e12, 1e6});
        assertEquals(StopReason.DIVERGED, started(Divergence.ofWalk(), 2).atCheck(past).reason());
        assertNull(started(Divergence.ofTraining(), 2).atCheck(past), "weights are not points on a map");
    }

    @Test
    void aBudgetEndedRunRisingAtEveryCheckDiverged() {
        Divergence d = started(Divergence.ofTraining(), 2);
        d.atCheck(check(3, 2, 2));
        d.atCheck(check(4, 3, 2));
        assertTrue(d.atBudgetEnd(new double[] {2, 3, 4}).detail().startsWith("the cost rose at every one of its 2 checks"));
        Divergence once = started(Divergence.ofTraining(), 2);
        once.atCheck(check(3, 2, 2));
        assertNull(once.atBudgetEnd(new double[] {2, 3}), "one check is no trend");
        Divergence fell = started(Divergence.ofTraining(), 2);
        fell.atCheck(check(1, 2, 2));
        fell.atCheck(check(1.5, 1, 2));
        assertNull(fell.atBudgetEnd(new double[] {2, 1, 1.5}), "not every check rose");
        Divergence back = started(Divergence.ofTraining(), 2);
        back.atCheck(check(2, 1, 2));
        back.atCheck(check(2, 1, 2));
        assertNull(back.atBudgetEnd(new double[] {2, 2, 2}), "ended at its start, not above");
        Divergence walk = started(Divergence.ofWalk(), 2);
        walk.atCheck(check(3, 2, 2));
        walk.atCheck(check(4, 3, 2));
        assertNull(walk.atBudgetEnd(new double[] {2, 3, 4}));
    }
}
