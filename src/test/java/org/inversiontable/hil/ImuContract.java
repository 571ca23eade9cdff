package org.inversiontable.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.inversiontable.control.TableState;
import org.inversiontable.control.TickRecord;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.TiltReading;
import org.inversiontable.safety.FaultCode;
import org.junit.jupiter.api.Test;

/**
 * The IMU on its bus (SPEC §6; hazard H7): at start it answers with fresh samples near 1 g at the
 * jig's pose, tick after tick; a gravity outside 0.8..1.2 g latches {@code imu_gravity}, which a
 * plausible reading afterwards does not clear and which keeps the bridge off.
 */
abstract class ImuContract extends JigContract {
    /** Uncalibrated: the wedge's own error, the chip's offsets and the filter's settling. */
    static final double POSE_TOLERANCE_DEG = 3.0;

    @Test
    void theImuAnswersWithFreshSamplesNearOneGAtItsPose() {
        bootAtHome();
        int[] fresh = {0};
        int[] ticks = {0};
        TickRecord[] seen = {null};
        table.runFor(Duration.ofMillis(500), () -> {
            TickRecord last = table.lastTick();
            if (last != seen[0] && last != null && last.inputs() != null) {
                seen[0] = last;
                ticks[0]++;
                TiltReading tilt = last.inputs().tilt();
                if (tilt.isFresh()) {
                    fresh[0]++;
                    assertTrue(tilt.gravityG() > 0.8 && tilt.gravityG() < 1.2, "gravity " + tilt.gravityG() + " g at rest");
                }
            }
        });
        assertTrue(ticks[0] > 0 && fresh[0] * 10 >= ticks[0] * 9,
                "only " + fresh[0] + " fresh IMU samples in " + ticks[0] + " ticks");
        TickRecord last = table.lastTick();
        assertEquals(null, last.fault(), "a fault at rest on a plausible IMU: " + last);
        assertEquals(ImuPose.HOME.angleDeg(), last.angleMeasDeg(), POSE_TOLERANCE_DEG, "measured angle at the home pose");
    }

    @Test
    void anImplausibleGravityLatchesAFaultThatAPlausibleReadingDoesNotClear() {
        bootAtHome();
        jig.poseImu(new ImuPose(ImuPose.HOME.angleDeg(), 1.5));
        assertTrue(table.runUntil(() -> table.lastTick().fault() == FaultCode.IMU_GRAVITY, Duration.ofMillis(200)),
                "1.5 g did not latch imu_gravity within 200 ms; last tick: " + table.lastTick());

        jig.poseImu(ImuPose.HOME);
        table.runFor(Duration.ofMillis(300));
        assertEquals(TableState.FAULT, table.lastTick().state(), "a plausible reading must not clear a latched IMU fault");
        jig.setButtonPressed(Button.DOWN, true);
        assertEnableStaysLow(Duration.ofMillis(300), "DOWN after an IMU fault must not drive");
    }
}
