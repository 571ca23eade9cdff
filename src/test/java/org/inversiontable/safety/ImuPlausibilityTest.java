package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.inversiontable.hardware.TiltReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImuPlausibilityTest {
    private static final long T0 = 5_000_000_000L;
    private static final long MS = 1_000_000L;

    private static TiltReading good(double angleDeg) {
        return TiltReading.fresh(angleDeg, 1.0);
    }

    /** A detector that has accepted 10 deg at T0. */
    private static ImuPlausibility primedAt10Deg() {
        ImuPlausibility imu = new ImuPlausibility(T0);
        assertTrue(imu.check(good(10), T0).hasAngle());
        return imu;
    }

    @Test
    void aPlausibleSampleIsAcceptedAsIs() {
        ImuPlausibility imu = new ImuPlausibility(T0);
        ImuCheck c = imu.check(good(12.5), T0 + 10 * MS);
        assertEquals(12.5, c.acceptedAngleDeg());
        assertNull(c.fault());
        assertNull(c.cause());
        assertTrue(imu.angleTrusted());
        assertEquals(12.5, imu.lastAcceptedAngleDeg());
    }

    @Test
    void staleAtExactly100msDoesNotTripButJustAfterDoes() {
        ImuPlausibility imu = primedAt10Deg();
        assertFalse(imu.check(TiltReading.NO_NEW_SAMPLE, T0 + 100 * MS).tripped());
        assertTrue(imu.angleTrusted());
        ImuCheck c = imu.check(TiltReading.NO_NEW_SAMPLE, T0 + 100 * MS + 1);
        assertEquals(FaultCode.IMU_STALE, c.fault());
        assertFalse(imu.angleTrusted());
    }

    @Test
    void staleAt110msOfTickTrips() {
        ImuPlausibility imu = primedAt10Deg();
        for (long t = 10; t <= 100; t += 10) {
            assertFalse(imu.check(TiltReading.NO_NEW_SAMPLE, T0 + t * MS).tripped(), "at " + t + " ms");
        }
        assertEquals(FaultCode.IMU_STALE, imu.check(TiltReading.NO_NEW_SAMPLE, T0 + 110 * MS).fault());
    }

    @Test
    void staleIsMeasuredFromConstructionUntilTheFirstSample() {
        ImuPlausibility imu = new ImuPlausibility(T0);
        assertFalse(imu.check(TiltReading.NO_NEW_SAMPLE, T0 + 100 * MS).tripped());
        assertFalse(imu.angleTrusted(), "no sample yet: nothing to trust");
        assertEquals(FaultCode.IMU_STALE, imu.check(TiltReading.NO_NEW_SAMPLE, T0 + 110 * MS).fault());
    }

    @Test
    void aBusErrorCountsAsNoSample() {
        ImuPlausibility imu = primedAt10Deg();
        for (long t = 10; t <= 100; t += 10) {
            ImuCheck c = imu.check(TiltReading.BUS_ERROR, T0 + t * MS);
            assertFalse(c.hasAngle());
            assertFalse(c.tripped());
        }
        assertEquals(FaultCode.IMU_STALE, imu.check(TiltReading.BUS_ERROR, T0 + 110 * MS).fault());
    }

    @Test
    void aRejectedSampleDoesNotRefreshTheStaleTimer() {
        ImuPlausibility imu = primedAt10Deg();
        imu.check(TiltReading.NO_NEW_SAMPLE, T0 + 50 * MS);
        assertFalse(imu.check(TiltReading.fresh(10, 2.0), T0 + 100 * MS).tripped());
        assertEquals(FaultCode.IMU_STALE, imu.check(TiltReading.NO_NEW_SAMPLE, T0 + 110 * MS).fault());
    }

    @Test
    void anAcceptedSampleRestartsTheStaleTimer() {
        ImuPlausibility imu = primedAt10Deg();
        imu.check(good(10.1), T0 + 90 * MS);
        assertFalse(imu.check(TiltReading.NO_NEW_SAMPLE, T0 + 190 * MS).tripped());
        assertTrue(imu.check(TiltReading.NO_NEW_SAMPLE, T0 + 200 * MS).tripped());
    }

    @Test
    void aSingleOutlierIsRejectedAndNeverReplacedByTheLastGoodValue() {
        ImuPlausibility imu = primedAt10Deg();
        ImuCheck c = imu.check(good(40), T0 + 10 * MS);
        assertTrue(Double.isNaN(c.acceptedAngleDeg()), "the tick has no angle, not the last good 10 deg");
        assertFalse(c.tripped());
        assertTrue(c.rejected());
        assertTrue(c.cause().contains("jumped"), c.cause());
        assertTrue(imu.angleTrusted(), "one outlier does not make the sensor untrusted");
        assertEquals(10.2, imu.check(good(10.2), T0 + 20 * MS).acceptedAngleDeg());
    }

    @Test
    void twoBadSamplesInARowAreRejectedWithoutAFault() {
        ImuPlausibility imu = primedAt10Deg();
        assertFalse(imu.check(good(Double.NaN), T0 + 10 * MS).tripped());
        ImuCheck second = imu.check(good(Double.NaN), T0 + 20 * MS);
        assertFalse(second.tripped());
        assertFalse(second.hasAngle());
    }

    static Stream<Arguments> eachBadKind() {
        return Stream.of(
                Arguments.of(TiltReading.fresh(Double.NaN, 1.0), FaultCode.IMU_NON_FINITE),
                Arguments.of(TiltReading.fresh(10, Double.POSITIVE_INFINITY), FaultCode.IMU_NON_FINITE),
                Arguments.of(TiltReading.fresh(120, 1.0), FaultCode.IMU_OUT_OF_RANGE),
                Arguments.of(TiltReading.fresh(-80, 1.0), FaultCode.IMU_OUT_OF_RANGE),
                Arguments.of(TiltReading.fresh(10, 0.5), FaultCode.IMU_GRAVITY),
                Arguments.of(TiltReading.fresh(10, 1.5), FaultCode.IMU_GRAVITY),
                Arguments.of(TiltReading.fresh(30, 1.0), FaultCode.IMU_JUMP));
    }

    @ParameterizedTest
    @MethodSource("eachBadKind")
    void threeBadSamplesInARowTripTheirKind(TiltReading bad, FaultCode expected) {
        ImuPlausibility imu = primedAt10Deg();
        assertFalse(imu.check(bad, T0 + 10 * MS).tripped());
        assertFalse(imu.check(bad, T0 + 20 * MS).tripped());
        ImuCheck third = imu.check(bad, T0 + 30 * MS);
        assertEquals(expected, third.fault());
        assertFalse(third.hasAngle());
        assertFalse(imu.angleTrusted());
    }

    @Test
    void theFaultTakesTheKindOfTheThirdBadSample() {
        ImuPlausibility imu = primedAt10Deg();
        imu.check(TiltReading.fresh(Double.NaN, 1.0), T0 + 10 * MS);
        imu.check(TiltReading.fresh(200, 1.0), T0 + 20 * MS);
        assertEquals(FaultCode.IMU_GRAVITY, imu.check(TiltReading.fresh(10, 0.1), T0 + 30 * MS).fault());
    }

    @Test
    void aGoodSampleBetweenBadOnesResetsTheCount() {
        ImuPlausibility imu = primedAt10Deg();
        TiltReading bad = TiltReading.fresh(10, 2.0);
        imu.check(bad, T0 + 10 * MS);
        imu.check(bad, T0 + 20 * MS);
        assertTrue(imu.check(good(10.1), T0 + 30 * MS).hasAngle());
        assertFalse(imu.check(bad, T0 + 40 * MS).tripped());
        assertFalse(imu.check(bad, T0 + 50 * MS).tripped());
        assertTrue(imu.check(bad, T0 + 60 * MS).tripped());
    }

    @Test
    void ticksWithoutASampleDoNotBreakARunOfBadSamples() {
        ImuPlausibility imu = primedAt10Deg();
        TiltReading bad = TiltReading.fresh(10, 2.0);
        imu.check(bad, T0 + 10 * MS);
        imu.check(TiltReading.NO_NEW_SAMPLE, T0 + 20 * MS);
        imu.check(bad, T0 + 30 * MS);
        imu.check(TiltReading.NO_NEW_SAMPLE, T0 + 40 * MS);
        assertEquals(FaultCode.IMU_GRAVITY, imu.check(bad, T0 + 50 * MS).fault());
    }

    @Test
    void rangeEdgesAreMechanicalRangePlusFiveDegrees() {
        ImuPlausibility imu = new ImuPlausibility(T0);
        assertTrue(imu.check(good(-75.0), T0).hasAngle());
        imu = new ImuPlausibility(T0);
        assertFalse(imu.check(good(-75.01), T0).hasAngle());
        imu = new ImuPlausibility(T0);
        assertTrue(imu.check(good(95.0), T0).hasAngle());
        imu = new ImuPlausibility(T0);
        ImuCheck c = imu.check(good(95.01), T0);
        assertFalse(c.hasAngle());
        assertTrue(c.cause().contains("outside"), c.cause());
    }

    @Test
    void gravityEdgesAreZeroPointEightAndOnePointTwo() {
        ImuPlausibility imu = primedAt10Deg();
        assertTrue(imu.check(TiltReading.fresh(10, 0.8), T0 + 10 * MS).hasAngle());
        assertTrue(imu.check(TiltReading.fresh(10, 1.2), T0 + 20 * MS).hasAngle());
        assertFalse(imu.check(TiltReading.fresh(10, 0.79), T0 + 30 * MS).hasAngle());
        assertFalse(imu.check(TiltReading.fresh(10, 1.21), T0 + 40 * MS).hasAngle());
    }

    @Test
    void jumpEdgeIsRateTimesDtPlusNoiseAllowance() {
        // 30 deg/s * 10 ms + 3 deg = 3.3 deg
        ImuPlausibility imu = primedAt10Deg();
        assertTrue(imu.check(good(13.29), T0 + 10 * MS).hasAngle());
        imu = primedAt10Deg();
        assertFalse(imu.check(good(13.31), T0 + 10 * MS).hasAngle());
        imu = primedAt10Deg();
        assertFalse(imu.check(good(6.69), T0 + 10 * MS).hasAngle(), "a jump downward counts as well");
    }

    @Test
    void jumpAllowanceUsesTheConfiguredRateAndNoise() {
        ImuPlausibility imu = new ImuPlausibility(T0, 10, 1);
        imu.check(good(10), T0);
        assertFalse(imu.check(good(11.2), T0 + 10 * MS).hasAngle(), "allowance 1.1 deg");
        assertTrue(imu.check(good(11.15), T0 + 20 * MS).hasAngle(), "allowance 1.2 deg after a rejection");
    }

    @Test
    void afterARejectionTheJumpAllowanceGrowsWithTimeSinceTheLastAccepted() {
        ImuPlausibility imu = primedAt10Deg();
        imu.check(good(50), T0 + 10 * MS);
        imu.check(good(50), T0 + 20 * MS);
        // 30 deg/s * 30 ms + 3 = 3.9 deg since the last accepted, so 13.8 is a real move
        assertEquals(13.8, imu.check(good(13.8), T0 + 30 * MS).acceptedAngleDeg());
    }

    @Test
    void theFirstSampleHasNoJumpReference() {
        ImuPlausibility imu = new ImuPlausibility(T0);
        assertEquals(60.0, imu.check(good(60), T0 + 10 * MS).acceptedAngleDeg());
    }

    @Test
    void angleStaysUntrustedAfterAFaultUntilRestart() {
        ImuPlausibility imu = primedAt10Deg();
        imu.check(TiltReading.NO_NEW_SAMPLE, T0 + 110 * MS);
        assertFalse(imu.angleTrusted());
        imu.check(good(10), T0 + 120 * MS);
        assertFalse(imu.angleTrusted(), "good samples coming back do not clear a latched IMU fault");
        imu.restart(T0 + 130 * MS);
        assertFalse(imu.angleTrusted());
        assertTrue(Double.isNaN(imu.lastAcceptedAngleDeg()));
        imu.check(good(10), T0 + 140 * MS);
        assertTrue(imu.angleTrusted());
        assertFalse(imu.check(TiltReading.NO_NEW_SAMPLE, T0 + 240 * MS).tripped(), "stale counts from restart");
    }

    @Test
    void gyroAndAccelerometerDisagreeingForLongerThanTheBoundLatchesImuDisagree() {
        ImuPlausibility imu = primedAt10Deg();
        long t = T0;
        for (int i = 1; i <= 35; i++) {   // the run starts at the first: 340 ms by the 35th
            t += 10 * MS;
            ImuCheck c = imu.check(TiltReading.disagreeing(10, 1.0), t);
            assertTrue(c.hasAngle() && !c.tripped(), "a disagreeing sample still carries its angle at " + i);
        }
        ImuCheck c = imu.check(TiltReading.disagreeing(10, 1.0), t + 10 * MS);
        assertEquals(FaultCode.IMU_DISAGREE, c.fault(), "350 ms of disagreement");
        assertTrue(c.cause().contains("disagreed for 350 ms"), c.cause());
        assertFalse(imu.angleTrusted());
        assertFalse(FaultCode.IMU_DISAGREE.angleAndDriveTrusted(), "no automatic return on a doubted angle");
        assertTrue(FaultCode.IMU_DISAGREE.imuFault());
    }

    @Test
    void anAgreeingSampleEndsTheRunOfDisagreement() {
        // A jolt leaves a short disagreement behind: it must not add up with the next one.
        ImuPlausibility imu = primedAt10Deg();
        long t = T0;
        for (int jolt = 0; jolt < 20; jolt++) {
            for (int i = 0; i < 30; i++) {
                t += 10 * MS;
                assertFalse(imu.check(TiltReading.disagreeing(10, 1.0), t).tripped());
            }
            t += 10 * MS;
            assertFalse(imu.check(good(10), t).tripped());
        }
        assertTrue(imu.angleTrusted());
    }

    @Test
    void outliersAreRejectedOneByOneAndThreeInARowAreAJump() {
        ImuPlausibility imu = primedAt10Deg();
        ImuCheck first = imu.check(TiltReading.OUTLIER, T0 + 10 * MS);
        assertTrue(first.rejected() && !first.tripped() && !first.hasAngle());
        assertTrue(imu.check(good(10), T0 + 20 * MS).hasAngle());
        imu.check(TiltReading.OUTLIER, T0 + 30 * MS);
        imu.check(TiltReading.OUTLIER, T0 + 40 * MS);
        assertEquals(FaultCode.IMU_JUMP, imu.check(TiltReading.OUTLIER, T0 + 50 * MS).fault());
    }
}
