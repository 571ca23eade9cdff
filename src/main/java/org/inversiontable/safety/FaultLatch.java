package org.inversiontable.safety;

/**
 * Holds the first motor fault until the reset rule of SPEC §4 lets the supervisor clear it
 * (LinuxCNC's latch: nothing but {@link #reset()} clears it, and the caller decides when).
 *
 * <pre>{@code
 * Trip t = stall.update(applied, angleDeg, now);
 * if (t != null) latch.trip(t, now);      // idempotent: the first cause wins
 * if (latch.latched()) command = MotorCommand.OFF;
 * }</pre>
 *
 * <p>Only the loop thread uses it. The first cause is kept because later trips are usually
 * consequences of the first (a stalled motor then also looks like a wrong direction), and the
 * user and the log need the root cause.
 */
public final class FaultLatch {
    private FaultCode code;
    private String cause;
    private long trippedAtNanos;

    /** @return true if this call latched the fault, false if one was already latched */
    public boolean trip(FaultCode code, String cause, long nowNanos) {
        if (code == null) {
            throw new IllegalArgumentException("code must not be null");
        }
        if (code == FaultCode.BUTTON_STUCK) {
            // SPEC §4: a stuck button is reported, it must never disable the motor.
            throw new IllegalArgumentException("button_stuck is reported, never latched as a motor fault");
        }
        if (this.code != null) {
            return false;
        }
        this.code = code;
        this.cause = (cause == null || cause.isBlank()) ? code.meaning() : cause;
        this.trippedAtNanos = nowNanos;
        return true;
    }

    public boolean trip(Trip trip, long nowNanos) {
        return trip(trip.code(), trip.cause(), nowNanos);
    }

    public boolean latched() {
        return code != null;
    }

    /** The first latched code, or null when not latched. */
    public FaultCode code() {
        return code;
    }

    /** The cause given with the first trip, or null when not latched. */
    public String cause() {
        return cause;
    }

    /** When the first trip happened; meaningless when not latched. */
    public long trippedAtNanos() {
        return trippedAtNanos;
    }

    /** Clears unconditionally: the caller enforces SPEC §4 (e-stop released, cause gone, STOP held 2 s). */
    public void reset() {
        code = null;
        cause = null;
        trippedAtNanos = 0;
    }
}
