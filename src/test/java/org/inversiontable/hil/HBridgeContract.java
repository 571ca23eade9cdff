package org.inversiontable.hil;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.inversiontable.hardware.Button;
import org.junit.jupiter.api.Test;

/**
 * The H-bridge on the wires (SPEC §4, §5): DOWN held at home drives toward inversion (DIR HIGH, a
 * duty on the PWM, ENABLE HIGH); releasing it stops the drive (ENABLE LOW, no duty).
 */
abstract class HBridgeContract extends JigContract {
    /** A controlled stop from the first half-second of a move: decelerating within the limits takes well under this. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(1);

    @Test
    void downDrivesTowardInversionWithADutyOnTheWire() {
        bootAtHome();
        pressDownUntilDriving();
        double[] maxDuty = {0.0};
        boolean[] wrongDirection = {false};
        table.runFor(Duration.ofMillis(300), () -> {
            if (jig.enableHigh()) {
                maxDuty[0] = Math.max(maxDuty[0], jig.dutyFraction());
                wrongDirection[0] |= !jig.dirTowardInversion();
            }
        });
        assertTrue(!wrongDirection[0], "DOWN enabled the bridge with DIR LOW (toward upright)");
        assertTrue(maxDuty[0] > 0.0 && maxDuty[0] <= 1.0,
                "DOWN held 300 ms with ENABLE HIGH put no duty on the PWM (max " + maxDuty[0] + ")");
    }

    @Test
    void releasingDownStopsTheDrive() {
        bootAtHome();
        pressDownUntilDriving();
        table.runFor(Duration.ofMillis(200));
        jig.setButtonPressed(Button.DOWN, false);
        assertTrue(table.runUntil(() -> !jig.enableHigh() && jig.dutyFraction() == 0.0, STOP_TIMEOUT),
                "releasing DOWN left ENABLE " + jig.enableHigh() + ", duty " + jig.dutyFraction() + " after "
                        + STOP_TIMEOUT.toMillis() + " ms; last tick: " + table.lastTick());
        assertEnableStaysLow(Duration.ofMillis(300), "a released hold-to-run button must not drive again");
    }
}
