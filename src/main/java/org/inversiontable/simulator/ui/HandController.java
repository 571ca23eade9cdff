package org.inversiontable.simulator.ui;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.inversiontable.hardware.Button;
import org.inversiontable.simulator.SimulatorControls;
import org.inversiontable.time.Clock;

/**
 * The on-screen hand controller: the one place the window presses and releases buttons, so that
 * the mouse and the keyboard cannot fight over a button and a lost focus releases everything.
 * A button is pressed when its first source (mouse, key) takes it and released when its last
 * lets go; a second press by the same source changes nothing, so no event can toggle a button.
 *
 * <pre>{@code
 * HandController hand = new HandController(controls, new SystemClock());
 * hand.press(Button.DOWN, Source.MOUSE);   // controls.setButton(DOWN, true)
 * hand.release(Button.DOWN, Source.MOUSE); // controls.setButton(DOWN, false)
 * hand.holdHint();                         // "STOP held 1.2 s: resets at 2 s"
 * }</pre>
 */
final class HandController {
    enum Source { MOUSE, KEY }

    /** SPEC §4: STOP held 2 s resets a latched e-stop or fault; PRESET held 3 s stores the preset. */
    static final double STOP_RESET_HOLD_S = 2.0;
    static final double PRESET_STORE_HOLD_S = 3.0;
    /** SPEC §13: HOME held 3 s at home with no session open selects the next profile. */
    static final double PROFILE_HOLD_S = 3.0;

    private final SimulatorControls controls;
    private final Clock clock;
    private final Map<Button, Set<Source>> holders = new EnumMap<>(Button.class);
    private final Map<Button, Long> pressedAtNanos = new EnumMap<>(Button.class);

    HandController(SimulatorControls controls, Clock clock) {
        this.controls = controls;
        this.clock = clock;
    }

    void press(Button button, Source source) {
        Set<Source> by = holders.computeIfAbsent(button, b -> EnumSet.noneOf(Source.class));
        boolean first = by.isEmpty();
        by.add(source);
        if (first) {
            pressedAtNanos.put(button, clock.nanoTime());
            controls.setButton(button, true);
        }
    }

    void release(Button button, Source source) {
        Set<Source> by = holders.get(button);
        if (by == null || !by.remove(source) || !by.isEmpty()) {
            return;
        }
        pressedAtNanos.remove(button);
        controls.setButton(button, false);
    }

    /** Lets go of every button (focus lost, window closing, e-stop hit): no button may stay held. */
    void releaseAll() {
        for (Button b : Button.values()) {
            Set<Source> by = holders.get(b);
            if (by != null && !by.isEmpty()) {
                by.clear();
                pressedAtNanos.remove(b);
                controls.setButton(b, false);
            }
        }
    }

    boolean held(Button button) {
        return pressedAtNanos.containsKey(button);
    }

    /** Seconds the button has been held, or NaN when it is not held. */
    double heldSeconds(Button button) {
        Long at = pressedAtNanos.get(button);
        return at == null ? Double.NaN : (clock.nanoTime() - at) / 1e9;
    }

    /** Progress of a long press, so the user sees when the hold will count; empty when none. */
    String holdHint() {
        double stop = heldSeconds(Button.STOP);
        if (!Double.isNaN(stop)) {
            return stop >= STOP_RESET_HOLD_S ? "STOP held 2 s: reset requested, release STOP"
                    : String.format(java.util.Locale.ROOT, "STOP held %.1f s: resets at %.0f s", stop, STOP_RESET_HOLD_S);
        }
        double home = heldSeconds(Button.HOME);
        if (!Double.isNaN(home) && home >= 1.0) {
            return home >= PROFILE_HOLD_S ? "HOME held 3 s: at home, the next profile (beeps its number)"
                    : String.format(java.util.Locale.ROOT, "HOME held %.1f s: at home, the next profile at %.0f s",
                    home, PROFILE_HOLD_S);
        }
        double preset = heldSeconds(Button.PRESET);
        if (!Double.isNaN(preset)) {
            return preset >= PRESET_STORE_HOLD_S ? "PRESET held 3 s: stores this angle, release PRESET"
                    : String.format(java.util.Locale.ROOT, "PRESET held %.1f s: stores at %.0f s", preset,
                    PRESET_STORE_HOLD_S);
        }
        return "";
    }
}
