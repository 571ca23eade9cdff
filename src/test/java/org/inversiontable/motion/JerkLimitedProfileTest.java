package org.inversiontable.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3/§5 for the reference generator: within v/a/j limits on every tick, no step in
 * acceleration, no overshoot, exact arrival, re-plannable from any state, near time-optimal.
 * The property tests print the worst figures they saw.
 */
class JerkLimitedProfileTest {
    private static final double DT_S = 0.01;
    private static final double LIMIT_SLACK = 1e-9;
    private static final double OVERSHOOT_SLACK_DEG = 1e-6;
    private static final int MAX_TICKS = 100_000;
    private static final MotionLimits DEFAULTS = new MotionLimits(5, 3, 6);

    private final JerkLimitedProfile profile = new JerkLimitedProfile();

    // ---------------------------------------------------------------- named examples

    @Test
    void restToRestThirtyDegreesWithDefaultLimitsTakesTheAnalyticTime() {
        // 7 segments: 0.5 s ramps, 1/6 s at 3 deg/s^2 each way, cruise at 5 deg/s: 5/3 + 0.5 + 30/5.
        double analyticS = 5.0 / 3.0 + 0.5 + 6.0;
        assertEquals(analyticS, JerkLimitedProfile.restToRestDurationS(30, DEFAULTS), 1e-12);

        Run run = runToward(ProfileState.restingAt(0), 30, DEFAULTS);
        int optimalTicks = (int) Math.ceil(analyticS / DT_S - 1e-9);
        assertTrue(run.ticks >= optimalTicks && run.ticks <= optimalTicks + 1,
                "ticks " + run.ticks + " vs analytic " + optimalTicks);
        assertEquals(5.0, run.peakSpeedDegPerS, 1e-9, "cruises at vMax");
        assertEquals(3.0, run.peakAccelerationDegPerS2, 1e-9, "uses the full acceleration");
        assertEquals(0.0, run.worstOvershootDeg, 0.0);
    }

    @Test
    void stopMidMoveFromFullSpeedHasContinuousAcceleration() {
        ProfileState s = ProfileState.restingAt(-65);
        for (int i = 0; i < 600; i++) {
            s = profile.stepToward(s, 60, DEFAULTS, DT_S);
        }
        assertEquals(5.0, s.velocityDegPerS(), 1e-9, "at full speed before the stop");
        double predictedEndDeg = s.positionDeg() + JerkLimitedProfile.stoppingDistanceDeg(s, DEFAULTS);
        double lowestAccelerationDegPerS2 = 0;
        int ticks = 0;
        while (!exactlyAtRest(s)) {
            ProfileState next = profile.stepToStop(s, DEFAULTS, DT_S);
            assertWithinLimits(s, next, DEFAULTS);
            assertTrue(next.velocityDegPerS() >= 0, "a stop never reverses");
            lowestAccelerationDegPerS2 = Math.min(lowestAccelerationDegPerS2, next.accelerationDegPerS2());
            s = next;
            assertTrue(++ticks < 1000);
        }
        assertEquals(-3.0, lowestAccelerationDegPerS2, 1e-9, "brakes at the acceleration limit");
        // From 5 deg/s: 0.5 s ramps lose 0.75 deg/s each, the rest at 3 deg/s^2 takes 7/6 s: 2.1667 s.
        assertEquals(217, ticks, 1);
        assertEquals(predictedEndDeg, s.positionDeg(), 1e-9, "stops where stoppingDistanceDeg said");
    }

    @Test
    void retargetInTheOppositeDirectionMidMoveBrakesSmoothlyAndComesBack() {
        ProfileState s = ProfileState.restingAt(0);
        for (int i = 0; i < 400; i++) {
            s = profile.stepToward(s, 60, DEFAULTS, DT_S);
        }
        double reversalDeg = s.positionDeg();
        Run run = runToward(s, 10, DEFAULTS);
        assertEquals(1, run.velocitySignChanges, "reverses once, no oscillation");
        assertEquals(0.0, run.worstOvershootAfterReversalDeg, OVERSHOOT_SLACK_DEG, "no overshoot coming back");
        assertTrue(run.peakSpeedDegPerS <= 5.0 + LIMIT_SLACK);
        assertTrue(reversalDeg > 10);
    }

