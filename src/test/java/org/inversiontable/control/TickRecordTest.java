package org.inversiontable.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.PanelReading;
import org.inversiontable.hardware.TickInputs;
import org.inversiontable.hardware.TiltReading;
import org.inversiontable.safety.FaultCode;
import org.inversiontable.safety.TableEvent;
import org.junit.jupiter.api.Test;

/** A tick's record keeps every value it is given, and a copy or a re-evented one is a value of its own. */
class TickRecordTest {
    private static final MotorCommand DRIVE = MotorCommand.drive(0.3);

    private static TickRecord full(boolean flags) {
        TickInputs in = new TickInputs(5L, TiltReading.fresh(12.5, 1.0), new PanelReading(false, flags, 3));
        return new TickRecord(5L, TableState.MOVING, 12.5, DRIVE, 7.25, flags, !flags, FaultCode.OVERSPEED,
                TableEvent.WARNING, flags, 25.0, 180.0, in, flags, FaultCode.MOTOR_WATCHDOG, flags, "anna", 3, flags);
    }

    @Test
    void everyValueReadsBackAsGiven() {
        for (boolean flags : new boolean[] {true, false}) {
            TickRecord r = full(flags);
            assertEquals(5L, r.timeNanos());
            assertEquals(TableState.MOVING, r.state());
            assertEquals(12.5, r.angleMeasDeg());
            assertSame(DRIVE, r.applied());
            assertEquals(7.25, r.invertedS());
            assertEquals(flags, r.estop());
            assertEquals(!flags, r.homeSwitch());
            assertEquals(FaultCode.OVERSPEED, r.fault());
            assertEquals(TableEvent.WARNING, r.event());
            assertEquals(flags, r.heartbeat());
            assertEquals(25.0, r.limitAngleDeg());
            assertEquals(180.0, r.limitInvertedS());
            assertEquals(flags, r.estopReported());
            assertEquals(FaultCode.MOTOR_WATCHDOG, r.faultReported());
            assertEquals(flags, r.estopCutInTick());
            assertEquals("anna", r.profile());
            assertEquals(3, r.level());
            assertEquals(flags, r.restRefused());
            assertTrue(r.toString().contains("MOVING") && r.toString().contains("warning".toUpperCase()), r.toString());
        }
    }

    @Test
    void aRecordWithoutProfilesHasNoneAndNoLevel() {
        TickRecord r = new TickRecord(1L, TableState.IDLE, -65, MotorCommand.OFF, 0, false, true, null, null, true, 30, 180);
        assertNull(r.profile());
        assertEquals(-1, r.level());
        assertFalse(r.restRefused());
        assertNull(r.inputs());
        assertNull(r.withEvent(TableEvent.RESET).inputs(), "no inputs to copy");
    }

    @Test
    void withEventAndCopyAreNewValuesWithTheirOwnInputs() {
        TickRecord r = full(true);
        TickRecord other = r.withEvent(TableEvent.RESET);
        assertNotSame(r, other);
        assertEquals(TableEvent.RESET, other.event());
        assertEquals(TableEvent.WARNING, r.event(), "the original keeps its event");
        assertEquals("anna", other.profile());
        assertEquals(3, other.level());
        assertTrue(other.restRefused() && other.estopCutInTick() && other.heartbeat());
        assertNotSame(r.inputs(), other.inputs(), "the inputs are copied, not shared with a reused holder");
        assertEquals(r.inputs().timeNanos(), other.inputs().timeNanos());
        TickRecord copy = r.copy();
        assertNotSame(r, copy);
        assertEquals(TableEvent.WARNING, copy.event());
        assertEquals(12.5, copy.inputs().tilt().angleDeg());
    }
}
