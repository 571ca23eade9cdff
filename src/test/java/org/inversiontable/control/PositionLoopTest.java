package org.inversiontable.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.motion.ActuatorCurve;
import org.inversiontable.motion.MotionLimits;
import org.inversiontable.motion.ProfileState;
import org.junit.jupiter.api.Test;

/** The position loop alone (SPEC §5): the sign and size of the duty it asks for, and the load it learns. */
class PositionLoopTest {
    private static final double DT = 0.01;
    private static final ActuatorCurve CURVE = new ActuatorCurve(10.0, 0.04);
    private static final MotionLimits LIMITS = new MotionLimits(4.75, 3.0, 6.0);

    private final PositionLoop loop = new PositionLoop(CURVE, 0.12);

    private static ProfileState moving(double at, double v) {
        return new ProfileState(at, v, 0.0);
    }

    @Test
    void aStoppedDriveIsOffOrHeldAtZero() {
        assertSame(MotorCommand.OFF, loop.stop(false));
        assertEquals(MotorCommand.drive(0.0), loop.stop(true));
        assertTrue(loop.actuatorStill());
    }

    @Test
    void aProfileMovingTowardInversionGetsAPositiveDutyAndTowardUprightANegativeOne() {
        MotorCommand down = loop.track(moving(10.0, 2.0), 10.0, LIMITS, DT);
        assertTrue(down.enabled() && down.duty() > 0.0, down.toString());
        loop.stop(false);
        MotorCommand up = loop.track(moving(10.0, -2.0), 10.0, LIMITS, DT);
        assertTrue(up.enabled() && up.duty() < 0.0, up.toString());
    }

    @Test
    void theCommandReturnedLastIsNeverTheOneTheNextCallRefills() {
        MotorCommand down = loop.track(moving(10.0, 2.0), 10.0, LIMITS, DT);
        double downDuty = down.duty();
        loop.stop(false);
        MotorCommand up = loop.track(moving(10.0, -2.0), 10.0, LIMITS, DT);
        assertNotSame(down, up, "one object for two commands in a row");
        assertEquals(downDuty, down.duty(), 0.0,
                "the next command changed the last one, which the supervisor and the bridge still hold");
        assertTrue(up.duty() < 0.0, up.toString());
    }

    @Test
    void theWantedSpeedRampsUpWithinTheAccelerationLimit() {
        double previous = 0.0;
        for (int i = 0; i < 20; i++) {
            double duty = loop.track(moving(10.0, 4.0), 10.0, LIMITS, DT).duty();
            assertTrue(duty >= previous, "ramps up: " + duty + " after " + previous);
            previous = duty;
        }
        assertTrue(previous < CURVE.dutyFor(4.0), "not yet at full speed after 0.2 s: " + previous);
        assertFalse(loop.actuatorStill(), "the actuator is turning");
        for (int i = 0; i < 200; i++) {
            previous = loop.track(moving(10.0, 4.0), 10.0, LIMITS, DT).duty();
        }
        assertEquals(CURVE.dutyFor(4.0), previous, 0.02, "at the profile's speed");
    }

    @Test
    void aMovingProfileNeverAsksTheOtherWayNorPastTheLimit() {
        // The table ran ahead of a profile moving toward inversion: no negative duty.
        MotorCommand ahead = loop.track(moving(10.0, 1.0), 11.9, LIMITS, DT);
        assertTrue(ahead.duty() >= 0.0, ahead.toString());
        for (int i = 0; i < 500; i++) {
            MotorCommand c = loop.track(moving(10.0, 4.7), 9.6, LIMITS, DT);
            assertTrue(c.duty() <= CURVE.dutyFor(LIMITS.vMaxDegPerS() / ControlSettings.PLANNED_SPEED_FRACTION) + 0.25 + 1e-9,
                    "past the speed limit: " + c);
        }
    }

