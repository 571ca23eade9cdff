package org.inversiontable.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.inversiontable.config.Config;
import org.inversiontable.control.TableState;
import org.inversiontable.display.DisplayRenderer;
import org.inversiontable.display.DisplayStatus;
import org.inversiontable.display.DisplayUpdater;
import org.inversiontable.hardware.Button;
import org.inversiontable.sim.FaultGroup;
import org.inversiontable.time.Clock;
import org.inversiontable.trace.TraceReader;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user does first, through the same controls the window and the terminal use, on the
 * real runtime's threads. The clock is stepped: the control thread's wait advances it to the next
 * deadline, so the table runs faster than real time and a loaded machine cannot make a tick late
 * (SimulateProcessTest runs simulate on the real clock). Every wait is for a condition on the
 * simulator's status, with a generous timeout. CI drives the window's faces through their models;
 * this drives what is behind them.
 */
class RealTimeSimulationTest {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(20);

    @TempDir
    Path stateDir;
    private RealTimeSimulation sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private void start() {
        SteppedClock clock = new SteppedClock();
        // The control thread's wait advances the clock; a short real pause lets the test's thread
        // and the writer run between ticks, as they would in real time.
        sim = RealTimeSimulation.start(Config.defaults(), stateDir, stateDir, 80.0, clock, nanos -> {
            clock.advance(nanos);
            LockSupport.parkNanos(200_000);
        }, nanos -> LockSupport.parkNanos(1_000_000));
        await("the controller is ready", s -> s.state() == TableState.IDLE);
    }

    private SimulatorStatus await(String what, Predicate<SimulatorStatus> condition) {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            SimulatorStatus s = sim.status();
            if (condition.test(s)) {
                return s;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return fail("timed out waiting until " + what + "; last status " + sim.status());
    }

    /** Holds for at least {@code nanos} of the simulator's own time (the status's clock). */
    private SimulatorStatus holdFor(double seconds) {
        double until = sim.status().timeS() + seconds;
        return await(seconds + " s of simulator time", s -> s.timeS() >= until);
    }

    @Test
    void holdingDownTiltsTheTableAndReleasingStopsIt() {
        start();
        double home = sim.status().angleTrueDeg();
        sim.setButton(Button.DOWN, true);
        await("the table tilts", s -> s.angleTrueDeg() > home + 5.0 && s.state() == TableState.MOVING);
        sim.setButton(Button.DOWN, false);
        SimulatorStatus stopped = await("the move ends", s -> s.state() != TableState.MOVING);
        double restAngle = stopped.angleTrueDeg();
        SimulatorStatus later = holdFor(1.0);
        assertEquals(restAngle, later.angleTrueDeg(), 0.05, "released: the table stays where it stopped");
        assertFalse(later.motorEnabled());
    }

    @Test
    void theEstopStopsTheTableAndLatchesUntilReleasedAndStopIsHeld() {
        start();
        sim.setButton(Button.DOWN, true);
        await("moving", s -> s.state() == TableState.MOVING && s.duty() > 0.1);
        sim.setEstopPressed(true);
        SimulatorStatus cut = await("the e-stop latched", s -> s.state() == TableState.ESTOP);
        assertTrue(cut.message().startsWith("E-stop"), cut.message());
        assertFalse(sim.status().motorEnabled(), "motor off at once");
        sim.setButton(Button.DOWN, false);
        double where = sim.status().angleTrueDeg();
        holdFor(1.0);
        assertEquals(where, sim.status().angleTrueDeg(), 0.05, "the table does not move under the e-stop");
        sim.setEstopPressed(false);
        holdFor(0.5);
        assertEquals(TableState.ESTOP, sim.status().state(), "releasing the e-stop alone does not reset it");
        sim.setButton(Button.STOP, true);
        await("holding STOP resets", s -> s.state() != TableState.ESTOP);
        sim.setButton(Button.STOP, false);
        assertEquals(TableState.IDLE, await("idle", s -> s.state() == TableState.IDLE).state());
    }

    @Test
    void aFaultFromTheMenuLatchesWithItsMessageAndClearsWithAReset() {
        start();
        sim.inject(InjectableFault.IMU_STALE);
        SimulatorStatus fault = await("imu_stale latched", s -> "imu_stale".equals(s.faultCode()));
        assertEquals(TableState.FAULT, fault.state());
        assertTrue(fault.message().startsWith("imu_stale: no fresh IMU sample"), fault.message());
        assertTrue(fault.injected(InjectableFault.IMU_STALE));
        sim.clear(FaultGroup.IMU);
        holdFor(0.3);
        assertEquals("imu_stale", sim.status().faultCode(), "latched until reset, even with the cause gone");
        sim.setButton(Button.STOP, true);
        await("the reset", s -> s.faultCode() == null);
        sim.setButton(Button.STOP, false);
        assertFalse(sim.status().injected(InjectableFault.IMU_STALE));
    }

    @Test
    void theFlightRecorderKeepsEveryTickInATraceThatReplays() throws Exception {
        start();
        sim.setButton(Button.DOWN, true);
        await("moving", s -> s.state() == TableState.MOVING);
        sim.setButton(Button.DOWN, false);
        await("stopped", s -> s.state() != TableState.MOVING);
        sim.close();
        Path recorder = sim.recorderDirectory();
        List<Path> files;
        try (Stream<Path> list = Files.list(recorder)) {
            files = list.sorted().toList();
        }
        assertEquals(1, files.size(), files.toString());
        List<TraceRow> rows = TraceReader.readAll(files.get(0));
        assertEquals(sim.ticks(), rows.size(), "a row per tick, none lost");
        assertTrue(rows.stream().anyMatch(r -> r.state().equals("MOVING")));
        assertEquals(0, new org.inversiontable.replay.Replay().run(files.get(0), System.out, System.err),
                "the recorded run replays to the same outputs");
    }

    @Test
    void theUsersWeightOutsideTheSweepIsRefused() {
        start();
        sim.setUserKg(150.0);
        await("the weight shows", s -> s.userKg() == 150.0);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> sim.setUserKg(151.0));
    }

