package org.inversiontable.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.control.ControlLoop;
import org.inversiontable.control.TickRecord;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.PinMap;
import org.inversiontable.hardware.pi4j.SimulatedBench;
import org.inversiontable.process.ControllerAssembly;
import org.inversiontable.process.TableProcess;
import org.inversiontable.session.DurableFileSystem;
import org.inversiontable.session.NioDurableFileSystem;
import org.inversiontable.sim.SimulatedTable;
import org.inversiontable.sim.TableParameters;
import org.inversiontable.sim.WatchdogRelay;
import org.inversiontable.time.ManualClock;
import org.inversiontable.trace.TraceRow;
import org.inversiontable.trace.TraceRows;

/**
 * The whole machine in simulated time: the physics of the table, the Pi4J mock pins and fake
 * MPU-6050 it is wired to, and a control loop built exactly as a process start builds it.
 *
 * <p>Physics advances in 1 ms steps; the control loop ticks every 10 ms on the same manual
 * clock, so the same scenario gives the same trace bit for bit. A power-cycle throws the whole
 * control side away (Pi4J context, adapters, controller, supervisor) and builds it anew; the
 * table, its sensor chip and whatever the user holds stay as they are, and so does the session
 * journal on disk: config {@code journal_dir} when set, else a temporary directory made for this
 * session and deleted by {@link #close()}. The history's wall-clock times are simulated too
 * ({@link #WALL_CLOCK_EPOCH} plus the simulated time), so traces and history stay reproducible.
 * A power-off is a power-cycle with a jump of that clock between the two processes: days pass
 * in one step, which is what lets weeks of sessions run in seconds.
 */
public final class SimulatedSession implements ScenarioTarget {
    private static final long PHYSICS_STEP_NANOS = 1_000_000L;
    /** The simulated wall clock reads this at simulated time 0 (a Monday morning). */
    public static final Instant WALL_CLOCK_EPOCH = Instant.parse("2026-01-05T08:00:00Z");

    private final Config config;
    private final ManualClock clock = new ManualClock(0L);
    private final SimulatedTable table;
    private final SimulatedBench wiring;
    /** Between the power supply and the H-bridge: held by the WATCHDOG heartbeat (SPEC §4, §9). */
    private final WatchdogRelay relay;
    private final java.time.Clock wallClock = new SimulatedWallClock(clock, ZoneOffset.UTC);
    private final Path journalDir;
    private final boolean journalDirIsTemporary;
    private final DurableFileSystem journalFiles;
    private TableProcess process;
    private long nextTickNanos;
    private boolean estopOpen;
    private int buttonsMask;
    private final ImuSampleFeed imuFeed = new ImuSampleFeed();
    /** What the last process start restored, for the trace's next row (SPEC §10: replay rebuilds from it). */
    private TraceRow.Boot pendingBoot;

    public SimulatedSession(Config config, StartState start) {
        this(config, start, config.text(ConfigKey.JOURNAL_DIR).trim().isEmpty() ? new PageCacheOnly()
                : new NioDurableFileSystem());
    }

    /** @param journalFiles the journal's file operations (tests inject a full or read-only disk) */
    public SimulatedSession(Config config, StartState start, DurableFileSystem journalFiles) {
        this.config = config;
        this.journalFiles = journalFiles;
        String dir = config.text(ConfigKey.JOURNAL_DIR).trim();
        this.journalDirIsTemporary = dir.isEmpty();
        this.journalDir = journalDirIsTemporary ? temporaryJournalDir() : Path.of(dir);
        TableParameters params = TableParameters.defaults()
                .withImu(start.imuNoiseDeg(), start.imuBiasDeg(), TableParameters.defaults().imuGravityNoiseG())
                .withHomeDeg(config.number(ConfigKey.HOME_DEG));
        this.table = new SimulatedTable(params, start.angleDeg(), start.userKg(), start.seed());
        this.wiring = new SimulatedBench(PinMap.from(config));
        showImu();
        boot();
        this.relay = new WatchdogRelay(wiring.heartbeatHigh());
    }

