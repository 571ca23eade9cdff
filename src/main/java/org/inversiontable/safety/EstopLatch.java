package org.inversiontable.safety;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The e-stop latch (SPEC §4: stop category 0, latched). Pi4J's listener calls {@link #trip()}
 * on its own thread the moment the contact opens; the loop reads {@link #latched()} each tick.
 *
 * <pre>{@code
 * estopInput.addListener(e -> latch.trip());      // listener thread
 * if (snapshot.estopOpen()) latch.trip();           // loop: the level too, every tick
 * if (latch.latched()) bridge.disable();
 * if (stopHeld2s) latch.tryReset(snapshot.estopOpen());
 * }</pre>
 *
 * <p>Also tripping on the level each tick matters: an edge that arrives between the loop's read
 * of the input and {@link #tryReset} is cleared by that reset, and the level re-latches it on the
 * next tick; at boot, a contact already open produces no edge at all.
 */
public final class EstopLatch {
    private final AtomicBoolean latched = new AtomicBoolean();

    /** Safe to call from any thread, any number of times. */
    public void trip() {
        latched.set(true);
    }

    public boolean latched() {
        return latched.get();
    }

    /**
     * Clears the latch only once the e-stop input no longer reads stop (LinuxCNC's estop_latch:
     * the fault must be gone first), so a reset can never re-enable a motor while the button is
     * still pressed or the wire is broken.
     *
     * @return true if the latch is now clear
     */
    public boolean tryReset(boolean estopInputStillOpen) {
        if (estopInputStillOpen) {
            latched.set(true);
            return false;
        }
        latched.set(false);
        return true;
    }
}
