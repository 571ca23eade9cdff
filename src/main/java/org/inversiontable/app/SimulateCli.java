package org.inversiontable.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of {@link SimulateCommand}. */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = {"The real controller and real-time runtime on the simulated table, interactive: a window "
                + "when a display is present, otherwise the keyboard in this terminal.",
            "The journal, history and flight recorder live in $XDG_STATE_HOME/inversion-table/simulator "
                + "(~/.local/state/... by default)."})
final class SimulateCli implements Callable<Integer> {
    private final SimulateCommand command;
    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--config", paramLabel = "FILE", description = "the table's configuration")
    private Path config;
    @Option(names = "--user-kg", paramLabel = "KG", defaultValue = "80",
            description = "the simulated user's weight at start, 40-150 (default: ${DEFAULT-VALUE})")
    private double userKg;
    @Option(names = "--screenshot", paramLabel = "OUT.png",
            description = "no interaction: hold DOWN 22 s from home, let go, and draw the window into OUT.png")
    private Path screenshot;

    SimulateCli(SimulateCommand command, PrintStream out, PrintStream err) {
        this.command = command;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        return command.run(Optional.ofNullable(config), userKg, Optional.ofNullable(screenshot), out, err);
    }
}
