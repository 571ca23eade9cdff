package org.inversiontable.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.PanelReading;
import org.inversiontable.hardware.PinMap.ImuMounting;
import org.inversiontable.hardware.pi4j.Pi4jContexts;
import org.inversiontable.session.CalibrationState;
import org.inversiontable.session.CalibrationStore;
import org.inversiontable.session.NioDurableFileSystem;
import org.inversiontable.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class CalibrateCommandTest {
    private static final Instant NOW = Instant.parse("2026-11-30T22:30:00Z");

    @TempDir
    Path stateDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ManualClock clock = new ManualClock(0);

    private CalibrateCommand command(CalibrateCommand.RigOpener opener) {
        return new CalibrateCommand(opener, clock, () -> NOW, clock::setNanos, stateDir, new NioDurableFileSystem(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void offAPiItExitsTwoWithOneLinePointingToSimulate() {
        int code = command(config -> {
            NotOnAPi.unless(() -> {
                Pi4jContexts.onPi().shutdown();
                throw new TestAbortedException("this machine is a Raspberry Pi: the off-Pi refusal cannot be seen here");
            });
            throw new AssertionError("unreachable");
        }).run(Config.defaults());
        assertEquals(2, code);
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("calibrate: this machine is not a Raspberry Pi") && text.contains("use 'simulate'"), text);
        assertFalse(text.contains("Exception") || text.contains("\tat "), text);
        assertFalse(Files.exists(stateDir.resolve(CalibrationStore.FILE_NAME)));
    }

    @Test
    void aCompleteCalibrationIsStoredForTheConfiguredMountingAndExitsZero() throws Exception {
        ScriptedTable table = new ScriptedTable(-65, ImuMounting.DEFAULT, 9);
        Builder builder = new Builder(table);
        int code = command(config -> builder).run(Config.defaults());
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        CalibrationState state = new CalibrationStore(stateDir, new NioDurableFileSystem()).loadFor(ImuMounting.DEFAULT);
        CalibrationState.Stored stored = assertInstanceOf(CalibrationState.Stored.class, state);
        assertEquals(NOW, stored.stored().measuredAt());
        assertEquals(SyntheticPoses.MISCALIBRATED.accelOffsetG().x(), stored.calibration().accelOffsetG().x(), 0.005);
        assertTrue(builder.closed, "the rig is closed (motor off, outputs to their shutdown states)");
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("calibrate: now: no IMU calibration in " + stateDir),
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRefusedCalibrationExitsOneAndStoresNothing() {
        ScriptedTable table = new ScriptedTable(-65, ImuMounting.DEFAULT, 9);
        Builder builder = new Builder(table);
        int code = command(config -> builder).run(Config.defaults().with(ConfigKey.IMU_AXIS_ALONG, "-x"));
        assertEquals(1, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("axis mapping wrong"), out.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(stateDir.resolve(CalibrationStore.FILE_NAME)));
        assertTrue(builder.closed);
    }

    @Test
    void everyHomeTheConfigurationAllowsCanBeCalibrated() {
        CalibrationPlan.forHome(ConfigKey.HOME_DEG.min());
        CalibrationPlan.forHome(ConfigKey.HOME_DEG.max());
    }

    /** The scripted table with a builder's hands on it, following the steps. */
    private static final class Builder implements CalibrateCommand.OpenRig {
        private final ScriptedTable table;
        private CalibrationStep seen = CalibrationStep.START;
        private int ticks;
        boolean closed;

        Builder(ScriptedTable table) {
            this.table = table;
        }

        @Override
        public Optional<RawImuSample> readImu() {
            return table.readImu();
        }

        @Override
        public PanelReading panel() {
            ticks++;
            table.buttons = 0;
            boolean alternate = ticks % 2 == 0;
            switch (seen) {
                case AWAIT_HOME -> table.buttons = alternate ? Button.STOP.bit() : 0;
                case MOVE_TOWARD_LEVEL, AWAIT_AXIS_CHECK, AXIS_CHECK_MOVE -> table.buttons = Button.DOWN.bit();
                case LEVEL -> table.buttons = table.angleDeg < -0.02 ? (alternate ? Button.DOWN.bit() : 0)
                        : (alternate ? Button.STOP.bit() : 0);
                case RETURN_HOME -> table.buttons = Button.UP.bit();
                default -> {
                }
            }
            return table.panel();
        }

        @Override
        public void beep(BeepCode code) {
            seen = switch (code) {
                case STEP_HOME -> CalibrationStep.AWAIT_HOME;
                case STEP_LEVEL -> CalibrationStep.MOVE_TOWARD_LEVEL;
                case STEP_AXIS_CHECK -> CalibrationStep.AWAIT_AXIS_CHECK;
                case STORED, FAILED -> CalibrationStep.RETURN_HOME;
            };
        }

        @Override
        public DriveStatus drive(DriveRequest request) {
            DriveStatus status = table.drive(request);
            if (seen == CalibrationStep.MOVE_TOWARD_LEVEL && request == DriveRequest.STOP && table.angleDeg > -12) {
                seen = CalibrationStep.LEVEL;
            }
            return status;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
