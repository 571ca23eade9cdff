package org.inversiontable.process;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.control.ButtonInterpreter;
import org.inversiontable.control.ControlLoop;
import org.inversiontable.control.ControlSettings;
import org.inversiontable.control.TableController;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.safety.MotorGate;
import org.inversiontable.safety.SafetySettings;
import org.inversiontable.safety.SafetySupervisor;
import org.inversiontable.safety.TroubleReports;
import org.inversiontable.session.DurableFileSystem;
import org.inversiontable.session.NioDurableFileSystem;
import org.inversiontable.session.PresetStore;
import org.inversiontable.session.SessionFiles;
import org.inversiontable.session.SessionHistory;
import org.inversiontable.session.SessionJournal;
import org.inversiontable.time.Clock;

/**
 * Builds a complete controller from nothing but the configuration, the hardware ports, the
 * clocks and the journal directory: what a process start (or a simulated power-cycle) does.
 * Holds no state of its own.
 *
 * <pre>{@code
 * TableProcess process = ControllerAssembly.start(config, hardware, clock, java.time.Clock.systemUTC(), dir);
 * // the real-time runtime: the same, with the writes on the runtime's writer thread
 * TableProcess process = ControllerAssembly.start(config, hardware, clock, wallClock, dir, files, asyncStorage::of);
 * }</pre>
 */
public final class ControllerAssembly {
    private ControllerAssembly() {
    }

    /**
     * A control loop that carries the journaled session over the restart (SPEC §7).
     *
     * @param wallClock  stamps the session history only; control runs on {@code clock}
     * @param journalDir where the session journal lives (the history too, unless configured)
     */
    public static TableProcess start(Config config, TableHardware hardware, Clock clock, java.time.Clock wallClock,
            Path journalDir) {
        return start(config, hardware, clock, wallClock, journalDir, new NioDurableFileSystem());
    }

    /** As above, with the journal's file operations given (tests inject a full or read-only disk). */
    public static TableProcess start(Config config, TableHardware hardware, Clock clock, java.time.Clock wallClock,
            Path journalDir, DurableFileSystem files) {
        return start(config, hardware, clock, wallClock, journalDir, files, SyncSessionStorage::new);
    }

    /**
     * As above, with the session's writes done by the storage that {@code storage} makes of the
     * writer (the runtime's writer thread; {@link SyncSessionStorage} writes at once).
     */
    public static TableProcess start(Config config, TableHardware hardware, Clock clock, java.time.Clock wallClock,
            Path journalDir, DurableFileSystem files, Function<SessionWriter, SessionStorage> storage) {
        return start(config, hardware, clock, wallClock, journalDir, files, storage, () -> true);
    }

    /**
     * As above, on a wall clock that may not be synchronised (a Pi without a real-time clock before
     * its network time): SPEC §13 then dates a session as the last one.
     */
    public static TableProcess start(Config config, TableHardware hardware, Clock clock, java.time.Clock wallClock,
            Path journalDir, DurableFileSystem files, Function<SessionWriter, SessionStorage> storage,
            java.util.function.BooleanSupplier wallClockSynchronised) {
        SessionJournal journal = new SessionJournal(journalDir, files);
        PresetStore presets = new PresetStore(journalDir, files);
        SessionWriter writes = new SessionWriter(journal, SessionFiles.historyFile(config).map(SessionHistory::new),
                Optional.of(presets));
        SessionKeeper keeper = new SessionKeeper(journal, storage.apply(writes), wallClock, new ProfileRoster(config),
                wallClockSynchronised);
        return new TableProcess(build(config, hardware, clock), keeper, presets.load(),
                config.number(ConfigKey.MAX_INVERTED_S),
                Math.round(config.number(ConfigKey.MIN_REST_BETWEEN_SESSIONS_H) * 3_600_000.0));
    }

    /** A control loop with a fresh session and no journal (tests of the loop alone). */
    public static ControlLoop build(Config config, TableHardware hardware, Clock clock) {
        ControlSettings controlSettings = ControlSettings.from(config);
        TableController controller = new TableController(controlSettings,
                new ButtonInterpreter(controlSettings.stuckButtonS()));
        // The H-bridge port goes into the gate here and nowhere else: nothing but the gate can
        // write the motor (ArchitectureTest holds this line to being the only use of motor()).
        MotorGate gate = new MotorGate(hardware.motor(), new TroubleReports());
        SafetySupervisor supervisor = new SafetySupervisor(SafetySettings.from(config, ControlLoop.PERIOD_NANOS),
                gate, clock.nanoTime());
        return new ControlLoop(hardware, controller, supervisor, gate, clock);
    }
}
