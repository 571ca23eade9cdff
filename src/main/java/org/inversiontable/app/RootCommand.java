package org.inversiontable.app;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code inversion-table COMMAND}: the jar itself; without a command it says what is missing. */
@Command(name = "inversion-table", mixinStandardHelpOptions = true, versionProvider = ProjectVersion.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Safety-supervised controller for motorized inversion tables (SPEC §8).",
        footerHeading = "%n", footer = {
            "Exit codes: 0 success (scenario: every expectation holds; replay: the outputs are equal),",
            "            1 a scenario expectation failed, or replay found a differing tick,",
            "            2 bad input (usage, file, configuration),",
            "            3 internal error (a bug: please report it)."})
final class RootCommand implements Callable<Integer> {
    private final PrintStream err;
    @Spec
    private CommandSpec spec;

    RootCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() {
        err.println("missing COMMAND");
        err.print(spec.commandLine().getUsageMessage());
        return ExitCode.BAD_INPUT;
    }
}
