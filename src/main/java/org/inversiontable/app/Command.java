package org.inversiontable.app;

import java.io.PrintStream;
import java.util.List;

/**
 * One subcommand of the jar ({@code scenario}, later {@code run}, {@code check-config}, ...).
 * It reports bad input on {@code err} and returns an {@link ExitCode}; {@link Main} turns anything
 * it throws into "internal error" so that the user never sees a stack trace.
 */
public interface Command {
    /** The synopsis line of the usage text, e.g. {@code scenario FILE [--config FILE]}. */
    String synopsis();

    /** One line on what the command does. */
    String summary();

    /** @param args the arguments after the command name */
    int run(List<String> args, PrintStream out, PrintStream err);
}