    @Test
    void loweredSpeedLimitMidMoveDeceleratesAtTheAccelerationLimitWithoutAStep() {
        // Moving toward upright at 5 deg/s when the gentler return limit (3 deg/s) comes into force.
        ProfileState s = ProfileState.restingAt(60);
        for (int i = 0; i < 500; i++) {
            s = profile.stepToward(s, -65, DEFAULTS, DT_S);
        }
        assertEquals(-5.0, s.velocityDegPerS(), 1e-9);
        MotionLimits returnLimits = DEFAULTS.withVMaxDegPerS(3);
        double highestAccelerationDegPerS2 = 0;
        int ticksAboveNewLimit = 0;
        ProfileState previous = s;
        while (!(s.positionDeg() == -65 && JerkLimitedProfile.isAtRest(s))) {
            s = profile.stepToward(previous, -65, returnLimits, DT_S);
            double jerk = Math.abs(s.accelerationDegPerS2() - previous.accelerationDegPerS2()) / DT_S;
            assertTrue(jerk <= 6 + LIMIT_SLACK, "jerk " + jerk);
            assertTrue(Math.abs(s.accelerationDegPerS2()) <= 3 + LIMIT_SLACK);
            assertTrue(Math.abs(s.velocityDegPerS()) <= Math.abs(previous.velocityDegPerS()) + LIMIT_SLACK
                    || Math.abs(s.velocityDegPerS()) <= 3 + LIMIT_SLACK, "never speeds up above the new limit");
            if (Math.abs(s.velocityDegPerS()) > 3 + LIMIT_SLACK) {
                ticksAboveNewLimit++;
            }
            highestAccelerationDegPerS2 = Math.max(highestAccelerationDegPerS2, s.accelerationDegPerS2());
            previous = s;
        }
        assertEquals(3.0, highestAccelerationDegPerS2, 1e-9, "slows down at the acceleration limit");
        // 5 -> 3 deg/s: 0.5 s ramp + 1/6 s hold + 0.5 s ramp, velocity above 3 for all of it.
        assertEquals(117, ticksAboveNewLimit, 1);
    }

    @Test
    void tinyMoveOfOneHundredthDegreeArrivesExactlyWithoutOvershoot() {
        for (MotionLimits limits : new MotionLimits[] {DEFAULTS, new MotionLimits(0.5, 0.5, 1), new MotionLimits(8, 6, 20)}) {
            Run up = runToward(ProfileState.restingAt(20), 20.01, limits);
            Run down = runToward(ProfileState.restingAt(20), 19.99, limits);
            assertEquals(0.0, up.worstOvershootDeg, OVERSHOOT_SLACK_DEG);
            assertEquals(0.0, down.worstOvershootDeg, OVERSHOOT_SLACK_DEG);
            double analyticS = JerkLimitedProfile.restToRestDurationS(0.01, limits);
            assertTrue(up.ticks <= Math.ceil(analyticS / DT_S) + 1, "ticks " + up.ticks + " analytic " + analyticS);
            assertEquals(0, up.velocitySignChanges);
        }
    }

    @Test
    void zeroLengthMoveStaysPutAtRest() {
        ProfileState s = ProfileState.restingAt(-65);
        for (int i = 0; i < 10; i++) {
            s = profile.stepToward(s, -65, DEFAULTS, DT_S);
            assertEquals(ProfileState.restingAt(-65), s);
        }
        assertEquals(0.0, JerkLimitedProfile.restToRestDurationS(0, DEFAULTS));
        assertEquals(ProfileState.restingAt(12), profile.stepToStop(ProfileState.restingAt(12), DEFAULTS, DT_S));
    }

