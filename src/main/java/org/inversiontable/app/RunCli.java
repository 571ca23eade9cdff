package org.inversiontable.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.inversiontable.pi.RunCommand;
import org.inversiontable.runtime.TimeScale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run [--config FILE]} (SPEC §8): the real table, on a Raspberry Pi. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = {"On a Raspberry Pi, with the real Pi4J providers (gpiod, linuxfs): provider check, "
                + "self-test, then the real-time runtime. Off a Pi it exits 2 and points to simulate.",
            "State (journal, history, calibration, flight recorder): $STATE_DIRECTORY, else /var/lib/inversion-table."})
final class RunCli implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--config", paramLabel = "FILE", description = "the table's configuration")
    private Path config;

    @Option(names = "--time-scale", paramLabel = "K", defaultValue = "1",
            description = {"For an emulated Pi only (hardware/emulated-pi), refused on a real Raspberry Pi: the table's"
                + " time runs K times slower (1..20), every period, timeout and detector alike. Default: 1."})
    private int timeScale;

    RunCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        TimeScale scale;
        try {
            scale = TimeScale.of(timeScale);
        } catch (IllegalArgumentException e) {
            err.println("run: --time-scale: " + e.getMessage());
            return 2;
        }
        return new RunCommand().run(Optional.ofNullable(config), scale, out, err);
    }
}
