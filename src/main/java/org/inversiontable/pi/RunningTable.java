package org.inversiontable.pi;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.inversiontable.config.Config;
import org.inversiontable.control.TickRecord;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.hardware.pi4j.Pi4jTableHardware;
import org.inversiontable.process.ControllerAssembly;
import org.inversiontable.process.TableProcess;
import org.inversiontable.recorder.FlightRecorder;
import org.inversiontable.runtime.AsyncSessionStorage;
import org.inversiontable.runtime.AuxiliaryFailures;
import org.inversiontable.runtime.Parker;
import org.inversiontable.runtime.ProcessExit;
import org.inversiontable.runtime.TableRuntime;
import org.inversiontable.runtime.TickHooks;
import org.inversiontable.session.NioDurableFileSystem;
import org.inversiontable.time.Clock;
import org.inversiontable.trace.TraceRow;
import org.inversiontable.trace.TraceRows;

/**
 * The table under the real-time runtime of SPEC §12, once the self-test has passed: the
 * controller built over the journal in the state directory, the flight recorder beside it, the
 * heartbeat from the first tick, systemd told READY and pinged from the control thread.
 *
 * <pre>{@code
 * RunningTable running = RunningTable.start(config, table, stateDir, journalDir, new SystemClock(), Parker.SYSTEM,
 *         notifier, WatchdogPinger.intervalNanos(System.getenv(), pid), ProcessExit.SYSTEM);
 * running.installShutdownHook();   // SIGTERM: motor off, STOPPING=1, journal, recorder, Pi4J shutdown, exit 0
 * }</pre>
 *
 * <p>Thread-safety: the trace rows and the pings are made on the control thread (the boot row's
 * flag is confined to it); the runtime says how it is safe; the notifier is safe from any thread.
 */
public final class RunningTable implements AutoCloseable {
    private final TableRuntime runtime;
    private final FlightRecorder recorder;
    private boolean bootRowWritten;

    private RunningTable(Config config, Pi4jTableHardware table, Path stateDir, Path journalDir, Clock clock,
            Parker parker, ServiceNotifier notifier, OptionalLong watchdogIntervalNanos, ProcessExit exit) {
        AuxiliaryFailures failures = new AuxiliaryFailures();
        this.recorder = FlightRecorder.open(config, stateDir);
        AsyncSessionStorage storage = new AsyncSessionStorage(clock, recorder, failures);
        TableHardware hardware = table.hardware();
        long bootNanos = clock.nanoTime();
        TableProcess process = ControllerAssembly.start(config, hardware, clock, java.time.Clock.systemDefaultZone(),
                journalDir, new NioDurableFileSystem(), storage::of);
        TraceRow.Boot boot = TraceRows.boot(process, config, bootNanos, hardware.heartbeat().high());
        TableRuntime[] self = new TableRuntime[1];
        WatchdogPinger pinger = watchdogIntervalNanos.isPresent()
                ? new WatchdogPinger(notifier, watchdogIntervalNanos.getAsLong(), () -> !self[0].failed())
                : null;
        this.runtime = TableRuntime.builder(process, storage)
                .clock(clock)
                .controlParker(parker)
                .watchdogParker(parker)
                .failures(failures)
                .exit(exit)
                .hooks(new TickHooks() {
                    @Override
                    public void afterTick(TickRecord record) {
                        // The true angle is what a simulator knows; on a table nobody does.
                        storage.offerRow(TraceRows.row(record, Double.NaN, record.profile(), bootRowWritten ? null : boot));
                        bootRowWritten = true;
                        if (pinger != null) {
                            pinger.afterTick(record.timeNanos());
                        }
                    }
                })
                .onStopping(notifier::stopping)
                .closeRecorder(recorder)
                .closeHardware(table::close)
                .build();
        self[0] = runtime;
    }

    /** Builds the controller and starts the runtime, then tells systemd READY. */
    public static RunningTable start(Config config, Pi4jTableHardware table, Path stateDir, Path journalDir,
            Clock clock, Parker parker, ServiceNotifier notifier, OptionalLong watchdogIntervalNanos, ProcessExit exit) {
        RunningTable running = new RunningTable(config, table, stateDir, journalDir, clock, parker, notifier,
                watchdogIntervalNanos, exit);
        running.runtime.start();
        notifier.ready();
        return running;
    }

    /** SIGTERM and Ctrl-C stop the table in order and end the process with 0. */
    public void installShutdownHook() {
        runtime.installShutdownHook();
    }

    public long ticks() {
        return runtime.ticks();
    }

    public boolean failed() {
        return runtime.failed();
    }

    public Path recorderDirectory() {
        return recorder.directory();
    }

    /** Motor off, STOPPING=1, the session journaled, the recorder flushed, Pi4J's shutdown states. */
    @Override
    public void close() {
        runtime.close();
    }
}
