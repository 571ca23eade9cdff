package org.inversiontable.simulator.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.inversiontable.time.ManualClock;
import org.junit.jupiter.api.Test;

/** The terminal's dead man's window, on a clock the test moves: no sleeps, no machine speed. */
class SimulatorTerminalKeysTest {
    private final FakeSimulatorControls fake = new FakeSimulatorControls();
    private final ManualClock clock = new ManualClock(0);
    private final AtomicInteger quits = new AtomicInteger();
    private final TerminalKeys keys = new TerminalKeys(fake, clock, quits::incrementAndGet);

    private void ms(long ms) {
        clock.advanceNanos(ms * 1_000_000L);
        keys.tick();
    }

    private void type(String s) {
        s.chars().forEach(keys::feed);
    }

    @Test
    void aSingleDownPressHoldsOnlyForTheDeadMansWindow() {
        type("d");
        ms(TerminalKeys.DEAD_MAN_NANOS / 1_000_000L - 1);
        assertEquals(List.of("DOWN down"), fake.calls());
        ms(1);
        assertEquals(List.of("DOWN down", "DOWN up"), fake.calls());
    }

    @Test
    void autoRepeatRenewsTheHoldAndLettingGoStopsWithinTheWindow() {
        type("d");
        ms(600); // the terminal's first repeat delay
        for (int i = 0; i < 100; i++) { // 3 s of repeats at 30 Hz
            type("d");
            ms(33);
        }
        assertEquals(List.of("DOWN down"), fake.calls(), "no gap while the key repeats");
        ms(TerminalKeys.DEAD_MAN_NANOS / 1_000_000L);
        assertEquals(List.of("DOWN down", "DOWN up"), fake.calls(), "stopped within the window after the last repeat");
    }

    @Test
    void arrowKeysArriveAsEscapeSequences() {
        type("\033[A");
        type("\033[B");
        assertEquals(List.of("UP down", "UP up", "DOWN down"), fake.calls());
    }

    @Test
    void spaceReleasesEverythingAtOnce() {
        type("d");
        ms(100);
        type(" ");
        assertEquals(List.of("DOWN down", "DOWN up"), fake.calls());
        assertFalse(keys.holding());
    }

    @Test
    void anotherKeyReleasesTheHeldDirectionBeforeItActs() {
        type("d");
        type("s");
        assertEquals(List.of("DOWN down", "DOWN up", "STOP down"), fake.calls());
    }

    @Test
    void stopClickIsAShortPressAndCapitalSHoldsItForTheReset() {
        type("s");
        ms(TerminalKeys.CLICK_NANOS / 1_000_000L);
        assertEquals(List.of("STOP down", "STOP up"), fake.calls());
        ms(1000);
        type("S");
        ms(2000);
        assertTrue(keys.holdText().startsWith("holding STOP"), keys.holdText());
        ms(300);
        assertEquals(List.of("STOP down", "STOP up", "STOP down", "STOP up"), fake.calls());
    }

    @Test
    void capitalHHoldsHomeLongEnoughToSelectTheNextProfile() {
        type("H");
        ms(3000);
        assertEquals(List.of("HOME down"), fake.calls(), "released before the 3 s the profile needs");
        ms(300);
        assertEquals(List.of("HOME down", "HOME up"), fake.calls());
        assertTrue(TerminalKeys.HELP.get(1).contains("H hold HOME 3 s (next profile)"), TerminalKeys.HELP.get(1));
    }

    @Test
    void repeatsOfCapitalPDoNotRestartThePresetHold() {
        type("P");
        for (int i = 0; i < 150; i++) { // the key held for 5 s
            ms(33);
            type("P");
        }
        assertEquals(List.of("PRESET down", "PRESET up"), fake.calls());
    }

    @Test
    void estopLatchesAndAHeldKeyDoesNotFlickerIt() {
        type("d");
        type("e");
        for (int i = 0; i < 30; i++) {
            ms(33);
            type("e");
        }
        assertEquals(List.of("DOWN down", "estop on", "DOWN up"), fake.calls(), "the e-stop acts before the release");
        ms(2000);
        type("e");
        assertEquals("estop off", fake.calls().get(3));
    }

    @Test
    void digitsInjectFaultsAndCapitalsClearTheirGroups() {
        type("1");
        type("6");
        type("0");
        type("I");
        type("M");
        type("W");
        assertEquals(List.of("inject IMU_STALE", "inject MOTOR_STALL", "inject HOME_SWITCH_STUCK_CLOSED",
                "clear IMU", "clear MOTOR", "clear HOME_SWITCH"), fake.calls());
    }

    @Test
    void plusAndMinusStepTheWeightWithinItsRange() {
        fake.userKg = 145;
        type("++");
        assertEquals(List.of("kg 150", "kg 150"), fake.calls());
        fake.userKg = 42;
        type("-");
        assertEquals("kg 40", fake.calls().get(2));
    }

    @Test
    void qQuitsAndReleasesFirst() {
        type("u");
        type("q");
        assertEquals(List.of("UP down", "UP up"), fake.calls());
        assertEquals(1, quits.get());
    }

    @Test
    void theHelpShowsTheDeadMansWindow() {
        assertTrue(TerminalKeys.HELP.get(0).contains("0.7 s"));
        assertEquals(TerminalKeys.DEAD_MAN_NANOS, 700_000_000L);
        assertTrue(TerminalKeys.faultList().startsWith("1 IMU: stale"));
        assertTrue(TerminalKeys.faultList().contains("0 HOME switch: stuck closed"));
    }
}
