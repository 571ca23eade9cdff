package org.inversiontable.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.inversiontable.control.TableState;
import org.inversiontable.safety.FaultCode;
import org.junit.jupiter.api.Test;

/** The hand-over from the control thread: what is published is read back whole, and publishing costs the tick nothing. */
class DisplayFeedTest {
    private final DisplayFeed feed = new DisplayFeed();

    @Test
    void nothingIsReadBeforeTheFirstTick() {
        assertNull(feed.latest());
    }

    @Test
    void theNewestPublishIsReadBackWhole() {
        feed.publish(1_000, 12.5, 30, 180, TableState.MOVING, null, "ANNA", 2);
        feed.publish(2_000, 18.0, 31, 180, TableState.FAULT, FaultCode.IMU_STALE, "ANNA", 2);
        DisplayFeed.Published p = feed.latest();
        assertEquals(2_000, p.atNanos());
        assertEquals(new DisplayStatus(18.0, 31, 180, TableState.FAULT, FaultCode.IMU_STALE, "ANNA", 2), p.status());
    }

    @Test
    void aValueTheRecordCannotHoldIsShownAsNone() {
        feed.publish(1, Double.POSITIVE_INFINITY, Double.NaN, -5, TableState.IDLE, null, null, -7);
        DisplayStatus s = feed.latest().status();
        assertEquals(new DisplayStatus(Double.NaN, 0, 0, TableState.IDLE, null, null, DisplayStatus.NO_LEVEL), s);
    }

    @Test
    void publishingAllocatesNothingOnTheControlThread() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled(),
                "this JVM does not measure per-thread allocation");
        String name = "ANNA";
        for (int i = 0; i < 20_000; i++) {
            feed.publish(i, i * 0.01, i * 0.01, 180, TableState.MOVING, null, name, 3);
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 20_000; i++) {
            feed.publish(i, i * 0.01, i * 0.01, 180, TableState.MOVING, FaultCode.IMU_STALE, name, 3);
        }
        assertEquals(0, (mx.getCurrentThreadAllocatedBytes() - before) / 20_000, "bytes per publish");
    }
}