    @Test
    void restToRestDurationCoversShortMediumAndLongMoves() {
        // No time at aMax or vMax: 4 ramps of (d / 2j)^(1/3).
        assertEquals(4 * Math.cbrt(0.01 / 12), JerkLimitedProfile.restToRestDurationS(-0.01, DEFAULTS), 1e-12);
        // aMax reached, vMax not: peak vp solves vp^2/a + vp a/j = d; T = 2 (vp/a + a/j).
        double vp = 4.0;
        double d = vp * vp / 3 + vp * 3 / 6;
        assertEquals(2 * (vp / 3 + 0.5), JerkLimitedProfile.restToRestDurationS(d, DEFAULTS), 1e-12);
        // vMax reached before aMax (v j < a^2): the acceleration phase is 2 sqrt(v/j).
        MotionLimits gentle = new MotionLimits(1, 6, 1);
        assertEquals(2 + 50, JerkLimitedProfile.restToRestDurationS(50, gentle), 1e-12);
    }

    @Test
    void badArgumentsAreRejected() {
        ProfileState s = ProfileState.restingAt(0);
        assertThrows(IllegalArgumentException.class, () -> profile.stepToward(s, 10, DEFAULTS, 0));
        assertThrows(IllegalArgumentException.class, () -> profile.stepToward(s, 10, DEFAULTS, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> profile.stepToward(s, Double.NaN, DEFAULTS, DT_S));
        assertThrows(IllegalArgumentException.class, () -> profile.stepToStop(s, DEFAULTS, -0.01));
        assertThrows(IllegalArgumentException.class, () -> JerkLimitedProfile.restToRestDurationS(Double.NaN, DEFAULTS));
    }

    // ---------------------------------------------------------------- properties

    @Test
    void randomMovesFromReachableStatesStayWithinLimitsAndArriveExactlyWithoutOvershoot() {
        Random random = new Random(20240501L);
        Worst worst = new Worst();
        int mustComeBack = 0;
        for (int i = 0; i < 700; i++) {
            MotionLimits limits = randomLimits(random);
            ProfileState start = reachableState(random, limits);
            double targetDeg = randomAngle(random);
            boolean canStopBefore = canStopBefore(start, targetDeg, limits);
            Run run = runToward(start, targetDeg, limits);
            worst.add(run, limits);
            String where = "case " + i + " from " + start + " to " + targetDeg + " with " + limits;
            // Decelerating hard at low speed, the jerk limit forces a turn (and then one back).
            int allowedReversals = velocityMustReverse(start, limits) ? 2 : canStopBefore ? 0 : 1;
            assertTrue(run.velocitySignChanges <= allowedReversals,
                    "oscillates: " + run.velocitySignChanges + " reversals, " + where);
            if (canStopBefore) {
                assertTrue(run.worstOvershootDeg <= OVERSHOOT_SLACK_DEG, "overshoot " + run.worstOvershootDeg + " " + where);
            } else {
                mustComeBack++;
                // Unless the jerk limit forces a turn away first, the way back never passes the target.
                assertTrue(velocityMustReverse(start, limits)
                        || run.worstOvershootAfterReversalDeg <= OVERSHOOT_SLACK_DEG, "overshoots coming back " + where);
            }
            assertTrue(run.targetCrossings <= 1, "crosses the target " + run.targetCrossings + " times " + where);
            worst.overshootDeg = Math.max(worst.overshootDeg, canStopBefore ? run.worstOvershootDeg : 0);
        }
        worst.print("random moves (" + mustComeBack + " could not stop before the target)");
    }

    @Test
    void randomRetargetsAndStopsMidMoveNeverStepTheAcceleration() {
        Random random = new Random(77L);
        Worst worst = new Worst();
        for (int i = 0; i < 400; i++) {
            MotionLimits limits = randomLimits(random);
            ProfileState s = ProfileState.restingAt(randomAngle(random));
            int phases = 2 + random.nextInt(5);
            for (int phase = 0; phase < phases; phase++) {
                boolean stop = random.nextInt(4) == 0;
                double targetDeg = randomAngle(random);
                int ticks = random.nextInt(400);
                for (int t = 0; t < ticks; t++) {
                    ProfileState next = stop ? profile.stepToStop(s, limits, DT_S)
                            : profile.stepToward(s, targetDeg, limits, DT_S);
                    assertWithinLimits(s, next, limits);
                    worst.step(s, next, limits);
                    s = next;
                }
            }
            double finalDeg = randomAngle(random);
            Run run = runToward(s, finalDeg, limits);
            worst.add(run, limits);
        }
        worst.print("re-targets and stops");
    }

    @Test
    void restToRestMovesTakeWithinFivePercentOfTheAnalyticOptimum() {
        Random random = new Random(4242L);
        double worstRatio = 0;
        int worstExtraTicks = Integer.MIN_VALUE;
        for (int i = 0; i < 400; i++) {
            MotionLimits limits = randomLimits(random);
            double fromDeg = randomAngle(random);
            // Log-uniform distances from 0.001 to 160 deg: tiny, short and cruising moves.
            double distanceDeg = Math.min(90 - fromDeg + 70, Math.pow(10, -3 + 5.2 * random.nextDouble()));
            double targetDeg = random.nextBoolean() ? fromDeg + distanceDeg : fromDeg - distanceDeg;
            targetDeg = Math.max(-70, Math.min(90, targetDeg));
            Run run = runToward(ProfileState.restingAt(fromDeg), targetDeg, limits);
            double analyticS = JerkLimitedProfile.restToRestDurationS(targetDeg - fromDeg, limits);
            double takenS = run.ticks * DT_S;
            assertTrue(takenS <= 1.05 * analyticS + 2 * DT_S + 1e-9,
                    "took " + takenS + " s, optimum " + analyticS + " s, " + limits);
            assertTrue(takenS >= analyticS - 1e-9, "faster than the optimum? " + takenS + " < " + analyticS);
            assertEquals(0.0, run.worstOvershootDeg, OVERSHOOT_SLACK_DEG);
            worstRatio = Math.max(worstRatio, takenS / analyticS);
            worstExtraTicks = Math.max(worstExtraTicks, run.ticks - (int) Math.ceil(analyticS / DT_S - 1e-9));
        }
        System.out.printf("rest-to-rest: worst time ratio %.4f, worst extra ticks over ceil(T/dt) %d%n",
                worstRatio, worstExtraTicks);
    }

    @Test
    void controlledStopFromAnyReachableStateEndsWhereStoppingDistanceSaid() {
        Random random = new Random(99L);
        Worst worst = new Worst();
        double worstMismatchDeg = 0;
        for (int i = 0; i < 300; i++) {
            MotionLimits limits = randomLimits(random);
            ProfileState s = reachableState(random, limits);
            double predictedDeg = s.positionDeg() + JerkLimitedProfile.stoppingDistanceDeg(s, limits);
            int ticks = 0;
            while (!exactlyAtRest(s)) {
                ProfileState next = profile.stepToStop(s, limits, DT_S);
                assertWithinLimits(s, next, limits);
                worst.step(s, next, limits);
                s = next;
                assertTrue(++ticks < MAX_TICKS);
            }
            worst.runs++;
            assertEquals(0.0, s.velocityDegPerS());
            assertEquals(0.0, s.accelerationDegPerS2());
            worstMismatchDeg = Math.max(worstMismatchDeg, Math.abs(s.positionDeg() - predictedDeg));
        }
        assertTrue(worstMismatchDeg <= 1e-9, "stop ends " + worstMismatchDeg + " deg from the prediction");
        worst.print("controlled stops (end vs prediction " + worstMismatchDeg + " deg)");
    }

    @Test
    void changedLimitsMidMoveAreHonouredWithoutAStepInAcceleration() {
        Random random = new Random(31337L);
        int worstTransitionTicks = 0;
        for (int i = 0; i < 300; i++) {
            MotionLimits before = randomLimits(random);
            MotionLimits after = randomLimits(random);
            ProfileState s = reachableState(random, before);
            double targetDeg = randomAngle(random);
            double speedCeiling = Math.max(after.vMaxDegPerS(), Math.abs(s.velocityDegPerS())
                    + s.accelerationDegPerS2() * s.accelerationDegPerS2() / (2 * after.jMaxDegPerS3()));
            boolean inside = false;
            int ticks = 0;
            int transitionTicks = 0;
            while (!(s.positionDeg() == targetDeg && JerkLimitedProfile.isAtRest(s))) {
                ProfileState next = profile.stepToward(s, targetDeg, after, DT_S);
                if (inside) {
                    assertWithinLimits(s, next, after);
                } else {
                    double jerk = Math.abs(next.accelerationDegPerS2() - s.accelerationDegPerS2()) / DT_S;
                    if (jerk > after.jMaxDegPerS3() + LIMIT_SLACK) {
                        fail("jerk " + jerk + " above the new limit, case " + i);
                    }
                    if (Math.abs(next.accelerationDegPerS2()) > Math.max(after.aMaxDegPerS2(),
                            Math.abs(s.accelerationDegPerS2())) + LIMIT_SLACK) {
                        fail("acceleration grows beyond the new limit, case " + i);
                    }
                    if (Math.abs(next.velocityDegPerS()) > speedCeiling + LIMIT_SLACK) {
                        fail("speeds up beyond what the jerk limit forces, case " + i);
                    }
                    inside = withinLimitsForGood(next, after);
                    transitionTicks++;
                }
                s = next;
                if (++ticks > MAX_TICKS) {
                    fail("never arrives, case " + i);
                }
            }
            worstTransitionTicks = Math.max(worstTransitionTicks, inside ? transitionTicks : 0);
        }
        System.out.printf("changed limits: longest transition back inside the new limits %d ticks%n",
                worstTransitionTicks);
    }

    @Test
    void anyTimeStepWorksNotOnlyTenMilliseconds() {
        Random random = new Random(5L);
        for (int i = 0; i < 150; i++) {
            MotionLimits limits = randomLimits(random);
            double dtS = 0.0005 + 0.2 * random.nextDouble();
            ProfileState s = ProfileState.restingAt(randomAngle(random));
            double targetDeg = randomAngle(random);
            int ticks = 0;
            while (!(s.positionDeg() == targetDeg && JerkLimitedProfile.isAtRest(s))) {
                ProfileState next = profile.stepToward(s, targetDeg, limits, dtS);
                assertWithinLimits(s, next, limits, dtS);
                if (Math.signum(targetDeg - s.positionDeg()) * (next.positionDeg() - targetDeg) > OVERSHOOT_SLACK_DEG) {
                    fail("overshoot with dt " + dtS + ": " + s + " -> " + next);
                }
                s = next;
                assertTrue(++ticks < 10 * MAX_TICKS);
            }
        }
    }

    @Test
    void theSameCommandsGiveTheSameReferenceBitForBit() {
        assertEquals(commandSequence(new Random(8L)), commandSequence(new Random(8L)));
    }

    private List<ProfileState> commandSequence(Random random) {
        List<ProfileState> states = new ArrayList<>();
        MotionLimits limits = randomLimits(random);
        ProfileState s = ProfileState.restingAt(randomAngle(random));
        for (int phase = 0; phase < 6; phase++) {
            double targetDeg = randomAngle(random);
            boolean stop = random.nextBoolean();
            for (int t = random.nextInt(300); t > 0; t--) {
                s = stop ? profile.stepToStop(s, limits, DT_S) : profile.stepToward(s, targetDeg, limits, DT_S);
                states.add(s);
            }
        }
        return states;
    }

    // ---------------------------------------------------------------- helpers

    /** Runs stepToward until the reference is exactly at the target and at rest. */
    private Run runToward(ProfileState start, double targetDeg, MotionLimits limits) {
        Run run = new Run();
        ProfileState s = start;
        double approachSign = Math.signum(targetDeg - start.positionDeg());
        double lastVelocitySign = Math.signum(start.velocityDegPerS());
        double lastSide = Math.signum(start.positionDeg() - targetDeg);
        boolean reversed = false;
        while (!(s.positionDeg() == targetDeg && JerkLimitedProfile.isAtRest(s))) {
            ProfileState next = profile.stepToward(s, targetDeg, limits, DT_S);
            assertWithinLimits(s, next, limits);
            run.step(s, next, limits);
            run.worstOvershootDeg = Math.max(run.worstOvershootDeg, approachSign * (next.positionDeg() - targetDeg));
            double velocitySign = Math.abs(next.velocityDegPerS()) > 1e-9 ? Math.signum(next.velocityDegPerS()) : 0;
            if (velocitySign != 0 && lastVelocitySign != 0 && velocitySign != lastVelocitySign) {
                run.velocitySignChanges++;
                reversed = true;
            }
            if (velocitySign != 0) {
                lastVelocitySign = velocitySign;
            }
            double side = Math.abs(next.positionDeg() - targetDeg) > OVERSHOOT_SLACK_DEG
                    ? Math.signum(next.positionDeg() - targetDeg) : 0;
            if (side != 0 && lastSide != 0 && side != lastSide) {
                run.targetCrossings++;
            }
            if (side != 0) {
                lastSide = side;
            }
            if (reversed && velocitySign != 0) {
                // After turning round, the reference heads for the target and must not pass it again.
                double overshoot = velocitySign * (next.positionDeg() - targetDeg);
                run.worstOvershootAfterReversalDeg = Math.max(run.worstOvershootAfterReversalDeg, overshoot);
            }
            s = next;
            if (++run.ticks > MAX_TICKS) {
                fail("no arrival after " + MAX_TICKS + " ticks from " + start + " to " + targetDeg + " with " + limits);
            }
        }
        assertEquals(targetDeg, s.positionDeg(), 0.0, "arrives exactly");
        return run;
    }

    private static void assertWithinLimits(ProfileState before, ProfileState after, MotionLimits limits) {
        assertWithinLimits(before, after, limits, DT_S);
    }

    private static void assertWithinLimits(ProfileState before, ProfileState after, MotionLimits limits, double dtS) {
        double jerk = Math.abs(after.accelerationDegPerS2() - before.accelerationDegPerS2()) / dtS;
        if (Math.abs(after.velocityDegPerS()) > limits.vMaxDegPerS() + LIMIT_SLACK
                || Math.abs(after.accelerationDegPerS2()) > limits.aMaxDegPerS2() + LIMIT_SLACK
                || jerk > limits.jMaxDegPerS3() + LIMIT_SLACK) {
            fail("limits " + limits + " broken: " + before + " -> " + after + " (jerk " + jerk + ")");
        }
    }

    /** Inside the limits and able to stay there: the speed after ramping a to zero is within vMax. */
    private static boolean withinLimitsForGood(ProfileState s, MotionLimits limits) {
        double a = s.accelerationDegPerS2();
        double speedAfterRampDegPerS = Math.abs(s.velocityDegPerS() + a * Math.abs(a) / (2 * limits.jMaxDegPerS3()));
        return Math.abs(s.velocityDegPerS()) <= limits.vMaxDegPerS()
                && Math.abs(a) <= limits.aMaxDegPerS2()
                && speedAfterRampDegPerS <= limits.vMaxDegPerS();
    }

    /** Even the fastest reduction of the acceleration leaves the velocity with the other sign. */
    private static boolean velocityMustReverse(ProfileState s, MotionLimits limits) {
        double v = s.velocityDegPerS();
        double a = s.accelerationDegPerS2();
        return v * a < 0 && Math.abs(v) < a * a / (2 * limits.jMaxDegPerS3());
    }

    /** At rest, or moving toward the target with a controlled stop that would not pass it. */
    private boolean canStopBefore(ProfileState s, double targetDeg, MotionLimits limits) {
        if (JerkLimitedProfile.isAtRest(s)) {
            return true;
        }
        double towardSign = Math.signum(targetDeg - s.positionDeg());
        if (towardSign * s.velocityDegPerS() <= 0) {
            return false;
        }
        ProfileState probe = s;
        while (!JerkLimitedProfile.isAtRest(probe)) {
            probe = profile.stepToStop(probe, limits, DT_S);
            if (towardSign * (probe.positionDeg() - targetDeg) > 0) {
                return false;
            }
        }
        return true;
    }

    /** A state the generator itself produces: a move toward an earlier target, maybe a stop. */
    private ProfileState reachableState(Random random, MotionLimits limits) {
        ProfileState s = ProfileState.restingAt(randomAngle(random));
        int phases = 1 + random.nextInt(3);
        for (int phase = 0; phase < phases; phase++) {
            double earlierTargetDeg = randomAngle(random);
            boolean stop = phase > 0 && random.nextInt(3) == 0;
            int ticks = random.nextInt(phase == 0 ? 1500 : 300);
            for (int t = 0; t < ticks; t++) {
                s = stop ? profile.stepToStop(s, limits, DT_S) : profile.stepToward(s, earlierTargetDeg, limits, DT_S);
            }
        }
        return s;
    }

    @Test
    void aMoveShorterThanATickLandsOnItsTargetInOneTick() {
        // Braking would have to start inside the first tick and the whole stop fits in its rest.
        ProfileState next = profile.stepToward(ProfileState.restingAt(20), 20 + 1e-7, DEFAULTS, DT_S);
        assertEquals(ProfileState.restingAt(20 + 1e-7), next);
        next = profile.stepToward(ProfileState.restingAt(20), 20 - 1e-7, DEFAULTS, DT_S);
        assertEquals(ProfileState.restingAt(20 - 1e-7), next);
    }

    @Test
    void everyMoveEndsExactlyOnItsTarget() {
        // The controller compares the reference with the target; "close" is not "there".
        Random random = new Random(11);
        for (int n = 0; n < 40; n++) {
            double startDeg = -65 + 155 * random.nextDouble();
            double targetDeg = -65 + 155 * random.nextDouble();
            ProfileState s = profile.stepToward(ProfileState.restingAt(startDeg), targetDeg, DEFAULTS, DT_S);
            for (int i = 0; i < MAX_TICKS && !exactlyAtRest(s); i++) {
                s = profile.stepToward(s, targetDeg, DEFAULTS, DT_S);
            }
            assertEquals(ProfileState.restingAt(targetDeg), s, "from " + startDeg);
        }
    }

    @Test
    void aTargetJustShortOfWhereTheStopEndsIsReachedByReversingWithoutAPauseAtRest() {
        // At full speed, retargeted to half way to where a stop would end: the reference passes
        // the target, turns with the acceleration it has (no stop at rest in between) and comes back.
        ProfileState s = ProfileState.restingAt(0);
        for (int i = 0; i < 500; i++) {
            s = profile.stepToward(s, 60, DEFAULTS, DT_S);
        }
        double stopDeg = JerkLimitedProfile.stoppingDistanceDeg(s, DEFAULTS);
        double targetDeg = s.positionDeg() + stopDeg / 2;
        boolean turned = false;
        int ticks = 0;
        while (!exactlyAtRest(s)) {
            ProfileState next = profile.stepToward(s, targetDeg, DEFAULTS, DT_S);
            if (s.velocityDegPerS() > 0 && next.velocityDegPerS() <= 0) {
                turned = true;
                assertTrue(next.accelerationDegPerS2() < -1.0,
                        "came to rest at the turn: a = " + next.accelerationDegPerS2());
            }
            s = next;
            assertTrue(++ticks < 2000);
        }
        assertTrue(turned, "never went past the target");
        assertEquals(targetDeg, s.positionDeg(), 0.0);
    }

    @Test
    void aMissingStateOrLimitIsRefusedByName() {
        ProfileState s = ProfileState.restingAt(0);
        assertThrows(IllegalArgumentException.class, () -> profile.stepToward(null, 10, DEFAULTS, DT_S));
        assertThrows(IllegalArgumentException.class, () -> profile.stepToward(s, 10, null, DT_S));
        assertThrows(IllegalArgumentException.class, () -> profile.stepToStop(null, DEFAULTS, DT_S));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> profile.stepToward(s, Double.POSITIVE_INFINITY, DEFAULTS, DT_S));
        assertTrue(e.getMessage().startsWith("targetDeg"), e.getMessage());
    }

