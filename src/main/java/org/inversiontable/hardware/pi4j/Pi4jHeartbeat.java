package org.inversiontable.hardware.pi4j;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import org.inversiontable.hardware.Heartbeat;

/**
 * The WATCHDOG line to the external charge-pump relay. Only a line that keeps changing keeps the
 * relay in; a line stuck at either level (program hung, dead, or Pi4J shut down to LOW) drops it.
 */
public final class Pi4jHeartbeat implements Heartbeat {
    private final DigitalOutput line;
    private boolean high;

    public Pi4jHeartbeat(DigitalOutput line) {
        if (line == null) {
            throw new IllegalArgumentException("line must not be null");
        }
        this.line = line;
        this.high = line.state() == DigitalState.HIGH;
    }

    @Override
    public void toggle() {
        high = !high;
        line.state(high ? DigitalState.HIGH : DigitalState.LOW);
    }

    @Override
    public boolean high() {
        return high;
    }
}
