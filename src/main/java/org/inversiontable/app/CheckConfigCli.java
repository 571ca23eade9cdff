package org.inversiontable.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.inversiontable.config.CheckConfigCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The command line of {@link CheckConfigCommand}. */
@Command(name = "check-config", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        description = "Validate a configuration file; exit 0, or 2 with every problem listed.")
final class CheckConfigCli implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", paramLabel = "FILE", description = "the configuration file")
    private Path file;

    CheckConfigCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        return new CheckConfigCommand().run(List.of(file.toString()), out, err);
    }
}
