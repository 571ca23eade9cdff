package org.inversiontable.simulator;

import org.inversiontable.sim.FaultGroup;

/**
 * Every fault of SPEC §9 that a person at the simulator can inject, with the words a menu shows
 * and the group that {@code clear} lifts. Noise and spike take the sizes a menu offers by default.
 */
public enum InjectableFault {
    IMU_STALE("IMU: stale (no new sample)", FaultGroup.IMU),
    IMU_DISCONNECT("IMU: disconnected (every bus transfer fails)", FaultGroup.IMU),
    IMU_STUCK("IMU: stuck at its current reading", FaultGroup.IMU),
    IMU_NOISE("IMU: noise of 2 deg", FaultGroup.IMU),
    IMU_SPIKE("IMU: one spike of 10 deg", FaultGroup.IMU),
    MOTOR_STALL("Motor: stall", FaultGroup.MOTOR),
    MOTOR_REVERSED("Motor: reversed wiring", FaultGroup.MOTOR),
    MOTOR_RUNAWAY("Motor: runaway (shorted H-bridge)", FaultGroup.MOTOR),
    HOME_SWITCH_STUCK_OPEN("HOME switch: stuck open (always at home)", FaultGroup.HOME_SWITCH),
    HOME_SWITCH_STUCK_CLOSED("HOME switch: stuck closed (never at home)", FaultGroup.HOME_SWITCH);

    /** The sigma of {@link #IMU_NOISE} and the offset of {@link #IMU_SPIKE}. */
    public static final double NOISE_SIGMA_DEG = 2.0;
    public static final double SPIKE_DEG = 10.0;

    private final String label;
    private final FaultGroup group;

    InjectableFault(String label, FaultGroup group) {
        this.label = label;
        this.group = group;
    }

    /** What a menu shows. */
    public String label() {
        return label;
    }

    /** What {@link SimulatorControls#clear} lifts it with. */
    public FaultGroup group() {
        return group;
    }
}
