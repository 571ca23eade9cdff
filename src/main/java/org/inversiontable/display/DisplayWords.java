package org.inversiontable.display;

import org.inversiontable.control.TableState;
import org.inversiontable.safety.FaultCode;

/**
 * The words on the table's display: each state and each fault code in a few capitals that fit the
 * display's width at the size they are shown (a test checks every one). The fault's code
 * ({@code imu_stale}) stays the key shared with the log, the trace and the docs; these are its
 * words for a person lying on the table.
 */
public final class DisplayWords {
    private DisplayWords() {
    }

    public static String state(TableState state) {
        return switch (state) {
            case BOOT -> "STARTING";
            case IDLE -> "IDLE";
            case MOVING -> "MOVING";
            case HOLDING -> "HOLDING";
            case RETURNING -> "RETURNING";
            case ESTOP -> "E-STOP";
            case FAULT -> "FAULT";
            case LIMP_HOME -> "LIMP HOME";
        };
    }

    public static String fault(FaultCode fault) {
        return switch (fault) {
            case IMU_STALE -> "IMU STALE";
            case IMU_OUT_OF_RANGE -> "IMU RANGE";
            case IMU_NON_FINITE -> "IMU VALUE";
            case IMU_GRAVITY -> "IMU GRAVITY";
            case IMU_JUMP -> "IMU JUMP";
            case IMU_FROZEN -> "IMU FROZEN";
            case IMU_DISAGREE -> "GYRO/ACCEL";
            case MOTION_STALL -> "MOTOR STALL";
            case MOTION_WRONG_DIRECTION -> "WRONG WAY";
            case MOTION_UNCOMMANDED -> "RUNAWAY";
            case OVERSPEED -> "OVERSPEED";
            case HOME_SWITCH_DISAGREE -> "HOME SWITCH";
            case LOOP_OVERRUN -> "LOOP LATE";
            case MOTOR_WATCHDOG -> "WATCHDOG";
            case JOURNAL_CORRUPT -> "JOURNAL BAD";
            case BUTTON_STUCK -> "BUTTON HELD";
        };
    }
}
