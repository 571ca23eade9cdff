package org.inversiontable.pi;

import java.util.function.BooleanSupplier;
import org.inversiontable.hardware.Heartbeat;
import org.inversiontable.runtime.Parker;
import org.inversiontable.time.Clock;

/**
 * The watchdog relay K2 drops when the heartbeat stops, and comes back when it runs again: the
 * one barrier that holds when the program hangs or dies with an output left driving (a killed
 * process leaves its gpiod outputs and its sysfs PWM as they were; PI4J-NOTES). Read back
 * through K2's auxiliary contact on {@code relay_aux_pin}: closed while the relay is in.
 *
 * <p>Runs while ENABLE is LOW, so the relay's motor power switching moves nothing. With {@code
 * relay_aux_pin = 0} (not wired) the drop is not proven and the report says so plainly.
 */
public final class RelayDropCheck implements SelfTestCheck {
    /** SPEC §9 and hardware/WIRING.md §4: the relay drops motor power within 100 ms of the last edge. */
    static final long DROP_LIMIT_NANOS = 100_000_000L;
    static final long PULL_IN_TIMEOUT_NANOS = 500_000_000L;
    /** The heartbeat's half period: the runtime toggles every 10 ms tick. */
    static final long TOGGLE_NANOS = 10_000_000L;
    static final long POLL_NANOS = 1_000_000L;
    /** The relay must stay in this long with the heartbeat running before the drop is timed. */
    static final long STEADY_NANOS = 100_000_000L;

    private final Heartbeat heartbeat;
    private final boolean auxWired;
    private final BooleanSupplier auxClosed;
    private final int auxPin;
    private final Clock clock;
    private final Parker parker;
    private long lastToggleNanos;

    public RelayDropCheck(Heartbeat heartbeat, boolean auxWired, BooleanSupplier auxClosed, int auxPin, Clock clock,
            Parker parker) {
        this.heartbeat = heartbeat;
        this.auxWired = auxWired;
        this.auxClosed = auxClosed;
        this.auxPin = auxPin;
        this.clock = clock;
        this.parker = parker;
    }

    @Override
    public String part() {
        return "watchdog relay";
    }

    @Override
    public CheckResult run() {
        if (!auxWired) {
            return CheckResult.notProven("relay_aux_pin = 0 (not wired): that the watchdog relay K2 drops motor power"
                    + " when the program stops was NOT proven. Wire K2's auxiliary contact to a free input and set"
                    + " relay_aux_pin, or test the drop by hand (hardware/WIRING.md §4)");
        }
        if (!heartbeatUntil(true, PULL_IN_TIMEOUT_NANOS)) {
            return CheckResult.failed("K2 does not pull in with the heartbeat running (its auxiliary contact on BCM "
                    + auxPin + " stays open): check U3, Q1, K2's coil supply and the wire to relay_aux_pin");
        }
        if (!heartbeatWhileClosed(STEADY_NANOS)) {
            return CheckResult.failed("K2 drops out although the heartbeat runs: U3's pulse is shorter than the 20 ms"
                    + " between rising edges (check Rext/Cext) or K2's coil supply is weak");
        }
        long lastEdge = lastToggleNanos;
        long droppedAfter = -1;
        while (clock.nanoTime() - lastEdge <= DROP_LIMIT_NANOS) {
            if (!auxClosed.getAsBoolean()) {
                droppedAfter = clock.nanoTime() - lastEdge;
                break;
            }
            parker.parkNanos(POLL_NANOS);
        }
        if (droppedAfter < 0) {
            return CheckResult.failed("K2 did not drop within " + DROP_LIMIT_NANOS / 1_000_000 + " ms of the last"
                    + " heartbeat edge: a hung program would keep motor power. Check U3's Rext/Cext (about 54 ms),"
                    + " that K2 is not an active-LOW module, and that its contact is not welded");
        }
        if (!heartbeatUntil(true, PULL_IN_TIMEOUT_NANOS)) {
            return CheckResult.failed("K2 dropped " + droppedAfter / 1_000_000 + " ms after the heartbeat stopped but"
                    + " did not pull in again when it resumed: check U3 and Q1");
        }
        return CheckResult.passed("K2 dropped " + droppedAfter / 1_000_000 + " ms after the last heartbeat edge (at"
                + " most " + DROP_LIMIT_NANOS / 1_000_000 + ") and pulled in again");
    }

    /** Toggles the heartbeat until the contact reads {@code closed}; false on timeout. */
    private boolean heartbeatUntil(boolean closed, long timeoutNanos) {
        long start = clock.nanoTime();
        while (auxClosed.getAsBoolean() != closed) {
            if (clock.nanoTime() - start > timeoutNanos) {
                return false;
            }
            toggleOnce();
        }
        return true;
    }

    /** Toggles for {@code nanos}; false when the contact opens meanwhile. */
    private boolean heartbeatWhileClosed(long nanos) {
        long start = clock.nanoTime();
        while (clock.nanoTime() - start < nanos) {
            toggleOnce();
            if (!auxClosed.getAsBoolean()) {
                return false;
            }
        }
        return true;
    }

    private void toggleOnce() {
        heartbeat.toggle();
        lastToggleNanos = clock.nanoTime();
        long until = lastToggleNanos + TOGGLE_NANOS;
        while (clock.nanoTime() < until) {
            parker.parkNanos(until - clock.nanoTime());
        }
    }
}
