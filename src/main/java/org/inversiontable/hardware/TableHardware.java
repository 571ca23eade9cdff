package org.inversiontable.hardware;

/** Every port of one table, as the control loop sees them. */
public record TableHardware(TiltSensor tilt, ControlPanel panel, HBridge motor, Indicators indicators,
                            Heartbeat heartbeat) {
    /**
     * The same table read through another panel ({@code calibrate} gives the controller the
     * procedure's hold-to-run instead of the hand controller's buttons); every other port unchanged,
     * the motor still reaching only the gate the assembly builds.
     */
    public TableHardware withPanel(ControlPanel newPanel) {
        if (newPanel == null) {
            throw new IllegalArgumentException("newPanel must not be null");
        }
        return new TableHardware(tilt, newPanel, motor, indicators, heartbeat);
    }

    /** The same table with other indicators ({@code calibrate} adds its beep codes to the buzzer). */
    public TableHardware withIndicators(Indicators newIndicators) {
        if (newIndicators == null) {
            throw new IllegalArgumentException("newIndicators must not be null");
        }
        return new TableHardware(tilt, panel, motor, newIndicators, heartbeat);
    }
}
