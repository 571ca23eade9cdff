package org.inversiontable.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.inversiontable.calibration.CalibrateCommand;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigFileException;
import org.inversiontable.config.ConfigFileParser;
import org.inversiontable.pi.PiCalibrationRig;
import org.inversiontable.session.NioDurableFileSystem;
import org.inversiontable.time.Clock;
import org.inversiontable.time.SystemClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code calibrate [--config FILE]} (SPEC §8): the IMU's guided calibration on the real table (docs/calibration.md). */
@Command(name = "calibrate", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = {"On a Raspberry Pi: measures the IMU's offsets and scales in three guided steps (home, level, "
                + "a short axis-check move), the table driven through its controller while you hold the buttons; "
                + "see docs/calibration.md. Off a Pi it exits 2 and points to simulate.",
            "Exit 0 stored, 1 stopped without storing, 2 bad input or not a Pi.",
            "Stored in $STATE_DIRECTORY, else /var/lib/inversion-table, where run reads it at every start."})
final class CalibrateCli implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    @Option(names = "--config", paramLabel = "FILE", description = "the table's configuration")
    private Path config;

    CalibrateCli(PrintStream out, PrintStream err) {
        this(out, err, System.getenv());
    }

    CalibrateCli(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() {
        Config loaded;
        try {
            loaded = config != null ? ConfigFileParser.parse(config) : Config.defaults();
        } catch (ConfigFileException e) {
            err.println(e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        Clock clock = new SystemClock();
        return new CalibrateCommand(PiCalibrationRig::open, clock, Instant::now, CalibrateCommand.realTimePacer(clock),
                org.inversiontable.pi.StateDirectory.of(environment), new NioDurableFileSystem(), out, err).run(loaded);
    }
}
