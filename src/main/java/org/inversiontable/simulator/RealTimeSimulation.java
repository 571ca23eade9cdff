package org.inversiontable.simulator;

import java.nio.file.Path;
import java.util.Objects;
import org.inversiontable.config.Config;
import org.inversiontable.control.TickRecord;
import org.inversiontable.display.DisplayFeed;
import org.inversiontable.display.DisplaySettings;
import org.inversiontable.display.DisplayUpdater;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.hardware.pi4j.Pi4jDisplay;
import org.inversiontable.hardware.pi4j.fake.FakeSsd1306;
import org.inversiontable.process.ControllerAssembly;
import org.inversiontable.process.TableProcess;
import org.inversiontable.recorder.FlightRecorder;
import org.inversiontable.runtime.AsyncSessionStorage;
import org.inversiontable.runtime.AuxiliaryFailures;
import org.inversiontable.runtime.Parker;
import org.inversiontable.runtime.PeriodStats;
import org.inversiontable.runtime.TableRuntime;
import org.inversiontable.runtime.TickHooks;
import org.inversiontable.session.NioDurableFileSystem;
import org.inversiontable.sim.FaultGroup;
import org.inversiontable.time.Clock;
import org.inversiontable.trace.TraceRow;
import org.inversiontable.trace.TraceRows;

/**
 * {@code simulate}: the real controller on the real-time runtime of SPEC §12, over the simulated
 * table behind Pi4J's mock providers, as a person at a desktop handles it. The physics advances in
 * real time on the control thread just before each tick (so the table moves exactly as long as
 * the H-bridge output stood), the journal, history and flight recorder are written by the
 * runtime's writer thread into the state directory, and a window or a terminal drives it through
 * {@link SimulatorControls}.
 *
 * <pre>{@code
 * try (RealTimeSimulation sim = RealTimeSimulation.start(config, stateDir, 80.0, new SystemClock())) {
 *     sim.setButton(Button.DOWN, true);      // any thread
 *     SimulatorStatus s = sim.status();       // any thread
 * }
 * }</pre>
 *
 * <p>The simulated table always has its display (SPEC §13): the same driver and display thread
 * as {@code run}'s write to a register-level fake SSD1306, whose panel the window draws.
 *
 * <p>Thread-safe: the rig has its own lock; the status is an immutable value behind a volatile
 * field, written by the control thread after each tick; the display's feed, its thread and the fake
 * say how they are safe; the runtime says how it is safe.
 */
public final class RealTimeSimulation implements SimulatorControls, AutoCloseable {
    /** The simulated user's weight when none is given: SPEC's sweep runs 40-150 kg. */
    public static final double DEFAULT_USER_KG = 80.0;

    private final SimulatorRig rig;
    private final TableRuntime runtime;
    private final FlightRecorder recorder;
    private final long startNanos;
    private final StatusWords words = new StatusWords();
    private final TraceRow.Boot boot;
    private final FakeSsd1306 displayChip = new FakeSsd1306();
    private final DisplayFeed displayFeed = new DisplayFeed();
    private final DisplayUpdater display;
    private volatile SimulatorStatus status;
    private boolean bootRowWritten;

    private RealTimeSimulation(Config config, Path stateDir, Path journalDir, double userKg, Clock clock,
            Parker controlParker, Parker watchdogParker) {
        this.startNanos = clock.nanoTime();
        this.rig = new SimulatorRig(config, userKg, 1L, startNanos);
        AuxiliaryFailures failures = new AuxiliaryFailures();
        this.recorder = FlightRecorder.open(config, stateDir);
        AsyncSessionStorage storage = new AsyncSessionStorage(clock, recorder, failures);
        TableHardware hardware = rig.boot(clock);
        long bootNanos = clock.nanoTime();
        TableProcess process = ControllerAssembly.start(config, hardware, clock, java.time.Clock.systemDefaultZone(),
                journalDir, new NioDurableFileSystem(), storage::of);
        this.boot = TraceRows.boot(process, config, bootNanos, hardware.heartbeat().high());
        SimulatorRig.Physical physical = rig.physical();
        this.status = new SimulatorStatus(0.0, physical.angleTrueDeg(), Double.NaN,
                org.inversiontable.control.TableState.BOOT, 0.0, process.loop().supervisor().limitInvertedS(),
                process.loop().supervisor().limitAngleDeg(), 0.0, false, physical.motorPowered(), false, false,
                false, 0, null, "Starting...", physical.userKg(), 0);
        DisplaySettings settings = DisplaySettings.from(config);
        Pi4jDisplay oled = Pi4jDisplay.simulated(displayChip, settings.bus(), settings.address(), settings.busKhz());
        this.display = new DisplayUpdater(displayFeed, oled, oled, clock, failures, settings.periodNanos(),
                Parker.SYSTEM);
        this.runtime = TableRuntime.builder(process, storage)
                .clock(clock)
                .controlParker(controlParker)
                .watchdogParker(watchdogParker)
                .failures(failures)
                .hooks(new TickHooks() {
                    @Override
                    public void beforeTick(long nowNanos) {
                        rig.advanceTo(nowNanos);
                    }

                    @Override
                    public void afterTick(TickRecord record) {
                        publish(record, storage);
                    }
                })
                .closeRecorder(recorder)
                .closeHardware(() -> {
                    display.close();
                    rig.close();
                })
                .build();
    }

