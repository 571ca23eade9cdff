package org.inversiontable.control;

import org.inversiontable.safety.SafetySettings;
import org.inversiontable.safety.FaultCode;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.Button;

/**
 * Turns the debounced pressed-button mask into presses, holds, clicks and long holds (SPEC §4).
 * Pure: no clock of its own, no I/O; the same masks and times always give the same events.
 *
 * <pre>{@code
 * ButtonInterpreter buttons = ButtonInterpreter.fromConfig(config);
 * buttons.disarmHeld();                            // at boot, reset, or a move that ended by itself
 * ButtonEvents ev = buttons.update(panel.buttonsMask(), clock.nanoTime());   // once per tick
 * if (ev.anyPressEdge() && rampedMoveRunning) controlledStop();
 * if (ev.isHolding(Button.UP)) holdToRunUp();
 * if (ev.anyStuckReported()) report(FaultCode.BUTTON_STUCK);
 * }</pre>
 *
 * <p>A button acts only on a press that follows a release seen here ("armed"), so a button
 * held at boot, at a reset or when a move ended by itself cannot start motion unexpectedly.
 * Not thread-safe: the control loop owns it.
 */
public final class ButtonInterpreter {
    /** SPEC §4: a press released before this is a click. */
    public static final long CLICK_MAX_NANOS = 1_000_000_000L;
    /** SPEC §4: PRESET held this long at rest stores the preset. */
    public static final long PRESET_LONG_HOLD_NANOS = 3_000_000_000L;
    /** SPEC §13: HOME held this long at home selects the next profile. */
    public static final long HOME_LONG_HOLD_NANOS = 3_000_000_000L;
    /** SPEC §4: STOP held this long requests a reset. */
    public static final long STOP_LONG_HOLD_NANOS = SafetySettings.STOP_HOLD_TO_RESET_NANOS;
    public static final double DEFAULT_STUCK_BUTTON_S = 120.0;

    private static final Button[] BUTTONS = Button.values();

    private final long stuckNanos;
    /** Since when each button has been physically held (valid while its bit is in lastMask). */
    private final long[] heldSinceNanos = new long[BUTTONS.length];
    /** What {@link #update} returns when there are events, refilled (SPEC §11): valid until the next update. */
    private final ButtonEvents events = new ButtonEvents();
    private int lastMask;
    /** Seen released since construction or the last disarm. */
    private int armedMask;
    /** In an armed press that has not been released, disarmed or found stuck. */
    private int activeMask;
    private int longHoldFiredMask;
    private int stuckMask;

    public ButtonInterpreter() {
        this(DEFAULT_STUCK_BUTTON_S);
    }

    /** @param stuckButtonS a button held longer than this is reported stuck and ignored */
    public ButtonInterpreter(double stuckButtonS) {
        // A stuck time at or below the long holds would make them unreachable (no reset by STOP).
        if (!Double.isFinite(stuckButtonS) || stuckButtonS * 1e9 <= PRESET_LONG_HOLD_NANOS) {
            throw new IllegalArgumentException("stuckButtonS must be finite and above "
                    + PRESET_LONG_HOLD_NANOS / 1e9 + " s, was " + stuckButtonS);
        }
        this.stuckNanos = Math.round(stuckButtonS * 1e9);
    }

    public static ButtonInterpreter fromConfig(Config config) {
        return new ButtonInterpreter(config.number(ConfigKey.STUCK_BUTTON_S));
    }

    /**
     * Makes every button held now inert until it is released. Called at boot, at a reset and
     * when a move ends by itself, so that a finger still on a button does not restart motion.
     */
    public void disarmHeld() {
        // Ending the active press is enough: a held button's next press needs a release first,
        // and that release arms it again (so clearing its armed bit here would change nothing).
        activeMask &= ~lastMask;
    }

    /** @param pressedMask the debounced pressed buttons, one {@link Button#bit()} each */
    public ButtonEvents update(int pressedMask, long nowNanos) {
        if ((pressedMask & ~ButtonEvents.ALL_BUTTONS) != 0) {
            throw new IllegalArgumentException("pressedMask has bits for no button: "
                    + Integer.toBinaryString(pressedMask));
        }
        int downEdges = pressedMask & ~lastMask;
        int upEdges = lastMask & ~pressedMask;
        int pressedEdges = downEdges & armedMask;
        int releasedEdges = upEdges & activeMask;
        int clicks = 0;
        int stuckReported = 0;
        activeMask = (activeMask & ~upEdges) | pressedEdges;
        longHoldFiredMask &= ~upEdges;
        stuckMask &= ~upEdges;
        for (Button b : BUTTONS) {
            int bit = b.bit();
            int i = b.ordinal();
            if ((downEdges & bit) != 0) {
                heldSinceNanos[i] = nowNanos;
            } else if ((releasedEdges & bit) != 0 && nowNanos - heldSinceNanos[i] < CLICK_MAX_NANOS) {
                clicks |= bit;
            } else if ((pressedMask & ~stuckMask & bit) != 0 && nowNanos - heldSinceNanos[i] > stuckNanos) {
                // Stuck is about the switch, armed or not: a jammed contact must be reported.
                stuckReported |= bit;
            }
        }
        stuckMask |= stuckReported;
        activeMask &= ~stuckReported;
        boolean presetLongHold = longHoldReached(Button.PRESET, PRESET_LONG_HOLD_NANOS, nowNanos);
        boolean stopLongHold = longHoldReached(Button.STOP, STOP_LONG_HOLD_NANOS, nowNanos);
        boolean homeLongHold = longHoldReached(Button.HOME, HOME_LONG_HOLD_NANOS, nowNanos);
        armedMask |= ~pressedMask & ButtonEvents.ALL_BUTTONS;
        lastMask = pressedMask;
        int holding = activeMask;
        if ((pressedEdges | holding | releasedEdges | stuckMask) == 0 && !presetLongHold && !stopLongHold
                && !homeLongHold) {
            return ButtonEvents.NONE;
        }
        return events.fill(pressedEdges, holding, releasedEdges, clicks,
                presetLongHold, stopLongHold, stuckReported, stuckMask, homeLongHold);
    }

    private boolean longHoldReached(Button button, long holdNanos, long nowNanos) {
        int bit = button.bit();
        if ((activeMask & ~longHoldFiredMask & bit) == 0
                || nowNanos - heldSinceNanos[button.ordinal()] < holdNanos) {
            return false;
        }
        longHoldFiredMask |= bit;
        return true;
    }
}
