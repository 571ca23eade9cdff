package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.inversiontable.hardware.MotorCommand;
import org.junit.jupiter.api.Test;

class MotionDisagreementTest {
    private static final long T0 = 7_000_000_000L;
    private static final long TICK = 10_000_000L;
    private static final double NOISE_DEG = 0.3;

    /** A DC linear actuator: speed follows duty * 10 deg/s with a first-order lag. */
    private static final class Actuator {
        double angleDeg;
        double speedDegPerS;
        double lagS = 0.15;
        /** -1 models a swapped motor wire. */
        double sign = 1;

        Actuator(double angleDeg) {
            this.angleDeg = angleDeg;
        }

        void step(double duty, double dtS) {
            double targetDegPerS = sign * duty * 10.0;
            speedDegPerS += (targetDegPerS - speedDegPerS) * (1 - Math.exp(-dtS / lagS));
            angleDeg += speedDegPerS * dtS;
        }
    }

    /**
     * Runs ticks of 10 ms from T0 for up to {@code seconds}: angle measured (plus noise), then
     * the command for that tick applied. Returns the first trip's time since T0 in ns and its
     * code, or null.
     */
    private record Tripped(long afterNanos, FaultCode code) {
    }

    private static Tripped run(Actuator table, DoubleUnaryOperator dutyAtS, double seconds, Random noise) {
        MotionDisagreement motion = new MotionDisagreement();
        for (long t = 0; t <= (long) (seconds * 1e9); t += TICK) {
            double measuredDeg = table.angleDeg + (noise == null ? 0 : noise.nextGaussian() * NOISE_DEG);
            double duty = dutyAtS.applyAsDouble(t / 1e9);
            MotorCommand cmd = duty == 0 ? MotorCommand.OFF : MotorCommand.drive(duty);
            Trip trip = motion.update(cmd, measuredDeg, T0 + t);
            if (trip != null) {
                return new Tripped(t, trip.code());
            }
            table.step(duty, TICK / 1e9);
        }
        return null;
    }

    /** A table that moves at a fixed speed whatever the command (or not at all). */
    private static Tripped runAtConstantSpeed(double speedDegPerS, double duty, double seconds) {
        MotionDisagreement motion = new MotionDisagreement();
        for (long t = 0; t <= (long) (seconds * 1e9); t += TICK) {
            Trip trip = motion.update(MotorCommand.drive(duty), 10 + speedDegPerS * t / 1e9, T0 + t);
            if (trip != null) {
                return new Tripped(t, trip.code());
            }
        }
        return null;
    }

    @Test
    void aStalledTableTripsJustAfterOneSecondOfCommand() {
        Tripped t = runAtConstantSpeed(0, 0.5, 3);
        assertNotNull(t);
        assertEquals(FaultCode.MOTION_STALL, t.code());
        assertEquals(1_010_000_000L, t.afterNanos(), "more than 1 s: not at 1.00 s, at the next tick");
    }

    @Test
    void aTableThatJamsMidMoveTripsWithinOneSecondPlusATick() {
        for (long jamNanos : new long[] {2_000_000_000L, 2_004_000_000L, 2_009_000_000L}) {
            MotionDisagreement motion = new MotionDisagreement();
            Tripped tripped = null;
            for (long t = 0; t <= 5_000_000_000L && tripped == null; t += TICK) {
                double angleDeg = 5.0 * Math.min(t, jamNanos) / 1e9;
                Trip trip = motion.update(MotorCommand.drive(0.5), angleDeg, T0 + t);
                if (trip != null) {
                    tripped = new Tripped(t, trip.code());
                }
            }
            assertNotNull(tripped, "jam at " + jamNanos);
            assertEquals(FaultCode.MOTION_STALL, tripped.code());
            long sinceJam = tripped.afterNanos() - jamNanos;
            // The fit may call it a little early (the table has stopped); never before the jam.
            assertTrue(sinceJam <= 1_000_000_000L + TICK && sinceJam > 0,
                    "jam at " + jamNanos + " tripped " + sinceJam + " ns later");
        }
    }

