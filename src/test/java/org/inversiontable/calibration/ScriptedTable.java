package org.inversiontable.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.PanelReading;
import org.inversiontable.hardware.PinMap.ImuMounting;

/**
 * A kinematic table for the procedure's unit tests: the drive moves the bed at a fixed speed while
 * asked (no inertia), down to the HOME end stop; the chip is {@link SyntheticPoses}; the test sets
 * the buttons, the e-stop and the drive's status, and reads back every request and beep.
 */
final class ScriptedTable implements CalibrationRig {
    static final double TICK_S = 0.01;

    final double homeDeg;
    double angleDeg;
    double speedDegS = 4.0;
    double shakeDeg;
    int buttons;
    boolean estop;
    boolean imuSilent;
    DriveStatus status = DriveStatus.READY;
    final List<DriveRequest> requests = new ArrayList<>();
    final List<BeepCode> beeps = new ArrayList<>();
    private final SyntheticPoses chip;
    private double rateDegS;
    private int tick;

    ScriptedTable(double homeDeg, ImuMounting fitted, long seed) {
        this.homeDeg = homeDeg;
        this.angleDeg = homeDeg;
        this.chip = new SyntheticPoses(fitted, SyntheticPoses.MISCALIBRATED, seed, 0.003, 0.1);
    }

    void hold(Button b) {
        buttons |= b.bit();
    }

    void release(Button b) {
        buttons &= ~b.bit();
    }

    DriveRequest lastRequest() {
        return requests.get(requests.size() - 1);
    }

    @Override
    public Optional<RawImuSample> readImu() {
        tick++;
        if (imuSilent) {
            return Optional.empty();
        }
        double shake = shakeDeg * Math.sin(tick * 0.7);
        return Optional.of(chip.sample(angleDeg + shake, rateDegS + shakeDeg * 0.7 / TICK_S * Math.cos(tick * 0.7)));
    }

    @Override
    public PanelReading panel() {
        return new PanelReading(estop, angleDeg <= homeDeg + 0.5, buttons);
    }

    @Override
    public void beep(BeepCode code) {
        beeps.add(code);
    }

    @Override
    public DriveStatus drive(DriveRequest request) {
        requests.add(request);
        rateDegS = 0;
        if (status.condition() == DriveStatus.Condition.READY && !estop) {
            rateDegS = switch (request) {
                case TOWARD_INVERSION -> speedDegS;
                case TOWARD_UPRIGHT -> -speedDegS;
                case STOP -> 0.0;
            };
            angleDeg = Math.max(homeDeg, angleDeg + rateDegS * TICK_S);
        }
        return status;
    }
}
