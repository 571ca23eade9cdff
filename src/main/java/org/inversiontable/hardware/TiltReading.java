package org.inversiontable.hardware;

/**
 * One read of the tilt sensor.
 *
 * <p>Missing data reads as missing, never as zero: unless {@code status} is {@link Status#FRESH}
 * the angle and gravity are NaN, so a dead sensor can only ever look like a fault, never like a
 * flat table.
 *
 * @param status    whether this read carries a new sample
 * @param angleDeg  inversion angle (SPEC §2: 0 flat, +90 head down), offset and sign applied
 * @param gravityG  magnitude of the measured acceleration in g, for plausibility (≈ 1 at rest)
 */
public record TiltReading(Status status, double angleDeg, double gravityG) {
    public enum Status {
        /** A new sample since the previous read. */
        FRESH,
        /** The sensor answered but has no new sample (data-ready not set). */
        NO_NEW_SAMPLE,
        /** The bus transfer failed or the device did not answer. */
        BUS_ERROR
    }

    public static final TiltReading NO_NEW_SAMPLE = new TiltReading(Status.NO_NEW_SAMPLE, Double.NaN, Double.NaN);
    public static final TiltReading BUS_ERROR = new TiltReading(Status.BUS_ERROR, Double.NaN, Double.NaN);

    public TiltReading {
        if (status == null) {
            throw new IllegalArgumentException("status must not be null");
        }
    }

    public static TiltReading fresh(double angleDeg, double gravityG) {
        return new TiltReading(Status.FRESH, angleDeg, gravityG);
    }

    public boolean isFresh() {
        return status == Status.FRESH;
    }
}
