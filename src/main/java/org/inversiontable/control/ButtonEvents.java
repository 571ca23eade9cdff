package org.inversiontable.control;

import org.inversiontable.hardware.Button;

/**
 * What the buttons mean on one tick, as decided by {@link ButtonInterpreter} (SPEC §4). Every
 * mask holds one {@link Button#bit()} per button and covers only armed presses: a button held
 * since boot, a reset or the end of a move, or one reported stuck, appears in none of them
 * except {@code stuck}/{@code stuckReported}.
 *
 * @param pressedEdges   armed buttons that went down this tick
 * @param holding        buttons held since an armed press (hold-to-run UP/DOWN, limp home)
 * @param releasedEdges  buttons released this tick after an armed press
 * @param clicks         released this tick after an armed press held less than 1 s
 * @param presetLongHold PRESET has just reached 3 s held (fires once per press)
 * @param stopLongHold   STOP has just reached 2 s held (fires once per press): a reset request
 * @param stuckReported  buttons that have just exceeded {@code stuck_button_s} (once per hold)
 * @param stuck          buttons currently stuck and ignored until released
 * @param homeLongHold   HOME has just reached 3 s held (fires once per press): at home with no
 *                       session open, the next profile (SPEC §13)
 */
public record ButtonEvents(
        int pressedEdges,
        int holding,
        int releasedEdges,
        int clicks,
        boolean presetLongHold,
        boolean stopLongHold,
        int stuckReported,
        int stuck,
        boolean homeLongHold) {

    /** Events without a long hold of HOME. */
    public ButtonEvents(int pressedEdges, int holding, int releasedEdges, int clicks, boolean presetLongHold,
            boolean stopLongHold, int stuckReported, int stuck) {
        this(pressedEdges, holding, releasedEdges, clicks, presetLongHold, stopLongHold, stuckReported, stuck, false);
    }

    /** Every button's bit. */
    public static final int ALL_BUTTONS = (1 << Button.values().length) - 1;

    /** The common tick at rest, shared so that an idle loop allocates nothing. */
    public static final ButtonEvents NONE = new ButtonEvents(0, 0, 0, 0, false, false, 0, 0);

    public ButtonEvents {
        checkMask("pressedEdges", pressedEdges);
        checkMask("holding", holding);
        checkMask("releasedEdges", releasedEdges);
        checkMask("clicks", clicks);
        checkMask("stuckReported", stuckReported);
        checkMask("stuck", stuck);
        if ((clicks & ~releasedEdges) != 0) {
            throw new IllegalArgumentException("clicks must be a subset of releasedEdges: " + clicks);
        }
        if ((stuckReported & ~stuck) != 0) {
            throw new IllegalArgumentException("stuckReported must be a subset of stuck: " + stuckReported);
        }
    }

    private static void checkMask(String name, int mask) {
        if ((mask & ~ALL_BUTTONS) != 0) {
            throw new IllegalArgumentException(name + " has bits for no button: " + Integer.toBinaryString(mask));
        }
    }

    /** Any armed press this tick: SPEC §4 makes it stop a ramped move. */
    public boolean anyPressEdge() {
        return pressedEdges != 0;
    }

    /** A button has just been found stuck: report fault code {@code button_stuck} once. */
    public boolean anyStuckReported() {
        return stuckReported != 0;
    }

    public boolean isPressedEdge(Button button) {
        return button.in(pressedEdges);
    }

    public boolean isHolding(Button button) {
        return button.in(holding);
    }

    public boolean isReleasedEdge(Button button) {
        return button.in(releasedEdges);
    }

    public boolean isClick(Button button) {
        return button.in(clicks);
    }

    public boolean isStuck(Button button) {
        return button.in(stuck);
    }
}
