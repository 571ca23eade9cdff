package org.inversiontable.simulator.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.inversiontable.hardware.Button;
import org.inversiontable.sim.FaultGroup;
import org.inversiontable.simulator.InjectableFault;
import org.inversiontable.simulator.SimulatorControls;
import org.inversiontable.time.Clock;

/**
 * The terminal's keyboard as a hand controller, where no key-up event exists: hold-to-run by a
 * dead man's window. A key press holds UP or DOWN for {@link #DEAD_MAN_NANOS}; each auto-repeat
 * of the held key renews it, so letting go of the key stops the table within that window. There
 * is no latched "keep moving": a key that is not a repeat of the held one lets go of every button
 * first. Timed holds (STOP 2 s to reset, PRESET 3 s to store) are a press now and a release
 * later. Repeats of any other key are one gesture, not many: holding {@code e} does not flicker
 * the e-stop. Call {@link #tick()} every few tens of milliseconds to let the windows run out.
 *
 * <pre>{@code
 * TerminalKeys keys = new TerminalKeys(controls, clock, onQuit);
 * keys.feed(System.in.read()); // bytes, arrows included (ESC [ A)
 * keys.tick();                 // releases what ran out
 * }</pre>
 *
 * Thread-safe: the reader feeds bytes while a timer ticks.
 */
final class TerminalKeys {
    /**
     * Longer than the usual first auto-repeat delay (X11's default is 660 ms, most desktops 500 ms),
     * so that a held key keeps the button held without a gap; short enough that the table stops
     * within a fraction of a degree after the key is let go (0.7 s at 5 deg/s is 3.5 deg at most).
     */
    static final long DEAD_MAN_NANOS = 700_000_000L;
    /** A click: long enough for the controller's debounce to see it. */
    static final long CLICK_NANOS = 150_000_000L;
    /** SPEC §4's holds plus a margin, so that a hold always counts on the controller's own clock. */
    static final long STOP_HOLD_NANOS = 2_300_000_000L;
    static final long PRESET_HOLD_NANOS = 3_300_000_000L;
    /** SPEC §13: HOME held 3 s at home selects the next profile; the same margin as PRESET's. */
    static final long HOME_HOLD_NANOS = 3_300_000_000L;
    static final double WEIGHT_STEP_KG = 5.0;
    static final double MIN_USER_KG = 40.0;
    static final double MAX_USER_KG = 150.0;

    /** The arrow keys, decoded from their escape sequences. */
    static final int KEY_UP_ARROW = 0x1_0001;
    static final int KEY_DOWN_ARROW = 0x1_0002;
    private static final int ESC = 27;

    /** The key scheme exactly as the terminal shows it. */
    static final List<String> HELP = List.of(
            "Hold \u2191 or u: UP    hold \u2193 or d: DOWN    (moves while the key repeats; "
                    + "let go and it stops within 0.7 s)",
            "h HOME   H hold HOME 3 s (next profile)   p PRESET   P hold PRESET 3 s (store)   s STOP   "
                    + "S hold STOP 2 s (reset)",
            "e E-STOP (latches; e again releases)   SPACE or any other key: release all buttons",
            "1-9,0 inject fault (list below)   I/M/W clear IMU/motor/home-switch faults   "
                    + "+/- weight 5 kg   q quit");

    private final SimulatorControls controls;
    private final Clock clock;
    private final Runnable onQuit;
    private final Map<Button, Long> releaseAtNanos = new EnumMap<>(Button.class);
    private int lastKey = -1;
    private long lastKeyNanos;
    private int escapeState;
    private boolean estopPressed;
    private String note = "";

    TerminalKeys(SimulatorControls controls, Clock clock, Runnable onQuit) {
        this.controls = controls;
        this.clock = clock;
        this.onQuit = onQuit;
    }

    /** One byte from the terminal; arrow keys arrive as ESC [ A / ESC [ B (or ESC O A/B). */
    synchronized void feed(int b) {
        if (escapeState == 1) {
            escapeState = (b == '[' || b == 'O') ? 2 : 0;
            if (escapeState == 0) {
                key(b);
            }
            return;
        }
        if (escapeState == 2) {
            escapeState = 0;
            key(b == 'A' ? KEY_UP_ARROW : b == 'B' ? KEY_DOWN_ARROW : ' ');
            return;
        }
        if (b == ESC) {
            escapeState = 1;
            return;
        }
        key(b);
    }

