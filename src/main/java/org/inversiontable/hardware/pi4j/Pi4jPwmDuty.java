package org.inversiontable.hardware.pi4j;

import com.pi4j.io.pwm.Pwm;

/**
 * The duty on a Pi4J {@link Pwm}: the path of the simulator and the tests (Pi4J's mock PWM). The
 * Pi does not use it: {@code run} writes the duty through {@link SysfsPwmChannel}, because
 * Pi4J's {@code LinuxFsPwm.on()} disables and re-enables the channel on every change.
 *
 * <p>Pi4J 3's duty is an integer percent. So that the simulated table sees the same fine duty the
 * Pi's nanosecond writes give, the rounding remainder of each write is carried into the next (a
 * first-order sigma-delta): over N writes the mean written percent differs from the mean
 * commanded one by at most 0.5/N. The percent is written only when it changes.
 *
 * <p>Confined to the holder of {@link Pi4jHBridge}'s tick lock.
 */
public final class Pi4jPwmDuty implements DutyOutput {
    private final Pwm pwm;
    private double remainderPercent;
    private int writtenPercent = -1;

    public Pi4jPwmDuty(Pwm pwm) {
        if (pwm == null) {
            throw new IllegalArgumentException("pwm must not be null");
        }
        this.pwm = pwm;
    }

    @Override
    public void duty(double fraction) {
        double wantedPercent = Math.max(0.0, Math.min(1.0, fraction)) * 100.0 + remainderPercent;
        int percent = (int) Math.max(0, Math.min(100, Math.round(wantedPercent)));
        remainderPercent = wantedPercent - percent;
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

    /** Always writes (no caching): the one path that must not be skipped. */
    @Override
    public void zero() {
        remainderPercent = 0.0;
        writtenPercent = 0;
        pwm.setDutyCycle(0);
        pwm.off();
    }

    @Override
    public double readBack() {
        return pwm.isOn() ? pwm.getDutyCycle() / 100.0 : 0.0;
    }
}
