package org.inversiontable.config;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.InvalidPathException;
import java.util.List;

/**
 * {@code check-config FILE} (SPEC §8): validates a configuration file and lists every problem.
 * Exit 0 when valid, 2 on any problem or a usage error; never a stack trace.
 *
 * <pre>{@code
 * int exit = new CheckConfigCommand().run(List.of("table.conf"), System.out, System.err);
 * }</pre>
 */
public final class CheckConfigCommand {
    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_INPUT = 2;
    private static final String USAGE = "usage: check-config FILE";

    /** @param args the arguments after the command name */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() == 1 && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            out.println(USAGE);
            out.println("Validates a configuration file; exit 0 when valid, 2 with every problem listed.");
            return EXIT_OK;
        }
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            err.println(args.isEmpty() ? "check-config: no FILE given"
                    : args.size() > 1 ? "check-config: one FILE expected, got " + args.size() + " arguments"
                    : "check-config: unknown option '" + args.get(0) + "'");
            err.println(USAGE);
            return EXIT_BAD_INPUT;
        }
        Path file;
        try {
            file = Path.of(args.get(0));
        } catch (InvalidPathException e) {
            err.println("check-config: '" + args.get(0) + "' is not a valid path: " + e.getReason());
            return EXIT_BAD_INPUT;
        }
        try {
            ConfigFile parsed = ConfigFileParser.read(file);
            int n = parsed.keysSet();
            int profiles = parsed.config().profiles().size();
            out.println(file + ": valid (" + n + (n == 1 ? " key" : " keys") + " set, the rest default"
                    + (profiles == 0 ? "" : "; " + profiles + (profiles == 1 ? " profile: " : " profiles: ")
                    + String.join(", ", parsed.config().profiles().stream().map(ProfileSpec::name).toList())) + ")");
            return EXIT_OK;
        } catch (ConfigFileException e) {
            err.println(e.getMessage());
            int n = e.problems().size();
            err.println(file + ": " + n + (n == 1 ? " problem" : " problems") + "; the controller will not start with it");
            return EXIT_BAD_INPUT;
        }
    }
}
