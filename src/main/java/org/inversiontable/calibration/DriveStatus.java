package org.inversiontable.calibration;

/**
 * What the drive says after this tick's request.
 *
 * @param condition whether it can move, or what stopped it
 * @param detail    the fault's code and cause in words when {@code condition} is FAULT, else empty
 */
public record DriveStatus(Condition condition, String detail) {
    public enum Condition {
        /** Moving or ready to move on request. */
        READY,
        /** The e-stop is pressed or latched. */
        ESTOP,
        /**
         * The supervisor latched a fault: the motor is off (the controller in FAULT or LIMP_HOME).
         * Not a report that stops nothing, such as {@code button_stuck} (SPEC §4).
         */
        FAULT
    }

    public static final DriveStatus READY = new DriveStatus(Condition.READY, "");

    public DriveStatus {
        if (condition == null || detail == null) {
            throw new IllegalArgumentException("condition and detail must not be null");
        }
    }
}
