package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SPEC §4: STOP held 2 s resets, counted only from a press that follows a release. */
class ResetRuleTest {
    private static final long MS = 1_000_000L;

    @Test
    void aHoldOfTwoSecondsAfterAReleaseResetsOnce() {
        ResetRule rule = new ResetRule();
        assertFalse(rule.update(false, 0));
        assertFalse(rule.update(true, 10 * MS));
        assertFalse(rule.update(true, 2009 * MS), "reset before 2 s of hold");
        assertTrue(rule.update(true, 2010 * MS), "no reset at exactly 2 s of hold");
        assertFalse(rule.update(true, 2020 * MS), "a hold that goes on reset twice");
        assertFalse(rule.update(true, 9000 * MS), "the same hold reset again");
    }

    @Test
    void aButtonHeldWhenTheLatchTrippedCannotReset() {
        ResetRule rule = new ResetRule();
        for (long t = 0; t <= 10_000; t += 10) {
            assertFalse(rule.update(true, t * MS), "reset by a hold with no release seen, at " + t + " ms");
        }
    }

    @Test
    void aReleaseDuringTheHoldStartsTheTwoSecondsAgain() {
        ResetRule rule = new ResetRule();
        rule.update(false, 0);
        rule.update(true, 0);
        rule.update(false, 1500 * MS);
        assertFalse(rule.update(true, 1600 * MS));
        assertFalse(rule.update(true, 3000 * MS), "the hold counted from before the release");
        assertTrue(rule.update(true, 3600 * MS));
    }

    @Test
    void afterAResetANewReleaseAndHoldAreNeeded() {
        ResetRule rule = new ResetRule();
        rule.update(false, 0);
        rule.update(true, 0);
        assertTrue(rule.update(true, 2000 * MS));
        rule.update(false, 2100 * MS);
        rule.update(true, 2200 * MS);
        assertTrue(rule.update(true, 4200 * MS), "a second gesture after a release did not reset");
    }

    @Test
    void rearmForgetsARelease() {
        ResetRule rule = new ResetRule();
        rule.update(false, 0);
        rule.update(true, 10 * MS);
        rule.rearm();   // a new latch trips while STOP is held
        for (long t = 20; t <= 5000; t += 10) {
            assertFalse(rule.update(true, t * MS), "a hold begun before the latch reset it, at " + t + " ms");
        }
        rule.update(false, 5010 * MS);
        rule.update(true, 5020 * MS);
        assertTrue(rule.update(true, 7020 * MS));
    }
}
