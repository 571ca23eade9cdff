package org.inversiontable.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.inversiontable.bench.SessionScript;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.pi4j.SimulatedBench;
import org.inversiontable.process.ControllerAssembly;
import org.inversiontable.sim.ImuOutput;
import org.inversiontable.sim.SimulatedTable;
import org.inversiontable.sim.TableParameters;
import org.inversiontable.sim.WatchdogRelay;
import org.inversiontable.time.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * SPEC §11 / issue 18: the control loop's steady-state tick allocates nothing. The loop is built
 * as a process start builds it, on the Pi4J mock providers with the real adapters, in simulated
 * time (1 ms physics steps, a tick every 10 ms, as the scenario simulation steps), and driven
 * through {@link SessionScript}: hold-to-run moves down and up, holds, HOME and the ramped return.
 * After a warm-up long enough for the JIT to compile the tick, the thread's allocation counter is
 * read around each tick only (not the physics between ticks), over thousands of ticks. Counted,
 * not timed: a loaded machine cannot make it fail or pass.
 *
 * <p>Nothing at all, on a tick that drives too: the position loop refills one of its two reusable
 * drives ({@link MotorCommand#reusableDrive}) instead of making a command. The H-bridge publishes
 * the command to its watchdog's thread through a volatile reference; that thread reads only the
 * enable line, which a reusable drive never changes, and the e-stop's thread only writes OFF. A
 * cycle is counted again, up to {@link #ATTEMPTS} times, when the JIT's own allocations fell into it
 * (see the test); a tick that allocates fails them all (put back one {@code MotorCommand.drive} in
 * {@code PositionLoop#track}, and it does).
 */
class SteadyTickAllocationTest {
    private static final long PHYSICS_STEP_NANOS = 1_000_000L;
    private static final int STEPS_PER_TICK = (int) (ControlLoop.PERIOD_NANOS / PHYSICS_STEP_NANOS);
    /** Four cycles of the script: every kind of tick runs compiled (by C2) before the count starts. */
    private static final int WARM_UP_TICKS = (int) (4 * SessionScript.CYCLE_NANOS / ControlLoop.PERIOD_NANOS);
    /** A cycle, counted: moves, holds, the return and the rest at home. */
    private static final int MEASURED_TICKS = (int) (SessionScript.CYCLE_NANOS / ControlLoop.PERIOD_NANOS);

    /** Cycles counted, one after the other, until one is clean: see the test. */
    private static final int ATTEMPTS = 5;

    private final Config config = Config.defaults();
    private ManualClock clock;
    private final SessionScript script = new SessionScript();
    private SimulatedTable table;
    private SimulatedBench bench;
    private WatchdogRelay relay;
    private long lastImuSequence = -1;
    private ControlLoop loop;
    private long restTicks;
    private long restBytes;
    private long driveTicks;
    private long driveBytes;
    private long mostOnADriveTick;

    @Test
    void theSteadyStateTickAllocatesNothing() throws Exception {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
                && mx.isThreadAllocatedMemorySupported(), "this JVM does not count a thread's allocations");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        mx.setThreadAllocatedMemoryEnabled(true);
        // The JIT compiles the code, not an instance: a table warmed up once warms every later one.
        try (SimulatedBench closing = boot()) {
            run(loop, WARM_UP_TICKS, mx);
        }
        // The counter's own cost, measured the same way: it must not hide a tick's bytes.
        long meterBytes = 0;
        for (int i = 0; i < MEASURED_TICKS; i++) {
            long mark = mx.getCurrentThreadAllocatedBytes();
            meterBytes += mx.getCurrentThreadAllocatedBytes() - mark;
        }
        assertEquals(0L, meterBytes, "the allocation counter itself allocated");
        // Each attempt boots a fresh table and counts its second cycle of the script, so every
        // attempt counts the same ticks. The script repeats exactly, so an allocation of the tick's
        // own comes back in every attempt; the JIT's come and go (a deoptimisation re-creates on the
        // heap the objects it had kept in registers, a recompilation runs a method interpreted for a
        // while), on a loaded machine well after the warm-up. A tick that allocates fails them all.
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (SimulatedBench closing = boot()) {
                run(loop, MEASURED_TICKS, mx);
                restTicks = 0;
                restBytes = 0;
                driveTicks = 0;
                driveBytes = 0;
                mostOnADriveTick = 0;
                run(loop, MEASURED_TICKS, mx);
            }
            if (restBytes == 0 && driveBytes == 0) {
                break;
            }
        }
        assertTrue(restTicks > 500 && driveTicks > 1000, "the script rests and drives: " + restTicks
                + " ticks at rest, " + driveTicks + " driving");
        assertEquals(0L, restBytes, "bytes allocated by " + restTicks + " ticks that did not drive");
        assertEquals(0L, driveBytes, "bytes allocated by " + driveTicks + " driving ticks (the most on one: "
                + mostOnADriveTick + " B)");
    }

    /** A table at home, its wiring, and a controller on it, as a process start builds them, at time 0. */
    private SimulatedBench boot() {
        clock = new ManualClock(0L);
        table = new SimulatedTable(TableParameters.defaults().withHomeDeg(config.number(ConfigKey.HOME_DEG)),
                config.number(ConfigKey.HOME_DEG), 80.0, 1L);
        bench = new SimulatedBench(PinMap.from(config));
        relay = new WatchdogRelay(false);
        lastImuSequence = -1;
        showImu();
        bench.setInputs(false, table.homeSwitchAtHome(), 0);
        loop = ControllerAssembly.build(config, bench.boot(clock), clock);
        return bench;
    }

    /**
     * Runs {@code ticks} ticks with the physics between them, counting the bytes the ticks alone
     * allocated: apart, those that drove the motor (the state of a move, or a command applied) and
     * those that did not.
     */
    private void run(ControlLoop loop, int ticks, com.sun.management.ThreadMXBean mx) {
        for (int i = 0; i < ticks; i++) {
            bench.setInputs(false, table.homeSwitchAtHome(), script.buttonsAt(clock.nanoTime()));
            long mark = mx.getCurrentThreadAllocatedBytes();
            TickRecord r = loop.tick();
            long bytes = mx.getCurrentThreadAllocatedBytes() - mark;
            if (r.applied().enabled() || r.state() == TableState.MOVING || r.state() == TableState.RETURNING) {
                driveTicks++;
                driveBytes += bytes;
                mostOnADriveTick = Math.max(mostOnADriveTick, bytes);
            } else {
                restTicks++;
                restBytes += bytes;
            }
            for (int s = 0; s < STEPS_PER_TICK; s++) {
                step();
            }
        }
    }

    private void step() {
        MotorCommand drive = bench.motorOutput();
        relay.observe(bench.heartbeatHigh(), clock.nanoTime());
        table.step(PHYSICS_STEP_NANOS, drive.duty(), drive.enabled(), relay.motorPowered());
        clock.advanceNanos(PHYSICS_STEP_NANOS);
        showImu();
    }

    private void showImu() {
        ImuOutput imu = table.imuOutput();
        boolean fresh = imu.sequence() != lastImuSequence;
        lastImuSequence = imu.sequence();
        bench.showImu(imu.connected(), fresh && imu.connected(), imu.angleDeg(), imu.gravityG(),
                imu.rateDegPerS(), imu.alongG());
    }
}
