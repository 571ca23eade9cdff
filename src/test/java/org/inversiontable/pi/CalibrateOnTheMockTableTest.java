package org.inversiontable.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.inversiontable.calibration.CalibrationEstimator;
import org.inversiontable.calibration.CalibrationPlan;
import org.inversiontable.calibration.CalibrationProcedure;
import org.inversiontable.calibration.CalibrationStep;
import org.inversiontable.calibration.DriveRequest;
import org.inversiontable.calibration.DriveStatus;
import org.inversiontable.calibration.RefusalReason;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.ImuCalibration.Axes;
import org.inversiontable.hardware.PinMap.ImuMounting;
import org.inversiontable.session.CalibrationStore;
import org.inversiontable.session.NioDurableFileSystem;
import org.inversiontable.session.StoredCalibration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole calibration through {@link PiCalibrationRig} on Pi4J's mock providers: the register-level
 * fake MPU-6050 behind the real driver, a chip with per-axis offsets, scales and gyro offsets (the
 * test's own physics writes what such a chip reads), the motor moved only by what the H-bridge's mock
 * pins carry, and a builder who presses the real (mock) buttons as the console asks.
 */
class CalibrateOnTheMockTableTest {
    private static final long MS = MockTableBench.MS;
    private static final double HOME_DEG = -65.0;
    private static final double NO_LOAD_DEG_PER_S = 10.0;
    /** raw = true / scale + offset, per chip axis; and the gyro's offsets. */
    private static final ImuCalibration ERRORS = new ImuCalibration(new Axes(0.06, -0.04, 0.08),
            new Axes(1.03, 0.98, 0.97), new Axes(2.5, -1.5, 0.7));

    @TempDir
    Path stateDir;

    private final MockTableBench bench = new MockTableBench(false);
    private final ImuMounting mounting = bench.wiring.pins().imu();
    private final Random random = new Random(3);
    private final List<String> console = new ArrayList<>();
    private final List<DriveStatus> statuses = new ArrayList<>();
    private PiCalibrationRig rig;
    private CalibrationProcedure procedure;
    private double angleDeg = HOME_DEG;
    private double speedDegPerS;
    private long nextSampleNanos;
    private int tick;
    private int heartbeatEdges;
    private boolean lastHeartbeat;
    private boolean buzzed;

    @AfterEach
    void close() {
        rig.close();
        bench.close();
    }

    private void build(ImuMounting configured) {
        bench.imuSampling = false;
        rig = PiCalibrationRig.on(bench.config, bench.table, bench.clock, bench.parker);
        CalibrationStore store = new CalibrationStore(stateDir, new NioDurableFileSystem());
        procedure = new CalibrationProcedure(recording(), configured,
                CalibrationPlan.forHome(bench.config.number(ConfigKey.HOME_DEG)),
                s -> store.save(new StoredCalibration(s.calibration(), Instant.parse("2026-11-30T22:00:00Z"), configured,
                        s.residualDeg())), console::add);
    }

    /** The rig, with each drive status kept for the test. */
    private org.inversiontable.calibration.CalibrationRig recording() {
        return new org.inversiontable.calibration.CalibrationRig() {
            @Override
            public java.util.Optional<org.inversiontable.calibration.RawImuSample> readImu() {
                return rig.readImu();
            }

            @Override
            public org.inversiontable.hardware.PanelReading panel() {
                return rig.panel();
            }

            @Override
            public void beep(org.inversiontable.calibration.BeepCode code) {
                rig.beep(code);
            }

            @Override
            public DriveStatus drive(DriveRequest request) {
                DriveStatus status = rig.drive(request);
                statuses.add(status);
                return status;
            }
        };
    }

    /** 10 ms of the world, a millisecond at a time: the motor, the end stop, the switch, the chip. */
    private void world10Ms() {
        for (int i = 0; i < 10; i++) {
            bench.clock.advanceNanos(MS);
            // a first-order motor: the speed follows the duty on the wires within ~50 ms
            double target = bench.wires.dutyOnWires() * NO_LOAD_DEG_PER_S;
            speedDegPerS += (target - speedDegPerS) * 0.02;
            angleDeg = Math.max(HOME_DEG, Math.min(90.0, angleDeg + speedDegPerS * 1e-3));
            if (angleDeg == HOME_DEG && speedDegPerS < 0) {
                speedDegPerS = 0;
            }
            bench.wires.setHomeSwitchOpen(angleDeg <= HOME_DEG + 0.5);
            long now = bench.clock.nanoTime();
            if (now >= nextSampleNanos) {
                double[] g = mounting.accelerationG(angleDeg);
                double[] w = mounting.rateDegPerS(speedDegPerS);
                double[] raw = new double[3];
                for (int k = 0; k < 3; k++) {
                    raw[k] = g[k] / ERRORS.accelScale().get(k) + ERRORS.accelOffsetG().get(k) + random.nextGaussian() * 0.003;
                    w[k] += ERRORS.gyroOffsetDegS().get(k) + random.nextGaussian() * 0.05;
                }
                bench.chip.setMotion(raw[0], raw[1], raw[2], w[0], w[1], w[2]);
                nextSampleNanos = now + 5 * MS;
            }
            boolean heartbeat = bench.wires.watchdogHigh();
            if (heartbeat != lastHeartbeat) {
                heartbeatEdges++;
                lastHeartbeat = heartbeat;
            }
            buzzed |= bench.wires.buzzerOn();
        }
    }

    /** The builder at the table, on the real (mock) buttons. */
    private void builder() {
        tick++;
        for (Button b : Button.values()) {
            bench.wires.setButtonPressed(b, false);
        }
        switch (procedure.step()) {
            case AWAIT_HOME -> bench.wires.setButtonPressed(Button.STOP, tick % 20 < 10);
            case MOVE_TOWARD_LEVEL, AWAIT_AXIS_CHECK, AXIS_CHECK_MOVE -> bench.wires.setButtonPressed(Button.DOWN, true);
            case LEVEL -> {
                boolean pressing = tick % 60 < (Math.abs(angleDeg) > 1 ? 45 : 8);
                boolean still = Math.abs(speedDegPerS) < 0.01 && !bench.wires.motorEnabled();
                if (Math.abs(angleDeg) > 0.1 && pressing) {
                    bench.wires.setButtonPressed(angleDeg < 0 ? Button.DOWN : Button.UP, true);
                } else if (Math.abs(angleDeg) <= 0.1 && still) {
                    bench.wires.setButtonPressed(Button.STOP, tick % 20 < 10);
                }
            }
            case RETURN_HOME -> bench.wires.setButtonPressed(Button.UP, tick % 300 > 5);
            default -> {
            }
        }
    }

    private void runToTheEnd(double maxS) {
        for (int i = 0; i < maxS * 100 && !procedure.step().finished(); i++) {
            world10Ms();
            procedure.tick(bench.clock.nanoTime());
            builder();
        }
    }

    @Test
    void aMiscalibratedChipIsCalibratedThroughTheRealControlLoopAndTheStoredResultCorrectsIt() throws Exception {
        build(mounting);
        runToTheEnd(400);
        assertEquals(CalibrationStep.DONE, procedure.step(), String.join("\n", console));
        ImuCalibration stored = new CalibrationStore(stateDir, new NioDurableFileSystem()).loadFor(mounting).calibration();
        for (double angle = -70; angle <= 90; angle += 10) {
            double[] g = mounting.accelerationG(angle);
            double[] raw = new double[3];
            for (int k = 0; k < 3; k++) {
                raw[k] = g[k] / ERRORS.accelScale().get(k) + ERRORS.accelOffsetG().get(k);
            }
            double[] corrected = CalibrationEstimator.corrected(new Axes(raw[0], raw[1], raw[2]), stored);
            assertEquals(angle, mounting.angleDeg(corrected[0], corrected[1], corrected[2]), 0.5, "at " + angle);
        }
        assertEquals(ERRORS.gyroOffsetDegS().x(), stored.gyroOffsetDegS().x(), 0.1);
        assertTrue(statuses.stream().allMatch(s -> s.condition() == DriveStatus.Condition.READY), statuses::toString);
        assertTrue(heartbeatEdges > 1000, "the heartbeat toggled every tick: " + heartbeatEdges);
        assertTrue(buzzed, "the beep codes reached the buzzer");
        assertTrue(angleDeg <= HOME_DEG + 0.5, "brought home through the controller: " + angleDeg);
        assertFalse(bench.wires.motorEnabled(), "home and stopped: the motor's enable is LOW");
    }

    @Test
    void theControllerAloneDecidesTheMotorAndTheMaskedButtonsCannotStartAMove() {
        build(mounting);
        // PRESET and HOME pressed on the real panel while the procedure asks for nothing: no motion.
        bench.wires.setButtonPressed(Button.PRESET, true);
        bench.wires.setButtonPressed(Button.HOME, true);
        for (int i = 0; i < 100; i++) {
            world10Ms();
            rig.readImu();
            rig.panel();
            rig.drive(DriveRequest.STOP);
        }
        assertEquals(HOME_DEG, angleDeg, 1e-9, "masked buttons move nothing");
        for (int i = 0; i < 100; i++) {
            world10Ms();
            rig.readImu();
            rig.panel();
            rig.drive(DriveRequest.TOWARD_INVERSION);
        }
        assertTrue(angleDeg > HOME_DEG + 1, "the request is a held DOWN: " + angleDeg);
    }

    @Test
    void theEstopPressedIsReportedAsEstopAndTheMotorIsOff() {
        build(mounting);
        for (int i = 0; i < 50; i++) {
            world10Ms();
            rig.readImu();
            rig.panel();
            rig.drive(DriveRequest.TOWARD_INVERSION);
        }
        bench.wires.setEstopOpen(true);
        DriveStatus status = DriveStatus.READY;
        for (int i = 0; i < 5; i++) {
            world10Ms();
            rig.readImu();
            rig.panel();
            status = rig.drive(DriveRequest.TOWARD_INVERSION);
        }
        assertEquals(DriveStatus.Condition.ESTOP, status.condition());
        assertFalse(bench.wires.motorEnabled());
    }

    @Test
    void theRawSampleIsTheChipsOwnUncalibratedAxesAndComesOncePerSample() {
        build(mounting);
        world10Ms();
        rig.readImu();
        rig.panel();
        rig.drive(DriveRequest.STOP);
        org.inversiontable.calibration.RawImuSample s = rig.readImu().orElseThrow();
        double[] g = mounting.accelerationG(HOME_DEG);
        assertEquals(g[0] / ERRORS.accelScale().x() + ERRORS.accelOffsetG().x(), s.accelG().x(), 0.02);
        assertEquals(g[2] / ERRORS.accelScale().z() + ERRORS.accelOffsetG().z(), s.accelG().z(), 0.02);
        assertEquals(ERRORS.gyroOffsetDegS().y(), s.gyroDegS().y(), 0.3);
        assertTrue(rig.readImu().isEmpty(), "no new sample until the loop reads one");
    }

    @Test
    void aReversedAlongAxisIsRefusedAtHomeNamingTheKeyAndNothingMoves() {
        build(new ImuMounting(org.inversiontable.calibration.MountingAxes.reversed(mounting.axisAlong()),
                mounting.axisNormal(), mounting.offsetDeg(), mounting.accelRangeG()));
        runToTheEnd(30);
        assertEquals(RefusalReason.AXIS_MAPPING_WRONG, procedure.refusal().orElseThrow().reason());
        assertTrue(procedure.refusal().get().message().contains("set imu_axis_along = x, imu_axis_normal = z"),
                procedure.refusal().get().message());
        assertEquals(HOME_DEG, angleDeg, 1e-9);
    }
}
