package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.inversiontable.hardware.MotorCommand;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6 motion disagreement needs at least 3 accepted samples in its window: two noisy samples
 * say nothing about movement, and an IMU that sends almost nothing is the IMU checks' business.
 */
class MotionWindowTest {
    private static final long T = 5_000_000_000L;
    private static final long MS = 1_000_000L;

    /** A stalled table under a strong drive, with accepted samples only on the last n ticks up to 1.5 s. */
    private static Trip stalledWithSamplesAtTheEnd(int n) {
        MotionDisagreement motion = new MotionDisagreement();
        Trip last = null;
        for (int i = 0; i <= 150; i++) {
            double angle = i > 150 - n ? 10.0 : Double.NaN;
            last = motion.update(MotorCommand.drive(0.5), angle, T + i * 10 * MS);
            if (last != null) {
                return last;
            }
        }
        return last;
    }

    @Test
    void twoSamplesAreNotEnoughToJudge() {
        assertNull(stalledWithSamplesAtTheEnd(2), "judged the drive on two samples");
    }

    @Test
    void threeSamplesAreEnoughToCallAStall() {
        Trip trip = stalledWithSamplesAtTheEnd(3);
        assertEquals(FaultCode.MOTION_STALL, trip == null ? null : trip.code());
    }
}
