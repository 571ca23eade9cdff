package org.inversiontable.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.inversiontable.hardware.PinMap.Axis;
import org.inversiontable.hardware.PinMap.ImuMounting;
import org.junit.jupiter.api.Test;

class AxisMappingCheckTest {
    @Test
    void aMoveTowardInversionThatGrowsTheAngleAsTheGyroSaysPasses() {
        assertEquals(Optional.empty(), AxisMappingCheck.afterMoveTowardInversion(3.1, 3.0, ImuMounting.DEFAULT));
    }

    @Test
    void anAngleThatFallsWhileTheTableGoesTowardInversionIsAWrongMapping() {
        Refusal r = AxisMappingCheck.afterMoveTowardInversion(-3.0, 3.0, ImuMounting.DEFAULT).orElseThrow();
        assertEquals(RefusalReason.AXIS_MAPPING_WRONG, r.reason());
        assertTrue(r.message().startsWith("axis mapping wrong: the angle moved the other way (-3.0 deg"), r.message());
        assertTrue(r.message().contains("set imu_axis_along = -x (the other sign)"), r.message());
        assertFalse(r.message().contains("imu_sign"), r.message());
    }

    @Test
    void anAngleThatBarelyChangesWhileTheGyroTurnsNamesTheAxes() {
        Refusal r = AxisMappingCheck.afterMoveTowardInversion(0.4, 3.0, ImuMounting.DEFAULT).orElseThrow();
        assertTrue(r.message().contains("imu_axis_along / imu_axis_normal do not name"), r.message());
    }

    @Test
    void aGyroThatTurnsTheOtherWayIsRefused() {
        Refusal r = AxisMappingCheck.afterMoveTowardInversion(3.0, -3.0, ImuMounting.DEFAULT).orElseThrow();
        assertTrue(r.message().contains("the gyro turned the other way"), r.message());
    }

    @Test
    void noTravelAtAllIsNoMotion() {
        assertEquals(RefusalReason.NO_MOTION, AxisMappingCheck.afterMoveTowardInversion(0.2, 0.1, ImuMounting.DEFAULT).orElseThrow().reason());
    }

    @Test
    void theRateAboutTheRotationAxisFollowsTheMountingsHandednessAndSigns() {
        // x along, z normal: the bed turns about y, and head-down is +y (derivation in MountingAxes)
        assertEquals(2.0, MountingAxes.angleRateDegS(ImuMounting.DEFAULT, 9, 2, 9), 0.0);
        assertEquals(-2.0, MountingAxes.angleRateDegS(new ImuMounting(Axis.MINUS_X, Axis.Z, 0, 2), 9, 2, 9), 0.0);
        assertEquals(-2.0, MountingAxes.angleRateDegS(new ImuMounting(Axis.Z, Axis.X, 0, 2), 9, 2, 9), 0.0);
        assertEquals(2.0, MountingAxes.angleRateDegS(new ImuMounting(Axis.Y, Axis.X, 0, 2), 9, 9, 2), 0.0);
    }

    @Test
    void theRateFormulaAgreesWithTheAngleOfATurningChipForEveryMapping() {
        // gravity seen by a chip turning about its lateral axis, differentiated numerically
        for (Axis along : Axis.values()) {
            for (Axis normal : Axis.values()) {
                if (along.index() == normal.index()) {
                    continue;
                }
                ImuMounting m = new ImuMounting(along, normal, 0, 2);
                double[] before = m.accelerationG(10.0);
                double[] after = m.accelerationG(10.001);
                // dg/dt = -ω × g with ω only on the lateral axis l gives, for i = l+1 and k = l+2
                // (cyclic), dg_i/dt = ω_l g_k: the chip's rate per degree of inversion angle.
                int l = MountingAxes.lateralIndex(m);
                int i = (l + 1) % 3;
                int k = (l + 2) % 3;
                double dgiPerDeg = (after[i] - before[i]) / 0.001;
                double gyroL = dgiPerDeg / (Math.toRadians(1) * before[k]);
                double[] gyro = new double[3];
                gyro[l] = gyroL;
                if (Math.abs(before[k]) > 0.1) {
                    assertEquals(1.0, MountingAxes.angleRateDegS(m, gyro[0], gyro[1], gyro[2]), 1e-3, m.toString());
                }
            }
        }
    }
}
