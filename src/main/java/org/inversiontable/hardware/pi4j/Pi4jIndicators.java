package org.inversiontable.hardware.pi4j;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import org.inversiontable.hardware.Indicators;

/** The status LED and the buzzer on two plain outputs (HIGH = on). */
public final class Pi4jIndicators implements Indicators {
    private final DigitalOutput led;
    private final DigitalOutput buzzer;

    public Pi4jIndicators(DigitalOutput led, DigitalOutput buzzer) {
        if (led == null || buzzer == null) {
            throw new IllegalArgumentException("led and buzzer must not be null");
        }
        this.led = led;
        this.buzzer = buzzer;
    }

    @Override
    public void set(boolean ledOn, boolean buzzerOn) {
        led.state(ledOn ? DigitalState.HIGH : DigitalState.LOW);
        buzzer.state(buzzerOn ? DigitalState.HIGH : DigitalState.LOW);
    }
}