    @Test
    void atRestTheLoopCorrectsThePositionErrorBothWays() {
        double below = 0.0;
        for (int i = 0; i < 100; i++) {
            below = loop.track(ProfileState.restingAt(10.0), 9.0, LIMITS, DT).duty();
        }
        assertTrue(below > 0.0, "table short of the target: drive toward inversion " + below);
        loop.stop(false);
        double above = 0.0;
        for (int i = 0; i < 100; i++) {
            above = loop.track(ProfileState.restingAt(10.0), 11.0, LIMITS, DT).duty();
        }
        assertTrue(above < 0.0, "table past the target: drive back " + above);
    }

    @Test
    void aTableThatDoesNotFollowGetsAPlainDutyGrowingWithTheError() {
        double d1 = loop.track(moving(10.0, 2.0), 9.0, LIMITS, DT).duty();
        double d2 = loop.track(moving(10.0, 2.0), 8.0, LIMITS, DT).duty();
        double cap = CURVE.dutyFor(LIMITS.vMaxDegPerS() / ControlSettings.PLANNED_SPEED_FRACTION);
        assertEquals(cap + 0.1 * 0.5, d1, 1e-9, "the limit's duty and 0.1 per degree beyond half a degree");
        assertEquals(cap + 0.1 * 1.5, d2, 1e-9);
        double up = loop.track(moving(10.0, -2.0), 11.0, LIMITS, DT).duty();
        assertEquals(-(cap + 0.1 * 0.5), up, 1e-9, "the same toward upright");
        assertTrue(loop.actuatorStill(), "a drive that does not follow is not predicted to turn");
    }

    @Test
    void aSlowingProfileWithALaggingTableIsNotPushedToCatchUp() {
        ProfileState slowing = new ProfileState(10.0, 2.0, -3.0);
        double duty = loop.track(slowing, 9.0, LIMITS, DT).duty();
        double cap = CURVE.dutyFor(LIMITS.vMaxDegPerS() / ControlSettings.PLANNED_SPEED_FRACTION);
        assertTrue(duty < cap, "no catch-up push while the profile slows: " + duty);
    }

    @Test
    void theLoadLearnedInOneMoveIsUsedInTheNextAndPerDirection() {
        assertEquals(0.0, loop.loadDutyAt(0.5, 0.0), 0.0, "nothing learned yet");
        // Toward upright the table lags its profile (a heavy user): the loop learns the load.
        for (int i = 0; i < 100; i++) {
            loop.track(moving(0.0, -2.0), 0.4, LIMITS, DT);
        }
        double learned = loop.loadDutyAt(-0.5, 0.0);
        assertTrue(learned > 0.02, "learned the raising load: " + learned);
        assertEquals(0.0, loop.loadDutyAt(0.5, 0.0), 0.0, "not toward inversion");
        assertEquals(0.0, loop.loadDutyAt(0.0, 0.0), 0.0, "no drive, no load");
        assertEquals(0.0, loop.loadDutyAt(-0.5, Double.NaN), 0.0, "no angle, no load");
        assertEquals(learned * Math.cos(Math.toRadians(60.0)), loop.loadDutyAt(-0.5, 60.0), 1e-12, "scaled by the cosine");
        assertTrue(learned <= 0.25, "the learned load is capped");
        loop.stop(false);
        double withLoad = loop.track(moving(0.0, -1.0), 0.0, LIMITS, DT).duty();
        PositionLoop fresh = new PositionLoop(CURVE, 0.12);
        double without = fresh.track(moving(0.0, -1.0), 0.0, LIMITS, DT).duty();
        assertTrue(withLoad < without - 0.02, "the next move up starts with the load: " + withLoad + " vs " + without);
    }

