package org.inversiontable.progression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §13: how a level grows, holds and steps down. */
class ProgressionStateTest {
    private static final LocalDate MON = LocalDate.of(2026, 1, 5);
    private static final int TOP = 10;

    private static ProgressionState after(ProgressionState s, SessionComfort c, LocalDate d) {
        return s.after(c, d, TOP);
    }

    @Test
    void comfortableSessionsOnThreeDifferentDatesGrowTheLevelByOneAndStartTheCountsAfresh() {
        ProgressionState s = ProgressionState.FIRST;
        s = after(s, SessionComfort.COMFORTABLE, MON);
        s = after(s, SessionComfort.COMFORTABLE, MON.plusDays(2));
        assertEquals(new ProgressionState(0, List.of(MON, MON.plusDays(2)), 0), s);
        s = after(s, SessionComfort.COMFORTABLE, MON.plusDays(4));
        assertEquals(new ProgressionState(1, List.of(), 0), s);
    }

    @Test
    void comfortableSessionsOnOneDateCountOnce() {
        ProgressionState s = ProgressionState.FIRST;
        for (int i = 0; i < 5; i++) {
            s = after(s, SessionComfort.COMFORTABLE, MON);
        }
        assertEquals(new ProgressionState(0, List.of(MON), 0), s);
        s = after(s, SessionComfort.COMFORTABLE, MON.plusDays(1));
        assertEquals(0, s.level(), "two dates are not three");
    }

    @Test
    void twoCountedSessionsInARowNotComfortableStepDown() {
        ProgressionState s = new ProgressionState(3, List.of(MON), 0);
        s = after(s, SessionComfort.NOT_COMFORTABLE, MON.plusDays(1));
        assertEquals(new ProgressionState(3, List.of(MON), 1), s, "one alone holds the level");
        s = after(s, SessionComfort.NOT_COUNTED, MON.plusDays(2));
        assertEquals(new ProgressionState(3, List.of(MON), 1), s, "a session not counted neither breaks nor extends the run");
        s = after(s, SessionComfort.NOT_COMFORTABLE, MON.plusDays(3));
        assertEquals(new ProgressionState(2, List.of(), 0), s);
    }

    @Test
    void aComfortableSessionBreaksTheRun() {
        ProgressionState s = new ProgressionState(3, List.of(), 1);
        s = after(s, SessionComfort.COMFORTABLE, MON);
        s = after(s, SessionComfort.NOT_COMFORTABLE, MON.plusDays(1));
        assertEquals(new ProgressionState(3, List.of(MON), 1), s);
    }

    @Test
    void neverBelowTheFirstLevel() {
        ProgressionState s = ProgressionState.FIRST;
        for (int i = 0; i < 6; i++) {
            s = after(s, SessionComfort.NOT_COMFORTABLE, MON.plusDays(i));
        }
        assertEquals(0, s.level());
    }

    @Test
    void neverAboveTheTopLevel() {
        ProgressionState s = new ProgressionState(TOP, List.of(), 0);
        for (int i = 0; i < 6; i++) {
            s = after(s, SessionComfort.COMFORTABLE, MON.plusDays(i));
        }
        assertEquals(TOP, s.level());
        assertEquals("at the ceiling", s.nextStep(TOP));
        assertEquals(TOP - 1, new ProgressionState(TOP + 3, List.of(), 0).atMost(TOP - 1).level());
    }

    @Test
    void theNextStepSaysWhatItNeeds() {
        assertEquals("3 more comfortable sessions on different days", ProgressionState.FIRST.nextStep(TOP));
        assertEquals("1 more comfortable session on different days",
                new ProgressionState(1, List.of(MON, MON.plusDays(1)), 0).nextStep(TOP));
    }

    @Test
    void aStateOutsideItsRulesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ProgressionState(-1, List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> new ProgressionState(0, List.of(MON, MON), 0));
        assertThrows(IllegalArgumentException.class, () -> new ProgressionState(0, List.of(MON, MON.plusDays(1),
                MON.plusDays(2)), 0));
        assertThrows(IllegalArgumentException.class, () -> new ProgressionState(0, List.of(), 2));
    }

    @ParameterizedTest(name = "level {0} under {1} deg, {2} s: {3} deg, {4} s")
    @CsvSource({"0,90,900,20,120", "1,90,900,25,180", "2,90,900,30,240", "4,30,900,30,360", "3,45,200,35,200",
            "20,90,900,90,900", "13,90,900,85,900", "0,15,60,15,60"})
    void levelLimitsAreTheGuidanceUnderTheCeiling(int n, double ceilAngle, double ceilTime, double angle, double time) {
        assertEquals(new LevelLimits(angle, time), LevelLimits.of(n, ceilAngle, ceilTime));
    }

    @ParameterizedTest(name = "ceiling {0} deg, {1} s: top level {2}")
    @CsvSource({"20,120,0", "30,180,2", "30,600,8", "90,900,14", "90,180,14", "15,60,0"})
    void theTopLevelIsTheFirstWhoseLimitsAreTheCeilings(double angle, double time, int top) {
        assertEquals(top, LevelLimits.topLevel(angle, time));
        assertEquals(LevelLimits.of(top, angle, time), LevelLimits.of(top + 1, angle, time));
        if (top > 0) {
            assertNotEqualLimits(LevelLimits.of(top - 1, angle, time), LevelLimits.of(top, angle, time));
        }
    }

    private static void assertNotEqualLimits(LevelLimits a, LevelLimits b) {
        org.junit.jupiter.api.Assertions.assertNotEquals(a, b);
    }
}
