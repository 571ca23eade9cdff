package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FaultLatchTest {
    @Test
    void theFirstCauseIsKeptAndLaterTripsAddNothing() {
        FaultLatch latch = new FaultLatch();
        assertTrue(latch.trip(FaultCode.MOTION_STALL, "no progress", 100));
        assertFalse(latch.trip(FaultCode.MOTION_WRONG_DIRECTION, "moved back", 200));
        assertFalse(latch.trip(new Trip(FaultCode.IMU_STALE, "silent"), 300));
        assertTrue(latch.latched());
        assertEquals(FaultCode.MOTION_STALL, latch.code());
        assertEquals("no progress", latch.cause());
        assertEquals(100, latch.trippedAtNanos());
    }

    @Test
    void trippingTheSameFaultAgainIsIdempotent() {
        FaultLatch latch = new FaultLatch();
        latch.trip(FaultCode.LOOP_OVERRUN, "late", 5);
        latch.trip(FaultCode.LOOP_OVERRUN, "later", 6);
        assertEquals("late", latch.cause());
        assertEquals(5, latch.trippedAtNanos());
    }

    @Test
    void resetOnlyClears() {
        FaultLatch latch = new FaultLatch();
        latch.trip(FaultCode.IMU_JUMP, "jumped", 1);
        latch.reset();
        assertFalse(latch.latched());
        assertNull(latch.code());
        assertNull(latch.cause());
        assertTrue(latch.trip(FaultCode.IMU_GRAVITY, "heavy", 2), "a new fault latches after a reset");
        assertEquals(FaultCode.IMU_GRAVITY, latch.code());
    }

    @Test
    void aNewLatchIsClear() {
        assertFalse(new FaultLatch().latched());
    }

    @Test
    void aStuckButtonIsNeverLatchedAsAMotorFault() {
        FaultLatch latch = new FaultLatch();
        assertThrows(IllegalArgumentException.class, () -> latch.trip(FaultCode.BUTTON_STUCK, "held", 1));
        assertFalse(latch.latched());
    }

    @Test
    void aMissingCauseFallsBackToTheCodesMeaning() {
        FaultLatch latch = new FaultLatch();
        latch.trip(FaultCode.MOTOR_WATCHDOG, null, 1);
        assertEquals(FaultCode.MOTOR_WATCHDOG.meaning(), latch.cause());
    }
}
