package org.inversiontable.simulator.ui;

import java.awt.event.KeyEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.inversiontable.hardware.Button;
import org.inversiontable.time.Clock;

/**
 * The window's keyboard as a hand controller: a key acts while held, like the button it stands for.
 *
 * <p>Auto-repeat must not toggle anything: a repeated KEY_PRESSED for a key already down is
 * ignored, and on X11, where auto-repeat sends a RELEASED+PRESSED pair for every repeat, a release
 * only counts after {@link #RELEASE_GRACE_NANOS} without a new press. Otherwise a held DOWN would
 * stop and restart thirty times a second. Call {@link #poll()} every few milliseconds to commit
 * releases, and {@link #focusLost()} when the window loses focus: a key released in another
 * window is never seen, so every button is let go at once.
 *
 * <pre>
 * Up / U: UP   Down / D: DOWN   H: HOME   P: PRESET (hold 3 s stores)   S: STOP (hold 2 s resets)
 * E: e-stop (toggles, latches)
 * </pre>
 */
final class WindowKeys {
    /** Longer than an X11 repeat pair's gap (same timestamp), far shorter than a person's release. */
    static final long RELEASE_GRACE_NANOS = 40_000_000L;

    private final HandController hand;
    private final Runnable toggleEstop;
    private final Clock clock;
    private final Set<Integer> down = new HashSet<>();
    private final Map<Integer, Long> releasedAtNanos = new HashMap<>();

    WindowKeys(HandController hand, Runnable toggleEstop, Clock clock) {
        this.hand = hand;
        this.toggleEstop = toggleEstop;
        this.clock = clock;
    }

    /** The button a key stands for, if any. */
    static Optional<Button> buttonFor(int keyCode) {
        return Optional.ofNullable(switch (keyCode) {
            case KeyEvent.VK_UP, KeyEvent.VK_U, KeyEvent.VK_KP_UP -> Button.UP;
            case KeyEvent.VK_DOWN, KeyEvent.VK_D, KeyEvent.VK_KP_DOWN -> Button.DOWN;
            case KeyEvent.VK_H -> Button.HOME;
            case KeyEvent.VK_P -> Button.PRESET;
            case KeyEvent.VK_S -> Button.STOP;
            default -> null;
        });
    }

    static boolean handles(int keyCode) {
        return keyCode == KeyEvent.VK_E || buttonFor(keyCode).isPresent();
    }

    /** Returns true when the key is ours (the caller consumes the event). */
    boolean keyPressed(int keyCode) {
        if (!handles(keyCode)) {
            return false;
        }
        releasedAtNanos.remove(keyCode); // an auto-repeat pair: the key never went up
        if (!down.add(keyCode)) {
            return true; // auto-repeat of a key already down
        }
        if (keyCode == KeyEvent.VK_E) {
            toggleEstop.run();
        } else {
            buttonFor(keyCode).ifPresent(b -> hand.press(b, HandController.Source.KEY));
        }
        return true;
    }

    boolean keyReleased(int keyCode) {
        if (!handles(keyCode)) {
            return false;
        }
        if (down.contains(keyCode)) {
            releasedAtNanos.put(keyCode, clock.nanoTime());
        }
        return true;
    }

    /** Commits the releases that no repeat press followed within the grace time. */
    void poll() {
        long now = clock.nanoTime();
        releasedAtNanos.entrySet().removeIf(e -> {
            if (now - e.getValue() < RELEASE_GRACE_NANOS) {
                return false;
            }
            up(e.getKey());
            return true;
        });
    }

    /** Whether a release is waiting for {@link #poll()}; the window polls only then. */
    boolean releasePending() {
        return !releasedAtNanos.isEmpty();
    }

    void focusLost() {
        releasedAtNanos.clear();
        down.clear();
        hand.releaseAll();
    }

    private void up(int keyCode) {
        down.remove(keyCode);
        buttonFor(keyCode).ifPresent(b -> hand.release(b, HandController.Source.KEY));
    }
}