    @Test
    void progressOfThreeTenthsOfADegreePerSecondIsTheStallEdge() {
        assertNull(runAtConstantSpeed(0.31, 0.5, 3));
        assertEquals(FaultCode.MOTION_STALL, runAtConstantSpeed(0.29, 0.5, 3).code());
        assertNull(runAtConstantSpeed(-0.31, -0.5, 3), "progress counts in the command's direction");
        assertEquals(FaultCode.MOTION_STALL, runAtConstantSpeed(-0.29, -0.5, 3).code());
    }

    @Test
    void aDutyOfThreeTenthsIsSignificantAndBelowItIsNot() {
        assertEquals(FaultCode.MOTION_STALL, runAtConstantSpeed(0, -0.3, 3).code());
        assertNull(runAtConstantSpeed(0, 0.29, 3));
        assertNull(runAtConstantSpeed(0, -0.29, 3));
    }

    @Test
    void aDisabledMotorIsNeverJudged() {
        MotionDisagreement motion = new MotionDisagreement();
        for (long t = 0; t < 3_000_000_000L; t += TICK) {
            assertNull(motion.update(MotorCommand.OFF, 10, T0 + t));
        }
    }

    @Test
    void aDroppedCommandRestartsTheWindow() {
        Actuator jammed = new Actuator(10);
        jammed.sign = 0;
        Tripped t = run(jammed, s -> (s >= 0.8 && s < 0.81) ? 0 : 0.5, 1.7, null);
        assertNull(t, "0.8 s + 0.8 s of stall under two separate commands is not 1 s");
    }

    @Test
    void aReversedCommandRestartsTheWindow() {
        Actuator table = new Actuator(0);
        Tripped t = run(table, s -> s < 2 ? 0.5 : -0.5, 4, null);
        assertNull(t, "the motion before a reversal says nothing about the new command");
    }

    @Test
    void aSwappedMotorTripsWrongDirectionJustAfterHalfASecond() {
        Actuator table = new Actuator(10);
        table.sign = -1;
        Tripped t = run(table, s -> 0.5, 2, null);
        assertNotNull(t);
        assertEquals(FaultCode.MOTION_WRONG_DIRECTION, t.code());
        assertEquals(510_000_000L, t.afterNanos(), "more than 0.5 s: not at 0.50 s, at the next tick");
    }

    @Test
    void wrongDirectionNeedsMoreThanHalfADegreeInTheWindow() {
        // 0.98 deg/s against: 0.49 deg in 0.5 s is not a wrong direction, but no progress is a stall
        Tripped slow = runAtConstantSpeed(-0.98, 0.5, 3);
        assertEquals(FaultCode.MOTION_STALL, slow.code());
        assertEquals(1_010_000_000L, slow.afterNanos());
        Tripped fast = runAtConstantSpeed(-1.02, 0.5, 3);
        assertEquals(FaultCode.MOTION_WRONG_DIRECTION, fast.code());
        assertEquals(510_000_000L, fast.afterNanos());
    }

    @Test
    void aTableThatSlidesBackMidMoveTripsWrongDirectionWithinHalfASecond() {
        // a stripped nut: 2 s of normal motion, then the load pulls the table back at 3 deg/s
        long slideNanos = 2_000_000_000L;
        MotionDisagreement motion = new MotionDisagreement();
        Tripped tripped = null;
        for (long t = 0; t <= 4_000_000_000L && tripped == null; t += TICK) {
            double angleDeg = t <= slideNanos ? 5.0 * t / 1e9 : 10 - 3.0 * (t - slideNanos) / 1e9;
            Trip trip = motion.update(MotorCommand.drive(0.5), angleDeg, T0 + t);
            if (trip != null) {
                tripped = new Tripped(t - slideNanos, trip.code());
            }
        }
        assertNotNull(tripped);
        assertEquals(FaultCode.MOTION_WRONG_DIRECTION, tripped.code());
        assertTrue(tripped.afterNanos() > 0 && tripped.afterNanos() <= 500_000_000L,
                "tripped " + tripped.afterNanos() / 1e6 + " ms after the slide began");
    }

