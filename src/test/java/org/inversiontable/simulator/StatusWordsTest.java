package org.inversiontable.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inversiontable.control.TableState;
import org.inversiontable.safety.FaultCode;
import org.inversiontable.safety.TableEvent;
import org.junit.jupiter.api.Test;

class StatusWordsTest {
    private static final long S = 1_000_000_000L;
    private final StatusWords words = new StatusWords();

    @Test
    void aLatchedEstopSpeaksUntilItIsReset() {
        assertTrue(words.after(0, TableState.ESTOP, null, TableEvent.ESTOP).startsWith("E-stop: motor power cut"));
        assertTrue(words.after(60 * S, TableState.ESTOP, null, null).contains("hold STOP for 2 s"));
        assertEquals("Reset: the table is ready.", words.after(61 * S, TableState.IDLE, null, TableEvent.RESET));
    }

    @Test
    void aFaultSaysWhatAndWhatToDoForAsLongAsItIsLatched() {
        String stall = words.after(0, TableState.FAULT, FaultCode.MOTION_STALL, TableEvent.FAULT);
        assertTrue(stall.startsWith("motion_stall: the angle did not follow"), stall);
        assertTrue(stall.contains("hold UP to limp home"), stall);
        assertEquals(stall, words.after(100 * S, TableState.FAULT, FaultCode.MOTION_STALL, null));
        assertTrue(words.after(101 * S, TableState.FAULT, FaultCode.OVERSPEED, null).contains("Motor power is cut"));
        assertTrue(words.after(102 * S, TableState.LIMP_HOME, FaultCode.IMU_STALE, null).contains("Limp home"));
    }

    @Test
    void anEventIsShownForSixSecondsThenNothing() {
        assertTrue(words.after(0, TableState.HOLDING, null, TableEvent.WARNING).startsWith("Warning"));
        assertTrue(words.after(StatusWords.EVENT_SHOWN_NANOS, TableState.HOLDING, null, null).startsWith("Warning"));
        assertNull(words.after(StatusWords.EVENT_SHOWN_NANOS + 1, TableState.HOLDING, null, null));
    }

    @Test
    void everyEventHasWords() {
        for (TableEvent e : TableEvent.values()) {
            assertTrue(StatusWords.eventWords(e, FaultCode.IMU_STALE).length() > 10, e.name());
        }
    }
}
