package org.inversiontable.control;

import java.util.List;

import static org.inversiontable.hardware.Button.DOWN;
import static org.inversiontable.hardware.Button.HOME;
import static org.inversiontable.hardware.Button.PRESET;
import static org.inversiontable.hardware.Button.STOP;
import static org.inversiontable.hardware.Button.UP;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.inversiontable.hardware.Button;
import org.junit.jupiter.api.Test;

/**
 * The meaning of one tick's buttons (SPEC §4) is a value that checks itself: every mask names
 * real buttons only, a click is a release, and a stuck report is about a stuck button.
 */
class ButtonEventsTest {
    private static final int NO_BUTTON = 1 << Button.values().length;

    @Test
    void everyMaskRejectsABitForNoButton() {
        assertThrows(IllegalArgumentException.class, () -> new ButtonEvents(NO_BUTTON, 0, 0, 0, false, false, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ButtonEvents(0, NO_BUTTON, 0, 0, false, false, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ButtonEvents(0, 0, NO_BUTTON, 0, false, false, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ButtonEvents(0, 0, NO_BUTTON, NO_BUTTON, false, false, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ButtonEvents(0, 0, 0, 0, false, false, NO_BUTTON, NO_BUTTON));
        assertThrows(IllegalArgumentException.class, () -> new ButtonEvents(0, 0, 0, 0, false, false, 0, NO_BUTTON));
        assertThrows(IllegalArgumentException.class, () -> new ButtonEvents(-1, 0, 0, 0, false, false, 0, 0));
    }

    @Test
    void everyButtonFitsTheMasks() {
        int all = ButtonEvents.ALL_BUTTONS;
        assertEquals(Button.values().length, Integer.bitCount(all));
        for (Button b : Button.values()) {
            assertTrue(b.in(all), b.name());
        }
        assertDoesNotThrow(() -> new ButtonEvents(all, all, all, all, true, true, all, all));
    }

    @Test
    void aClickIsAlwaysARelease() {
        assertThrows(IllegalArgumentException.class,
                () -> new ButtonEvents(0, 0, UP.bit(), DOWN.bit(), false, false, 0, 0));
        assertDoesNotThrow(() -> new ButtonEvents(0, 0, UP.bit() | DOWN.bit(), DOWN.bit(), false, false, 0, 0));
    }

    @Test
    void aStuckReportIsAboutAStuckButton() {
        assertThrows(IllegalArgumentException.class,
                () -> new ButtonEvents(0, 0, 0, 0, false, false, STOP.bit(), HOME.bit()));
        assertDoesNotThrow(() -> new ButtonEvents(0, 0, 0, 0, false, false, STOP.bit(), STOP.bit() | HOME.bit()));
    }

    @Test
    void theQuestionsReadTheirOwnMask() {
        ButtonEvents e = new ButtonEvents(UP.bit(), DOWN.bit(), HOME.bit() | PRESET.bit(), PRESET.bit(),
                false, false, STOP.bit(), STOP.bit());
        assertTrue(e.anyPressEdge());
        assertTrue(e.anyStuckReported());
        for (Button b : Button.values()) {
            assertEquals(b == UP, e.isPressedEdge(b), "pressed edge " + b);
            assertEquals(b == DOWN, e.isHolding(b), "holding " + b);
            assertEquals(b == HOME || b == PRESET, e.isReleasedEdge(b), "released " + b);
            assertEquals(b == PRESET, e.isClick(b), "click " + b);
            assertEquals(b == STOP, e.isStuck(b), "stuck " + b);
        }
    }

    @Test
    void nothingHappeningAsksNothing() {
        assertFalse(ButtonEvents.NONE.anyPressEdge());
        assertFalse(ButtonEvents.NONE.anyStuckReported());
        ButtonEvents heldOnly = new ButtonEvents(0, UP.bit(), 0, 0, false, false, 0, UP.bit());
        assertFalse(heldOnly.anyPressEdge(), "holding is not a new press");
        assertFalse(heldOnly.anyStuckReported(), "stuck since earlier is not a new report");
    }

    @Test
    void aCopyKeepsTheValuesAndEventsAreEqualOnlyWhenEveryValueIs() {
        ButtonEvents e = new ButtonEvents(UP.bit(), DOWN.bit(), PRESET.bit(), PRESET.bit(), true, false, STOP.bit(),
                STOP.bit(), true);
        ButtonEvents copy = e.copy();
        assertEquals(e, copy);
        assertEquals(e.hashCode(), copy.hashCode());
        org.junit.jupiter.api.Assertions.assertNotSame(e, copy);
        List<ButtonEvents> others = List.of(
                new ButtonEvents(0, DOWN.bit(), PRESET.bit(), PRESET.bit(), true, false, STOP.bit(), STOP.bit(), true),
                new ButtonEvents(UP.bit(), 0, PRESET.bit(), PRESET.bit(), true, false, STOP.bit(), STOP.bit(), true),
                new ButtonEvents(UP.bit(), DOWN.bit(), PRESET.bit() | HOME.bit(), PRESET.bit(), true, false, STOP.bit(),
                        STOP.bit(), true),
                new ButtonEvents(UP.bit(), DOWN.bit(), PRESET.bit(), 0, true, false, STOP.bit(), STOP.bit(), true),
                new ButtonEvents(UP.bit(), DOWN.bit(), PRESET.bit(), PRESET.bit(), false, false, STOP.bit(), STOP.bit(),
                        true),
                new ButtonEvents(UP.bit(), DOWN.bit(), PRESET.bit(), PRESET.bit(), true, true, STOP.bit(), STOP.bit(),
                        true),
                new ButtonEvents(UP.bit(), DOWN.bit(), PRESET.bit(), PRESET.bit(), true, false, 0, STOP.bit(), true),
                new ButtonEvents(UP.bit(), DOWN.bit(), PRESET.bit(), PRESET.bit(), true, false, STOP.bit(),
                        STOP.bit() | HOME.bit(), true),
                new ButtonEvents(UP.bit(), DOWN.bit(), PRESET.bit(), PRESET.bit(), true, false, STOP.bit(), STOP.bit(),
                        false));
        for (ButtonEvents other : others) {
            assertNotEquals(e, other, other.toString());
        }
        assertNotEquals(e, "not events");
    }

    @org.junit.jupiter.api.Test
    void everyMaskIsCheckedAndEveryValueReadsBack() {
        int bad = 1 << 10;
        for (int i = 0; i < 6; i++) {
            int[] m = new int[6];
            m[i] = bad;
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new ButtonEvents(m[0], m[1], m[2], m[3], false, false, m[4], m[5], false), "mask " + i);
        }
        ButtonEvents e = new ButtonEvents(1, 2, 4 | 8, 8, true, false, 16, 16 | 1, true);
        org.junit.jupiter.api.Assertions.assertEquals(12, e.releasedEdges());
        org.junit.jupiter.api.Assertions.assertEquals(e.hashCode(), e.copy().hashCode());
        org.junit.jupiter.api.Assertions.assertNotEquals(e.hashCode(),
                new ButtonEvents(1, 2, 4 | 8, 8, true, false, 16, 16 | 1, false).hashCode());
        org.junit.jupiter.api.Assertions.assertTrue(e.toString().contains("releasedEdges=12")
                && e.toString().contains("homeLongHold=true"), e.toString());
    }

    @Test
    void aBitForNoButtonIsNamedByItsOwnMaskNotByTheSubsetRule() {
        String[] names = {"pressedEdges", "holding", "releasedEdges", "clicks", "stuckReported", "stuck"};
        for (int i = 0; i < names.length; i++) {
            int[] m = new int[6];
            m[i] = NO_BUTTON;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ButtonEvents(m[0], m[1], m[2], m[3], false, false, m[4], m[5], false));
            assertTrue(e.getMessage().startsWith(names[i] + " has bits for no button"), e.getMessage());
        }
    }
}