    private static boolean exactlyAtRest(ProfileState s) {
        return s.velocityDegPerS() == 0.0 && s.accelerationDegPerS2() == 0.0;
    }

    private static MotionLimits randomLimits(Random random) {
        return new MotionLimits(0.5 + 7.5 * random.nextDouble(), 0.5 + 5.5 * random.nextDouble(),
                1 + 19 * random.nextDouble());
    }

    private static double randomAngle(Random random) {
        return -70 + 160 * random.nextDouble();
    }

    /** What one run toward a target did. */
    private static final class Run {
        int ticks;
        int velocitySignChanges;
        int targetCrossings;
        double worstOvershootDeg;
        double worstOvershootAfterReversalDeg;
        double peakSpeedDegPerS;
        double peakAccelerationDegPerS2;
        double worstSpeedExcessDegPerS = Double.NEGATIVE_INFINITY;
        double worstAccelerationExcessDegPerS2 = Double.NEGATIVE_INFINITY;
        double worstJerkExcessDegPerS3 = Double.NEGATIVE_INFINITY;

        void step(ProfileState before, ProfileState after, MotionLimits limits) {
            peakSpeedDegPerS = Math.max(peakSpeedDegPerS, Math.abs(after.velocityDegPerS()));
            peakAccelerationDegPerS2 = Math.max(peakAccelerationDegPerS2, Math.abs(after.accelerationDegPerS2()));
            worstSpeedExcessDegPerS = Math.max(worstSpeedExcessDegPerS,
                    Math.abs(after.velocityDegPerS()) - limits.vMaxDegPerS());
            worstAccelerationExcessDegPerS2 = Math.max(worstAccelerationExcessDegPerS2,
                    Math.abs(after.accelerationDegPerS2()) - limits.aMaxDegPerS2());
            double jerk = Math.abs(after.accelerationDegPerS2() - before.accelerationDegPerS2()) / DT_S;
            worstJerkExcessDegPerS3 = Math.max(worstJerkExcessDegPerS3, jerk - limits.jMaxDegPerS3());
        }
    }