    @Test
    void theLearnedLoadIsCappedAndLearnsNothingFromABlockedDrive() {
        for (int i = 0; i < 20_000; i++) {
            loop.track(moving(0.0, 1.0), -0.4, LIMITS, DT);
            loop.stop(false);
        }
        assertEquals(0.25, loop.loadDutyAt(1.0, 0.0), 1e-9, "capped");
        PositionLoop blocked = new PositionLoop(CURVE, 0.12);
        for (int i = 0; i < 300; i++) {
            blocked.track(new ProfileState(0.0, 1.0, -1.0), -2.5, LIMITS, DT);
        }
        assertEquals(0.0, blocked.loadDutyAt(1.0, 0.0), 0.0, "2 deg behind is a blocked drive, not a load");
    }

    @Test
    void aMoveThatWentWrongForgetsWhatItLearned() {
        for (int i = 0; i < 100; i++) {
            loop.track(moving(0.0, -2.0), 0.4, LIMITS, DT);
        }
        double before = loop.loadDutyAt(-1.0, 0.0);
        loop.moveStarts();
        for (int i = 0; i < 100; i++) {
            loop.track(moving(0.0, -2.0), 0.4, LIMITS, DT);
            loop.track(moving(0.0, 2.0), -0.4, LIMITS, DT);
        }
        assertTrue(loop.loadDutyAt(-1.0, 0.0) > before && loop.loadDutyAt(1.0, 0.0) > 0.0, "learned more " + before + " " + loop.loadDutyAt(-1.0, 0.0) + " " + loop.loadDutyAt(1.0, 0.0));
        loop.forgetThisMove();
        assertEquals(before, loop.loadDutyAt(-1.0, 0.0), 0.0);
        assertEquals(0.0, loop.loadDutyAt(1.0, 0.0), 0.0);
    }

    @Test
    void openLoopLimpHomeDrivesTowardUprightWithATypicalLoadUntilOneIsLearned() {
        MotorCommand flat = loop.openLoopTowardUpright(1.5, 0.0);
        assertEquals(-(CURVE.dutyFor(1.5) + 0.05), flat.duty(), 1e-12);
        assertEquals(flat, loop.openLoopTowardUpright(1.5, Double.NaN), "no angle known: as at flat");
        assertEquals(-(CURVE.dutyFor(1.5) + 0.05 * Math.cos(Math.toRadians(60.0))),
                loop.openLoopTowardUpright(1.5, 60.0).duty(), 1e-12);
        for (int i = 0; i < 100; i++) {
            loop.track(moving(0.0, -2.0), 0.4, LIMITS, DT);
        }
        double learned = loop.loadDutyAt(-1.0, 0.0);
        assertEquals(-(CURVE.dutyFor(1.5) + learned), loop.openLoopTowardUpright(1.5, 0.0).duty(), 1e-12);
        assertTrue(loop.actuatorStill());
    }

    @Test
    void aStoppingDriveRunsItsSpeedDownAndThenRests() {
        for (int i = 0; i < 200; i++) {
            loop.track(moving(10.0, 2.0), 10.0, LIMITS, DT);
        }
        assertFalse(loop.actuatorStill());
        double previous = Double.MAX_VALUE;
        int ticks = 0;
        MotorCommand c = null;
        while (!loop.actuatorStill() && ticks < 1000) {
            c = loop.track(ProfileState.restingAt(10.0), 10.0, LIMITS, DT);
            assertTrue(c.enabled() && c.duty() >= 0.0, "runs down in the direction it ran: " + c);
            assertTrue(c.duty() <= previous + 1e-12, "never speeds up again: " + c.duty() + " after " + previous);
            previous = c.duty();
            ticks++;
        }
        assertTrue(ticks > 5 && ticks < 1000, "ran down over " + ticks + " ticks");
        assertTrue(c.duty() >= CURVE.minDuty() + ActuatorCurve.DUTY_STEP - 1e-12 || c.duty() == 0.0,
                "never dithers in the dead band: " + c.duty());
        assertEquals(MotorCommand.drive(0.0), loop.track(ProfileState.restingAt(10.0), 10.0, LIMITS, DT));
    }

