package org.inversiontable.control;

import static org.inversiontable.hardware.Button.DOWN;
import static org.inversiontable.hardware.Button.HOME;
import static org.inversiontable.hardware.Button.PRESET;
import static org.inversiontable.hardware.Button.STOP;
import static org.inversiontable.hardware.Button.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.junit.jupiter.api.Test;

class ButtonInterpreterTest {
    private static final long TICK_NANOS = 10_000_000L;

    private ButtonInterpreter buttons = new ButtonInterpreter();
    private long nowNanos;
    private ButtonEvents last;

    /** One control tick with this mask; time then advances one tick. */
    private ButtonEvents tick(int mask) {
        last = buttons.update(mask, nowNanos);
        nowNanos += TICK_NANOS;
        return last;
    }

    /** Holds the mask for the given seconds of ticks; returns the OR of the events seen. */
    private Seen hold(int mask, double seconds) {
        Seen seen = new Seen();
        for (long t = 0; t < Math.round(seconds * 1e9); t += TICK_NANOS) {
            seen.add(tick(mask));
        }
        return seen;
    }

    private static final class Seen {
        int pressedEdges, holdingTicks, releasedEdges, clicks, presetLongHolds, stopLongHolds, stuckReports, homeLongHolds;

        void add(ButtonEvents e) {
            pressedEdges |= e.pressedEdges();
            holdingTicks += e.holding() != 0 ? 1 : 0;
            releasedEdges |= e.releasedEdges();
            clicks |= e.clicks();
            presetLongHolds += e.presetLongHold() ? 1 : 0;
            stopLongHolds += e.stopLongHold() ? 1 : 0;
            homeLongHolds += e.homeLongHold() ? 1 : 0;
            stuckReports += Integer.bitCount(e.stuckReported());
        }
    }

    @Test
    void buttonHeldSinceConstructionDoesNothingUntilReleased() {
        Seen seen = hold(UP.bit() | STOP.bit(), 5);
        assertEquals(0, seen.pressedEdges);
        assertEquals(0, seen.holdingTicks);
        assertEquals(0, seen.stopLongHolds);
        ButtonEvents release = tick(0);
        assertEquals(0, release.releasedEdges());
        assertEquals(0, release.clicks());
    }

    @Test
    void pressAfterASeenReleaseActs() {
        tick(0);
        ButtonEvents press = tick(UP.bit());
        assertTrue(press.isPressedEdge(UP));
        assertTrue(press.anyPressEdge());
        assertTrue(press.isHolding(UP));
        assertFalse(tick(UP.bit()).anyPressEdge(), "the edge is reported once");
    }

    @Test
    void firstTickReleasedArmsAButtonPressedNextTick() {
        tick(0);
        assertTrue(tick(HOME.bit()).isPressedEdge(HOME));
    }

    @Test
    void disarmHeldMakesAHeldButtonInertUntilReleased() {
        tick(0);
        tick(DOWN.bit());
        buttons.disarmHeld();
        Seen whileHeld = hold(DOWN.bit(), 2);
        assertEquals(0, whileHeld.holdingTicks);
        ButtonEvents release = tick(0);
        assertEquals(0, release.releasedEdges(), "no release event for a disarmed press");
        assertEquals(0, release.clicks());
        assertTrue(tick(DOWN.bit()).isHolding(DOWN), "released once, it acts again");
    }

    @Test
    void disarmHeldLeavesReleasedButtonsArmed() {
        tick(0);
        tick(DOWN.bit());
        buttons.disarmHeld();
        ButtonEvents both = tick(DOWN.bit() | UP.bit());
        assertEquals(UP.bit(), both.pressedEdges());
        assertEquals(UP.bit(), both.holding());
    }

    @Test
    void disarmHeldCancelsAPendingStopLongHold() {
        tick(0);
        hold(STOP.bit(), 1);
        buttons.disarmHeld();
        assertEquals(0, hold(STOP.bit(), 3).stopLongHolds);
    }

    @Test
    void holdToRunHoldingLastsExactlyWhileHeld() {
        tick(0);
        Seen seen = hold(UP.bit(), 60);
        assertEquals(6000, seen.holdingTicks, "every tick of a minute-long hold-to-run");
        assertFalse(tick(0).isHolding(UP));
    }

