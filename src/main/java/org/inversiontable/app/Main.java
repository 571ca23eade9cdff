package org.inversiontable.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code java -jar inversion-table.jar COMMAND ...} (SPEC §8): parses the command line (picocli)
 * and guarantees the exit-code contract: whatever happens, the user sees a message, never a stack
 * trace; every usage error exits 2 the same way.
 */
public final class Main {
    private final Commands commands;

    public Main(Commands commands) {
        this.commands = commands;
    }

    public static void main(String[] args) {
        int code = new Main(Commands.defaults()).run(args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    public int run(String... args) {
        return run(List.of(args), System.out, System.err);
    }

    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine root = commandLine(out, err);
        return root.execute(args.toArray(String[]::new));
    }

    /** The whole command tree, wired to the streams; also what `--help` describes. */
    CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine root = new CommandLine(new RootCommand(err));
        for (Map.Entry<String, Object> c : commands.commands(out, err).entrySet()) {
            root.addSubcommand(c.getKey(), c.getValue());
        }
        root.addSubcommand("help", new CommandLine.HelpCommand());
        root.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        root.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        root.setParameterExceptionHandler((e, args) -> {
            CommandLine where = e.getCommandLine();
            if (where == root && e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
                err.println("unknown command '" + u.getUnmatched().get(0) + "'");
            } else {
                err.println(where.getCommandName() + ": " + e.getMessage());
            }
            err.print(where.getUsageMessage());
            return ExitCode.BAD_INPUT;
        });
        root.setExecutionExceptionHandler((e, where, parsed) -> {
            // The last line of defence for SPEC §8's "never a stack trace": a bug, so exit 3,
            // with where it happened, so that a report of it can be acted on.
            err.println("internal error: " + describe(e));
            return ExitCode.INTERNAL_ERROR;
        });
        return root;
    }

    private static String describe(Throwable e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        StackTraceElement[] where = e.getStackTrace();
        return where.length == 0 ? text : text + " (at " + where[0] + ")";
    }
}