    @Test
    void theSlowingDriveHoldsOnePwmStepAboveFrictionForAWindowThenStops() {
        for (int i = 0; i < 200; i++) {
            loop.track(moving(10.0, 0.3), 10.0, LIMITS, DT);
        }
        int atFloor = 0;
        double floor = CURVE.minDuty() + ActuatorCurve.DUTY_STEP;
        for (int i = 0; i < 200 && !loop.actuatorStill(); i++) {
            double d = loop.track(ProfileState.restingAt(10.0), 10.0, LIMITS, DT).duty();
            atFloor += Math.abs(d - floor) < 1e-12 ? 1 : 0;
        }
        assertTrue(loop.actuatorStill());
        // One 0.2 s window after two lags of 0.12 s: 0.44 s of 10 ms ticks.
        assertEquals(44, atFloor, "held the floor for a window and two lags");
    }

    @Test
    void aTableThatDoesNotFollowGetsTheLearnedLoadOnTop() {
        for (int i = 0; i < 100; i++) {
            loop.track(moving(0.0, 2.0), -0.4, LIMITS, DT);
            if (i % 2 == 0) {
                loop.track(moving(0.0, -2.0), 0.4, LIMITS, DT);
            }
        }
        double down = loop.loadDutyAt(1.0, 0.0);
        double up = loop.loadDutyAt(-1.0, 0.0);
        assertTrue(down > 0.01 && up > 0.01 && down > up + 0.005, down + " " + up);
        double cap = CURVE.dutyFor(LIMITS.vMaxDegPerS() / ControlSettings.PLANNED_SPEED_FRACTION);
        assertEquals(cap + 0.05 + down, loop.track(moving(10.0, 2.0), 9.0, LIMITS, DT).duty(), 1e-9);
        assertEquals(-(cap + 0.05 + up), loop.track(moving(10.0, -2.0), 11.0, LIMITS, DT).duty(), 1e-9);
    }

    @Test
    void theLearnedLoadIsAddedToTheDutyAtRestToo() {
        for (int i = 0; i < 100; i++) {
            loop.track(moving(0.0, 2.0), -0.4, LIMITS, DT);
        }
        loop.stop(false);
        PositionLoop fresh = new PositionLoop(CURVE, 0.12);
        double with = loop.track(ProfileState.restingAt(10.0), 9.0, LIMITS, DT).duty();
        double without = fresh.track(ProfileState.restingAt(10.0), 9.0, LIMITS, DT).duty();
        assertEquals(loop.loadDutyAt(1.0, 9.0), with - without, 1e-12);
    }

    @Test
    void theLoadIsLearnedNoFasterThanAShareOfTheAccelerationLimit() {
        double maxStep = 0.15 * LIMITS.aMaxDegPerS2() * DT * CURVE.dutyPerSpeed();
        loop.track(moving(0.0, 2.0), -0.45, LIMITS, DT);
        assertEquals(maxStep, loop.loadDutyAt(1.0, 0.0), 1e-12, "a large error learns at the cap");
        PositionLoop small = new PositionLoop(CURVE, 0.12);
        small.track(moving(0.0, 2.0), -0.1, LIMITS, DT);
        assertEquals(0.1 * 0.1 * DT, small.loadDutyAt(1.0, 0.0), 1e-12, "a small one in proportion");
    }

    @Test
    void theSpeedChangeTheLearnedLoadMakesCountsAgainstTheAccelerationLimit() {
        PositionLoop tracking = new PositionLoop(CURVE, 0.12);
        double onProfile = tracking.track(moving(10.0, 4.0), 10.0, LIMITS, DT).duty();
        double learning = loop.track(moving(10.0, 4.0), 9.7, LIMITS, DT).duty();
        double learned = loop.loadDutyAt(1.0, 9.7);
        assertTrue(learned > 0.0);
        double response = 1.0 - Math.exp(-DT / 0.12);
        assertEquals(onProfile - learned / response + learned, learning, 1e-9,
                "the learned step comes off the speed the acceleration limit allows");
    }

