package org.inversiontable.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.Button;
import org.inversiontable.session.SessionJournal;
import org.inversiontable.sim.WatchdogRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller as a process (SPEC §12; hazards H6, H18): the real {@code run} command, started
 * from the jar with a configuration for the jig's wires, killed with SIGKILL while driving (ENABLE
 * must fall and the watchdog relay drop), or stopped with SIGTERM (outputs to their safe states,
 * exit 0), driven from outside through its lines: the e-stop line, DOWN held and released, the
 * process stopped (SIGSTOP) as a stalled loop, the IMU's registers zeroed. Only on a jig with real
 * pins (a Pi, the emulated Pi): Pi4J's mocks live inside one JVM and cannot watch another. On the
 * emulated Pi every wait for the table is stretched by its time scale, and {@code run} gets the same
 * {@code --time-scale}.
 *
 * <p>Needs {@code target/inversion-table.jar} ({@code scripts/hil.sh} builds it first).
 */
@Tag("hil")
class ProcessLifecycleContractTest {
    static final Path JAR = Path.of("target/inversion-table.jar");
    static final Path ARTIFACTS = Path.of("target/hil-artifacts");
    /** A JVM start, the provider check and the self-test: seconds on a Pi, a minute or two under TCG. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /** JVM options for the started {@code run} (the emulated Pi's guest gives C1-only and a class-data archive). */
    static final String JVM_OPTIONS_PROPERTY = "hil.run.jvm-options";
    static final Duration STEP = Duration.ofMillis(1);

    @TempDir
    Path dir;
    private Jig jig;
    private Process process;
    private Path log;

    @BeforeEach
    void connectJig() {
        jig = Jigs.current();
        System.out.println(getClass().getSimpleName() + " on " + jig.name());
    }

    @AfterEach
    void stop(TestInfo test) {
        try {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            keepArtifacts(test);
        } finally {
            if (jig != null) {
                jig.close();
            }
        }
    }

    /** A duration of the table's time on the machine's clock (the emulated Pi runs the table's time slower). */
    private Duration scaled(Duration tableTime) {
        return tableTime.multipliedBy(jig.timeScale().factor());
    }

    @Test
    void aKilledProcessLeavesEnableLowAndTheRelayDropped() throws InterruptedException {
        startRunWhileDrivingDown();
        process.destroyForcibly();  // SIGKILL: no shutdown hook, no Pi4J shutdown states
        assertTrue(process.waitFor(5, TimeUnit.SECONDS), "the killed process did not end");
        pause(scaled(Duration.ofMillis(20)));
        // On the emulated Pi, gpio-sim returns a released line to its pull: ENABLE reads its pull-down
        // here, which is the board's resistor on a Pi too, but a Pi's kernel would keep the last level
        // driven unless strict_gpiod is set (PI4J-NOTES). This shows the pull-down, not that setting.
        assertTrue(!toggles(scaled(Duration.ofMillis(100))), "the WATCHDOG line still toggles after kill -9");
        assertRelayDrops("after kill -9");
        System.out.println("after kill -9: PWM duty on the wire " + jig.dutyFraction()
                + " (a sysfs PWM channel outlives its process; ENABLE and the relay are the barriers)");
        assertTrue(!jig.enableHigh(), "ENABLE still HIGH after kill -9 of 'run': a Raspberry Pi kernel keeps a released"
                + " gpiod output driven unless dtparam=strict_gpiod is in /boot/firmware/config.txt (PI4J-NOTES);"
                + " add it and reboot. The watchdog relay is what cut motor power meanwhile.");
        jig.setButtonPressed(Button.DOWN, false);
    }

    @Test
    void sigtermLeavesTheOutputsSafeAndExitsZero() throws InterruptedException {
        startRunWhileDrivingDown();
        // Off the upright stop, so that a session is open and the stop must journal it.
        pause(scaled(Duration.ofSeconds(2)));
        process.destroy();  // SIGTERM
        assertTrue(process.waitFor(scaled(Duration.ofSeconds(15)).toSeconds(), TimeUnit.SECONDS),
                "'run' did not end within 15 s of SIGTERM; log:\n" + logText());
        assertEquals(0, process.exitValue(), "'run' after SIGTERM; log:\n" + logText());
        assertTrue(!jig.enableHigh(), "ENABLE HIGH after an orderly stop");
        assertEquals(0.0, jig.dutyFraction(), "PWM duty on the wire after an orderly stop");
        assertTrue(!toggles(scaled(Duration.ofMillis(100))), "the WATCHDOG line still toggles after the process ended");
        assertRelayDrops("after SIGTERM");
        jig.setButtonPressed(Button.DOWN, false);
        assertTrue(journalHoldsTheSession(), "no journal of the session in " + dir.resolve("journal")
                + " after an orderly stop; log:\n" + logText());
    }

