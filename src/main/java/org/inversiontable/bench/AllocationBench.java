package org.inversiontable.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.control.ControlLoop;
import org.inversiontable.control.TickRecord;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.pi4j.SimulatedBench;
import org.inversiontable.process.ControllerAssembly;
import org.inversiontable.process.TableProcess;
import org.inversiontable.runtime.AsyncSessionStorage;
import org.inversiontable.runtime.AuxiliaryFailures;
import org.inversiontable.scenario.ImuSampleFeed;
import org.inversiontable.session.NioDurableFileSystem;
import org.inversiontable.sim.SimulatedTable;
import org.inversiontable.sim.TableParameters;
import org.inversiontable.sim.WatchdogRelay;
import org.inversiontable.time.ManualClock;
import org.inversiontable.trace.TraceRow;
import org.inversiontable.trace.TraceRows;
import org.inversiontable.trace.TraceWriter;

/**
 * Heap bytes allocated per tick in steady state, per part (SPEC §11), in simulated time so that
 * the figure is the same on every run: the table is stepped as the scenario simulation steps it
 * (1 ms physics steps, a tick every 10 ms, on one {@link ManualClock}), driven through {@link
 * SessionScript}, and each part is measured on its own with the thread's allocation counter, after
 * a warm-up (the JIT's escape analysis removes allocations only once it has compiled the code).
 *
 * <ul>
 * <li>the control loop's tick ({@link ControlLoop#tick()}: inputs, controller, supervisor, gate,
 *     the Pi4J adapters on the mock providers): SPEC §11's {@code alloc_bytes_per_tick};
 * <li>the process's tick ({@link TableProcess#tick()}: the same plus the session keeper, whose
 *     writes go to the runtime's writer thread as in {@code simulate}), measured in a second pass;
 * <li>the simulation's physics: the ten 1 ms steps of the table between two ticks;
 * <li>the trace: making the row ({@link TraceRows#row}) and writing it ({@link TraceWriter#write}).
 * </ul>
 */
final class AllocationBench {
    private static final long PHYSICS_STEP_NANOS = 1_000_000L;
    private static final int STEPS_PER_TICK = (int) (ControlLoop.PERIOD_NANOS / PHYSICS_STEP_NANOS);

    record Result(double loopTickBytes, double processTickBytes, double physicsBytesPerTick, double rowBuildBytes,
                  double traceWriteBytes, long measuredTicks, long meterOverheadBytes) {
    }

    private final Config config;
    private final Path workDir;

    AllocationBench(Config config, Path workDir) {
        this.config = config;
        this.workDir = workDir;
    }

    Result run(int warmUpTicks, int measuredTicks) throws IOException {
        AllocationMeter meter = AllocationMeter.forThisThread();
        Rig loopRig = new Rig(config);
        ControlLoop loop = ControllerAssembly.build(config, loopRig.bench.boot(loopRig.clock), loopRig.clock);
        Parts parts = new Parts();
        try (TraceWriter trace = new TraceWriter(Writer.nullWriter(), "discarded", Long.MAX_VALUE)) {
            loopRig.run(warmUpTicks, loop::tick, meter, new Parts(), trace);
            loopRig.run(measuredTicks, loop::tick, meter, parts, trace);
        } finally {
            loopRig.bench.close();
        }
        double processBytes = processTickBytes(meter, warmUpTicks, measuredTicks);
        return new Result(parts.tick.bytesPerCall(), processBytes, parts.physics.bytesPerCall(),
                parts.row.bytesPerCall(), parts.write.bytesPerCall(), parts.tick.calls(), meter.overheadBytes(10_000));
    }

    private double processTickBytes(AllocationMeter meter, int warmUpTicks, int measuredTicks) throws IOException {
        Rig rig = new Rig(config);
        Path journalDir = Files.createTempDirectory(workDir, "alloc-journal");
        AuxiliaryFailures failures = new AuxiliaryFailures();
        AsyncSessionStorage storage = new AsyncSessionStorage(rig.clock, row -> { }, failures);
        java.time.Clock wallClock = java.time.Clock.fixed(java.time.Instant.parse("2026-01-05T08:00:00Z"),
                ZoneOffset.UTC);
        TableProcess process = ControllerAssembly.start(config, rig.bench.boot(rig.clock), rig.clock, wallClock,
                journalDir, new NioDurableFileSystem(), storage::of);
        storage.start();
        Parts parts = new Parts();
        try (TraceWriter trace = new TraceWriter(Writer.nullWriter(), "discarded", Long.MAX_VALUE)) {
            rig.run(warmUpTicks, process::tick, meter, new Parts(), trace);
            rig.run(measuredTicks, process::tick, meter, parts, trace);
        } finally {
            storage.close(1_000_000_000L);
            rig.bench.close();
        }
        return parts.tick.bytesPerCall();
    }

    /** One tick's worth of work, measured. */
    @FunctionalInterface
    private interface Tick {
        TickRecord tick();
    }

    private static final class Parts {
        final AllocationMeter.Tally tick = new AllocationMeter.Tally();
        final AllocationMeter.Tally physics = new AllocationMeter.Tally();
        final AllocationMeter.Tally row = new AllocationMeter.Tally();
        final AllocationMeter.Tally write = new AllocationMeter.Tally();
    }

    /** The table, its wires and the relay in simulated time, as {@code SimulatedSession} steps them. */
    private static final class Rig {
        final ManualClock clock = new ManualClock(0L);
        final SimulatedTable table;
        final SimulatedBench bench;
        final WatchdogRelay relay;
        final SessionScript script = new SessionScript();
        final ImuSampleFeed imuFeed = new ImuSampleFeed();

        Rig(Config config) {
            TableParameters params = TableParameters.defaults().withHomeDeg(config.number(ConfigKey.HOME_DEG));
            table = new SimulatedTable(params, config.number(ConfigKey.HOME_DEG), 80.0, 1L);
            bench = new SimulatedBench(PinMap.from(config));
            showImu();
            bench.setInputs(false, table.homeSwitchAtHome(), 0);
            relay = new WatchdogRelay(false);
        }

        void run(int ticks, Tick tick, AllocationMeter meter, Parts parts, TraceWriter trace) {
            for (int i = 0; i < ticks; i++) {
                bench.setInputs(false, table.homeSwitchAtHome(), script.buttonsAt(clock.nanoTime()));
                long mark = meter.start();
                TickRecord record = tick.tick();
                parts.tick.add(meter.stop(mark));
                mark = meter.start();
                TraceRow row = TraceRows.row(record, table.angleTrueDeg(), record.profile(), null);
                parts.row.add(meter.stop(mark));
                mark = meter.start();
                trace.write(row);
                parts.write.add(meter.stop(mark));
                mark = meter.start();
                for (int s = 0; s < STEPS_PER_TICK; s++) {
                    step();
                }
                parts.physics.add(meter.stop(mark));
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
            imuFeed.show(table, bench);
        }
    }

}