    /**
     * Builds the simulated table at home and starts the runtime.
     *
     * @param stateDir   where the flight recorder keeps its files (and the journal, unless
     *                   {@code journal_dir} is configured)
     * @param journalDir where the session journal and history live
     */
    public static RealTimeSimulation start(Config config, Path stateDir, Path journalDir, double userKg, Clock clock) {
        return start(config, stateDir, journalDir, userKg, clock, Parker.SYSTEM, Parker.SYSTEM);
    }

    /**
     * As above, with the runtime's waits given: tests run the same threads on a stepped clock whose
     * control parker advances it, so a loaded machine cannot make a tick late.
     */
    public static RealTimeSimulation start(Config config, Path stateDir, Path journalDir, double userKg, Clock clock,
            Parker controlParker, Parker watchdogParker) {
        Objects.requireNonNull(config, "config");
        RealTimeSimulation sim = new RealTimeSimulation(config, stateDir, journalDir, userKg, clock, controlParker,
                watchdogParker);
        sim.runtime.start();
        sim.display.start();
        return sim;
    }

    /** SIGTERM and Ctrl-C stop the simulated table in order and end the process with 0. */
    public void installShutdownHook() {
        runtime.installShutdownHook();
    }

    /** On the control thread, after each tick: the status for the faces, the row for the recorder. */
    private void publish(TickRecord r, AsyncSessionStorage storage) {
        displayFeed.publish(r);
        SimulatorRig.Physical p = rig.physical();
        String fault = r.fault() == null ? null : r.fault().code();
        String message = words.after(r.timeNanos(), r.state(), r.fault(), r.event());
        status = new SimulatorStatus((r.timeNanos() - startNanos) / 1e9, p.angleTrueDeg(), r.angleMeasDeg(),
                r.state(), r.invertedS(), r.limitInvertedS(), r.limitAngleDeg(), p.duty(), p.motorEnabled(),
                p.motorPowered(), p.ledOn(), p.buzzerOn(), p.estopPressed(), p.buttonsMask(), fault, message,
                p.userKg(), p.injected());
        storage.offerRow(TraceRows.row(r, p.angleTrueDeg(), r.profile(), bootRowWritten ? null : boot));
        bootRowWritten = true;
    }

    @Override
    public void setButton(Button button, boolean pressed) {
        rig.setButton(button, pressed);
    }

    @Override
    public void setEstopPressed(boolean pressed) {
        rig.setEstopOpen(pressed);
    }

    @Override
    public void inject(InjectableFault fault) {
        rig.inject(fault);
    }

    @Override
    public void clear(FaultGroup group) {
        rig.clear(group);
    }

    @Override
    public void setUserKg(double kg) {
        rig.setUserKg(kg);
    }

    @Override
    public SimulatorStatus status() {
        return status;
    }

    @Override
    public java.util.Optional<byte[]> displayFrame() {
        return java.util.Optional.of(displayChip.visibleFrame());
    }

    /** The simulated display's controller, for tests that unplug it. */
    FakeSsd1306 displayChip() {
        return displayChip;
    }

    /** The display's thread, for tests that see it recover. */
    DisplayUpdater display() {
        return display;
    }

    /** The runtime's own period figures so far. */
    public PeriodStats.Summary periodStats() {
        return runtime.periodStats();
    }

    /** Ticks run so far. */
    public long ticks() {
        return runtime.ticks();
    }

    /** What failed beside the table (the recorder, a display); the table went on. */
    public AuxiliaryFailures failures() {
        return runtime.failures();
    }

    /** Where the flight recorder keeps the trace of the last sessions. */
    public Path recorderDirectory() {
        return recorder.directory();
    }

    /** A part of the host beside the table failed (the window): reported, and the table goes on. */
    public void auxiliaryFailed(String what, Throwable error) {
        runtime.auxiliaryFailed(what, error);
    }

    /** Motor off, the session journaled, the recorder flushed, the Pi4J context shut down. */
    @Override
    public void close() {
        runtime.close();
    }
}