    @Test
    void anOpenedEstopLineTakesEnableLowInTheRunningProcess() {
        startRunWhileDrivingDown();
        long start = System.nanoTime();
        jig.setEstop(EstopContact.OPEN);
        boolean low = waitUntil(() -> !jig.enableHigh(), scaled(EstopContract.ESTOP_CUT_TIMEOUT));
        long latency = System.nanoTime() - start;
        assertTrue(low, "ENABLE still HIGH after the e-stop line opened; log:\n" + logText());
        System.out.println("run process: e-stop line to ENABLE low " + latency / 1000 + " us on " + jig.name()
                + "; " + TimingPolicy.forJig(jig).describe());
        boolean[] seenHigh = {false};
        waitUntil(() -> seenHigh[0] |= jig.enableHigh(), scaled(Duration.ofMillis(300)));
        assertTrue(!seenHigh[0], "ENABLE went HIGH again while DOWN was still held after the e-stop");
        jig.setButtonPressed(Button.DOWN, false);
    }

    @Test
    void downHeldDrivesTheBridgeLinesAndReleasingItStops() {
        startRunWhileDrivingDown();
        assertTrue(waitUntil(() -> jig.dutyFraction() > 0.0, scaled(Duration.ofMillis(500))),
                "DOWN held: ENABLE high but no duty on the PWM; log:\n" + logText());
        assertTrue(jig.dirTowardInversion(), "DOWN held: DIR must point toward inversion");
        double before = jig.bedAngleDeg();
        pause(scaled(Duration.ofMillis(1500)));
        double after = jig.bedAngleDeg();
        assertTrue(jig.enableHigh(), "DOWN held 1.5 s with the bed moving: the drive stopped; log:\n" + logText());
        assertTrue(after > before + 0.5, "the bed did not move toward inversion: " + before + " -> " + after + " deg");
        jig.setButtonPressed(Button.DOWN, false);
        // A jerk-limited stop from the speed reached (SPEC §5: a_max, j_max), the actuator's lag and the
        // drive's hold above static friction before it lets go: about 3 s from 4 deg/s.
        assertTrue(waitUntil(() -> !jig.enableHigh() && jig.dutyFraction() == 0.0, scaled(Duration.ofSeconds(5))),
                "DOWN released: ENABLE " + jig.enableHigh() + ", duty " + jig.dutyFraction() + "; log:\n" + logText());
        System.out.println("run process: DOWN moved the bed " + before + " -> " + after + " deg in 1.5 s (table time)");
    }

    @Test
    void aStalledProcessStopsTheWatchdogLineAndLatchesAFaultWhenItResumes() {
        startRunWhileDrivingDown();
        signal("STOP");
        try {
            pause(scaled(Duration.ofMillis(50)));
            assertTrue(!toggles(scaled(Duration.ofMillis(200))), "the WATCHDOG line still toggles while 'run' is stopped");
        } finally {
            signal("CONT");
        }
        // The loop sees the gap of its stalled ticks (over 3 periods: loop_overrun) and cuts the drive.
        assertTrue(waitUntil(() -> !jig.enableHigh(), scaled(Duration.ofMillis(500))),
                "ENABLE still HIGH after the stalled loop resumed; log:\n" + logText());
        // Which detector names the stall is a race on resuming: the control thread finds its tick
        // late (loop_overrun) or the watchdog thread finds the bridge unrefreshed (motor_watchdog).
        assertTrue(waitUntil(() -> recorderSays("loop_overrun") || recorderSays("motor_watchdog"),
                scaled(Duration.ofSeconds(2))), "neither loop_overrun nor motor_watchdog in the flight recorder"
                + " after the stall; log:\n" + logText());
        jig.setButtonPressed(Button.DOWN, false);
    }

    @Test
    void anImuReadingZeroGravityIsAFaultThatStopsTheDrive() {
        startRunWhileDrivingDown();
        jig.zeroImu();
        assertTrue(waitUntil(() -> !jig.enableHigh(), scaled(Duration.ofMillis(500))),
                "ENABLE still HIGH with the IMU reading 0 g; log:\n" + logText());
        assertTrue(waitUntil(() -> recorderSays("imu_gravity"), scaled(Duration.ofSeconds(2))),
                "the flight recorder never named imu_gravity with the IMU's registers zeroed; log:\n" + logText());
        jig.setButtonPressed(Button.DOWN, false);
    }

