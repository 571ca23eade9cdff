package org.inversiontable.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line of {@link ScenarioCommand}. */
@Command(name = "scenario", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = "Run a scenario file headless in simulated time and check its expectations "
                + "(exit 0 all hold, 1 one fails, 2 bad input).")
final class ScenarioCli implements Callable<Integer> {
    private final ScenarioCommand command;
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", paramLabel = "FILE", description = "the scenario file (SPEC §9)")
    private Path file;
    @Option(names = "--config", paramLabel = "FILE", description = "the configuration the scenario starts from")
    private Path config;
    @Option(names = "--trace", paramLabel = "OUT.jsonl", description = "write one JSON row per tick (SPEC §10)")
    private Path trace;
    @Option(names = "--plot", paramLabel = "OUT.svg",
            description = "draw the run: true and measured angle, duty, states, limits, events, faults")
    private Path plot;

    ScenarioCli(ScenarioCommand command, PrintStream out, PrintStream err) {
        this.command = command;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        return command.run(file, Optional.ofNullable(config), Optional.ofNullable(trace), Optional.ofNullable(plot),
                out, err);
    }
}
