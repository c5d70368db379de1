package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdleMemoryTest {
    private static final long WORKED = IdleMemory.WORK_NS + 1;

    @Test
    void collectsWhenTheProcessIsQuietAfterWork() {
        assertTrue(IdleMemory.shouldCollect(WORKED, true, 0, -1));
        assertFalse(IdleMemory.shouldCollect(IdleMemory.WORK_NS, true, 0, -1), "no work since the last collection");
    }

    @Test
    void collectsASecondAfterTheLastCellThoughTheJvmIsStillBusy() {
        // notebook 09's last cell ends while the SIMD warm-up thread and C2 keep the process busy for ~15 s
        assertTrue(IdleMemory.shouldCollect(WORKED, false, 0, IdleMemory.AFTER_CELL_MS));
        assertFalse(IdleMemory.shouldCollect(WORKED, false, 0, IdleMemory.AFTER_CELL_MS - 1), "too soon: Run all's next cell");
        assertFalse(IdleMemory.shouldCollect(WORKED, false, 1, IdleMemory.AFTER_CELL_MS), "a cell is running");
        assertFalse(IdleMemory.shouldCollect(WORKED, false, 0, -1), "no cell ended since the last collection");
        assertFalse(IdleMemory.shouldCollect(IdleMemory.WORK_NS, false, 0, 5000), "a trivial cell");
    }
}