    @Test
    void wrongDirectionTripsWithinTheBoundDespiteSensorNoise() {
        Random random = new Random(20240601L);
        for (int i = 0; i < 300; i++) {
            double duty = (0.3 + 0.7 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
            Actuator table = new Actuator(-20 + 60 * random.nextDouble());
            table.sign = -1;
            Tripped t = run(table, s -> duty, 2, random);
            assertNotNull(t, "case " + i);
            assertEquals(FaultCode.MOTION_WRONG_DIRECTION, t.code(), "case " + i);
            assertTrue(t.afterNanos() > 500_000_000L && t.afterNanos() <= 550_000_000L,
                    "case " + i + " duty " + duty + " tripped after " + t.afterNanos() / 1e6 + " ms");
        }
    }

    @Test
    void aNoisyStallTripsWithinOneSecondAndAFewTicks() {
        Random random = new Random(77L);
        int atFirstPossibleTick = 0;
        int calledStall = 0;
        for (int i = 0; i < 300; i++) {
            Actuator table = new Actuator(10);
            table.sign = 0;
            double duty = random.nextBoolean() ? 0.6 : -0.6;
            Tripped t = run(table, s -> duty, 3, random);
            assertNotNull(t, "case " + i);
            // Noise can make a dead-still table look like it slid back 0.5 deg in 0.5 s (about
            // 1 case in 200): still a motion fault with the same consequence.
            assertTrue(t.code() == FaultCode.MOTION_STALL || t.code() == FaultCode.MOTION_WRONG_DIRECTION);
            assertTrue(t.afterNanos() <= 1_100_000_000L, "case " + i + " after " + t.afterNanos() / 1e6 + " ms");
            if (t.code() == FaultCode.MOTION_STALL) {
                calledStall++;
                if (t.afterNanos() == 1_010_000_000L) {
                    atFirstPossibleTick++;
                }
            }
        }
        assertTrue(calledStall >= 290, "only " + calledStall + " of 300 called a stall");
        assertTrue(atFirstPossibleTick >= calledStall - 3, "only " + atFirstPossibleTick + " at 1 s + 1 tick");
    }

    @Test
    void ticksWithoutAnAcceptedAngleAreSkippedNotCountedAsMotion() {
        MotionDisagreement motion = new MotionDisagreement();
        Trip trip = null;
        long t = 0;
        for (; t <= 2_000_000_000L && trip == null; t += TICK) {
            double angleDeg = (t / TICK) % 2 == 0 ? 10 : Double.NaN;
            trip = motion.update(MotorCommand.drive(0.5), angleDeg, T0 + t);
        }
        assertNotNull(trip);
        assertEquals(FaultCode.MOTION_STALL, trip.code());
        assertEquals(1_010_000_000L, t - TICK);
    }

    @Test
    void noisyNormalMovesWithActuatorLagNeverTrip() {
        Random random = new Random(4242L);
        for (int i = 0; i < 1000; i++) {
            Actuator table = new Actuator(-60 + 140 * random.nextDouble());
            table.lagS = 0.05 + 0.15 * random.nextDouble();
            double[] segmentEndS = new double[4];
            double[] segmentDuty = new double[4];
            double endS = 0;
            for (int k = 0; k < 4; k++) {
                endS += 0.3 + 1.5 * random.nextDouble();
                segmentEndS[k] = endS;
                double magnitude = random.nextDouble() < 0.2 ? 0.3 * random.nextDouble() : 0.3 + 0.7 * random.nextDouble();
                segmentDuty[k] = random.nextBoolean() ? magnitude : -magnitude;
            }
            double rampS = random.nextDouble() * 0.5;
            DoubleUnaryOperator duty = s -> {
                for (int k = 0; k < 4; k++) {
                    if (s < segmentEndS[k]) {
                        double start = k == 0 ? 0 : segmentEndS[k - 1];
                        return segmentDuty[k] * Math.min(1, rampS == 0 ? 1 : (s - start) / rampS);
                    }
                }
                return 0;
            };
            Tripped t = run(table, duty, endS + 0.5, random);
            if (t != null) {
                fail("move " + i + " tripped " + t.code() + " after " + t.afterNanos() / 1e6 + " ms");
            }
        }
    }
}