    /** Worst figures over many runs, printed so the report can quote them. */
    private static final class Worst {
        final Run all = new Run();
        double overshootDeg;
        int ticks;
        int reversals;
        int crossings;
        int runs;

        void add(Run run, MotionLimits limits) {
            all.worstSpeedExcessDegPerS = Math.max(all.worstSpeedExcessDegPerS, run.worstSpeedExcessDegPerS);
            all.worstAccelerationExcessDegPerS2 = Math.max(all.worstAccelerationExcessDegPerS2,
                    run.worstAccelerationExcessDegPerS2);
            all.worstJerkExcessDegPerS3 = Math.max(all.worstJerkExcessDegPerS3, run.worstJerkExcessDegPerS3);
            ticks = Math.max(ticks, run.ticks);
            reversals = Math.max(reversals, run.velocitySignChanges);
            crossings = Math.max(crossings, run.targetCrossings);
            runs++;
        }

        void step(ProfileState before, ProfileState after, MotionLimits limits) {
            all.step(before, after, limits);
        }

        void print(String what) {
            System.out.printf("%s: %d runs, worst excess over the limit: |v| %.3g deg/s, |a| %.3g deg/s^2, "
                            + "|da/dt| %.3g deg/s^3; overshoot %.3g deg, reversals %d, target crossings %d, "
                            + "longest run %d ticks%n",
                    what, runs, all.worstSpeedExcessDegPerS, all.worstAccelerationExcessDegPerS2,
                    all.worstJerkExcessDegPerS3, overshootDeg, reversals, crossings, ticks);
        }
    }
}