    /** SPEC §13: the window's display is the fake's panel, written by the same driver and thread as on a Pi. */
    @Test
    void theDisplayShowsTheTableAndOneThatFailsIsReportedOnceWhileTheTableGoesOn() {
        start();
        awaitTrue("the display shows the status", () -> {
            SimulatorStatus s = sim.status();
            byte[] expected = DisplayRenderer.render(new DisplayStatus(s.angleMeasDeg(), s.invertedS(),
                    s.limitInvertedS(), s.state(), null, null, DisplayStatus.NO_LEVEL));
            return java.util.Arrays.equals(expected, sim.displayFrame().orElseThrow());
        });

        sim.displayChip().setFailing(true);
        awaitTrue("the failure is reported", () -> displayReports() == 1);
        long ticks = sim.ticks();
        awaitTrue("the table goes on", () -> sim.ticks() > ticks + 300);
        assertEquals(1, displayReports(), "reported once");
        sim.setButton(Button.DOWN, true);
        await("the table still obeys", s -> s.state() == TableState.MOVING);
        sim.setButton(Button.DOWN, false);

        sim.displayChip().setFailing(false);
        awaitTrue("the display works again", () -> sim.display().working());
        assertEquals(1, displayReports());
    }

    private long displayReports() {
        return sim.failures().list().stream().filter(f -> f.what().equals(DisplayUpdater.WHAT)).count();
    }

    private void awaitTrue(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** Simulated time that one thread advances and any thread reads. */
    private static final class SteppedClock implements Clock {
        private final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong(1L);

        @Override
        public long nanoTime() {
            return nanos.get();
        }

        void advance(long deltaNanos) {
            nanos.addAndGet(Math.max(0L, deltaNanos));
        }
    }
}
