package org.inversiontable.safety;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inversiontable.hardware.Button;
import org.junit.jupiter.api.Test;

/** SPEC §4, §7: a due return resumes only at a fresh UP or HOME press after boot or a latch. */
class ReturnResumeRuleTest {
    private final ReturnResumeRule rule = new ReturnResumeRule();

    @Test
    void atBootADueReturnWaitsForAPress() {
        rule.update(false, 0, true);
        assertTrue(rule.awaitsPress());
        assertTrue(rule.pending(false, true));
    }

    @Test
    void upOrHomeResumesADueReturn() {
        for (Button b : new Button[] {Button.UP, Button.HOME}) {
            ReturnResumeRule r = new ReturnResumeRule();
            r.update(false, b.bit(), true);
            assertFalse(r.awaitsPress(), b + " did not resume the return");
            assertFalse(r.pending(false, true));
        }
    }

    @Test
    void otherButtonsDoNotResumeADueReturn() {
        for (Button b : new Button[] {Button.DOWN, Button.PRESET, Button.STOP}) {
            rule.update(false, b.bit(), true);
            assertTrue(rule.awaitsPress(), b + " resumed the return");
        }
    }

    @Test
    void anyPressWithNoReturnDueGivesTheTableBack() {
        rule.update(false, Button.DOWN.bit(), false);
        assertFalse(rule.awaitsPress());
    }

    @Test
    void noPressChangesNothing() {
        rule.update(false, 0, false);
        assertTrue(rule.awaitsPress());
    }

    @Test
    void aLatchMakesTheReturnWaitAgainAndAPressDuringItDoesNotCount() {
        rule.update(false, Button.UP.bit(), true);
        assertFalse(rule.awaitsPress());
        rule.update(true, Button.HOME.bit(), true);
        assertTrue(rule.awaitsPress(), "a press while latched resumed the return");
        rule.update(false, 0, true);
        assertTrue(rule.pending(false, true));
    }

    @Test
    void nothingIsPendingWhileTheReturnRunsOrWhenNoneIsDue() {
        assertFalse(rule.pending(true, true));
        assertFalse(rule.pending(false, false));
    }
}
