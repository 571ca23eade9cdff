package org.inversiontable.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.PinMap.ImuMounting;
import org.inversiontable.scenario.SimulatedSession;
import org.inversiontable.scenario.StartState;
import org.inversiontable.session.CalibrationState;
import org.inversiontable.session.CalibrationStore;
import org.inversiontable.session.NioDurableFileSystem;
import org.inversiontable.session.StoredCalibration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole procedure on the simulated table, the drive through the real controller and its
 * safety gate, a deliberately miscalibrated chip, and a builder who follows the console.
 */
class CalibrateOnTheSimulatedTableTest {
    private static final long TICK_NANOS = 10_000_000L;

    @TempDir
    Path stateDir;

    private final Config config = Config.defaults();
    private final ImuMounting mounting = PinMap.from(config).imu();
    private final SimulatedSession session = new SimulatedSession(config, StartState.defaults());
    private final List<String> console = new ArrayList<>();
    private SimulatedTableRig rig;
    private CalibrationProcedure procedure;
    private int jogTick;

    @AfterEach
    void close() {
        session.close();
    }

    private void build(ImuMounting configured, int gyroSign) {
        MiscalibratedChip chip = new MiscalibratedChip(session.table(), mounting, SyntheticPoses.MISCALIBRATED, 5, gyroSign);
        rig = new SimulatedTableRig(session, chip);
        CalibrationStore store = new CalibrationStore(stateDir, new NioDurableFileSystem());
        CalibrationKeeper keeper = s -> store.save(new StoredCalibration(s.calibration(),
                Instant.parse("2026-11-30T22:00:00Z"), configured, s.residualDeg()));
        procedure = new CalibrationProcedure(rig, configured, CalibrationPlan.forHome(config.number(ConfigKey.HOME_DEG)),
                keeper, console::add);
    }

    private void tick() {
        rig.advanceTo(rig.nowNanos() + TICK_NANOS);
        procedure.tick(rig.nowNanos());
    }

    /** The builder: reads the step, acts as the console asks, levels with a spirit level good to 0.1 deg. */
    private final Consumer<SimulatedTableRig> builder = r -> {
        r.release(Button.STOP);
        switch (procedure.step()) {
            case AWAIT_HOME -> r.hold(Button.STOP);
            case MOVE_TOWARD_LEVEL, AWAIT_AXIS_CHECK, AXIS_CHECK_MOVE -> r.hold(Button.DOWN);
            case RETURN_HOME -> {
                // the controller's way up rests at flat and goes on at a fresh press, as for a user
                r.release(Button.DOWN);
                r.release(Button.UP);
                if (++jogTick % 300 > 5) {
                    r.hold(Button.UP);
                }
            }
            case LEVEL -> {
                // jogs as a person does: a press, let go, look at the level, press again
                double off = r.trueAngleDeg();
                jogTick++;
                boolean pressing = jogTick % 60 < (Math.abs(off) > 1 ? 45 : 8);
                boolean still = r.lastRow().duty() == 0 && !r.lastRow().enabled();
                r.release(Button.DOWN);
                r.release(Button.UP);
                if (Math.abs(off) > 0.1 && pressing) {
                    r.hold(off < 0 ? Button.DOWN : Button.UP);
                } else if (Math.abs(off) <= 0.1 && still) {
                    r.hold(Button.STOP);
                }
            }
            default -> {
                r.release(Button.DOWN);
                r.release(Button.UP);
            }
        }
    };

    private void runToTheEnd(double maxS) {
        tick();
        for (int i = 0; i < maxS * 100 && !procedure.step().finished(); i++) {
            builder.accept(rig);
            tick();
        }
    }

    @Test
    void theStoredCalibrationCorrectsAMiscalibratedChipOverTheWholeRange() throws Exception {
        build(mounting, 1);
        runToTheEnd(300);
        assertEquals(CalibrationStep.DONE, procedure.step(), String.join("\n", console));
        CalibrationState state = new CalibrationStore(stateDir, new NioDurableFileSystem()).loadFor(mounting);
        ImuCalibration stored = state.calibration();
        MiscalibratedChip chip = new MiscalibratedChip(session.table(), mounting, SyntheticPoses.MISCALIBRATED, 0, 1);
        for (double angle = -70; angle <= 90; angle += 10) {
            double uncorrected = chip.angleDeg(angle, ImuCalibration.NONE);
            double corrected = chip.angleDeg(angle, stored);
            assertEquals(angle, corrected, 0.5, "corrected at " + angle + " (uncorrected " + uncorrected + ")");
        }
        assertTrue(Math.abs(chip.angleDeg(30, ImuCalibration.NONE) - 30) > 3, "the chip is really miscalibrated");
        assertTrue(rig.lastRow().fault() == null, "no fault on the way: " + rig.lastRow().fault());
        assertTrue(console.stream().anyMatch(l -> l.startsWith("calibrate: axis check: the angle moved +")), console::toString);
        assertTrue(session.table().homeSwitchAtHome(), "UP held through the controller brought it home: "
                + session.table().angleTrueDeg());
        // 2 deg asked for plus the controller's controlled stop, which since the fused sensor (the
        // simulated gyro's uncalibrated 2 deg/s offset in the controller's angle) ends near 8 deg
        assertTrue(rig.maxTrueAngleDeg() < 9, "the axis check moved a few degrees only: " + rig.maxTrueAngleDeg());
    }

    @Test
    void aConfigurationWithTheSignReversedIsRefusedAtHomeWithTheKeyToChangeAndNothingMovesOrIsStored() {
        build(new ImuMounting(MountingAxes.reversed(mounting.axisAlong()), mounting.axisNormal(), mounting.offsetDeg(),
                mounting.accelRangeG()), 1);
        runToTheEnd(30);
        Refusal r = procedure.refusal().orElseThrow();
        assertEquals(RefusalReason.AXIS_MAPPING_WRONG, r.reason(), r.message());
        assertTrue(r.message().startsWith("axis mapping wrong: at -65.0 deg the sensor reads +6"), r.message());
        assertTrue(r.message().contains("set imu_axis_along = x, imu_axis_normal = z"), r.message());
        assertEquals(-65.0, session.table().angleTrueDeg(), 1e-9);
        assertTrue(console.get(console.size() - 1).endsWith("Nothing was stored."), console::toString);
        assertTrue(!stateDir.resolve(CalibrationStore.FILE_NAME).toFile().exists());
    }

    @Test
    void aGyroTurningTheOtherWayFailsTheAxisCheckMove() {
        build(mounting, -1);
        runToTheEnd(300);
        Refusal r = procedure.refusal().orElseThrow(() -> new AssertionError(String.join("\n", console)));
        assertEquals(RefusalReason.AXIS_MAPPING_WRONG, r.reason(), r.message());
        assertTrue(r.message().startsWith("axis mapping wrong: the gyro turned the other way"), r.message());
        assertTrue(!stateDir.resolve(CalibrationStore.FILE_NAME).toFile().exists());
    }
}