    @Test
    void aDriveThatSpeedsUpFromRestIsNotLiftedToTheFloor() {
        double floor = CURVE.minDuty() + ActuatorCurve.DUTY_STEP;
        for (int i = 0; i < 5; i++) {
            double d = loop.track(ProfileState.restingAt(10.0), 9.97, LIMITS, DT).duty();
            assertTrue(d > 0.0 && d < floor, "a small correction gets a small duty: " + d);
        }
    }

    @Test
    void aZeroTickKeepsThePredictedSpeed() {
        double d = 0.0;
        for (int i = 0; i < 200; i++) {
            d = loop.track(moving(10.0, 4.0), 10.0, LIMITS, DT).duty();
        }
        double same = loop.track(moving(10.0, 4.0), 10.0, LIMITS, 0.0).duty();
        assertEquals(d, same, 0.01, "no time passed, no change of speed");
    }

    @Test
    void halfADegreeBehindIsStillFollowing() {
        MotorCommand c = loop.track(moving(10.0, 2.0), 9.5, LIMITS, DT);
        double cap = CURVE.dutyFor(LIMITS.vMaxDegPerS() / ControlSettings.PLANNED_SPEED_FRACTION);
        assertTrue(c.duty() < cap, "ramps like a following table: " + c);
    }

    @Test
    void nothingIsLearnedFromATableTwoDegreesOffItsProfile() {
        loop.track(moving(0.0, 1.0), 2.0, LIMITS, DT);
        assertEquals(0.0, loop.loadDutyAt(1.0, 0.0), 0.0);
    }

    @Test
    void aTableAheadOfItsProfileUnlearnsNoFasterThanTheShare() {
        double maxStep = 0.15 * LIMITS.aMaxDegPerS2() * DT * CURVE.dutyPerSpeed();
        loop.track(moving(0.0, 1.0), 0.45, LIMITS, DT);
        assertEquals(-maxStep, loop.loadDutyAt(1.0, 0.0), 1e-12);
        PositionLoop up = new PositionLoop(CURVE, 0.12);
        up.track(moving(0.0, -1.0), -0.45, LIMITS, DT);
        assertEquals(-maxStep, up.loadDutyAt(-1.0, 0.0), 1e-12);
    }

    @Test
    void theLearnedStepCountsAgainstTheLimitTowardUprightToo() {
        PositionLoop tracking = new PositionLoop(CURVE, 0.12);
        double onProfile = tracking.track(moving(10.0, -4.0), 10.0, LIMITS, DT).duty();
        double learning = loop.track(moving(10.0, -4.0), 10.3, LIMITS, DT).duty();
        double learned = loop.loadDutyAt(-1.0, 10.3);
        assertTrue(learned > 0.0);
        double response = 1.0 - Math.exp(-DT / 0.12);
        assertEquals(onProfile + learned / response - learned, learning, 1e-9);
    }

    @Test
    void theLearnedStepCountsAgainstTheLimitWhenSlowingToo() {
        PositionLoop tracking = new PositionLoop(CURVE, 0.12);
        for (int i = 0; i < 200; i++) {
            tracking.track(moving(10.0, 4.0), 10.0, LIMITS, DT);
            loop.track(moving(10.0, 4.0), 10.0, LIMITS, DT);
        }
        double onProfile = tracking.track(moving(10.0, 0.5), 10.0, LIMITS, DT).duty();
        double learning = loop.track(moving(10.0, 0.5), 9.7, LIMITS, DT).duty();
        double learned = loop.loadDutyAt(1.0, 9.7);
        assertTrue(learned > 0.0);
        double response = 1.0 - Math.exp(-DT / 0.12);
        assertEquals(onProfile - learned / response + learned, learning, 1e-9);
    }

