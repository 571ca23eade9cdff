package org.inversiontable.sim;

/** IMU faults a scenario can inject (SPEC §9). */
public enum ImuFault {
    /** No new sample arrives any more. */
    STALE,
    /** Every bus transfer fails. */
    DISCONNECT,
    /** The reading freezes at its current value (still flagged as new). */
    STUCK,
    /** Gaussian noise of the given standard deviation (deg) on every sample from now on. */
    NOISE,
    /** The next single sample is offset by the given angle (deg). */
    SPIKE
}
