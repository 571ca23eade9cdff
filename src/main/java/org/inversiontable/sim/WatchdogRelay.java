package org.inversiontable.sim;

/**
 * The external watchdog relay of SPEC §4 and §9 (charge-pump style): it holds motor power while
 * the WATCHDOG line toggles, drops it when the line has not toggled for {@link #DROP_NANOS}, and
 * brings it back only when the line toggles again. It is the barrier that does not depend on the
 * program: a hung loop, or a supervisor that stops the heartbeat on a drive that moves by itself.
 *
 * <pre>{@code
 * WatchdogRelay relay = new WatchdogRelay(wires.watchdogHigh());
 * // every physics step:
 * relay.observe(wires.watchdogHigh(), nowNanos);
 * table.step(dt, duty, enabled, relay.motorPowered());
 * }</pre>
 *
 * <p>Starts unpowered: like the real charge pump, it needs to see the line toggle first. Only
 * the simulation's thread uses it.
 */
public final class WatchdogRelay {
    /** SPEC §9: motor power drops when the line has not toggled for 100 ms. */
    public static final long DROP_NANOS = 100_000_000L;

    private boolean lastLevel;
    private long lastToggleNanos;
    private boolean powered;
    private long droppedAtNanos = Long.MIN_VALUE;

    /** @param initialLevel the WATCHDOG line's level when the relay is wired up */
    public WatchdogRelay(boolean initialLevel) {
        this.lastLevel = initialLevel;
    }

    /** Looks at the line at {@code nowNanos}; call at least every millisecond of simulated time. */
    public void observe(boolean level, long nowNanos) {
        if (level != lastLevel) {
            lastLevel = level;
            lastToggleNanos = nowNanos;
            powered = true;
        } else if (powered && nowNanos - lastToggleNanos >= DROP_NANOS) {
            powered = false;
            droppedAtNanos = nowNanos;
        }
    }

    /**
     * The whole machine lost its supply at {@code nowNanos}: the relay's coil drops at once, and
     * the WATCHDOG line reads low (no process drives it), so the first level seen after the power
     * comes back is not mistaken for a toggle: motor power returns only when a new process
     * toggles the line.
     */
    public void supplyCut(long nowNanos) {
        if (powered) {
            powered = false;
            droppedAtNanos = nowNanos;
        }
        lastLevel = false;
    }

    public boolean motorPowered() {
        return powered;
    }

    /** When motor power last dropped, or {@link Long#MIN_VALUE} if it never has. */
    public long droppedAtNanos() {
        return droppedAtNanos;
    }
}
