package org.inversiontable.simulator.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inversiontable.control.TableState;
import org.junit.jupiter.api.Test;

class SimulatorStatusLineTest {
    @Test
    void saysAngleStateTimeLampsAndTheFault() {
        FakeSimulatorControls fake = new FakeSimulatorControls();
        fake.angleDeg = 30;
        fake.invertedS = 90;
        fake.led = true;
        fake.forcedState = TableState.FAULT;
        fake.faultCode = "motion_stall";
        String line = StatusLine.format(fake.status(), "holding UP 0.5 s more", 400);
        assertTrue(line.contains("+30.3\u00b0 (true +30.0\u00b0) FAULT"), line);
        assertTrue(line.contains("inv 1:30 of 3:00 [#####-----]"), line);
        assertTrue(line.contains("LED* BUZ-"), line);
        assertTrue(line.contains("| FAULT: motion_stall: the angle did not follow"), line);
        assertTrue(line.endsWith("| holding UP 0.5 s more"), line);
    }

    @Test
    void anEstopWithoutWordsShowsNoEmptyFaultPrefix() {
        FakeSimulatorControls fake = new FakeSimulatorControls();
        fake.estop = true;
        String line = StatusLine.format(fake.status(), "", 400);
        assertTrue(line.endsWith("E-STOP PRESSED"), line);
    }

    @Test
    void aLongLineIsCutToTheTerminalsWidth() {
        FakeSimulatorControls fake = new FakeSimulatorControls();
        fake.message = "x".repeat(300);
        assertEquals(80, StatusLine.format(fake.status(), "", 80).length());
    }
}
