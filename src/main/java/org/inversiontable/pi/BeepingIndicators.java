package org.inversiontable.pi;

import org.inversiontable.calibration.BeepCode;
import org.inversiontable.calibration.BeepPlayer;
import org.inversiontable.hardware.Indicators;
import org.inversiontable.time.Clock;

/**
 * The LED and buzzer during {@code calibrate}: the controller's own patterns (its alarms above all)
 * pass through, and the procedure's beep codes are added to the buzzer over the following ticks,
 * since the controller writes the indicators every tick and a direct write would last one tick.
 *
 * <p>Thread-safety: used on the control thread only (the loop's tick and the rig's beep).
 */
final class BeepingIndicators implements Indicators {
    private final Indicators wired;
    private final Clock clock;
    private final BeepPlayer player = new BeepPlayer();

    BeepingIndicators(Indicators wired, Clock clock) {
        if (wired == null || clock == null) {
            throw new IllegalArgumentException("wired and clock must not be null");
        }
        this.wired = wired;
        this.clock = clock;
    }

    void beep(BeepCode code) {
        player.start(code, clock.nanoTime());
    }

    @Override
    public void set(boolean ledOn, boolean buzzerOn) {
        wired.set(ledOn, buzzerOn || player.on(clock.nanoTime()));
    }
}
