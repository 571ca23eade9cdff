package org.inversiontable.safety;

/**
 * Every fault the supervisor can latch (SPEC §6), with the code that the log, the trace, the
 * LED pattern and the docs share.
 */
public enum FaultCode {
    IMU_STALE("imu_stale", false, "no fresh IMU sample for 100 ms"),
    IMU_OUT_OF_RANGE("imu_out_of_range", false, "IMU angle outside the mechanical range"),
    IMU_NON_FINITE("imu_non_finite", false, "IMU sample is not a finite number"),
    IMU_GRAVITY("imu_gravity", false, "measured gravity outside 0.8..1.2 g"),
    IMU_JUMP("imu_jump", false, "three IMU samples in a row jumped more than physically possible"),
    IMU_FROZEN("imu_frozen", false, "the IMU reading stayed identical while the motor drove the table"),
    IMU_DISAGREE("imu_disagree", false,
            "the gyro-tracked angle and the accelerometer's angle disagreed beyond their bound for 0.35 s"),
    MOTION_STALL("motion_stall", false, "the angle did not follow the motor command for 1 s"),
    MOTION_WRONG_DIRECTION("motion_wrong_direction", false, "the angle moved against the motor command for 0.5 s"),
    MOTION_UNCOMMANDED("motion_uncommanded", false,
            "the table moved while the H-bridge was disabled (a shorted bridge or a failed brake)"),
    OVERSPEED("overspeed", false, "the measured speed exceeded v_max_deg_s by more than 30 % for 0.3 s"),
    HOME_SWITCH_DISAGREE("home_switch_disagree", false, "HOME switch and angle disagreed for 0.5 s"),
    LOOP_OVERRUN("loop_overrun", true, "a control tick came later than 3 periods"),
    MOTOR_WATCHDOG("motor_watchdog", true, "the motor output was not refreshed for 50 ms"),
    JOURNAL_CORRUPT("journal_corrupt", true, "the session journal was unreadable; the budget is taken as spent"),
    /** Reported, never latched as a motor fault (SPEC §4). */
    BUTTON_STUCK("button_stuck", true, "a button was held longer than stuck_button_s");

    private final String code;
    private final boolean angleAndDriveTrusted;
    private final String meaning;

    FaultCode(String code, boolean angleAndDriveTrusted, String meaning) {
        this.code = code;
        this.angleAndDriveTrusted = angleAndDriveTrusted;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    /**
     * False for the faults that leave the angle or the drive untrusted (IMU, motion
     * disagreement, HOME switch): SPEC §3 forbids the automatic return in those, and limp home
     * runs open-loop.
     */
    public boolean angleAndDriveTrusted() {
        return angleAndDriveTrusted;
    }

    /**
     * True for the faults in which the drive moves the table by itself (SPEC §4): against the
     * command, while disabled, or too fast. Software cannot be trusted to stop such a drive, so
     * the heartbeat stops and the external watchdog relay drops motor power. After the other
     * faults the heartbeat goes on, so that limp home can drive.
     */
    public boolean cutsMotorPower() {
        return this == MOTION_WRONG_DIRECTION || this == MOTION_UNCOMMANDED || this == OVERSPEED;
    }

    /** A fault of the IMU itself: its angle is not believed until a reset. */
    public boolean imuFault() {
        return name().startsWith("IMU_");
    }

    public String meaning() {
        return meaning;
    }
}
