package org.inversiontable.hil;

import java.util.concurrent.locks.LockSupport;
import org.inversiontable.config.Config;
import org.inversiontable.control.TickRecord;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.process.ControllerAssembly;
import org.inversiontable.process.TableProcess;
import org.inversiontable.runtime.AsyncSessionStorage;
import org.inversiontable.runtime.AuxiliaryFailures;
import org.inversiontable.runtime.ProcessExit;
import org.inversiontable.runtime.TableRuntime;
import org.inversiontable.runtime.Parker;
import org.inversiontable.runtime.TickHooks;
import org.inversiontable.runtime.TimeScale;
import org.inversiontable.session.NioDurableFileSystem;
import org.inversiontable.time.Clock;
import org.inversiontable.time.SystemClock;

/**
 * The controller under test in real time, for the jigs with real pins: the same real-time runtime
 * that {@code run} starts (SPEC §12: control thread on absolute deadlines, writer thread, watchdog
 * thread), with two test hooks around each tick: one that can hang the control thread inside a
 * tick ({@link #stallLoop()}), one that publishes the tick's record. A failure on the control path
 * is recorded instead of ending the JVM that runs the tests.
 *
 * <p>Thread-safety: the stall flag and the last record are volatile, written by the test's thread
 * and the control thread respectively; everything else is the runtime's own (see {@link TableRuntime}).
 */
final class RealTimeTable implements TableUnderTest {
    /** How long a {@link #step()} parks: fine enough to time a millisecond latency, coarse enough not to spin a core. */
    static final long STEP_NANOS = 100_000L;
    private static final long STALL_PARK_NANOS = 1_000_000L;

    private final Clock clock;
    private final JournalDirectory journal = new JournalDirectory();
    private final TableRuntime runtime;
    private volatile boolean stalled;
    private volatile TickRecord lastTick;
    private volatile int exitStatus = -1;

    /**
     * @param closeHardware Pi4J's shutdown states for the controller's own I/O, run last when the table closes
     * @param scale         the table's time against the machine's: the runtime ticks, waits and judges on
     *                      the scaled clock, and {@link #nanoTime()} is that clock, so a contract's
     *                      durations stretch with the table's (the emulated Pi's timing scale)
     */
    RealTimeTable(Config config, TableHardware hardware, AutoCloseable closeHardware, TimeScale scale) {
        this.clock = scale.clock(new SystemClock());
        Parker parker = scale.parker(Parker.SYSTEM);
        AuxiliaryFailures failures = new AuxiliaryFailures();
        AsyncSessionStorage storage = new AsyncSessionStorage(clock, row -> { }, failures);
        TableProcess process = ControllerAssembly.start(config, hardware, clock, java.time.Clock.systemUTC(),
                journal.path(), new NioDurableFileSystem(), storage::of);
        TickHooks hooks = new TickHooks() {
            @Override
            public void beforeTick(long nowNanos) {
                while (stalled) {
                    LockSupport.parkNanos(STALL_PARK_NANOS);
                }
            }

            @Override
            public void afterTick(TickRecord record) {
                lastTick = record;
            }
        };
        ProcessExit recordOnly = new ProcessExit() {
            @Override
            public void exit(int status) {
                exitStatus = status;
            }

            @Override
            public void halt(int status) {
                exitStatus = status;
            }
        };
        runtime = TableRuntime.builder(process, storage).clock(clock).controlParker(parker).watchdogParker(parker).hooks(hooks).failures(failures)
                .exit(recordOnly).closeHardware(closeHardware).build();
        runtime.start();
    }

    @Override
    public void step() {
        LockSupport.parkNanos(STEP_NANOS);
    }

    @Override
    public long nanoTime() {
        return clock.nanoTime();
    }

    @Override
    public TickRecord lastTick() {
        return lastTick;
    }

    @Override
    public void stallLoop() {
        stalled = true;
    }

    @Override
    public void resumeLoop() {
        stalled = false;
    }

    /** The status the runtime asked to exit with after a failure on its control path, or -1. */
    int exitStatus() {
        return exitStatus;
    }

    @Override
    public void close() {
        stalled = false;
        try {
            runtime.close();
        } finally {
            journal.close();
        }
    }
}
