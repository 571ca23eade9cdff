package org.inversiontable.control;

import org.inversiontable.hardware.Button;

/**
 * What the buttons mean on one tick, as decided by {@link ButtonInterpreter} (SPEC §4). Every
 * mask holds one {@link Button#bit()} per button and covers only armed presses: a button held
 * since boot, a reset or the end of a move, or one reported stuck, appears in none of them
 * except {@code stuck}/{@code stuckReported}.
 *
 * <br>{@code pressedEdges}: armed buttons that went down this tick
 * <br>{@code holding}: buttons held since an armed press (hold-to-run UP/DOWN, limp home)
 * <br>{@code releasedEdges}: buttons released this tick after an armed press
 * <br>{@code clicks}: released this tick after an armed press held less than 1 s
 * <br>{@code presetLongHold}: PRESET has just reached 3 s held (fires once per press)
 * <br>{@code stopLongHold}: STOP has just reached 2 s held (fires once per press): a reset request
 * <br>{@code stuckReported}: buttons that have just exceeded {@code stuck_button_s} (once per hold)
 * <br>{@code stuck}: buttons currently stuck and ignored until released
 * <br>{@code homeLongHold}: HOME has just reached 3 s held (fires once per press): at home with no
 *                       session open, the next profile (SPEC §13)
 *
 * <p>Not a record, so that the 100 Hz tick allocates nothing while a button is held (SPEC §11): the
 * interpreter owns one and refills it in every {@code update} that has events, so the events it
 * returns are valid until its next update, on the control thread only. Those made with a
 * constructor, {@link #NONE} among them, never change.
 */
public final class ButtonEvents {
    public static final int ALL_BUTTONS = (1 << Button.values().length) - 1;

    public static final ButtonEvents NONE = new ButtonEvents(0, 0, 0, 0, false, false, 0, 0);

    private int pressedEdges;
    private int holding;
    private int releasedEdges;
    private int clicks;
    private boolean presetLongHold;
    private boolean stopLongHold;
    private int stuckReported;
    private int stuck;
    private boolean homeLongHold;

    public ButtonEvents(int pressedEdges, int holding, int releasedEdges, int clicks, boolean presetLongHold, boolean stopLongHold, int stuckReported, int stuck, boolean homeLongHold) {
        fill(pressedEdges, holding, releasedEdges, clicks, presetLongHold, stopLongHold, stuckReported, stuck, homeLongHold);
    }

    public ButtonEvents(int pressedEdges, int holding, int releasedEdges, int clicks, boolean presetLongHold,
            boolean stopLongHold, int stuckReported, int stuck) {
        this(pressedEdges, holding, releasedEdges, clicks, presetLongHold, stopLongHold, stuckReported, stuck, false);
    }

    /** The interpreter's own, refilled by it: no events until then. */
    ButtonEvents() {
    }

    /** Overwrites every value, checked as the constructor checks them: the interpreter's own only. */
    ButtonEvents fill(int pressedEdges, int holding, int releasedEdges, int clicks, boolean presetLongHold, boolean stopLongHold, int stuckReported, int stuck, boolean homeLongHold) {
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
        this.pressedEdges = pressedEdges;
        this.holding = holding;
        this.releasedEdges = releasedEdges;
        this.clicks = clicks;
        this.presetLongHold = presetLongHold;
        this.stopLongHold = stopLongHold;
        this.stuckReported = stuckReported;
        this.stuck = stuck;
        this.homeLongHold = homeLongHold;
        return this;
    }

    public int pressedEdges() {
        return pressedEdges;
    }

    public int holding() {
        return holding;
    }

    public int releasedEdges() {
        return releasedEdges;
    }

    public int clicks() {
        return clicks;
    }

    public boolean presetLongHold() {
        return presetLongHold;
    }

    public boolean stopLongHold() {
        return stopLongHold;
    }

    public int stuckReported() {
        return stuckReported;
    }

    public int stuck() {
        return stuck;
    }

    public boolean homeLongHold() {
        return homeLongHold;
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

    /** Events equal to these that no update changes: to keep them past the next tick. */
    public ButtonEvents copy() {
        return new ButtonEvents(pressedEdges, holding, releasedEdges, clicks, presetLongHold, stopLongHold,
                stuckReported, stuck, homeLongHold);
    }

    /** Equal values, as a record's. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ButtonEvents e && pressedEdges == e.pressedEdges && holding == e.holding
                && releasedEdges == e.releasedEdges && clicks == e.clicks && presetLongHold == e.presetLongHold
                && stopLongHold == e.stopLongHold && stuckReported == e.stuckReported && stuck == e.stuck
                && homeLongHold == e.homeLongHold;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(pressedEdges, holding, releasedEdges, clicks, presetLongHold, stopLongHold,
                stuckReported, stuck, homeLongHold);
    }

    @Override
    public String toString() {
        return "ButtonEvents[pressedEdges=" + pressedEdges + ", holding=" + holding + ", releasedEdges=" + releasedEdges
                + ", clicks=" + clicks + ", presetLongHold=" + presetLongHold + ", stopLongHold=" + stopLongHold
                + ", stuckReported=" + stuckReported + ", stuck=" + stuck + ", homeLongHold=" + homeLongHold + "]";
    }
}
