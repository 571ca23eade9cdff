package org.inversiontable.hardware.pi4j;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import java.util.concurrent.locks.ReentrantLock;
import org.inversiontable.hardware.HBridge;
import org.inversiontable.hardware.MotorCommand;

/**
 * The H-bridge on two Pi4J outputs, direction (HIGH = toward inversion) and enable (HIGH = on),
 * and a {@link DutyOutput} for the speed: {@link SysfsPwmChannel} on a Pi, Pi4J's mock PWM in
 * the simulator and the tests.
 *
 * <pre>{@code
 * HBridge motor = new Pi4jHBridge(dir, enable, duty);
 * motor.apply(supervisedCommand, nowNanos);   // every tick
 * motor.pollWatchdog(nowNanos);               // from any thread, at least every few ms
 * panel.onEstopOpened(motor::inhibit);       // from the e-stop's own event
 * }</pre>
 *
 * <p>Thread-safety. {@link #apply}, {@link #pollWatchdog} and {@link #clearInhibit} hold the tick
 * lock (the duty output is confined to it). {@link #inhibit()} takes no lock it must wait for:
 * it sets a volatile latch and drives ENABLE LOW at once, on the e-stop's event thread, even while
 * a tick holds the lock (SPEC §11: the e-stop does not wait for the tick). An {@link #apply} that
 * raced it re-reads the latch after its own ENABLE HIGH and drives ENABLE LOW again, so whichever
 * order the two threads run in, the last write to ENABLE is LOW: a command computed before the
 * e-stop can never leave the motor enabled. The duty is zeroed by inhibit when the lock is free,
 * otherwise by the tick that holds it; with ENABLE LOW the bridge does not drive either way.
 * The command kept as {@link #output()} may be one of the position loop's reusable drives
 * ({@link MotorCommand#reusableDrive}), refilled on the control thread two commands later: off
 * that thread only the watchdog poll reads it, and only its enable line, which such a drive never
 * changes (the e-stop's thread only writes {@link MotorCommand#OFF}).
 *
 * <p>Write order: when enabling, direction first, then duty, then enable, so the bridge never
 * sees enable with a stale direction or duty; when disabling, enable LOW first, so the motor is
 * unpowered before anything else changes. A reversal while enabled first drops the duty to 0.
 */
public final class Pi4jHBridge implements HBridge {
    private final DigitalOutput direction;
    private final DigitalOutput enable;
    private final DutyOutput duty;
    private final ReentrantLock tickLock = new ReentrantLock();

    private volatile boolean inhibited;
    private volatile MotorCommand output = MotorCommand.OFF;
    private boolean refreshed;
    private long lastApplyNanos;
    private double writtenDuty;

    public Pi4jHBridge(DigitalOutput direction, DigitalOutput enable, DutyOutput duty) {
        if (direction == null || enable == null || duty == null) {
            throw new IllegalArgumentException("direction, enable and duty must not be null");
        }
        this.direction = direction;
        this.enable = enable;
        this.duty = duty;
        writeOff();
    }

    /** On a Pi4J PWM (the mock path of the simulator and the tests). */
    public Pi4jHBridge(DigitalOutput direction, DigitalOutput enable, Pwm pwm) {
        this(direction, enable, new Pi4jPwmDuty(pwm));
    }

    @Override
    public void apply(MotorCommand command, long nowNanos) {
        if (command == null) {
            throw new IllegalArgumentException("command must not be null");
        }
        tickLock.lock();
        try {
            lastApplyNanos = nowNanos;
            refreshed = true;
            if (inhibited || !command.enabled()) {
                writeOff();
            } else {
                writeOn(command);
                if (inhibited) {
                    // The e-stop came while this tick wrote: its LOW may have come before our HIGH.
                    writeOff();
                }
            }
        } finally {
            tickLock.unlock();
        }
    }

    @Override
    public void inhibit() {
        inhibited = true;
        enable.state(DigitalState.LOW);
        output = MotorCommand.OFF;
        if (tickLock.tryLock()) {
            try {
                writeOff();
            } finally {
                tickLock.unlock();
            }
        }
    }

    @Override
    public void clearInhibit() {
        tickLock.lock();
        try {
            inhibited = false;
        } finally {
            tickLock.unlock();
        }
    }

    @Override
    public boolean inhibited() {
        return inhibited;
    }

    @Override
    public boolean pollWatchdog(long nowNanos) {
        tickLock.lock();
        try {
            if (!refreshed || nowNanos - lastApplyNanos < WATCHDOG_TIMEOUT_NANOS || !output.enabled()) {
                return false;
            }
            writeOff();
            return true;
        } finally {
            tickLock.unlock();
        }
    }

    @Override
    public MotorCommand output() {
        return output;
    }

    /** The lock a tick holds while it writes; tests hold it to prove the e-stop does not wait for it. */
    ReentrantLock tickLock() {
        return tickLock;
    }

    private void writeOn(MotorCommand command) {
        double signed = command.duty();
        DigitalState wantedDirection = signed > 0 ? DigitalState.HIGH
                : signed < 0 ? DigitalState.LOW : direction.state();
        if (output.enabled() && wantedDirection != direction.state() && writtenDuty > 0) {
            duty.zero();
            writtenDuty = 0.0;
        }
        direction.state(wantedDirection);
        duty.duty(Math.abs(signed));
        writtenDuty = Math.abs(signed);
        enable.state(DigitalState.HIGH);
        output = command;
    }

    /** Always writes both lines (no caching): the one path that must not be skipped. */
    private void writeOff() {
        try {
            enable.state(DigitalState.LOW);
        } finally {
            output = MotorCommand.OFF;
            writtenDuty = 0.0;
            duty.zero();
        }
    }
}
