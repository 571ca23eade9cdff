package org.inversiontable.hardware;

/**
 * One read of the tilt sensor.
 *
 * <p>Missing data reads as missing, never as zero: unless the status {@linkplain #isFresh() carries a
 * sample} the angle and gravity are NaN, so a dead sensor can only ever look like a fault, never
 * like a flat table.
 *
 * <p>The statuses name the driver's verdict on the sample, so the trace (which records the status by
 * name) carries everything the supervisor judged, and a replay judges the same.
 *
 * @param status    whether this read carries a new sample, and whether its gyro and accelerometer agree
 * @param angleDeg  inversion angle (SPEC §2: 0 flat, +90 head down): the gyro fused with the
 *                  accelerometer's angle, calibration, mounting and trim applied
 * @param gravityG  magnitude of the measured acceleration in g, for plausibility (≈ 1 at rest)
 */
public record TiltReading(Status status, double angleDeg, double gravityG) {
    public enum Status {
        /** A new sample since the previous read. */
        FRESH,
        /**
         * A new sample, but the accelerometer's angle and the gyro-tracked angle have drifted apart
         * by more than the driver's bound (a stuck gyro, an accelerometer that jumped or went noisy).
         * The angle is given; the supervisor latches {@code imu_disagree} when this lasts.
         */
        DISAGREEING,
        /**
         * A new sample whose accelerometer angle left the gyro-tracked angle by more than any real
         * acceleration of the table explains (a glitch, a spike): no angle, judged as a jump.
         */
        OUTLIER,
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

    /** A new sample with an angle: {@link Status#FRESH} or {@link Status#DISAGREEING}. */
    public boolean isFresh() {
        return status == Status.FRESH || status == Status.DISAGREEING;
    }

    public static TiltReading disagreeing(double angleDeg, double gravityG) {
        return new TiltReading(Status.DISAGREEING, angleDeg, gravityG);
    }

    public static final TiltReading OUTLIER = new TiltReading(Status.OUTLIER, Double.NaN, Double.NaN);
}
