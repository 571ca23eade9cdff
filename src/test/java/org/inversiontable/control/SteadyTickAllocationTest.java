package org.inversiontable.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * SPEC §11 / issue 18: the control loop's steady-state tick allocates nothing. The loop is built
 * as a process start builds it, on the Pi4J mock providers with the real adapters, in simulated
 * time (1 ms physics steps, a tick every 10 ms, as the scenario simulation steps), and driven
 * through {@link SessionScript}: hold-to-run moves down and up, holds, HOME and the ramped return.
 * After a warm-up long enough for the JIT to compile the tick, the thread's allocation counter is
 * read around each tick only (not the physics between ticks), over thousands of ticks. Counted,
 * not timed: a loaded machine cannot make it fail or pass.
 */
class SteadyTickAllocationTest {
    private static final long PHYSICS_STEP_NANOS = 1_000_000L;
    private static final int STEPS_PER_TICK = (int) (ControlLoop.PERIOD_NANOS / PHYSICS_STEP_NANOS);
    /** Two cycles of the script: every kind of tick runs compiled before the count starts. */
    private static final int WARM_UP_TICKS = (int) (2 * SessionScript.CYCLE_NANOS / ControlLoop.PERIOD_NANOS);
    /** One more cycle, counted: moves, holds, the return and the rest at home. */
    private static final int MEASURED_TICKS = (int) (SessionScript.CYCLE_NANOS / ControlLoop.PERIOD_NANOS);

    private final Config config = Config.defaults();
    private final ManualClock clock = new ManualClock(0L);
    private final SessionScript script = new SessionScript();
    private SimulatedTable table;
    private SimulatedBench bench;
    private WatchdogRelay relay;
    private long lastImuSequence = -1;

    @Disabled("issue 18 in progress: the tick still allocates (records on the 100 Hz path); enable once it is 0")
    @Test
    void theSteadyStateTickAllocatesNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
                && mx.isThreadAllocatedMemorySupported(), "this JVM does not count a thread's allocations");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        mx.setThreadAllocatedMemoryEnabled(true);
        table = new SimulatedTable(TableParameters.defaults().withHomeDeg(config.number(ConfigKey.HOME_DEG)),
                config.number(ConfigKey.HOME_DEG), 80.0, 1L);
        bench = new SimulatedBench(PinMap.from(config));
        relay = new WatchdogRelay(false);
        try (SimulatedBench closing = bench) {
            showImu();
            bench.setInputs(false, table.homeSwitchAtHome(), 0);
            ControlLoop loop = ControllerAssembly.build(config, bench.boot(clock), clock);
            run(loop, WARM_UP_TICKS, mx);
            // The counter's own cost, measured the same way: it must not hide a tick's bytes.
            long meterBytes = 0;
            for (int i = 0; i < MEASURED_TICKS; i++) {
                long mark = mx.getCurrentThreadAllocatedBytes();
                meterBytes += mx.getCurrentThreadAllocatedBytes() - mark;
            }
            assertEquals(0L, meterBytes, "the allocation counter itself allocated");
            long tickBytes = run(loop, MEASURED_TICKS, mx);
            assertEquals(0L, tickBytes, "bytes allocated by " + MEASURED_TICKS + " steady-state ticks ("
                    + (double) tickBytes / MEASURED_TICKS + " B a tick)");
        }
    }

    /** Runs {@code ticks} ticks with the physics between them; returns the bytes the ticks alone allocated. */
    private long run(ControlLoop loop, int ticks, com.sun.management.ThreadMXBean mx) {
        long bytes = 0;
        for (int i = 0; i < ticks; i++) {
            bench.setInputs(false, table.homeSwitchAtHome(), script.buttonsAt(clock.nanoTime()));
            long mark = mx.getCurrentThreadAllocatedBytes();
            loop.tick();
            bytes += mx.getCurrentThreadAllocatedBytes() - mark;
            for (int s = 0; s < STEPS_PER_TICK; s++) {
                step();
            }
        }
        return bytes;
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
