package org.inversiontable.calibration;

import java.util.Optional;
import org.inversiontable.hardware.PanelReading;

/**
 * The table as the calibration procedure sees it: small on purpose, so that nothing in it can
 * reach the motor except through the controller's own hold-to-run path.
 *
 * <p>How the integrator implements {@link #drive} on the Pi: tick the real control loop (the same
 * {@code ControllerAssembly} as {@code run}: controller, {@code SafetySupervisor}, {@code MotorGate})
 * with the panel's buttons replaced by the request: DOWN held for TOWARD_INVERSION, UP held for
 * TOWARD_UPRIGHT, no button for STOP. The procedure asks for a direction only while the builder
 * holds that very button, so the controller sees no more than the builder's hand, and its angle
 * limit, speed limits, e-stop and fault latches all apply unchanged. Never an H-bridge.
 *
 * <p>Called on one thread, once per 10 ms tick, in the order readImu, panel, drive.
 */
public interface CalibrationRig {
    /** The newest raw sample (chip axes, no calibration, no mapping), empty when none is new. */
    Optional<RawImuSample> readImu();

    /** The buttons, e-stop and HOME switch now. */
    PanelReading panel();

    /** Sounds a pattern; returns at once (the buzzer plays it off this thread or over the next ticks). */
    void beep(BeepCode code);

    /** Hold-to-run through the controller and its safety gate; called every tick, STOP included. */
    DriveStatus drive(DriveRequest request);
}