    private void showImu() {
        imuFeed.show(table, wiring);
    }

    private void boot() {
        wiring.setInputs(estopOpen, table.homeSwitchAtHome(), buttonsMask);
        long bootNanos = clock.nanoTime();
        process = ControllerAssembly.start(config, wiring.boot(clock), clock, wallClock, journalDir, journalFiles);
        pendingBoot = TraceRows.boot(process, config, bootNanos, wiring.heartbeatHigh());
    }

    /**
     * In memory where the system offers it (/dev/shm): on ext4 each rename over the journal
     * flushes it to disk (about 0.5 ms), which alone would halve the simulation's speed.
     */
    private static Path temporaryJournalDir() {
        try {
            Path shm = Path.of("/dev/shm");
            if (Files.isDirectory(shm) && Files.isWritable(shm)) {
                try {
                    return Files.createTempDirectory(shm, "inversion-table-journal");
                } catch (IOException e) {
                    // not usable after all: the ordinary temporary directory below
                }
            }
            return Files.createTempDirectory("inversion-table-journal");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary journal directory", e);
        }
    }

    @Override
    public void runUntil(long tNanos, Consumer<TraceRow> sink) {
        while (true) {
            if (clock.nanoTime() == nextTickNanos && nextTickNanos <= tNanos) {
                TickRecord record = process.tick();
                sink.accept(row(record));
                nextTickNanos += ControlLoop.PERIOD_NANOS;
            }
            long now = clock.nanoTime();
            if (now >= tNanos) {
                return;
            }
            long dt = Math.min(PHYSICS_STEP_NANOS, Math.min(tNanos, nextTickNanos) - now);
            stepPhysics(dt);
        }
    }

    /**
     * The control loop hangs for this long (a stuck thread, a long GC pause): the table, the
     * wires and the H-bridge's own watchdog go on, no tick runs. The ticks due meanwhile are lost.
     */
    public void hangControlLoop(long nanos) {
        long until = clock.nanoTime() + nanos;
        while (clock.nanoTime() < until) {
            stepPhysics(Math.min(PHYSICS_STEP_NANOS, until - clock.nanoTime()));
        }
        while (nextTickNanos < clock.nanoTime()) {
            nextTickNanos += ControlLoop.PERIOD_NANOS;
        }
    }

    private void stepPhysics(long dtNanos) {
        MotorCommand drive = wiring.motorOutput();
        relay.observe(wiring.heartbeatHigh(), clock.nanoTime());
        table.step(dtNanos, drive.duty(), drive.enabled(), relay.motorPowered());
        clock.advanceNanos(dtNanos);
        // The H-bridge's own watchdog runs beside the loop (on the Pi, its own timer thread).
        // An expiry (the loop stopped refreshing the output, SPEC §6) turns the output off and is
        // reported through the gate, so the drive does not simply resume when the ticks come back.
        process.loop().gate().checkWatchdog(clock.nanoTime());
        showImu();
        wiring.setInputs(estopOpen, table.homeSwitchAtHome(), buttonsMask);
    }

    @Override
    public void apply(Action action) {
        switch (action) {
            case ButtonAction b -> buttonsMask = b.pressed() ? buttonsMask | b.button().bit()
                    : buttonsMask & ~b.button().bit();
            case EstopAction e -> estopOpen = e.open();
            case ImuFaultAction f -> table.injectImu(f.kind(), f.param());
            case MotorFaultAction f -> table.inject(f.kind());
            case HomeSwitchFaultAction f -> table.inject(f.kind());
            case ClearAction c -> table.clear(c.group());
            case PowerCycleAction p -> {
                boot();
                return;
            }
            case PowerOffAction p -> {
                powerOff(p.durationNanos());
                return;
            }
        }
        // Inputs change at the instant of the action: an e-stop acts on its event, here and now.
        showImu();
        wiring.setInputs(estopOpen, table.homeSwitchAtHome(), buttonsMask);
    }

