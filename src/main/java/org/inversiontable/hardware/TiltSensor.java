package org.inversiontable.hardware;

/** The IMU that measures the bed's inversion angle. Read once per control tick. */
public interface TiltSensor {
    /** The newest sample, or a reading that says why there is none. Never throws. */
    TiltReading read();
}