    /** One decoded key: a character, {@link #KEY_UP_ARROW} or {@link #KEY_DOWN_ARROW}. */
    synchronized void key(int k) {
        long now = clock.nanoTime();
        boolean repeat = k == lastKey && now - lastKeyNanos < DEAD_MAN_NANOS;
        lastKey = k;
        lastKeyNanos = now;
        Button hold = k == 'u' || k == KEY_UP_ARROW ? Button.UP : k == 'd' || k == KEY_DOWN_ARROW ? Button.DOWN : null;
        if (hold != null) {
            if (repeat && releaseAtNanos.containsKey(hold)) {
                releaseAtNanos.put(hold, now + DEAD_MAN_NANOS);
                return;
            }
            if (!repeat) {
                releaseAll();
                pressFor(hold, DEAD_MAN_NANOS);
            }
            return;
        }
        if (k == '+' || k == '=' || k == '-' || k == '_') {
            releaseAll();
            weight(k == '+' || k == '=' ? WEIGHT_STEP_KG : -WEIGHT_STEP_KG); // repeats step on: hold to go faster
            return;
        }
        if (repeat) {
            return; // one gesture: holding e must not flicker the e-stop, holding S not restart the hold
        }
        if (k == 'e' || k == 'E') {
            estopPressed = !estopPressed;
            controls.setEstopPressed(estopPressed); // first, before anything else
            releaseAll();
            note = estopPressed ? "E-STOP PRESSED (e releases it; then hold STOP 2 s: S)" : "e-stop released";
            return;
        }
        releaseAll();
        switch (k) {
            case 'h' -> pressFor(Button.HOME, CLICK_NANOS);
            case 'H' -> pressFor(Button.HOME, HOME_HOLD_NANOS);
            case 'p' -> pressFor(Button.PRESET, CLICK_NANOS);
            case 'P' -> pressFor(Button.PRESET, PRESET_HOLD_NANOS);
            case 's' -> pressFor(Button.STOP, CLICK_NANOS);
            case 'S' -> pressFor(Button.STOP, STOP_HOLD_NANOS);
            case 'I' -> clear(FaultGroup.IMU);
            case 'M' -> clear(FaultGroup.MOTOR);
            case 'W' -> clear(FaultGroup.HOME_SWITCH);
            case 'q', 'Q' -> onQuit.run();
            default -> {
                if (k >= '0' && k <= '9') {
                    inject(k == '0' ? 9 : k - '1');
                }
            }
        }
    }

    /** Releases what has run out; call often (every 20-50 ms). */
    synchronized void tick() {
        long now = clock.nanoTime();
        for (Button b : Button.values()) {
            Long at = releaseAtNanos.get(b);
            if (at != null && now - at >= 0) {
                releaseAtNanos.remove(b);
                controls.setButton(b, false);
            }
        }
    }

    /** Lets go of every button held by a key. */
    synchronized void releaseAll() {
        for (Button b : Button.values()) {
            if (releaseAtNanos.remove(b) != null) {
                controls.setButton(b, false);
            }
        }
    }

    /** Presses and holds a button for a time, as a line command ({@code down 2}) does. */
    synchronized void holdFor(Button b, long nanos) {
        releaseAll();
        pressFor(b, nanos);
    }

    synchronized void setEstop(boolean pressed) {
        estopPressed = pressed;
        controls.setEstopPressed(pressed);
        note = pressed ? "E-STOP PRESSED" : "e-stop released";
        if (pressed) {
            releaseAll();
        }
    }

    /** Whether any button is held by a key now. */
    synchronized boolean holding() {
        return !releaseAtNanos.isEmpty();
    }

    /** What is held and for how long more, or the last note (a fault injected, a refused weight). */
    synchronized String holdText() {
        long now = clock.nanoTime();
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Button, Long> e : releaseAtNanos.entrySet()) {
            out.append(out.isEmpty() ? "holding " : ", ").append(e.getKey())
                    .append(String.format(Locale.ROOT, " %.1f s more", Math.max(0, e.getValue() - now) / 1e9));
        }
        return out.isEmpty() ? note : out.toString();
    }

    /** The fault a digit injects: {@code 1} the first of {@link InjectableFault}, {@code 0} the tenth. */
    static String faultList() {
        StringBuilder out = new StringBuilder();
        InjectableFault[] all = InjectableFault.values();
        for (int i = 0; i < all.length; i++) {
            out.append(i == 9 ? '0' : (char) ('1' + i)).append(' ').append(all[i].label()).append('\n');
        }
        return out.toString();
    }

    private void pressFor(Button b, long nanos) {
        releaseAtNanos.put(b, clock.nanoTime() + nanos);
        controls.setButton(b, true);
    }

    private void inject(int index) {
        InjectableFault[] all = InjectableFault.values();
        if (index < all.length) {
            controls.inject(all[index]);
            note = "injected: " + all[index].label();
        }
    }

    private void clear(FaultGroup group) {
        controls.clear(group);
        note = "cleared: " + group.name().toLowerCase(Locale.ROOT).replace('_', '-') + " faults";
    }

    private void weight(double deltaKg) {
        double kg = Math.max(MIN_USER_KG, Math.min(MAX_USER_KG, controls.status().userKg() + deltaKg));
        controls.setUserKg(kg);
        note = String.format(Locale.ROOT, "user %.0f kg", kg);
    }
}