    /**
     * A power cut of {@code nanos} (SPEC §9 {@code power-off}): the process dies here as in a
     * power-cycle (the journal on disk is what survives), the clock jumps over the cut in one
     * step with no tick and no physics step, and a new process boots when the power comes back.
     * The table, its sensor chip, the buttons held and the e-stop stay as they are; the table
     * only coasts to rest ({@link SimulatedTable#powerCut}). The next tick is the first one on
     * the 10 ms grid at or after the boot, and its row carries the boot.
     */
    private void powerOff(long nanos) {
        wiring.close();
        relay.supplyCut(clock.nanoTime());
        table.powerCut(nanos);
        clock.advanceNanos(nanos);
        nextTickNanos = Math.ceilDiv(clock.nanoTime(), ControlLoop.PERIOD_NANOS) * ControlLoop.PERIOD_NANOS;
        showImu();
        boot();
    }

    private TraceRow row(TickRecord r) {
        TraceRow row = TraceRows.row(r, table.angleTrueDeg(), r.profile(), pendingBoot);
        pendingBoot = null;
        return row;
    }

    /** The external watchdog relay: whether the motor has power, and when it last dropped. */
    public WatchdogRelay relay() {
        return relay;
    }

    /** The WATCHDOG line's level now. */
    public boolean heartbeatHigh() {
        return wiring.heartbeatHigh();
    }

    public SimulatedTable table() {
        return table;
    }

    public ControlLoop loop() {
        return process.loop();
    }

    /** The controller of the current (simulated) process: rebuilt by every power-cycle. */
    public TableProcess process() {
        return process;
    }

    /** The buzzer as the wires show it now (the alarm a restart while inverted sounds, SPEC §7). */
    public boolean buzzerOn() {
        return wiring.wiring().buzzerOn();
    }

    public Path journalDir() {
        return journalDir;
    }

    @Override
    public void close() {
        wiring.close();
        if (journalDirIsTemporary) {
            deleteTree(journalDir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temporary directory left behind harms nothing; the run's result stands.
        }
    }

    /**
     * The journal's files without fsync, for the temporary directory only: a simulated
     * power-cycle keeps the operating system's page cache, and the directory is gone after the
     * run, so an fsync there protects nothing and would cost most of the simulation's speed
     * (SPEC §11: 1000x real time; one fsync a simulated second is about 0.5 ms here).
     */
    private static final class PageCacheOnly implements DurableFileSystem {
        private final NioDurableFileSystem files = new NioDurableFileSystem();

        @Override
        public void createDirectories(Path dir) throws IOException {
            files.createDirectories(dir);
        }

        @Override
        public void write(Path file, byte[] content) throws IOException {
            files.write(file, content);
        }

        @Override
        public void force(Path file) {
            // see the class comment
        }

        @Override
        public void atomicMove(Path source, Path target) throws IOException {
            files.atomicMove(source, target);
        }

        @Override
        public void forceDirectory(Path dir) {
            // see the class comment
        }

        @Override
        public java.util.Optional<byte[]> read(Path file, int maxBytes) throws IOException {
            return files.read(file, maxBytes);
        }

        @Override
        public void deleteIfExists(Path file) throws IOException {
            files.deleteIfExists(file);
        }
    }

    /** Wall-clock time for the history: the epoch plus the simulated time, never the real clock. */
    private static final class SimulatedWallClock extends java.time.Clock {
        private final ManualClock simulated;
        private final ZoneId zone;

        SimulatedWallClock(ManualClock simulated, ZoneId zone) {
            this.simulated = simulated;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public java.time.Clock withZone(ZoneId newZone) {
            return new SimulatedWallClock(simulated, newZone);
        }

        @Override
        public Instant instant() {
            return WALL_CLOCK_EPOCH.plusNanos(simulated.nanoTime());
        }
    }
}