    /** The run's log and flight recorder, kept in target/hil-artifacts/ for a reader of a failed run. */
    private void keepArtifacts(TestInfo test) {
        Path keep = ARTIFACTS.resolve(test.getTestMethod().map(m -> m.getName()).orElse("unknown"));
        try {
            Files.createDirectories(keep);
            if (log != null && Files.exists(log)) {
                Files.copy(log, keep.resolve("run.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            Path recorder = dir.resolve("recorder");
            if (Files.isDirectory(recorder)) {
                try (var files = Files.list(recorder)) {
                    for (Path f : files.toList()) {
                        Files.copy(f, keep.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            System.out.println("could not keep the run's log and recorder in " + keep + ": " + e.getMessage());
        }
    }

    /** Sends a signal by name to the started process (SIGSTOP and SIGCONT have no Java API). */
    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            assertTrue(kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + name + " failed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean recorderSays(String word) {
        Path recorder = dir.resolve("recorder");
        try (var files = Files.list(recorder)) {
            for (Path f : files.toList()) {
                if (Files.readString(f).contains("\"" + word + "\"")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean journalHoldsTheSession() {
        Path journal = dir.resolve("journal").resolve(SessionJournal.FILE_NAME);
        try {
            return Files.isRegularFile(journal) && Files.readString(journal).contains("session_id=");
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts {@code run} with the bed at home and waits until DOWN drives the bridge. */
    private void startRunWhileDrivingDown() {
        if (!Files.isRegularFile(JAR)) {
            fail(JAR + " is missing: build it first (scripts/hil.sh does: mvn -DskipTests package)");
        }
        jig.poseImu(ImuPose.HOME);
        jig.setHomeSwitchAtHome(true);
        jig.setEstop(EstopContact.CLOSED);
        for (Button b : jig.drivableButtons()) {
            jig.setButtonPressed(b, false);
        }
        Path config = writeConfig();
        log = dir.resolve("run.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        String options = System.getProperty(JVM_OPTIONS_PROPERTY, "").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-jar", JAR.toString(), "run", "--config", config.toString()));
        if (!jig.timeScale().isReal()) {
            command.addAll(List.of("--time-scale", Integer.toString(jig.timeScale().factor())));
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // The calibration, journal and history of this test only, never the machine's.
            builder.environment().put("STATE_DIRECTORY", dir.resolve("state").toString());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        long started = System.nanoTime();
        waitUntil(() -> !process.isAlive() || toggles(scaled(Duration.ofMillis(50))), READY_TIMEOUT);
        assertTrue(process.isAlive(), "'run' ended (exit " + (process.isAlive() ? "" : process.exitValue())
                + ") before its heartbeat started; log:\n" + logText());
        assertTrue(toggles(scaled(Duration.ofMillis(50))),
                "'run' never toggled the WATCHDOG line within " + READY_TIMEOUT.toSeconds() + " s; log:\n" + logText());
        System.out.println("run process: heartbeat " + (System.nanoTime() - started) / 1_000_000 + " ms after the start");
        assertTrue(logText().contains("the table runs"), "no 'the table runs' line from 'run'; log:\n" + logText());
        assertTrue(waitUntil(() -> jig.relay() != RelayState.DROPPED, scaled(Duration.ofMillis(500))),
                "the watchdog relay never pulled in while 'run' toggled the heartbeat: is the relay board powered?");
        // A button held since boot is not a press (SPEC §7): DOWN goes down once the table says IDLE.
        assertTrue(waitUntil(() -> recorderSays("IDLE"), scaled(JigContract.BOOT_TIMEOUT)),
                "'run' never reached IDLE (flight recorder); log:\n" + logText());
        jig.setButtonPressed(Button.DOWN, true);
        assertTrue(waitUntil(jig::enableHigh, scaled(Duration.ofSeconds(1))),
                "DOWN held 1 s never enabled the bridge; log:\n" + logText());
    }

    private Path writeConfig() {
        StringBuilder text = new StringBuilder("# written by ").append(getClass().getSimpleName()).append('\n');
        for (Map.Entry<ConfigKey, String> e : jig.wiring().entrySet()) {
            text.append(e.getKey().key()).append(" = ").append(e.getValue()).append('\n');
        }
        text.append(ConfigKey.JOURNAL_DIR.key()).append(" = ").append(dir.resolve("journal")).append('\n');
        text.append(ConfigKey.RECORDER_DIR.key()).append(" = ").append(dir.resolve("recorder")).append('\n');
        Path config = dir.resolve("hil.conf");
        try {
            Files.createDirectories(dir.resolve("journal"));
            Files.writeString(config, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    private void assertRelayDrops(String when) {
        if (jig.relay() == RelayState.NOT_FITTED) {
            System.out.println("relay check skipped " + when + ": " + jig.name() + " has no watchdog relay board");
            return;
        }
        Duration timeout = scaled(Duration.ofNanos(WatchdogRelay.DROP_NANOS).plusMillis(100));
        assertTrue(waitUntil(() -> jig.relay() == RelayState.DROPPED, timeout),
                "the watchdog relay still holds motor power " + timeout.toMillis() + " ms " + when);
    }

    private boolean toggles(Duration window) {
        boolean first = jig.watchdogHigh();
        return waitUntil(() -> jig.watchdogHigh() != first, window);
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return condition.getAsBoolean();
            }
            LockSupport.parkNanos(STEP.toNanos() / 10);
        }
        return true;
    }

    private static void pause(Duration d) {
        LockSupport.parkNanos(d.toNanos());
    }

    private String logText() {
        try {
            return log == null || !Files.exists(log) ? "(none)" : Files.readString(log);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
