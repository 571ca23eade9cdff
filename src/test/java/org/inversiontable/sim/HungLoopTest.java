package org.inversiontable.sim;

import org.inversiontable.scenario.SimulatedSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.inversiontable.config.Config;
import org.inversiontable.scenario.ButtonAction;
import org.inversiontable.scenario.StartState;
import org.inversiontable.hardware.Button;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.api.Test;

/** SPEC §6: the motor output has its own watchdog; a hung loop leaves the motor off and latched. */
class HungLoopTest {
    private static final long MS = 1_000_000L;

    @Test
    void aHungLoopCutsTheMotorWithin50msAndLatchesTheFault() {
        List<TraceRow> rows = new ArrayList<>();
        try (SimulatedSession session = new SimulatedSession(Config.defaults(), StartState.defaults())) {
            session.runUntil(1000 * MS, rows::add);
            session.apply(new ButtonAction(Button.DOWN, true));
            session.runUntil(5000 * MS, rows::add);
            assertTrue(rows.get(rows.size() - 1).enabled(), "driving down before the hang");

            session.hangControlLoop(49 * MS);
            assertTrue(session.loop().gate().output().enabled(), "49 ms without a refresh is allowed");
            session.hangControlLoop(2 * MS);
            assertFalse(session.loop().gate().output().enabled(), "off at 50 ms without a refresh");

            double angleAtCut = session.table().angleTrueDeg();
            session.runUntil(6000 * MS, rows::add);
            TraceRow last = rows.get(rows.size() - 1);
            assertEquals("motor_watchdog", last.fault(), "latched when the ticks come back");
            assertEquals("FAULT", last.state());
            assertFalse(last.enabled());
            assertTrue(session.table().angleTrueDeg() < angleAtCut + 0.2, "the table stopped: "
                    + angleAtCut + " -> " + session.table().angleTrueDeg());
        }
    }
}
