package org.inversiontable.hardware;

/**
 * The WATCHDOG line to the external charge-pump relay: toggled every healthy tick. When the
 * program hangs, dies or stops toggling, the relay drops motor power on its own.
 */
public interface Heartbeat {
    void toggle();

    /** The level this program last wrote (for the trace). */
    boolean high();
}
