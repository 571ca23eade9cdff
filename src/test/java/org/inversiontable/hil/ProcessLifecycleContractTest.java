package org.inversiontable.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.Button;
import org.inversiontable.sim.WatchdogRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller as a process (SPEC §12; hazards H6, H18): the real {@code run} command, started
 * from the jar with a configuration for the jig's wires, killed with SIGKILL while driving (ENABLE
 * must fall and the watchdog relay drop), or stopped with SIGTERM (outputs to their safe states,
 * exit 0). Only on a jig with real pins: Pi4J's mocks live inside one JVM and cannot watch another.
 *
 * <p>Needs {@code target/inversion-table.jar} ({@code scripts/hil.sh} builds it first).
 */
@Tag("hil")
class ProcessLifecycleContractTest {
    static final Path JAR = Path.of("target/inversion-table.jar");
    /** A JVM start on a Pi, the provider check and the self-test. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
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
    void stop() {
        try {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        } finally {
            if (jig != null) {
                jig.close();
            }
        }
    }

    @Test
    void aKilledProcessLeavesEnableLowAndTheRelayDropped() throws InterruptedException {
        startRunWhileDrivingDown();
        process.destroyForcibly();  // SIGKILL: no shutdown hook, no Pi4J shutdown states
        assertTrue(process.waitFor(5, TimeUnit.SECONDS), "the killed process did not end");
        pause(Duration.ofMillis(20));
        assertTrue(!toggles(Duration.ofMillis(100)), "the WATCHDOG line still toggles after kill -9");
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
        process.destroy();  // SIGTERM
        assertTrue(process.waitFor(15, TimeUnit.SECONDS), "'run' did not end within 15 s of SIGTERM; log:\n" + logText());
        assertEquals(0, process.exitValue(), "'run' after SIGTERM; log:\n" + logText());
        assertTrue(!jig.enableHigh(), "ENABLE HIGH after an orderly stop");
        assertEquals(0.0, jig.dutyFraction(), "PWM duty on the wire after an orderly stop");
        assertTrue(!toggles(Duration.ofMillis(100)), "the WATCHDOG line still toggles after the process ended");
        assertRelayDrops("after SIGTERM");
        jig.setButtonPressed(Button.DOWN, false);
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
        List<String> command = List.of(java, "-jar", JAR.toString(), "run", "--config", config.toString());
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        assertTrue(waitUntil(() -> toggles(Duration.ofMillis(50)), READY_TIMEOUT),
                "'run' never toggled the WATCHDOG line within " + READY_TIMEOUT.toSeconds() + " s; log:\n" + logText());
        assertTrue(waitUntil(() -> jig.relay() != RelayState.DROPPED, Duration.ofMillis(500)),
                "the watchdog relay never pulled in while 'run' toggled the heartbeat: is the relay board powered?");
        jig.setButtonPressed(Button.DOWN, true);
        assertTrue(waitUntil(jig::enableHigh, Duration.ofSeconds(1)), "DOWN held 1 s never enabled the bridge; log:\n" + logText());
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
        Duration timeout = Duration.ofNanos(WatchdogRelay.DROP_NANOS).plusMillis(100);
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
                return false;
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
