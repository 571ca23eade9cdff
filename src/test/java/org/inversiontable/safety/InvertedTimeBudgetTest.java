package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.inversiontable.safety.InvertedTimeBudget.Event;
import org.junit.jupiter.api.Test;

class InvertedTimeBudgetTest {
    private static final double HOME_DEG = -65;
    private static final long T0 = 9_000_000_000L;
    private static final long TICK = 10_000_000L;
    /** Return at 3 deg/s plus 2 s for the ramps, as the brief's stand-in for the motion generator. */
    private static final DoubleUnaryOperator RETURN_TIME_S = angleDeg -> angleDeg / 3 + 2;
    private static final double EPS = 1e-6;

    /** Drives a budget tick by tick and remembers when each event came. */
    private static final class Driver {
        final InvertedTimeBudget budget;
        long nowNanos = T0;
        final List<Event> events = new ArrayList<>();
        final List<Double> invertedAtEventS = new ArrayList<>();

        Driver(double maxInvertedS) {
            budget = new InvertedTimeBudget(maxInvertedS, HOME_DEG, RETURN_TIME_S, T0);
        }

        Driver hold(double seconds, double angleDeg, boolean atHome) {
            long ticks = Math.round(seconds * 1e9 / TICK);
            for (long i = 0; i < ticks; i++) {
                tick(angleDeg, atHome);
            }
            return this;
        }

        void tick(double angleDeg, boolean atHome) {
            nowNanos += TICK;
            for (Event e : budget.update(nowNanos, angleDeg, atHome)) {
                events.add(e);
                invertedAtEventS.add(budget.invertedS());
            }
        }
    }

    @Test
    void onlyTimeWithTheAngleAboveZeroCounts() {
        Driver d = new Driver(180).hold(10, -10, false).hold(10, 0.0, false);
        assertEquals(0, d.budget.invertedS(), EPS, "0 deg is not inverted");
        d.hold(10, 0.5, false);
        assertEquals(10.0, d.budget.invertedS(), 0.0105);
        d.hold(10, -1, false);
        assertEquals(10.0, d.budget.invertedS(), 0.0105, "the flat rest below 0 does not count");
    }

    @Test
    void bouncingToFlatAndBackDoesNotResetTheCount() {
        Driver d = new Driver(180).hold(30, 20, false).hold(5, 0, false).hold(30, 20, false);
        assertEquals(60, d.budget.invertedS(), 0.03);
        assertTrue(d.budget.sessionActive());
    }

    @Test
    void fiftyNineSecondsAtHomeDoNotEndTheSessionButSixtyDo() {
        // the rest is measured from the first tick seen at home
        Driver d = new Driver(180).hold(30, 20, false);
        d.tick(HOME_DEG, true);
        d.hold(59, HOME_DEG, true);
        assertTrue(d.budget.sessionActive());
        assertEquals(30, d.budget.invertedS(), 0.02);
        d.hold(0.99, HOME_DEG, true);
        assertTrue(d.budget.sessionActive(), "59.99 s");
        d.tick(HOME_DEG, true);
        assertFalse(d.budget.sessionActive());
        assertEquals(0, d.budget.invertedS(), EPS);
    }

    @Test
    void leavingHomeRestartsTheSixtySecondRest() {
        Driver d = new Driver(180).hold(30, 20, false).hold(40, HOME_DEG, true);
        d.tick(HOME_DEG + 2.5, false);
        d.hold(40, HOME_DEG, true);
        assertTrue(d.budget.sessionActive());
        assertEquals(30, d.budget.invertedS(), 0.02);
    }

    @Test
    void restingAtHomeNeedsTheSwitchAsWellAsTheAngle() {
        Driver d = new Driver(180).hold(30, 20, false).hold(120, HOME_DEG, false);
        assertTrue(d.budget.sessionActive(), "the angle alone cannot end a session");
        d.hold(120, 20, true);
        assertTrue(d.budget.sessionActive(), "the switch alone cannot end a session");
        assertEquals(150, d.budget.invertedS(), 0.03);
    }

    @Test
    void aSessionStartsWhenTheTableLeavesTheHomeBand() {
        Driver d = new Driver(180).hold(1, HOME_DEG + 2.0, false);
        assertFalse(d.budget.sessionActive());
        d.hold(1, HOME_DEG + 2.1, false);
        assertTrue(d.budget.sessionActive());
    }

    @Test
    void aTickWithoutAnAngleCountsWhenTheLastKnownAngleWasInverted() {
        Driver d = new Driver(180).hold(1, 10, false).hold(5, Double.NaN, false);
        assertEquals(6, d.budget.invertedS(), 0.02);
        d.hold(1, -5, false).hold(5, Double.NaN, false);
        assertEquals(6, d.budget.invertedS(), 0.02, "last known -5 deg: not inverted");
    }

