package org.inversiontable.hardware;

/** Every port of one table, as the control loop sees them. */
public record TableHardware(TiltSensor tilt, ControlPanel panel, HBridge motor, Indicators indicators,
                            Heartbeat heartbeat) {
}
