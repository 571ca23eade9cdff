package org.inversiontable.safety;

import java.util.function.BooleanSupplier;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.TickInputs;

/**
 * Every fault detector of SPEC §6 that judges the sensor and the drive, run once a tick in one
 * fixed order: the loop's own timing, the IMU's plausibility, then the motion checks on the
 * angle the IMU lets through, then the HOME switch. It only finds faults; the supervisor latches
 * them and decides what they mean for the motor.
 *
 * <pre>{@code
 * detectors.detect(inputs, applied, estopLatched, angleTrusted, sink);   // each tick
 * if (detectors.causeGone(code, homeSwitchAtHome)) { ...the reset rule may clear it... }
 * }</pre>
 *
 * Only the control thread uses it.
 */
final class DriveDetectors {
    /** A reset of an IMU fault needs this many ticks in a row of accepted samples (0.2 s). */
    private static final int IMU_GOOD_TICKS_FOR_RESET = 20;
    /** After a rejected sample, the motion detectors wait this long (0.5 s) for a clean IMU. */
    private static final int IMU_DOUBT_TICKS = 50;

    /** Where a detector's verdict goes: the supervisor's latch. */
    interface TripSink {
        void latch(Trip trip, long nowNanos);
    }

    private final EnvelopeGuard envelope;
    private final ImuPlausibility imu;
    private final LoopOverrun overrun;
    private final MotionDisagreement motion = new MotionDisagreement();
    private final FrozenSensorDetector frozen = new FrozenSensorDetector();
    private final WrongWayGuard wrongWay = new WrongWayGuard();
    private final UncommandedMotionDetector uncommanded = new UncommandedMotionDetector();
    private final OverspeedDetector overspeed;
    private final HomeSwitchConsistency homeSwitch;

    private double acceptedAngleDeg = Double.NaN;
    private double lastTrustedAngleDeg = Double.NaN;
    /** Consecutive ticks with an accepted sample: an IMU fault's cause is gone after a run of them. */
    private int goodImuTicks;
    /** Ticks left in which the motion detectors do not judge, after a rejected IMU sample. */
    private int imuDoubtTicks;

    DriveDetectors(SafetySettings settings, EnvelopeGuard envelope, long startNanos) {
        this.envelope = envelope;
        this.imu = new ImuPlausibility(startNanos);
        this.overrun = new LoopOverrun(settings.periodNanos());
        this.overspeed = new OverspeedDetector(settings.downLimits().vMaxDegPerS(), settings.periodNanos());
        this.homeSwitch = new HomeSwitchConsistency(settings.homeDeg());
    }

    /** The overspeed limit of the sessions from now on (a profile's, SPEC §13). */
    void limitSpeedTo(double vMaxDegPerS) {
        overspeed.limitTo(vMaxDegPerS);
    }

    /**
     * Runs every detector on this tick's inputs and the command the gate applied last tick.
     *
     * @param trustedNow asked after the IMU check (which may just have latched an IMU fault):
     *                   the angle is trusted this tick
     */
    void detect(TickInputs in, MotorCommand applied, boolean estopLatched, BooleanSupplier trustedNow, TripSink sink) {
        long now = in.timeNanos();
        tripIf(overrun.tickStarted(now), now, sink);
        ImuCheck sample = imu.check(in.tilt(), now);
        if (sample.tripped()) {
            sink.latch(sample.trip(), now);
        }
        acceptedAngleDeg = sample.acceptedAngleDeg();
        boolean trusted = trustedNow.getAsBoolean();
        goodImuTicks = sample.hasAngle() ? goodImuTicks + 1 : 0;
        if (trusted && Double.isFinite(acceptedAngleDeg)) {
            lastTrustedAngleDeg = acceptedAngleDeg;
            envelope.observe(acceptedAngleDeg);
        }
        // While the IMU is throwing out samples, the ones it lets through are not good enough to
        // judge the drive by: a noisy sensor must show as an IMU fault (limp home open-loop), not
        // as a motion fault (limp home closed-loop on a bad angle).
        imuDoubtTicks = sample.rejected() ? IMU_DOUBT_TICKS : Math.max(0, imuDoubtTicks - 1);
        if (trusted && !estopLatched) {
            tripIf(frozen.update(applied, acceptedAngleDeg), now, sink);
            if (imuDoubtTicks > 0) {
                motion.reset();
                wrongWay.reset();
            } else {
                tripIf(motion.update(applied, acceptedAngleDeg, now), now, sink);
                tripIf(wrongWay.update(applied, acceptedAngleDeg, envelope.rawNoiseDeg(), now), now, sink);
            }
        }
        // Whatever the command and the e-stop: a drive that moves by itself is not stopped by
        // either (SPEC §4), only by the relay that the heartbeat holds.
        if (trusted && imuDoubtTicks == 0) {
            tripIf(uncommanded.update(applied.enabled(), envelope.angleDeg(), envelope.filteredNoiseDeg(), now),
                    now, sink);
            tripIf(overspeed.update(acceptedAngleDeg, envelope.rawNoiseDeg(), now), now, sink);
        } else {
            uncommanded.reset();
            overspeed.reset();
        }
        if (!estopLatched) {
            tripIf(homeSwitch.update(in.panel().homeSwitchAtHome(), acceptedAngleDeg, trusted, now), now, sink);
        }
    }

    /** SPEC §4: a fault is reset only once its cause is gone. */
    boolean causeGone(FaultCode code, boolean homeSwitchAtHome) {
        return switch (code) {
            case IMU_STALE, IMU_OUT_OF_RANGE, IMU_NON_FINITE, IMU_GRAVITY, IMU_JUMP, IMU_FROZEN ->
                    goodImuTicks >= IMU_GOOD_TICKS_FOR_RESET;
            case HOME_SWITCH_DISAGREE -> homeSwitch.agrees(homeSwitchAtHome, imu.lastAcceptedAngleDeg());
            default -> true;
        };
    }

    /** After a reset: the motion checks start afresh and the IMU is judged anew. */
    void reset(long nowNanos) {
        motion.reset();
        frozen.reset();
        wrongWay.reset();
        uncommanded.reset();
        overspeed.reset();
        imu.restart(nowNanos);
    }

    /** The IMU's plausibility checks believe its angle. */
    boolean imuTrusted() {
        return imu.angleTrusted();
    }

    /** This tick's accepted sample (NaN when none). */
    double acceptedAngleDeg() {
        return acceptedAngleDeg;
    }

    /** The last angle that was trusted (NaN when none ever was). */
    double lastTrustedAngleDeg() {
        return lastTrustedAngleDeg;
    }

    private static void tripIf(Trip trip, long now, TripSink sink) {
        if (trip != null) {
            sink.latch(trip, now);
        }
    }
}
