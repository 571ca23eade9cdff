package org.inversiontable.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.inversiontable.config.Config;
import org.inversiontable.motion.MotionLimits;
import org.junit.jupiter.api.Test;

/** A session's limits (SPEC §13) as the controller plans under them: below the speed limit, never above the table's. */
class ControlSettingsTest {
    private final ControlSettings table = ControlSettings.from(Config.defaults());

    @Test
    void aSessionsMovesArePlannedBelowItsOwnSpeedLimitsAsTheTablesAre() {
        ControlSettings session = table.under(20.0, new MotionLimits(2.0, 3.0, 6.0), new MotionLimits(1.0, 3.0, 6.0));
        assertEquals(ControlSettings.PLANNED_SPEED_FRACTION * 2.0, session.downLimits().vMaxDegPerS(), 1e-12);
        assertEquals(ControlSettings.PLANNED_SPEED_FRACTION * 1.0, session.returnLimits().vMaxDegPerS(), 1e-12);
        assertEquals(20.0, session.maxAngleDeg(), 0.0);
    }

    @Test
    void aSessionNeverPlansAboveTheTable() {
        ControlSettings session = table.under(80.0, new MotionLimits(50.0, 50.0, 100.0), new MotionLimits(50.0, 50.0, 100.0));
        assertEquals(table.downLimits(), session.downLimits());
        assertEquals(table.returnLimits(), session.returnLimits());
        assertEquals(table.maxAngleDeg(), session.maxAngleDeg(), 0.0);
    }
}
