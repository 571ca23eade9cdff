package org.inversiontable.calibration;

/** Why a calibration was not kept; each has its fix in docs/calibration.md. */
public enum RefusalReason {
    /** Fewer than two poses at rest. */
    TOO_FEW_POSES,
    /** The poses' angles are too close together for an axis's offset and scale to be told apart. */
    POSES_TOO_CLOSE,
    /** Too few fresh samples while sampling: the bus or the chip. */
    SENSOR_SILENT,
    /** The table turned or drifted while it was meant to stand still. */
    TABLE_MOVING,
    /** The accelerometer shook while sampling: a touch, a loose mounting. */
    VIBRATION,
    /** The gravity the sensor reads at rest is far from 1 g. */
    GRAVITY_IMPLAUSIBLE,
    /** The configured axes or sign do not match how the chip is fitted. */
    AXIS_MAPPING_WRONG,
    /** An offset or scale beyond what a working chip shows ({@code ImuCalibration}'s bounds). */
    OUT_OF_BOUNDS,
    /** The corrected poses disagree with their reference angles. */
    RESIDUAL_TOO_LARGE,
    /** Nobody acted within the step's time. */
    TIMED_OUT,
    /** The e-stop was pressed. */
    ESTOP,
    /** The controller stopped the move with a fault. */
    DRIVE_FAULT,
    /** The table did not move when driven. */
    NO_MOTION,
    /** The result could not be written to the state directory. */
    NOT_STORED
}