    @Test
    void warningsComeSixtyAndTenSecondsBeforeTheReturnMustStartOnceEach() {
        // at 30 deg the return takes 30/3 + 2 = 12 s; with the 1 s margin it must start at 167 s
        Driver d = new Driver(180).hold(200, 30, false);
        assertEquals(List.of(Event.WARNING_60_S, Event.WARNING_10_S, Event.RETURN_REQUIRED), d.events);
        assertEquals(107, d.invertedAtEventS.get(0), 0.011);
        assertEquals(157, d.invertedAtEventS.get(1), 0.011);
        assertEquals(167, d.invertedAtEventS.get(2), 0.011);
    }

    @Test
    void aWarningDueBeforeTheTableHasGoneInvertedIsSkippedNotSounded() {
        // 50 s budget: the 60 s warning is due as soon as the session starts, below 0 deg.
        Driver d = new Driver(50).hold(5, -30, false);
        assertEquals(List.of(), d.events, "a warning sounded before the table went inverted");
        d.hold(60, 30, false);
        assertEquals(List.of(Event.WARNING_10_S, Event.RETURN_REQUIRED), d.events);
        assertEquals(27, d.invertedAtEventS.get(0), 0.011);
    }

    @Test
    void bothWarningsDueBeforeTheTableHasGoneInvertedAreSkipped() {
        // 11 s budget: at -30 deg the return must start within 10 s, before any inversion.
        Driver d = new Driver(11).hold(1, -30, false);
        assertEquals(List.of(), d.events);
        d.hold(1, 30, false);
        assertEquals(List.of(Event.RETURN_REQUIRED), d.events, "a skipped warning sounded later");
    }

    @Test
    void aWarningDueAfterTheTableHasGoneInvertedSounds() {
        // the first tick already finds the table inverted (a boot at 30 deg): nothing is skipped
        Driver d = new Driver(50).hold(0.01, 30, false);
        assertEquals(List.of(Event.WARNING_60_S), d.events);
    }

    @Test
    void aSessionInWhichTheReturnRanStaysSpentAfterARestartWithoutNewWarnings() {
        Driver d = new Driver(180);
        d.budget.restoreFrom(50, true, true);
        assertTrue(d.budget.returnRequired(), "a restored spent budget must forbid going inverted again");
        assertTrue(d.budget.sessionActive());
        d.hold(30, 30, false);
        assertEquals(List.of(), d.events, "warnings or a second return announced after a restart");
        assertTrue(d.budget.returnRequired());
    }

    @Test
    void aSpentBudgetWithNoCountIsStillASession() {
        Driver d = new Driver(180);
        d.budget.restoreFrom(0, false, true);
        assertTrue(d.budget.sessionActive());
        assertTrue(d.budget.returnRequired());
    }

    @Test
    void aRestoreWithoutTheReturnHavingRunRequiresNothing() {
        Driver d = new Driver(180);
        d.budget.restoreFrom(50, true, false);
        assertFalse(d.budget.returnRequired());
        d.hold(0.01, 30, false);
        assertEquals(List.of(), d.events);
    }

    @Test
    void returnRequiredIsNotRaisedBeforeItsTime() {
        Driver d = new Driver(180).hold(166.9, 30, false);
        assertFalse(d.budget.returnRequired());
        d.hold(0.2, 30, false);
        assertTrue(d.budget.returnRequired());
    }

    @Test
    void theReturnRequiredEarlyEnoughIsBackAtZeroByTheLimit() {
        Random random = new Random(31337L);
        for (int run = 0; run < 300; run++) {
            double maxS = 10 + 890 * random.nextDouble();
            double peakDeg = 1 + 89 * random.nextDouble();
            double downSpeedDegPerS = 1 + 7 * random.nextDouble();
            Driver d = new Driver(maxS).hold(random.nextDouble() * 5, HOME_DEG, true);
            double angleDeg = HOME_DEG;
            while (!d.budget.returnRequired()) {
                angleDeg = Math.min(peakDeg, angleDeg + downSpeedDegPerS * TICK / 1e9);
                d.tick(angleDeg, false);
            }
            // the return the motion generator promised: 3 deg/s, after 2 s spent on the ramps
            for (double rampS = 0; rampS < 2; rampS += TICK / 1e9) {
                d.tick(angleDeg, false);
            }
            while (angleDeg > 0) {
                angleDeg -= 3 * TICK / 1e9;
                d.tick(angleDeg, false);
                assertTrue(d.budget.returnRequired(), "run " + run + ": the return must not cancel itself");
            }
            assertTrue(d.budget.invertedS() <= maxS,
                    "run " + run + ": back at 0 deg after " + d.budget.invertedS() + " s of " + maxS + " s");
        }
    }

