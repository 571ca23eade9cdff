package org.inversiontable.safety;

/**
 * What {@link ImuPlausibility} concluded about one tick's tilt reading.
 *
 * <p>The values: {@code acceptedAngleDeg}, the angle to use this tick, or NaN when there is none (no
 * sample, or the sample was rejected), never a stale value standing in for a bad one; {@code fault},
 * the fault that trips on this tick, or null; {@code cause}, why the sample was rejected or the fault
 * tripped, null when the sample was accepted or there was no sample and nothing is wrong.
 *
 * <p>Not a record, so that the 100 Hz tick allocates nothing (SPEC §11): the accepted sample of the
 * steady state comes in the {@link ImuPlausibility}'s own check, refilled with each accepted sample
 * (valid until its next check, on the control thread only); the others are made as they come (a
 * rejected sample or a fault is not the steady state) and never change.
 */
public final class ImuCheck {
    static final ImuCheck NO_SAMPLE = new ImuCheck(Double.NaN, null, null);

    private double acceptedAngleDeg;
    private final FaultCode fault;
    private final String cause;

    private ImuCheck(double acceptedAngleDeg, FaultCode fault, String cause) {
        if (fault != null && cause == null) {
            throw new IllegalArgumentException("cause must be given with fault " + fault.code());
        }
        if (fault != null && !Double.isNaN(acceptedAngleDeg)) {
            throw new IllegalArgumentException("a tick that trips an IMU fault has no accepted angle, was "
                    + acceptedAngleDeg);
        }
        this.acceptedAngleDeg = acceptedAngleDeg;
        this.fault = fault;
        this.cause = cause;
    }

    static ImuCheck accepted(double angleDeg) {
        return new ImuCheck(angleDeg, null, null);
    }

    /** An accepted sample's check over the previous one: only on the plausibility's own, {@link #accepted} made. */
    ImuCheck accept(double angleDeg) {
        acceptedAngleDeg = angleDeg;
        return this;
    }

    static ImuCheck rejected(String cause) {
        return new ImuCheck(Double.NaN, null, cause);
    }

    static ImuCheck tripped(FaultCode fault, String cause) {
        return new ImuCheck(Double.NaN, fault, cause);
    }

    public double acceptedAngleDeg() {
        return acceptedAngleDeg;
    }

    public FaultCode fault() {
        return fault;
    }

    public String cause() {
        return cause;
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

    @Override
    public String toString() {
        return "ImuCheck[acceptedAngleDeg=" + acceptedAngleDeg + ", fault=" + fault + ", cause=" + cause + "]";
    }
}
