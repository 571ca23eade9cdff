package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoopOverrunTest {
    private static final long PERIOD = 10_000_000L;
    private static final long T0 = 1_000_000_000L;

    @Test
    void aGapOfExactlyThreePeriodsDoesNotTrip() {
        LoopOverrun overrun = new LoopOverrun(PERIOD);
        assertNull(overrun.tickStarted(T0));
        assertNull(overrun.tickStarted(T0 + 3 * PERIOD));
    }

    @Test
    void aGapLongerThanThreePeriodsTrips() {
        LoopOverrun overrun = new LoopOverrun(PERIOD);
        overrun.tickStarted(T0);
        Trip trip = overrun.tickStarted(T0 + 3 * PERIOD + 1);
        assertNotNull(trip);
        assertEquals(FaultCode.LOOP_OVERRUN, trip.code());
        assertTrue(trip.cause().contains("30.0 ms"), trip.cause());
    }

    @Test
    void theGapIsMeasuredFromThePreviousTickNotTheFirst() {
        LoopOverrun overrun = new LoopOverrun(PERIOD);
        for (long t = 0; t < 100; t++) {
            assertNull(overrun.tickStarted(T0 + t * 2 * PERIOD), "tick " + t);
        }
    }

    @Test
    void thePeriodIsTheOneGiven() {
        LoopOverrun overrun = new LoopOverrun(4 * PERIOD);
        overrun.tickStarted(T0);
        assertNull(overrun.tickStarted(T0 + 12 * PERIOD));
        assertNotNull(overrun.tickStarted(T0 + 24 * PERIOD + 1));
    }

    @Test
    void theFirstTickNeverTrips() {
        assertNull(new LoopOverrun(PERIOD).tickStarted(T0 + 1_000_000_000_000L));
    }

    @Test
    void aClockRunningBackwardsIsAProgrammingErrorNotASilentGap() {
        LoopOverrun overrun = new LoopOverrun(PERIOD);
        overrun.tickStarted(T0);
        assertThrows(IllegalArgumentException.class, () -> overrun.tickStarted(T0 - 1));
    }

    @Test
    void aNonPositivePeriodIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LoopOverrun(0));
    }
}
