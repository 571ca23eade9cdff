package org.inversiontable.pi;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.inversiontable.config.Config;
import org.inversiontable.control.TickRecord;
import org.inversiontable.display.DisplayFeed;
import org.inversiontable.display.DisplaySettings;
import org.inversiontable.display.DisplayUpdater;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.hardware.pi4j.Pi4jDisplay;
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
 * heartbeat from the first tick, systemd told READY and pinged from the control thread; with
 * {@code display = on}, the display (SPEC §13) on a thread of its own, fed after each tick.
 *
 * <pre>{@code
 * RunningTable running = RunningTable.start(config, table, stateDir, journalDir, new SystemClock(), Parker.SYSTEM,
 *         notifier, WatchdogPinger.intervalNanos(System.getenv(), pid), ProcessExit.SYSTEM);
 * running.installShutdownHook();   // SIGTERM: motor off, STOPPING=1, journal, recorder, Pi4J shutdown, exit 0
 * }</pre>
 *
 * <p>Thread-safety: the trace rows and the pings are made on the control thread (the boot row's
 * flag is confined to it); the runtime says how it is safe; the notifier is safe from any thread;
 * the display's feed and updater say how they are.
 */
public final class RunningTable implements AutoCloseable {
    private final TableRuntime runtime;
    private final FlightRecorder recorder;
    private final DisplayFeed displayFeed = new DisplayFeed();
    /**
     * READY=1 has been sent: the watchdog pings may begin. Written once by the thread that started the
     * table, read by the control thread after each tick: volatile is all the ordering needed.
     */
    private volatile boolean readySent;
    private final DisplayUpdater display;
    private boolean bootRowWritten;

    /** Opens the display's hardware ({@link Pi4jDisplay#onPi}); throws when it cannot. */
    @FunctionalInterface
    public interface DisplayOpener {
        Pi4jDisplay open(DisplaySettings settings);
    }

    private RunningTable(Config config, Pi4jTableHardware table, Path stateDir, Path journalDir, Clock clock,
            Parker parker, ServiceNotifier notifier, OptionalLong watchdogIntervalNanos, ProcessExit exit,
            DisplayOpener displayOpener) {
        AuxiliaryFailures failures = new AuxiliaryFailures();
        this.display = openDisplay(config, displayOpener, clock, failures);
        this.recorder = FlightRecorder.open(config, stateDir);
        AsyncSessionStorage storage = new AsyncSessionStorage(clock, recorder, failures);
        TableHardware hardware = table.hardware();
        long bootNanos = clock.nanoTime();
        TableProcess process = ControllerAssembly.start(config, hardware, clock, java.time.Clock.systemDefaultZone(),
                journalDir, new NioDurableFileSystem(), storage::of, new TimeSyncFlag(TimeSyncFlag.SYSTEMD_TIMESYNC_FLAG));
        TraceRow.Boot boot = TraceRows.boot(process, config, bootNanos, hardware.heartbeat().high());
        TableRuntime[] self = new TableRuntime[1];
        // No WATCHDOG=1 before READY=1: the control thread ticks as soon as the runtime starts,
        // which is before start() tells systemd READY on the caller's thread.
        WatchdogPinger pinger = watchdogIntervalNanos.isPresent()
                ? new WatchdogPinger(notifier, watchdogIntervalNanos.getAsLong(), () -> readySent && !self[0].failed())
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
                        displayFeed.publish(record);
                        if (pinger != null) {
                            pinger.afterTick(record.timeNanos());
                        }
                    }
                })
                .onStopping(notifier::stopping)
                .closeRecorder(recorder)
                .closeHardware(() -> {
                    if (display != null) {
                        display.close();
                    }
                    table.close();
                })
                .build();
        self[0] = runtime;
    }

    /**
     * The display's thread over the opened hardware, or null: when {@code display = off}, or when it
     * cannot be opened (reported; the table runs without it, SPEC §12). A display that is wired but
     * does not answer yet is opened, and its thread retries.
     */
    private DisplayUpdater openDisplay(Config config, DisplayOpener opener, Clock clock, AuxiliaryFailures failures) {
        DisplaySettings settings = DisplaySettings.from(config);
        if (!settings.enabled()) {
            return null;
        }
        try {
            Pi4jDisplay oled = opener.open(settings);
            // Parker.SYSTEM whatever the table's clock: the picture's rate is the wall's, not a time scale's.
            return new DisplayUpdater(displayFeed, oled, oled, clock, failures, settings.periodNanos(), Parker.SYSTEM);
        } catch (RuntimeException e) {
            failures.report(DisplayUpdater.WHAT, e);
            return null;
        }
    }

    /** Builds the controller and starts the runtime, then tells systemd READY; no display. */
    public static RunningTable start(Config config, Pi4jTableHardware table, Path stateDir, Path journalDir,
            Clock clock, Parker parker, ServiceNotifier notifier, OptionalLong watchdogIntervalNanos, ProcessExit exit) {
        return start(config, table, stateDir, journalDir, clock, parker, notifier, watchdogIntervalNanos, exit,
                settings -> {
                    throw new IllegalStateException("this start has no display hardware (display = on is ignored)");
                });
    }

    /** As above, with the display opened by {@code display} when the configuration says {@code display = on}. */
    public static RunningTable start(Config config, Pi4jTableHardware table, Path stateDir, Path journalDir,
            Clock clock, Parker parker, ServiceNotifier notifier, OptionalLong watchdogIntervalNanos, ProcessExit exit,
            DisplayOpener display) {
        RunningTable running = new RunningTable(config, table, stateDir, journalDir, clock, parker, notifier,
                watchdogIntervalNanos, exit, display);
        running.runtime.start();
        if (running.display != null) {
            running.display.start();
        }
        notifier.ready();
        running.readySent = true;
        return running;
    }

    /** True when a display was opened and its last picture reached it. */
    public boolean displayWorking() {
        return display != null && display.working();
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
