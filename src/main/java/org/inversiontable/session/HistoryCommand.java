package org.inversiontable.session;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigFileException;
import org.inversiontable.config.ConfigFileParser;

/**
 * {@code history [--config FILE]}: prints the session history as a table with weekly totals.
 * Exit 0 when shown (also when no session is recorded yet), 2 on bad input, when no history file
 * is configured, or when it cannot be read; never a stack trace.
 *
 * <pre>{@code
 * int exit = new HistoryCommand().run(List.of("--config", "table.conf"), System.out, System.err,
 *         ZoneId.systemDefault());
 * }</pre>
 */
public final class HistoryCommand {
    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_INPUT = 2;
    private static final String USAGE = "usage: history [--config FILE]";

    /**
     * @param args the arguments after the command name
     * @param zone the time zone the dates and ISO weeks are shown in
     */
    public int run(List<String> args, PrintStream out, PrintStream err, ZoneId zone) {
        if (args.equals(List.of("--help")) || args.equals(List.of("-h"))) {
            out.println(USAGE);
            out.println("Shows the recorded sessions with weekly totals.");
            return EXIT_OK;
        }
        Optional<String> configArg;
        if (args.isEmpty()) {
            configArg = Optional.empty();
        } else if (args.size() == 2 && args.get(0).equals("--config")) {
            configArg = Optional.of(args.get(1));
        } else {
            err.println("history: unexpected arguments " + args);
            err.println(USAGE);
            return EXIT_BAD_INPUT;
        }
        Config config;
        try {
            config = configArg.isPresent() ? ConfigFileParser.parse(Path.of(configArg.get())) : Config.defaults();
        } catch (ConfigFileException e) {
            err.println(e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (InvalidPathException e) {
            err.println("history: '" + configArg.orElse("") + "' is not a valid path: " + e.getReason());
            return EXIT_BAD_INPUT;
        }
        Optional<Path> file;
        try {
            file = SessionFiles.historyFile(config);
        } catch (InvalidPathException e) {
            err.println("history: the configured history path is not valid: " + e.getReason());
            return EXIT_BAD_INPUT;
        }
        if (file.isEmpty()) {
            err.println("history: no history is configured: set history_file or journal_dir in the configuration"
                    + (configArg.isEmpty() ? " and pass it with --config FILE" : " " + configArg.get()));
            return EXIT_BAD_INPUT;
        }
        HistoryReadResult result;
        try {
            result = new SessionHistory(file.get()).read();
        } catch (IOException e) {
            err.println("history: cannot read " + file.get() + ": " + IoReasons.of(e));
            return EXIT_BAD_INPUT;
        }
        out.print(HistoryReport.render(result, zone));
        return EXIT_OK;
    }
}