    @Test
    void shortPressIsAClickOnRelease() {
        tick(0);
        Seen pressed = hold(HOME.bit(), 0.5);
        assertEquals(0, pressed.clicks, "no click before the release");
        ButtonEvents release = tick(0);
        assertTrue(release.isReleasedEdge(HOME));
        assertTrue(release.isClick(HOME));
    }

    @Test
    void pressOfOneSecondOrMoreIsNotAClick() {
        tick(0);
        hold(PRESET.bit(), 0.99);
        assertTrue(tick(0).isClick(PRESET), "0.99 s is a click");
        hold(PRESET.bit(), 1.0);
        ButtonEvents release = tick(0);
        assertTrue(release.isReleasedEdge(PRESET));
        assertFalse(release.isClick(PRESET), "1 s is not a click");
    }

    @Test
    void presetLongHoldFiresOnceAtThreeSecondsAndItsReleaseIsNotAClick() {
        tick(0);
        Seen before = hold(PRESET.bit(), 3.0);
        assertEquals(0, before.presetLongHolds, "not before 3 s");
        assertTrue(tick(PRESET.bit()).presetLongHold(), "at 3 s");
        assertEquals(0, hold(PRESET.bit(), 10).presetLongHolds, "only once per press");
        assertFalse(tick(0).isClick(PRESET));
    }

    @Test
    void presetLongHoldFiresAgainOnTheNextPress() {
        tick(0);
        assertEquals(1, hold(PRESET.bit(), 4).presetLongHolds);
        tick(0);
        assertEquals(1, hold(PRESET.bit(), 4).presetLongHolds);
    }

    @Test
    void stopLongHoldFiresOnceAtTwoSeconds() {
        tick(0);
        Seen before = hold(STOP.bit(), 2.0);
        assertEquals(0, before.stopLongHolds);
        assertTrue(tick(STOP.bit()).stopLongHold());
        Seen after = hold(STOP.bit(), 10);
        assertEquals(0, after.stopLongHolds);
        assertEquals(0, after.presetLongHolds, "STOP is not PRESET");
        assertFalse(tick(0).isClick(STOP));
    }

    @Test
    void stuckButtonIsReportedOnceThenIgnoredUntilReleased() {
        buttons = new ButtonInterpreter(10);
        tick(0);
        Seen before = hold(DOWN.bit(), 10.01);
        assertEquals(0, before.stuckReports, "held exactly stuck_button_s is not yet stuck");
        ButtonEvents report = tick(DOWN.bit());
        assertTrue(report.anyStuckReported());
        assertEquals(DOWN.bit(), report.stuckReported());
        assertFalse(report.isHolding(DOWN), "ignored from the report on");
        Seen after = hold(DOWN.bit(), 30);
        assertEquals(0, after.stuckReports);
        assertEquals(0, after.holdingTicks);
        assertTrue(last.isStuck(DOWN));
        ButtonEvents release = tick(0);
        assertEquals(0, release.releasedEdges());
        assertEquals(0, release.clicks());
        assertFalse(release.isStuck(DOWN));
        assertTrue(tick(DOWN.bit()).isHolding(DOWN), "a fresh press after the release acts");
    }

    @Test
    void defaultStuckTimeIs120Seconds() {
        tick(0);
        assertEquals(0, hold(UP.bit(), 120.01).stuckReports, "up to and including 120 s");
        assertTrue(tick(UP.bit()).isStuck(UP));
    }

    @Test
    void buttonJammedSinceBootIsStillReportedStuck() {
        buttons = new ButtonInterpreter(10);
        assertEquals(1, hold(STOP.bit(), 20).stuckReports);
    }

    @Test
    void stuckButtonLeavesTheOthersWorking() {
        buttons = new ButtonInterpreter(10);
        tick(0);
        hold(UP.bit(), 11);
        ButtonEvents other = tick(UP.bit() | HOME.bit());
        assertEquals(HOME.bit(), other.pressedEdges());
        assertEquals(HOME.bit(), other.holding());
        assertTrue(other.isStuck(UP));
    }

