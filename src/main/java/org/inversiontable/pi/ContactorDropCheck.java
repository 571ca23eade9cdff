package org.inversiontable.pi;

import java.util.function.BooleanSupplier;
import org.inversiontable.hardware.Heartbeat;
import org.inversiontable.runtime.Parker;
import org.inversiontable.time.Clock;

/**
 * Proves at every start that the motor contactors K1 and K3 drop when the heartbeat stops: the
 * one barrier that holds when the program hangs or dies with an output left driving (a killed
 * process leaves its gpiod outputs and its sysfs PWM as they were; PI4J-NOTES). The chain is
 * heartbeat -> U3 -> Q1 -> K2 coil -> K2 contact -> K1/K3 coils (hardware/WIRING.md §4.1).
 *
 * <p>Read back on {@code relay_aux_pin} through opto U4 and the contactors' mirror contacts in
 * series (WIRING.md §4.3): LOW = K1 and K3 both dropped; HIGH = either closed or welded, or the
 * read-back broken. Both levels are checked, because each alone can be faked by one fault: a
 * broken read-back reads HIGH for ever (caught by the drop), a shorted opto reads LOW for ever
 * (caught by the pick-up, which must first see HIGH with the heartbeat running).
 *
 * <p>Runs while ENABLE is LOW, so switching the motor leads moves nothing. With {@code
 * relay_aux_pin = 0} (not wired) the drop is not proven and the report says so plainly.
 */
public final class ContactorDropCheck implements SelfTestCheck {
    /** SPEC §9 and hardware/WIRING.md §4.3: the contactors drop within 100 ms of the last edge. */
    static final long DROP_LIMIT_NANOS = 100_000_000L;
    /** WIRING.md §4.3 expects the pick-up within about 100 ms; five times that before calling it failed. */
    static final long PICK_UP_TIMEOUT_NANOS = 500_000_000L;
    /** The heartbeat's half period: the runtime toggles every 10 ms tick. */
    static final long TOGGLE_NANOS = 10_000_000L;
    static final long POLL_NANOS = 1_000_000L;
    /** The contactors must stay in this long with the heartbeat running before the drop is timed. */
    static final long STEADY_NANOS = 100_000_000L;

    private final Heartbeat heartbeat;
    private final boolean readBackWired;
    private final BooleanSupplier contactorsDropped;
    private final int readBackPin;
    private final Clock clock;
    private final Parker parker;
    private long lastToggleNanos;

    /**
     * @param contactorsDropped true when {@code relay_aux_pin} reads LOW (both mirror contacts closed)
     * @param readBackPin       the BCM pin of {@code relay_aux_pin}, for the messages
     */
    public ContactorDropCheck(Heartbeat heartbeat, boolean readBackWired, BooleanSupplier contactorsDropped,
            int readBackPin, Clock clock, Parker parker) {
        this.heartbeat = heartbeat;
        this.readBackWired = readBackWired;
        this.contactorsDropped = contactorsDropped;
        this.readBackPin = readBackPin;
        this.clock = clock;
        this.parker = parker;
    }

    @Override
    public String part() {
        return "contactor drop";
    }

    @Override
    public CheckResult run() {
        if (!readBackWired) {
            return CheckResult.notProven("relay_aux_pin = 0 (not wired): that the contactors K1 and K3 drop when the"
                    + " program stops was NOT proven. Wire their mirror contacts through U4 to BCM 4 and set"
                    + " relay_aux_pin = 4, or test the drop by hand (hardware/WIRING.md §4.3, §9 step 7)");
        }
        String relayAux = "RELAY_AUX (BCM " + readBackPin + ")";
        if (!heartbeatUntilPickedUp()) {
            return CheckResult.failed(relayAux + " still reads LOW ('K1 and K3 dropped') after "
                    + PICK_UP_TIMEOUT_NANOS / 1_000_000 + " ms of heartbeat: either the contactors do not pick up"
                    + " (U3, Q1, K2's coil and contact, F2, an open e-stop block S1a/S1b, K1/K3's coils) or the"
                    + " read-back is stuck LOW (U4's transistor shorted, the wire to BCM " + readBackPin
                    + " shorted to GND), which would fake every drop (hardware/WIRING.md §4.3)");
        }
        if (!heartbeatWhileIn(STEADY_NANOS)) {
            return CheckResult.failed(relayAux + " fell to LOW ('dropped') although the heartbeat runs: U3's pulse"
                    + " is shorter than the 20 ms between rising edges (check Rext/Cext), K2's coil supply is weak,"
                    + " or a contactor's coil circuit is intermittent");
        }
        long lastEdge = lastToggleNanos;
        long droppedAfter = -1;
        while (clock.nanoTime() - lastEdge <= DROP_LIMIT_NANOS) {
            if (contactorsDropped.getAsBoolean()) {
                droppedAfter = clock.nanoTime() - lastEdge;
                break;
            }
            parker.parkNanos(POLL_NANOS);
        }
        if (droppedAfter < 0) {
            return CheckResult.failed(relayAux + " still reads HIGH " + DROP_LIMIT_NANOS / 1_000_000 + " ms after"
                    + " the last heartbeat edge: K1 or K3 did not drop (a welded main contact, or K2's contact"
                    + " welded), U3's pulse is too long (Rext/Cext, about 54 ms), K2 is an active-LOW module, or the"
                    + " read-back is broken (U4, R2, the K1/K3 mirror contacts' wiring, the wire to BCM "
                    + readBackPin + "): a hung program would keep the motor connected");
        }
        if (!heartbeatUntilPickedUp()) {
            return CheckResult.failed("K1 and K3 dropped " + droppedAfter / 1_000_000 + " ms after the heartbeat"
                    + " stopped, but " + relayAux + " did not read HIGH again when it resumed: check U3, Q1 and"
                    + " K2's coil");
        }
        return CheckResult.passed("K1 and K3 dropped " + droppedAfter / 1_000_000 + " ms after the last heartbeat"
                + " edge (at most " + DROP_LIMIT_NANOS / 1_000_000 + ") and picked up again; " + relayAux
                + " read HIGH with them in and LOW with them out");
    }

    /** Toggles the heartbeat until the read-back says the contactors are in; false on timeout. */
    private boolean heartbeatUntilPickedUp() {
        long start = clock.nanoTime();
        while (contactorsDropped.getAsBoolean()) {
            if (clock.nanoTime() - start > PICK_UP_TIMEOUT_NANOS) {
                return false;
            }
            toggleOnce();
        }
        return true;
    }

    /** Toggles for {@code nanos}; false when the read-back says dropped meanwhile. */
    private boolean heartbeatWhileIn(long nanos) {
        long start = clock.nanoTime();
        while (clock.nanoTime() - start < nanos) {
            toggleOnce();
            if (contactorsDropped.getAsBoolean()) {
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
