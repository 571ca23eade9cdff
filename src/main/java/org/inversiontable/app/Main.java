package org.inversiontable.app;

import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar inversion-table.jar COMMAND ...} (SPEC §8): picks the command and guarantees
 * the exit-code contract: whatever happens, the user sees a message, never a stack trace.
 */
public final class Main {
    private static final String JAR = "java -jar inversion-table.jar";

    private final Map<String, Command> commands;

    public Main(Map<String, Command> commands) {
        this.commands = Collections.unmodifiableMap(new LinkedHashMap<>(commands));
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
        if (args.isEmpty()) {
            err.println("missing COMMAND");
            err.print(usage());
            return ExitCode.BAD_INPUT;
        }
        String name = args.get(0);
        if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
            out.print(usage());
            return ExitCode.OK;
        }
        Command command = commands.get(name);
        if (command == null) {
            err.println("unknown command '" + name + "'");
            err.print(usage());
            return ExitCode.BAD_INPUT;
        }
        try {
            return command.run(args.subList(1, args.size()), out, err);
        } catch (RuntimeException | Error e) {
            // The last line of defence for SPEC §8's "never a stack trace": a bug, so exit 3,
            // with where it happened, so that a report of it can be acted on.
            err.println("internal error: " + describe(e));
            return ExitCode.INTERNAL_ERROR;
        }
    }

    public String usage() {
        StringBuilder sb = new StringBuilder("usage: " + JAR + " COMMAND [ARGS]\ncommands:\n");
        int width = "help".length();
        for (Command c : commands.values()) {
            width = Math.max(width, c.synopsis().length());
        }
        for (Command c : commands.values()) {
            sb.append(String.format("  %-" + width + "s  %s%n", c.synopsis(), c.summary()));
        }
        sb.append(String.format("  %-" + width + "s  %s%n", "help", "show this text"));
        sb.append("exit codes: 0 success (scenario: every expectation holds), 1 a scenario expectation failed,\n")
                .append("            2 bad input (usage, file, configuration), 3 internal error (a bug: please report it)\n");
        return sb.toString();
    }

    private static String describe(Throwable e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        StackTraceElement[] where = e.getStackTrace();
        return where.length == 0 ? text : text + " (at " + where[0] + ")";
    }
}