    @Test
    void twoButtonsAtOnceAreTrackedIndependently() {
        tick(0);
        ButtonEvents both = tick(UP.bit() | DOWN.bit());
        assertEquals(UP.bit() | DOWN.bit(), both.pressedEdges());
        assertEquals(UP.bit() | DOWN.bit(), both.holding());
        hold(UP.bit() | DOWN.bit(), 0.3);
        ButtonEvents downReleased = tick(UP.bit());
        assertEquals(DOWN.bit(), downReleased.clicks());
        assertEquals(UP.bit(), downReleased.holding());
        hold(UP.bit(), 2);
        ButtonEvents upReleased = tick(0);
        assertTrue(upReleased.isReleasedEdge(UP));
        assertFalse(upReleased.isClick(UP), "UP was held 2.3 s");
    }

    @Test
    void idleTicksShareOneEventsValue() {
        tick(0);
        assertSame(ButtonEvents.NONE, tick(0));
    }

    @Test
    void sameInputsGiveSameEvents() {
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(run(seed), run(seed), "seed " + seed);
        }
    }

    @Test
    void eventsStayConsistentWithTheMaskForRandomInputs() {
        for (long seed = 0; seed < 50; seed++) {
            Random random = new Random(seed);
            ButtonInterpreter b = new ButtonInterpreter(10);
            int prev = 0;
            long t = 0;
            for (int i = 0; i < 5000; i++) {
                int mask = random.nextInt(8) == 0 ? random.nextInt(ButtonEvents.ALL_BUTTONS + 1) : prev;
                if (random.nextInt(500) == 0) {
                    b.disarmHeld();
                }
                ButtonEvents e = b.update(mask, t);
                String where = "seed " + seed + " tick " + i;
                assertEquals(0, e.pressedEdges() & ~(mask & ~prev), where + ": edge only on a new press");
                assertEquals(0, e.holding() & ~mask, where + ": holding only while pressed");
                assertEquals(0, e.releasedEdges() & ~(prev & ~mask), where + ": release only when let go");
                assertEquals(0, e.holding() & e.stuck(), where + ": a stuck button is ignored");
                prev = mask;
                t += TICK_NANOS * (1 + random.nextInt(30));
            }
        }
    }

    private static List<ButtonEvents> run(long seed) {
        Random random = new Random(seed);
        ButtonInterpreter b = new ButtonInterpreter(10);
        List<ButtonEvents> events = new ArrayList<>();
        int mask = 0;
        for (int i = 0; i < 3000; i++) {
            if (random.nextInt(20) == 0) {
                mask = random.nextInt(ButtonEvents.ALL_BUTTONS + 1);
            }
            events.add(b.update(mask, i * TICK_NANOS * 5).copy()); // the interpreter refills its own
        }
        return events;
    }

    @Test
    void readsTheStuckTimeFromTheConfiguration() {
        buttons = ButtonInterpreter.fromConfig(Config.defaults().with(ConfigKey.STUCK_BUTTON_S, "10"));
        tick(0);
        assertEquals(1, hold(UP.bit(), 11).stuckReports);
    }

    @Test
    void rejectsImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> new ButtonInterpreter(2.0));
        // A stuck time equal to the PRESET long hold leaves no margin: a tick that came a hair
        // late would find PRESET stuck instead of storing the preset.
        assertThrows(IllegalArgumentException.class,
                () -> new ButtonInterpreter(ButtonInterpreter.PRESET_LONG_HOLD_NANOS / 1e9));
        assertThrows(IllegalArgumentException.class, () -> new ButtonInterpreter(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> buttons.update(1 << 7, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ButtonEvents(0, 0, 0, UP.bit(), false, false, 0, 0));
    }

    @Test
    void homeLongHoldFiresOnceAtThreeSecondsAndItsReleaseIsNotAClick() {
        int home = org.inversiontable.hardware.Button.HOME.bit();
        tick(0);
        Seen before = hold(home, 2.99);
        assertEquals(0, before.homeLongHolds, "not before 3 s");
        Seen after = hold(home, 1.0);
        assertEquals(1, after.homeLongHolds, "once at 3 s, not again while held");
        assertEquals(0, tick(0).clicks(), "the release after a long hold is no click");
        assertEquals(0, hold(home, 0.5).homeLongHolds + hold(0, 0.1).homeLongHolds, "a short press is no long hold");
    }
}
