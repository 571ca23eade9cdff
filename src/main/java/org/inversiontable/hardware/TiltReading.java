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
 * <p>The values: {@code status}, whether this read carries a new sample, and whether its gyro and
 * accelerometer agree; {@code angleDeg}, the inversion angle (SPEC §2: 0 flat, +90 head down): the
 * gyro fused with the accelerometer's angle, calibration, mounting and trim applied; {@code gravityG},
 * the magnitude of the measured acceleration in g, for plausibility (≈ 1 at rest).
 *
 * <p>Not a record, so that the 100 Hz tick allocates nothing (SPEC §11): a driver owns one
 * {@linkplain #reusable() reusable} reading and {@linkplain #refill refills} it with each sample, so
 * the reading a {@code read()} returns is valid until the next read and confined to the thread that
 * reads (the control thread); {@link #copy()} gives one that nothing changes. The constants and the
 * readings the constructor and the factories make are values: they never change.
 */
public final class TiltReading {
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
    public static final TiltReading OUTLIER = new TiltReading(Status.OUTLIER, Double.NaN, Double.NaN);

    private final boolean reusable;
    private Status status;
    private double angleDeg;
    private double gravityG;

    public TiltReading(Status status, double angleDeg, double gravityG) {
        this(false, status, angleDeg, gravityG);
    }

    private TiltReading(boolean reusable, Status status, double angleDeg, double gravityG) {
        if (status == null) {
            throw new IllegalArgumentException("status must not be null");
        }
        this.reusable = reusable;
        this.status = status;
        this.angleDeg = angleDeg;
        this.gravityG = gravityG;
    }

    /** A driver's own reading, to {@linkplain #refill refill} with each sample; no sample until then. */
    public static TiltReading reusable() {
        return new TiltReading(true, Status.NO_NEW_SAMPLE, Double.NaN, Double.NaN);
    }

    /**
     * A new sample over the previous one; only on a {@link #reusable()} reading.
     *
     * @throws IllegalStateException on a value (a constant, or one made by the constructor or a
     *                               factory), which never changes
     */
    public TiltReading refill(Status newStatus, double newAngleDeg, double newGravityG) {
        if (!reusable) {
            throw new IllegalStateException("this reading is a value: only a driver's own reading is refilled");
        }
        if (newStatus == null) {
            throw new IllegalArgumentException("status must not be null");
        }
        this.status = newStatus;
        this.angleDeg = newAngleDeg;
        this.gravityG = newGravityG;
        return this;
    }

    /** A reading equal to this one that nothing changes. */
    public TiltReading copy() {
        return reusable ? new TiltReading(status, angleDeg, gravityG) : this;
    }

    public static TiltReading fresh(double angleDeg, double gravityG) {
        return new TiltReading(Status.FRESH, angleDeg, gravityG);
    }

    public static TiltReading disagreeing(double angleDeg, double gravityG) {
        return new TiltReading(Status.DISAGREEING, angleDeg, gravityG);
    }

    /** A new sample with an angle: {@link Status#FRESH} or {@link Status#DISAGREEING}. */
    public boolean isFresh() {
        return status == Status.FRESH || status == Status.DISAGREEING;
    }

    public Status status() {
        return status;
    }

    public double angleDeg() {
        return angleDeg;
    }

    public double gravityG() {
        return gravityG;
    }

    /** Equal values, as a record's: the angle and gravity compared as {@link Double#compare} does. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TiltReading other && status == other.status
                && Double.compare(angleDeg, other.angleDeg) == 0 && Double.compare(gravityG, other.gravityG) == 0;
    }

    @Override
    public int hashCode() {
        return (status.hashCode() * 31 + Double.hashCode(angleDeg)) * 31 + Double.hashCode(gravityG);
    }

    @Override
    public String toString() {
        return "TiltReading[status=" + status + ", angleDeg=" + angleDeg + ", gravityG=" + gravityG + "]";
    }
}