    @Test
    void aBudgetAlreadyShortAtRestartRequiresTheReturnAtOnce() {
        Driver d = new Driver(180);
        d.budget.restoreFrom(175, true);
        d.tick(20, false);
        assertTrue(d.budget.returnRequired());
        assertEquals(List.of(Event.WARNING_60_S, Event.WARNING_10_S, Event.RETURN_REQUIRED), d.events);
    }

    @Test
    void aSpentBudgetForbidsGoingInvertedAgain() {
        Driver d = new Driver(180);
        d.budget.restoreFrom(179.5, true);
        d.tick(-10, false);
        assertTrue(d.budget.returnRequired(), "0.5 s left is less than the margin even from below 0 deg");
    }

    @Test
    void restoreCarriesTheCountAndTheSessionOver() {
        Driver d = new Driver(180);
        d.budget.restoreFrom(100, true);
        d.hold(10, 10, false);
        assertEquals(110, d.budget.invertedS(), 0.02);
        d.hold(59, HOME_DEG, true);
        assertTrue(d.budget.sessionActive(), "a restored session still needs its 60 s at home");
        d.hold(1.01, HOME_DEG, true);
        assertFalse(d.budget.sessionActive());
    }

    @Test
    void aRestoredCountIsASessionWhateverTheFlagSays() {
        Driver d = new Driver(180);
        d.budget.restoreFrom(42, false);
        assertTrue(d.budget.sessionActive());
        assertEquals(42, d.budget.invertedS(), EPS);
        assertThrows(IllegalArgumentException.class, () -> d.budget.restoreFrom(Double.NaN, true));
        assertThrows(IllegalArgumentException.class, () -> d.budget.restoreFrom(-1, true));
    }

    @Test
    void returnRequiredStaysUntilTheSessionEndsAndANewSessionGetsItsWarningsAgain() {
        Driver d = new Driver(180).hold(170, 30, false);
        assertTrue(d.budget.returnRequired());
        d.hold(5, -1, false);
        assertTrue(d.budget.returnRequired(), "below 0 deg with 10 s left: still no going back down");
        d.hold(59.99, HOME_DEG, true);
        assertTrue(d.budget.returnRequired());
        d.hold(0.02, HOME_DEG, true);
        assertFalse(d.budget.returnRequired());
        d.events.clear();
        d.hold(120, 10, false);
        assertEquals(List.of(Event.WARNING_60_S), d.events, "each session is warned afresh");
    }

    @Test
    void anUnbelievableReturnEstimateMeansReturnNow() {
        InvertedTimeBudget budget = new InvertedTimeBudget(180, HOME_DEG, a -> Double.NaN, T0);
        budget.update(T0 + TICK, 5, false);
        assertTrue(budget.returnRequired());
    }

    @Test
    void withNoAngleSeenARestoredSessionAssumesFullInversion() {
        InvertedTimeBudget budget = new InvertedTimeBudget(180, HOME_DEG, RETURN_TIME_S, T0);
        budget.restoreFrom(140, true);
        // from 90 deg: 32 s + 1 s margin > 40 s left - 8: 180 - 140 - 33 = 7 s until the return
        budget.update(T0 + TICK, Double.NaN, false);
        assertEquals(7, budget.secondsUntilReturnStart(), EPS);
    }

    @Test
    void impossibleSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new InvertedTimeBudget(901, HOME_DEG, RETURN_TIME_S, T0));
        assertThrows(IllegalArgumentException.class, () -> new InvertedTimeBudget(0, HOME_DEG, RETURN_TIME_S, T0));
        assertThrows(IllegalArgumentException.class, () -> new InvertedTimeBudget(180, 10, RETURN_TIME_S, T0));
        assertThrows(IllegalArgumentException.class, () -> new InvertedTimeBudget(180, HOME_DEG, null, T0));
    }

    @Test
    void aNewLimitIsTakenOnlyBetweenSessionsAndWithinTheCap() {
        Driver d = new Driver(600);
        d.budget.limitTo(120);
        d.hold(200, 20, false);
        assertTrue(d.events.contains(Event.RETURN_REQUIRED), "the lowered limit of 120 s called no return");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> d.budget.limitTo(300),
                "a running session's limit changed");
        for (double bad : new double[] {0, -1, 900.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new Driver(600).budget.limitTo(bad), "limit " + bad);
        }
        new Driver(600).budget.limitTo(900);   // the cap itself is a limit (SPEC §3: at most 900 s)
    }
}
