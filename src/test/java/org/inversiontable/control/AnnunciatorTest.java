package org.inversiontable.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inversiontable.safety.TableEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The LED and buzzer patterns the user learns from hardware/README ("What the LED and buzzer
 * say"): steady when ready, a 0.5 s blink while moving, a 0.125 s blink for a latched e-stop or
 * fault; a 1 s beep for a warning or event, a 0.2 s beep for a stored preset, a 0.5 s on/off alarm.
 */
class AnnunciatorTest {
    private static final long MS = 1_000_000L;

    private final Annunciator annunciator = new Annunciator();

    /** How long (ms, in 1 ms steps) the LED stays in its first level from {@code fromMs}, up to 2 s. */
    private long firstLedLevelMs(TableState state, long fromMs) {
        boolean first = annunciator.ledOn(state, fromMs * MS);
        long t = fromMs;
        while (t < fromMs + 2000 && annunciator.ledOn(state, t * MS) == first) {
            t++;
        }
        return t - fromMs;
    }

    /** How long (ms, in 1 ms steps) the buzzer sounds from {@code fromMs} on, up to 5 s. */
    private long beepMs(boolean alarm, long fromMs) {
        long t = fromMs;
        while (t < fromMs + 5000 && annunciator.buzzerOn(alarm, t * MS)) {
            t++;
        }
        return t - fromMs;
    }

    @ParameterizedTest
    @EnumSource(value = TableState.class, names = {"IDLE", "HOLDING"})
    void theLedIsSteadyWhenReady(TableState state) {
        for (long t = 0; t < 3000; t += 7) {
            assertTrue(annunciator.ledOn(state, t * MS), state + " at " + t + " ms");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TableState.class, names = {"BOOT", "MOVING", "RETURNING", "LIMP_HOME"})
    void theLedBlinksSlowlyWhileStartingOrMoving(TableState state) {
        assertTrue(annunciator.ledOn(state, 0), "on at the start of a period");
        assertEquals(500, firstLedLevelMs(state, 0), "on for 0.5 s");
        assertEquals(500, firstLedLevelMs(state, 500), "then off for 0.5 s");
        assertTrue(annunciator.ledOn(state, 1000 * MS), "and on again");
    }

    @ParameterizedTest
    @EnumSource(value = TableState.class, names = {"ESTOP", "FAULT"})
    void theLedBlinksFastForALatchedStopOrFault(TableState state) {
        assertTrue(annunciator.ledOn(state, 0), "on at the start of a period");
        assertEquals(125, firstLedLevelMs(state, 0), "on for 0.125 s");
        assertEquals(125, firstLedLevelMs(state, 125), "then off for 0.125 s");
        assertTrue(annunciator.ledOn(state, 250 * MS), "and on again");
    }

    @Test
    void theBuzzerIsSilentWithoutEventOrAlarm() {
        annunciator.onEvent(null, 0);
        assertEquals(0, beepMs(false, 0));
        assertEquals(0, beepMs(false, 1234));
    }

    @Test
    void aWarningIsOneLongBeepOfOneSecond() {
        assertFalse(annunciator.buzzerOn(false, 1999 * MS), "silent before the event");
        annunciator.onEvent(TableEvent.WARNING, 2000 * MS);
        assertEquals(1000, beepMs(false, 2000));
    }

    @Test
    void aStoredPresetIsConfirmedWithAShortBeep() {
        annunciator.onEvent(TableEvent.PRESET_STORED, 2000 * MS);
        assertEquals(200, beepMs(false, 2000));
    }

    @Test
    void theWarningBeepIsLongerThanTheConfirmBeep() {
        Annunciator warning = new Annunciator();
        warning.onEvent(TableEvent.AUTO_RETURN, 0);
        annunciator.onEvent(TableEvent.PRESET_STORED, 0);
        assertTrue(warning.buzzerOn(false, 500 * MS));
        assertFalse(annunciator.buzzerOn(false, 500 * MS));
    }

    @Test
    void aShortBeepDuringALongOneDoesNotCutItShort() {
        annunciator.onEvent(TableEvent.ESTOP, 0);
        annunciator.onEvent(TableEvent.PRESET_STORED, 100 * MS);
        assertEquals(1000, beepMs(false, 0));
    }

    @Test
    void aLaterEventExtendsTheBeepFromItsOwnTime() {
        annunciator.onEvent(TableEvent.WARNING, 0);
        annunciator.onEvent(TableEvent.WARNING, 800 * MS);
        assertEquals(1800, beepMs(false, 0));
    }

    @Test
    void theAlarmBeepsOnAndOffEveryHalfSecond() {
        for (long t = 0; t < 500; t += 5) {
            assertTrue(annunciator.buzzerOn(true, t * MS), "on at " + t + " ms");
            assertFalse(annunciator.buzzerOn(true, (t + 500) * MS), "off at " + (t + 500) + " ms");
        }
        assertTrue(annunciator.buzzerOn(true, 1000 * MS));
    }

    @Test
    void aProfilesNumberIsThatManyShortBeeps() {
        annunciator.beepNumber(3, 1000 * MS);
        int beeps = 0;
        boolean was = false;
        for (long t = 1000; t < 4000; t++) {
            boolean on = annunciator.buzzerOn(false, t * MS);
            beeps += on && !was ? 1 : 0;
            was = on;
        }
        assertEquals(3, beeps);
        assertEquals(150, beepMs(false, 1000), "each beep is 150 ms");
        assertEquals(150, beepMs(false, 1450), "the next starts 450 ms after the last");
        assertEquals(0, beepMs(false, 2350), "no fourth");
        annunciator.onEvent(org.inversiontable.safety.TableEvent.PROFILE_SELECTED, 5000 * MS);
        assertEquals(0, beepMs(false, 5000), "the selection's event beeps the number, not the 1 s event beep");
    }
}
