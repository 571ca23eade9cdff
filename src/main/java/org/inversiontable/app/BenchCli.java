package org.inversiontable.app;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.inversiontable.bench.BenchCommand;
import org.inversiontable.bench.BenchSettings;
import org.inversiontable.config.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of {@link BenchCommand}. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = {"Measure the performance figures of SPEC §11: the runtime's period jitter against a bare loop, "
                + "heap bytes per tick, e-stop to motor off, the simulation's speed and the start-up; print a table "
                + "and, last, the one-line summary.",
            "Takes under 2 minutes with the defaults (see BENCHMARKS.md)."})
final class BenchCli implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--seconds", paramLabel = "N",
            description = "measured seconds of each loop in the jitter part, 1-3600 (default: 15); the e-stop trials scale with it")
    private Integer seconds;

    @Option(names = "--quick", description = "a smoke run of a few seconds per part (figures too short to quote)")
    private boolean quick;

    BenchCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (quick && seconds != null) {
            err.println("bench: --quick and --seconds do not go together");
            return ExitCode.BAD_INPUT;
        }
        BenchSettings settings;
        try {
            settings = quick ? BenchSettings.QUICK : seconds == null ? BenchSettings.DEFAULT
                    : BenchSettings.forSeconds(seconds);
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        BenchCommand command = new BenchCommand(new BenchCommand.StartupProbe(Main.class.getName(),
                SimulateCommand.STARTUP_REPORT_PROPERTY,
                SimulateCommand.STARTUP_REPORT_PREFIX));
        int code = command.run(settings, Config.defaults(), out, err);
        return code == 0 ? ExitCode.OK : ExitCode.INTERNAL_ERROR;
    }
}
