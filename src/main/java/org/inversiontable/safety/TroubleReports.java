package org.inversiontable.safety;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one path by which trouble found off the control thread reaches the supervisor (in the
 * spirit of WPILib's MotorSafety): the e-stop's input event, the H-bridge watchdog's expiry, and
 * later the journal writer's failures. A report is latched here at once, from any thread; the
 * next tick takes it and latches it in the supervisor's own latches, where only the reset rule
 * of SPEC §4 clears it.
 *
 * <pre>{@code
 * trouble.report(FaultCode.MOTOR_WATCHDOG, "not refreshed for 50 ms");   // any thread
 * Trip t = trouble.takeFault();                                         // the control thread, each tick
 * }</pre>
 *
 * <p>Thread-safe without locks: the e-stop flag is an {@link AtomicBoolean}, the pending fault an
 * {@link AtomicReference} set only while empty, so the first cause is kept until the tick takes it
 * (later reports are usually consequences of the first, as in {@link FaultLatch}). Nothing here
 * blocks, so the e-stop's event thread never waits for a tick.
 */
public final class TroubleReports {
    private final AtomicBoolean estopOpened = new AtomicBoolean();
    private final AtomicReference<Trip> pendingFault = new AtomicReference<>();

    /** The e-stop contact opened. Any thread. */
    public void estopOpened() {
        estopOpened.set(true);
    }

    /** A fault found off the control thread. Any thread; the first pending cause wins. */
    public void report(FaultCode code, String cause) {
        pendingFault.compareAndSet(null, new Trip(code, cause));
    }

    /** True once per e-stop report: the control thread latches it. */
    boolean takeEstop() {
        return estopOpened.getAndSet(false);
    }

    /** An e-stop report that no tick has taken yet. */
    boolean estopPending() {
        return estopOpened.get();
    }

    /** The pending fault, or null; the control thread latches it. */
    Trip takeFault() {
        return pendingFault.getAndSet(null);
    }
}
