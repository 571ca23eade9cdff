package org.inversiontable.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.inversiontable.hardware.pi4j.Pi4jContexts;
import org.inversiontable.runtime.TimeScale;
import org.inversiontable.session.CalibrationStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} off a Raspberry Pi, and on bad input: exit 2 with a line that says what. */
class RunCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    private int run(RunCommand command, Optional<Path> config) {
        return command.run(config, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void offAPiRunExitsTwoWithOneLinePointingToSimulate() {
        // The real board detection of this desktop (x86_64, no Raspberry Pi board model). On a Pi
        // this would start the real table: never there.
        Assumptions.assumeTrue(Pi4jContexts.board().isEmpty(), "on a Raspberry Pi: run would start the table");
        int code = run(new RunCommand(), Optional.empty());
        assertEquals(2, code);
        String[] lines = errText().strip().split("\\R");
        assertEquals(1, lines.length, errText());
        assertTrue(lines[0].contains("not a Raspberry Pi") && lines[0].contains("use 'simulate'"), lines[0]);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBadConfigurationExitsTwoNamingTheFileAndTheKey() throws IOException {
        Path file = Files.writeString(dir.resolve("table.conf"), "relay_aux_pin = 99\n");
        int code = run(new RunCommand(Map.of(), Optional::empty, new EmulatedBoard(dir)), Optional.of(file));
        assertEquals(2, code);
        assertTrue(errText().contains("table.conf") && errText().contains("relay_aux_pin"), errText());
        assertTrue(!errText().contains("Exception"), "no stack trace: " + errText());
    }

    @Test
    void aRelayAuxPinOnAnotherFunctionsPinExitsTwoNamingBoth() throws IOException {
        Path file = Files.writeString(dir.resolve("table.conf"), "relay_aux_pin = 17\n");
        int code = run(new RunCommand(Map.of(), Optional::empty, new EmulatedBoard(dir)), Optional.of(file));
        assertEquals(2, code);
        // The configuration's cross-check finds it first, with the file and line (check-config says the same).
        assertTrue(errText().contains("table.conf:1: relay_aux_pin: relay_aux_pin and pin_estop are both on BCM pin 17"),
                errText());
    }

    @Test
    void aPwmPinOnAnotherFunctionsPinExitsTwoNamingBoth() throws IOException {
        // BCM 12 is the heartbeat by default.
        Path file = Files.writeString(dir.resolve("table.conf"), "pin_motor_pwm = 12\n");
        int code = run(new RunCommand(Map.of(), Optional::empty, new EmulatedBoard(dir)), Optional.of(file));
        assertEquals(2, code);
        assertTrue(errText().contains("pin_motor_pwm") && errText().contains("pin_watchdog")
                && errText().contains("BCM pin 12"), errText());
    }

    @Test
    void theStateDirectoryIsSystemdsWhenGivenElseVarLib() {
        assertEquals(Path.of("/var/lib/inversion-table"), StateDirectory.of(Map.of()));
        assertEquals(Path.of("/var/lib/inversion-table"), StateDirectory.of(Map.of("STATE_DIRECTORY", "relative")));
        assertEquals(Path.of("/srv/state/table"), StateDirectory.of(Map.of("STATE_DIRECTORY", "/srv/state/table")));
        assertEquals(Path.of("/a"), StateDirectory.of(Map.of("STATE_DIRECTORY", "/a:/b")));
    }

    @Test
    void aDamagedCalibrationFileStopsTheStartWithExitTwoNamingTheFile() throws IOException {
        // A board that says "Pi" reaches the calibration's loading; the damaged file refuses the start
        // before any Pi4J provider or sysfs file is touched.
        Path stateDir = Files.createDirectories(dir.resolve("state"));
        Path file = Files.writeString(stateDir.resolve(CalibrationStore.FILE_NAME), "{\"format\":\"inversion-table/imu");
        int code = run(new RunCommand(Map.of("STATE_DIRECTORY", stateDir.toString()),
                () -> Optional.of(new Pi4jContexts.Board("test board", false)), new EmulatedBoard(dir)), Optional.empty());
        assertEquals(2, code);
        String[] lines = errText().strip().split("\\R");
        assertEquals(1, lines.length, errText());
        assertTrue(lines[0].startsWith("run: the IMU calibration " + file + ": ") && lines[0].contains("run 'calibrate' again"),
                lines[0]);
        assertTrue(!errText().contains("Exception"), "no stack trace: " + errText());
    }

    private Path deviceTreeModel(String model) throws IOException {
        Path file = dir.resolve("proc/device-tree/model");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, model + "\0");
    }

    private int runScaled(int factor, Path stateDir) {
        RunCommand command = new RunCommand(Map.of("STATE_DIRECTORY", stateDir.toString()),
                () -> Optional.of(new Pi4jContexts.Board("Raspberry Pi 4 Model B Rev 1.1", false)), new EmulatedBoard(dir));
        return command.run(Optional.empty(), TimeScale.of(factor), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aTimeScaleIsRefusedOnARealRaspberryPiBeforeAnythingIsOpened() throws IOException {
        deviceTreeModel("Raspberry Pi 4 Model B Rev 1.5");
        Path stateDir = dir.resolve("state");
        int code = runScaled(4, stateDir);
        assertEquals(2, code);
        assertTrue(errText().startsWith("run: --time-scale 4 is for an emulated Pi only"), errText());
        assertTrue(!Files.exists(stateDir), "refused before the state directory was made");
    }

    @Test
    void aTimeScaleIsRefusedWhereNoDeviceTreeNamesTheMachine() {
        int code = runScaled(2, dir.resolve("state"));
        assertEquals(2, code);
        assertTrue(errText().contains("is for an emulated Pi only"), errText());
    }

    @Test
    void aTimeScaleIsTakenOnAnEmulatedMachineAndSaidOnTheConsole() throws IOException {
        deviceTreeModel("linux,dummy-virt");
        // A damaged calibration stops the start right after the time scale was accepted.
        Path stateDir = Files.createDirectories(dir.resolve("state"));
        Files.writeString(stateDir.resolve(CalibrationStore.FILE_NAME), "{");
        int code = runScaled(4, stateDir);
        assertEquals(2, code);
        assertTrue(errText().startsWith("run: the IMU calibration"), errText());
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("time scale 4") && said.contains("'linux,dummy-virt'"), said);
    }
}
