package org.inversiontable.calibration;

import java.util.Optional;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.PanelReading;
import org.inversiontable.scenario.ButtonAction;
import org.inversiontable.scenario.SimulatedSession;
import org.inversiontable.trace.TraceRow;

/**
 * The rig as the integrator is to build it, on the desktop: the drive is the real controller of a
 * {@link SimulatedSession} (controller, supervisor, gate, Pi4J mock pins, simulated physics),
 * given DOWN or UP as if held while the procedure asks for a direction, and nothing otherwise; the
 * builder's own hand (STOP, and the buttons it holds) is what {@link #panel()} reads.
 */
final class SimulatedTableRig implements CalibrationRig {
    private final SimulatedSession session;
    private final MiscalibratedChip chip;
    private int builderButtons;
    private int heldForTheController;
    private TraceRow last;
    private long nowNanos;
    private double maxTrueAngleDeg = Double.NEGATIVE_INFINITY;
    int beeps;

    SimulatedTableRig(SimulatedSession session, MiscalibratedChip chip) {
        this.session = session;
        this.chip = chip;
    }

    /** The physics and the controller up to {@code tNanos}. */
    void advanceTo(long tNanos) {
        nowNanos = tNanos;
        session.runUntil(tNanos, row -> last = row);
        maxTrueAngleDeg = Math.max(maxTrueAngleDeg, session.table().angleTrueDeg());
    }

    double maxTrueAngleDeg() {
        return maxTrueAngleDeg;
    }

    long nowNanos() {
        return nowNanos;
    }

    void hold(Button b) {
        builderButtons |= b.bit();
    }

    void release(Button b) {
        builderButtons &= ~b.bit();
    }

    double trueAngleDeg() {
        return session.table().angleTrueDeg();
    }

    TraceRow lastRow() {
        return last;
    }

    @Override
    public Optional<RawImuSample> readImu() {
        return Optional.of(chip.read());
    }

    @Override
    public PanelReading panel() {
        return new PanelReading(false, session.table().homeSwitchAtHome(), builderButtons);
    }

    @Override
    public void beep(BeepCode code) {
        beeps++;
    }

    @Override
    public DriveStatus drive(DriveRequest request) {
        int wanted = switch (request) {
            case TOWARD_INVERSION -> Button.DOWN.bit();
            case TOWARD_UPRIGHT -> Button.UP.bit();
            case STOP -> 0;
        };
        for (Button b : new Button[] {Button.UP, Button.DOWN}) {
            if (b.in(wanted) != b.in(heldForTheController)) {
                session.apply(new ButtonAction(b, b.in(wanted)));
            }
        }
        heldForTheController = wanted;
        if (last == null) {
            return DriveStatus.READY;
        }
        if ("ESTOP".equals(last.state())) {
            return new DriveStatus(DriveStatus.Condition.ESTOP, "");
        }
        // A latched fault leaves the controller in FAULT or LIMP_HOME; a row's fault field also carries
        // reports that stop nothing (button_stuck, SPEC §4), which must not end a calibration.
        if ("FAULT".equals(last.state()) || "LIMP_HOME".equals(last.state())) {
            return new DriveStatus(DriveStatus.Condition.FAULT, last.fault());
        }
        return DriveStatus.READY;
    }
}