    @Test
    void aTableAheadOfItsProfileRunsDownAtAllButZeroSpeed() {
        for (int i = 0; i < 200; i++) {
            loop.track(moving(10.0, 4.0), 10.0, LIMITS, DT);
        }
        double least = Double.MAX_VALUE;
        for (int i = 0; i < 100; i++) {
            double d = loop.track(moving(10.0, 0.1), 12.0, LIMITS, DT).duty();
            assertTrue(d >= 0.0, "never the other way: " + d);
            if (d > 0.0) {
                least = Math.min(least, d);
            }
        }
        assertEquals(CURVE.dutyFor(0.01), least, 1e-12);
    }

    @Test
    void aCorrectionOfTheStillSpeedIsStillDriven() {
        MotorCommand c = loop.track(ProfileState.restingAt(0.02), 0.0, LIMITS, DT);
        assertEquals(CURVE.dutyFor(0.02), c.duty(), 1e-12);
    }

    @Test
    void aSlowingProfileHoldsTheFloorToo() {
        for (int i = 0; i < 200; i++) {
            loop.track(moving(10.0, 0.3), 10.0, LIMITS, DT);
        }
        double floor = CURVE.minDuty() + ActuatorCurve.DUTY_STEP;
        int atFloor = 0;
        for (int i = 0; i < 30; i++) {
            double d = loop.track(new ProfileState(10.0, 0.05, -0.5), 10.0, LIMITS, DT).duty();
            atFloor += Math.abs(d - floor) < 1e-12 ? 1 : 0;
        }
        assertTrue(atFloor > 0, "no dither into the brake while the profile slows");
    }

    @Test
    void underALoadTheFloorHoldEndsOnceThePredictedSpeedIsStill() {
        // A light load toward inversion, learned on a slow move: at the floor duty the load
        // leaves the screw all but still, so the drive may stop before the whole window.
        for (int i = 0; i < 20; i++) {
            loop.track(moving(10.0, 0.05), 9.575, LIMITS, DT);
        }
        for (int i = 0; i < 200; i++) {
            loop.track(moving(10.0, 0.05), 10.0, LIMITS, DT);
        }
        double load = loop.loadDutyAt(1.0, 10.0);
        double floor = CURVE.minDuty() + ActuatorCurve.DUTY_STEP;
        assertTrue(CURVE.speedFor(floor - load) <= 0.02, "the floor leaves the screw still: " + load);
        int atFloor = 0;
        for (int i = 0; i < 200 && !loop.actuatorStill(); i++) {
            double d = loop.track(ProfileState.restingAt(10.0), 10.0, LIMITS, DT).duty();
            atFloor += Math.abs(d - floor) < 1e-12 ? 1 : 0;
        }
        assertTrue(loop.actuatorStill());
        assertTrue(atFloor > 10 && atFloor < 40, "held the floor until the predicted speed ran down: " + atFloor);
    }

    @Test
    void anActuatorAtTheStillSpeedIsStill() {
        // Without lag the predicted speed is the one asked for: 0.02 deg/s, which the brake takes unfelt.
        PositionLoop noLag = new PositionLoop(CURVE, 0.0);
        noLag.track(ProfileState.restingAt(0.02), 0.0, LIMITS, DT);
        assertTrue(noLag.actuatorStill());
        noLag.track(ProfileState.restingAt(0.03), 0.0, LIMITS, DT);
        assertFalse(noLag.actuatorStill());
    }

    @Test
    void aZeroTickChangesNothing() {
        MotorCommand c = loop.track(moving(10.0, 2.0), 10.0, LIMITS, 0.0);
        assertTrue(c.duty() >= 0.0);
        assertTrue(loop.actuatorStill());
        PositionLoop noLag = new PositionLoop(CURVE, 0.0);
        MotorCommand d = noLag.track(moving(10.0, 2.0), 10.0, LIMITS, DT);
        assertTrue(d.duty() > 0.0 && d.duty() < CURVE.dutyFor(2.0), "still within the acceleration limit: " + d);
    }
}
