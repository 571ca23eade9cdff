package org.inversiontable.pi;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigFileException;
import org.inversiontable.config.ConfigFileParser;
import org.inversiontable.hardware.pi4j.Pi4jContexts;
import org.inversiontable.hardware.pi4j.Pi4jDisplay;
import org.inversiontable.hardware.pi4j.Pi4jTableHardware;
import org.inversiontable.hardware.ImuCalibration;
import org.inversiontable.runtime.Parker;
import org.inversiontable.runtime.ProcessExit;
import org.inversiontable.runtime.TimeScale;
import org.inversiontable.session.CalibrationFileException;
import org.inversiontable.session.NioDurableFileSystem;
import org.inversiontable.session.SessionFiles;
import org.inversiontable.time.Clock;
import org.inversiontable.time.SystemClock;

/**
 * {@code run [--config FILE]} (SPEC §8): on a Raspberry Pi, the real Pi4J providers (gpiod for
 * the pins, linuxfs for I2C), the motor's PWM through sysfs, the self-test, then the real-time
 * runtime under systemd's {@code Type=notify}. Off a Pi: exit 2 with one line that points to
 * {@code simulate}. At every start the IMU calibration that {@code calibrate} stored is loaded
 * ({@link StartupCalibration}); a bad calibration file stops the start (exit 2). With
 * {@code display = on} the display is opened on linuxfs I2C in a context of its own; a display that
 * fails is reported and the table runs without it.
 *
 * <pre>{@code
 * int code = new RunCommand().run(Optional.of(Path.of("/etc/inversion-table/table.conf")), System.out, System.err);
 * }</pre>
 *
 * <p>On a Pi it returns only on a refusal (exit 2): once running, the process ends through the
 * runtime (SIGTERM: 0, a failure on the control path: 1).
 */
public final class RunCommand {
    static final List<String> REAL_PROVIDER_PREFIXES = List.of("gpiod-", "linuxfs-");

    private final Map<String, String> environment;
    private final Supplier<Optional<Pi4jContexts.Board>> board;
    private final EmulatedBoard emulated;

    public RunCommand() {
        this(System.getenv(), Pi4jContexts::board, new EmulatedBoard(Path.of("/")));
    }

    RunCommand(Map<String, String> environment, Supplier<Optional<Pi4jContexts.Board>> board, EmulatedBoard emulated) {
        this.environment = Map.copyOf(environment);
        this.board = board;
        this.emulated = emulated;
    }

    /** @return 2 on bad input, a machine that is not a Pi, or a failed self-test */
    public int run(Optional<Path> configFile, PrintStream out, PrintStream err) {
        return run(configFile, TimeScale.REAL, out, err);
    }

    /**
     * With {@code scale} other than real time only on an emulated board ({@link EmulatedBoard}):
     * on a real Raspberry Pi it is refused (exit 2), before any pin is touched.
     */
    public int run(Optional<Path> configFile, TimeScale scale, PrintStream out, PrintStream err) {
        if (!scale.isReal()) {
            Optional<String> machine = emulated.emulatedModel();
            if (machine.isEmpty()) {
                err.println("run: --time-scale " + scale.factor() + " is for an emulated Pi only (hardware/emulated-pi);"
                        + " this machine's device tree does not name an emulated board, so the table runs in real time"
                        + " or not at all");
                return 2;
            }
            out.println("run: " + scale.describe() + ", on the emulated machine '" + machine.get() + "'");
        }
        Config config;
        RunWiring wiring;
        try {
            config = configFile.isPresent() ? ConfigFileParser.parse(configFile.get()) : Config.defaults();
            wiring = RunWiring.from(config);
        } catch (ConfigFileException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("run: " + configFile.map(Path::toString).orElse("the default configuration") + ": "
                    + e.getMessage());
            return 2;
        }
        Optional<Pi4jContexts.Board> pi = board.get();
        if (pi.isEmpty()) {
            err.println("run: this machine is not a Raspberry Pi (Pi4J finds no board model, so no gpiod chip to"
                    + " drive): 'run' drives a real table; on a desktop use 'simulate'");
            return 2;
        }
        return runOnPi(pi.get(), config, wiring, scale, out, err);
    }

    private int runOnPi(Pi4jContexts.Board pi, Config config, RunWiring wiring, TimeScale scale, PrintStream out,
            PrintStream err) {
        Path stateDir = StateDirectory.of(environment);
        Path journalDir = SessionFiles.journalDir(config, stateDir);
        try {
            Files.createDirectories(stateDir);
            Files.createDirectories(journalDir);
        } catch (IOException | SecurityException e) {
            err.println("run: cannot create the state directory " + stateDir + " or the journal directory " + journalDir
                    + " (" + e.getMessage() + "); run under the systemd unit (StateDirectory=) or set journal_dir");
            return 2;
        }
        ImuCalibration calibration;
        try {
            calibration = StartupCalibration.load(stateDir, wiring.pins().imu(), new NioDurableFileSystem());
        } catch (CalibrationFileException e) {
            err.println("run: the IMU calibration " + e.getMessage());
            return 2;
        }
        Clock clock = scale.clock(new SystemClock());
        Parker parker = scale.parker(Parker.SYSTEM);
        PiTableOpener.Opened opened;
        try {
            opened = PiTableOpener.open("run", pi, wiring, calibration, clock);
        } catch (PiTableOpener.Refused e) {
            err.println(e.getMessage());
            return 2;
        }
        Pi4jTableHardware table = opened.table();
        String pwm = opened.pwmDescription();
        SelfTest.Report report = TableSelfTest.of(table, wiring, config, REAL_PROVIDER_PREFIXES,
                pi.model(), pwm, clock, parker, List.of()).run(out);
        if (report.failed()) {
            table.close();
            err.println("run: the self-test failed (see above); the table does not start");
            return 2;
        }
        ServiceNotifier notifier = SdNotify.fromEnvironment(environment);
        OptionalLong pingEvery = WatchdogPinger.intervalNanos(environment, ProcessHandle.current().pid());
        RunningTable running = RunningTable.start(config, table, stateDir, journalDir, clock, parker, notifier, pingEvery,
                ProcessExit.SYSTEM, s -> Pi4jDisplay.onPi(s.bus(), s.address(), s.busKhz()));
        running.installShutdownHook();
        out.println("run: the table runs; journal in " + journalDir + ", flight recorder in "
                + running.recorderDirectory() + (pingEvery.isPresent() ? "; systemd watchdog pinged" : ""));
        awaitTheEnd();
        return 0;
    }

    /** The process ends through the runtime: SIGTERM (0) or a failure on the control path (1). */
    private static void awaitTheEnd() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
