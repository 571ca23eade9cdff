package org.inversiontable.sim;

/**
 * What the simulated IMU shows after a simulation step, as an angle (another class turns it into
 * the accelerometer vector and the chip's registers).
 *
 * <p>Missing data reads as missing: while {@code connected} is false the angle and gravity are NaN
 * and the chip model must NACK every transfer.
 *
 * @param connected        false while a DISCONNECT fault is active: the sensor does not answer
 * @param newSample        a new sample was produced during the last step (data-ready)
 * @param sequence         number of samples produced so far; the caller can compare it with the
 *                         one it saw last to detect a new sample even if it skipped steps
 * @param sampleTimeNanos  simulated time of the newest sample
 * @param angleDeg         measured inversion angle: true + bias + noise (+ spike)
 * @param gravityG         measured gravity magnitude in g (1 plus a little noise)
 * @param rateDegPerS      the gyro's rate about the pivot: the true rate of the angle + offset + noise
 * @param alongG           acceleration along the bed besides gravity (a jolt), in g; 0 without jolts
 */
public record ImuOutput(
        boolean connected,
        boolean newSample,
        long sequence,
        long sampleTimeNanos,
        double angleDeg,
        double gravityG,
        double rateDegPerS,
        double alongG) {

    public ImuOutput {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0, was " + sequence);
        }
        if (connected && (!Double.isFinite(angleDeg) || !Double.isFinite(gravityG) || !Double.isFinite(rateDegPerS)
                || !Double.isFinite(alongG))) {
            throw new IllegalArgumentException("a connected IMU must show a finite angleDeg, gravityG, rateDegPerS"
                    + " and alongG, was " + angleDeg + ", " + gravityG + ", " + rateDegPerS + ", " + alongG);
        }
        if (!connected && newSample) {
            throw new IllegalArgumentException("a disconnected IMU cannot announce a newSample");
        }
    }
}
