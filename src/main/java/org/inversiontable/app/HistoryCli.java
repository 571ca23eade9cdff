package org.inversiontable.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.inversiontable.session.HistoryCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of {@link HistoryCommand}. */
@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = "Print the recorded sessions with weekly totals, and each profile's level and next step.")
final class HistoryCli implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--config", paramLabel = "FILE", description = "the configuration that names the history file")
    private Path config;

    @Option(names = "--json", description = "one JSON document for tools instead of the table")
    private boolean json;

    HistoryCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        List<String> args = new java.util.ArrayList<>();
        if (config != null) {
            args.addAll(List.of("--config", config.toString()));
        }
        if (json) {
            args.add("--json");
        }
        return new HistoryCommand().run(args, out, err, ZoneId.systemDefault());
    }
}
