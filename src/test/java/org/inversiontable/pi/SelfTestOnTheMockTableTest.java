package org.inversiontable.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.MotorCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The self-test of {@code run}, every check passing and failing on Pi4J's mock providers and the
 * fake IMU, with the line it prints.
 */
class SelfTestOnTheMockTableTest {
    private MockTableBench bench = new MockTableBench(true);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @AfterEach
    void close() {
        bench.close();
    }

    private SelfTest.Report run() {
        return bench.selfTest().run(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String text() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private CheckResult result(SelfTest.Report report, String part) {
        return report.lines().stream().filter(l -> l.part().equals(part)).findFirst().orElseThrow().result();
    }

    private void assertFailed(SelfTest.Report report, String part, String... words) {
        assertTrue(report.failed(), text());
        CheckResult r = result(report, part);
        assertEquals(CheckResult.Outcome.FAILED, r.outcome(), text());
        for (String w : words) {
            assertTrue(r.message().contains(w), "'" + w + "' in: " + r.message());
        }
        assertTrue(text().contains("self-test: " + part + ": FAILED: "), text());
    }

    @Test
    void aWellWiredTablePassesEveryCheckAndTheRelayDropIsProven() {
        SelfTest.Report report = run();
        assertFalse(report.failed(), text());
        assertEquals(List.of("Pi4J providers", "motor outputs", "e-stop", "buttons", "IMU", "HOME switch",
                "watchdog relay"), report.lines().stream().map(SelfTest.Report.Line::part).toList());
        for (SelfTest.Report.Line line : report.lines()) {
            assertEquals(CheckResult.Outcome.PASSED, line.result().outcome(), line.toString());
        }
        assertTrue(result(report, "watchdog relay").message().contains("K2 dropped 6"), text());
        assertTrue(result(report, "IMU").message().contains("WHO_AM_I 0x68"), text());
    }

    @Test
    void aRelayAuxPinOfZeroSaysPlainlyThatTheDropWasNotProven() {
        bench.close();
        bench = new MockTableBench(false);
        SelfTest.Report report = run();
        assertFalse(report.failed(), text());
        CheckResult r = result(report, "watchdog relay");
        assertEquals(CheckResult.Outcome.NOT_PROVEN, r.outcome());
        assertTrue(r.message().contains("relay_aux_pin = 0") && r.message().contains("was NOT proven"), r.message());
        assertTrue(text().contains("self-test: watchdog relay: NOT PROVEN: "), text());
    }

    @Test
    void aRelayThatDoesNotDropWithinItsTimeFails() {
        bench.relayHoldNanos = 150 * MockTableBench.MS;
        assertFailed(run(), "watchdog relay", "did not drop within 100 ms", "Rext/Cext");
    }

    @Test
    void aWeldedRelayFails() {
        bench.relayWelded = true;
        assertFailed(run(), "watchdog relay", "did not drop", "welded");
    }

    @Test
    void aRelayThatNeverPullsInFails() {
        bench.relayFitted = false;
        assertFailed(run(), "watchdog relay", "does not pull in", "BCM " + MockTableBench.RELAY_AUX_PIN);
    }

    @Test
    void anOpenEstopRefusesWithReleaseTheEstop() {
        bench.wires.setEstopOpen(true);
        assertFailed(run(), "e-stop", "release the e-stop", "BCM 17");
    }

    @Test
    void aHeldButtonIsCalledHeldOrShorted() {
        bench.wires.setButtonPressed(Button.DOWN, true);
        bench.wires.setButtonPressed(Button.STOP, true);
        assertFailed(run(), "buttons", "a button is held or shorted: DOWN, STOP");
    }

    @Test
    void anImuThatDoesNotAnswerFailsNamingTheBus() {
        bench.close();
        bench = imuSilentBench();
        assertFailed(run(), "IMU", "does not answer", "i2cdetect");
    }

    private static MockTableBench imuSilentBench() {
        return new MockTableBench(true, true);
    }

    @Test
    void anImuThatStopsSamplingFails() {
        bench.imuSampling = false;
        assertFailed(run(), "IMU", "of 50 samples came");
    }

    @Test
    void gravityOutsideTheRangeFails() {
        bench.gravityG = 1.25;
        assertFailed(run(), "IMU", "1.250 g", "0.9-1.1 g");
    }

    @Test
    void aNoisyImuFails() {
        bench.noiseDeg = 2.0;
        assertFailed(run(), "IMU", "noisy", "standard deviation");
    }

    @Test
    void aHomeSwitchReadingAtHomeFarFromHomeFails() {
        bench.angleDeg = 0.0;    // the HOME switch still reads open (at home)
        assertFailed(run(), "HOME switch", "reads 'at home'", "BCM 27", "0.0 deg");
    }

    @Test
    void aHomeSwitchReadingAwayBelowHomeFails() {
        bench.angleDeg = -69.0;   // more than the supervisor's 3 deg below home, and the switch closed
        bench.wires.setHomeSwitchOpen(false);
        assertFailed(run(), "HOME switch", "reads 'away'", "pushes it open");
    }

    @Test
    void awayFromHomeWithTheSwitchClosedPasses() {
        bench.angleDeg = 10.0;
        bench.wires.setHomeSwitchOpen(false);
        assertFalse(run().failed(), text());
    }

    @Test
    void anEnabledOutputFails() {
        bench.table.hardware().motor().apply(MotorCommand.drive(0.3), bench.clock.nanoTime());
        assertFailed(run(), "motor outputs", "ENABLE reads HIGH");
    }

    @Test
    void providersOtherThanTheExpectedOnesFailNamingTheProvider() {
        SelfTest test = TableSelfTest.of(bench.table, bench.wiring, bench.config, RunCommand.REAL_PROVIDER_PREFIXES,
                "mock board", "mock PWM", bench.clock, bench.parker, List.of());
        SelfTest.Report report = test.run(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertFailed(report, "Pi4J providers", "provider 'fake-i2c'", "gpiod-*, linuxfs-*", "pi4j-plugin-gpiod");
    }

    @Test
    void everyCheckRunsSoOneStartShowsEveryProblem() {
        bench.wires.setEstopOpen(true);
        bench.wires.setButtonPressed(Button.UP, true);
        bench.relayWelded = true;
        SelfTest.Report report = run();
        assertEquals(3, report.lines().stream().filter(l -> l.result().failed()).count(), text());
    }
}
