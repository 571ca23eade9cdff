package org.inversiontable.hardware.pi4j;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import org.inversiontable.hardware.HBridge;
import org.inversiontable.hardware.MotorCommand;

/**
 * The H-bridge on three Pi4J outputs: direction (HIGH = toward inversion), enable (HIGH = on)
 * and the hardware PWM that sets the speed.
 *
 * <pre>{@code
 * HBridge motor = new Pi4jHBridge(dir, enable, pwm);
 * motor.apply(supervisedCommand, nowNanos);   // every tick
 * motor.pollWatchdog(nowNanos);               // from any thread, at least every few ms
 * panel.onEstopOpened(motor::inhibit);       // from the e-stop's own event
 * }</pre>
 *
 * <p>Every method holds one lock, so an {@link #inhibit()} from the e-stop's event thread either
 * runs before a concurrent {@link #apply} (which then sees the latch and writes OFF) or right
 * after it (and overwrites it with OFF): a command computed before the e-stop can never leave
 * the motor enabled.
 *
 * <p>Write order: when enabling, direction first, then duty, then enable, so the bridge never
 * sees enable with a stale direction or duty; when disabling, enable LOW first, so the motor is
 * unpowered before anything else changes. A reversal while enabled first drops the duty to 0.
 *
 * <p>Pi4J 3's PWM duty is an integer percent, so 1 % is the finest step. To make small and
 * fractional duties exact on average, the rounding remainder of each write is carried into the
 * next one (a first-order sigma-delta modulator): over N writes the mean written percent differs
 * from the mean commanded percent by at most 0.5/N. At the 100 Hz loop the dither is far below
 * the actuator's mechanical bandwidth. On linuxfs each change of percent rewrites the sysfs PWM
 * (Pi4J disables and re-enables the channel), so the percent is written only when it changes.
 */
public final class Pi4jHBridge implements HBridge {
    private final DigitalOutput direction;
    private final DigitalOutput enable;
    private final Pwm pwm;

    private boolean inhibited;
    private boolean refreshed;
    private long lastApplyNanos;
    private MotorCommand output = MotorCommand.OFF;
    private double remainderPercent;
    private int writtenPercent = -1;

    public Pi4jHBridge(DigitalOutput direction, DigitalOutput enable, Pwm pwm) {
        if (direction == null || enable == null || pwm == null) {
            throw new IllegalArgumentException("direction, enable and pwm must not be null");
        }
        this.direction = direction;
        this.enable = enable;
        this.pwm = pwm;
        writeOff();
    }

    @Override
    public synchronized void apply(MotorCommand command, long nowNanos) {
        if (command == null) {
            throw new IllegalArgumentException("command must not be null");
        }
        lastApplyNanos = nowNanos;
        refreshed = true;
        if (inhibited || !command.enabled()) {
            writeOff();
        } else {
            writeOn(command);
        }
    }

    @Override
    public synchronized void inhibit() {
        inhibited = true;
        writeOff();
    }

    @Override
    public synchronized void clearInhibit() {
        inhibited = false;
    }

    @Override
    public synchronized boolean inhibited() {
        return inhibited;
    }

    @Override
    public synchronized boolean pollWatchdog(long nowNanos) {
        if (!refreshed || nowNanos - lastApplyNanos < WATCHDOG_TIMEOUT_NANOS || !output.enabled()) {
            return false;
        }
        writeOff();
        return true;
    }

    @Override
    public synchronized MotorCommand output() {
        return output;
    }

    /** The percent last written to the PWM (0..100), for tests and the trace. */
    public synchronized int pwmPercent() {
        return Math.max(0, writtenPercent);
    }

    private void writeOn(MotorCommand command) {
        double duty = command.duty();
        DigitalState wantedDirection = duty > 0 ? DigitalState.HIGH
                : duty < 0 ? DigitalState.LOW : direction.state();
        if (output.enabled() && wantedDirection != direction.state() && writtenPercent > 0) {
            writePercent(0);
        }
        direction.state(wantedDirection);
        double wantedPercent = Math.abs(duty) * 100.0 + remainderPercent;
        int percent = (int) Math.max(0, Math.min(100, Math.round(wantedPercent)));
        remainderPercent = wantedPercent - percent;
        writePercent(percent);
        enable.state(DigitalState.HIGH);
        output = command;
    }

    /** Always writes both lines (no caching): the one path that must not be skipped. */
    private void writeOff() {
        remainderPercent = 0.0;
        try {
            enable.state(DigitalState.LOW);
        } finally {
            writtenPercent = 0;
            pwm.setDutyCycle(0);
            pwm.off();
            output = MotorCommand.OFF;
        }
    }

    private void writePercent(int percent) {
        if (percent == writtenPercent) {
            return;
        }
        writtenPercent = -1;  // unknown until the write succeeds, so a failed write is retried
        if (percent == 0) {
            pwm.setDutyCycle(0);
            pwm.off();
        } else {
            pwm.on(percent);
        }
        writtenPercent = percent;
    }
}
