package org.inversiontable.safety;

/**
 * What {@link ImuPlausibility} concluded about one tick's tilt reading.
 *
 * @param acceptedAngleDeg the angle to use this tick, or NaN when there is none (no sample, or
 *                         the sample was rejected); never a stale value standing in for a bad one
 * @param fault            the fault that trips on this tick, or null
 * @param cause            why the sample was rejected or the fault tripped; null when the sample
 *                         was accepted or there was no sample and nothing is wrong
 */
public record ImuCheck(double acceptedAngleDeg, FaultCode fault, String cause) {
    static final ImuCheck NO_SAMPLE = new ImuCheck(Double.NaN, null, null);

    public ImuCheck {
        if (fault != null && cause == null) {
            throw new IllegalArgumentException("cause must be given with fault " + fault.code());
        }
        if (fault != null && !Double.isNaN(acceptedAngleDeg)) {
            throw new IllegalArgumentException("a tick that trips an IMU fault has no accepted angle, was "
                    + acceptedAngleDeg);
        }
    }

    static ImuCheck accepted(double angleDeg) {
        return new ImuCheck(angleDeg, null, null);
    }

    static ImuCheck rejected(String cause) {
        return new ImuCheck(Double.NaN, null, cause);
    }

    static ImuCheck tripped(FaultCode fault, String cause) {
        return new ImuCheck(Double.NaN, fault, cause);
    }

    public boolean hasAngle() {
        return !Double.isNaN(acceptedAngleDeg);
    }

    public boolean tripped() {
        return fault != null;
    }

    /** A sample arrived and was thrown away (whether or not it also tripped a fault). */
    public boolean rejected() {
        return cause != null && fault != FaultCode.IMU_STALE;
    }

    /** The fault as a {@link Trip} for the latch, or null. */
    public Trip trip() {
        return fault == null ? null : new Trip(fault, cause);
    }
}
