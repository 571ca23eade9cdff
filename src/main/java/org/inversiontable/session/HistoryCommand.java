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
import org.inversiontable.config.ConfigKey;

/**
 * {@code history [--config FILE] [--json]}: prints the session history as a table with weekly
 * totals, and with profiles (SPEC §13) one table per profile with its level and next step; with
 * {@code --json}, one JSON document for tools ({@link HistoryJson}). The journal in {@code
 * journal_dir} says where each progression stands; it is only read, never written, so the command
 * is safe beside a running table. Exit 0 when shown (also when no session is recorded yet, and when
 * the journal's content cannot be trusted: that is reported), 2 on bad input, when no history file
 * is configured, or when the history or the journal cannot be read; never a stack trace.
 *
 * <pre>{@code
 * int exit = new HistoryCommand().run(List.of("--config", "table.conf"), System.out, System.err,
 *         ZoneId.systemDefault());
 * }</pre>
 */
public final class HistoryCommand {
    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_INPUT = 2;

    /**
     * @param args the arguments after the command name
     * @param zone the time zone the dates and ISO weeks are shown in
     */
    public int run(List<String> args, PrintStream out, PrintStream err, ZoneId zone) {
        HistoryOptions options;
        try {
            options = HistoryOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("history: " + e.getMessage());
            err.println(HistoryOptions.USAGE);
            return EXIT_BAD_INPUT;
        }
        if (options.help()) {
            out.println(HistoryOptions.USAGE);
            out.println("Shows the recorded sessions with weekly totals, per profile with its level and next step;");
            out.println("--json: the same as one JSON document for tools.");
            return EXIT_OK;
        }
        Optional<String> configArg = options.config();
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
        Optional<Path> journalDir;
        try {
            file = SessionFiles.historyFile(config);
            String dir = config.text(ConfigKey.JOURNAL_DIR).trim();
            journalDir = dir.isEmpty() ? Optional.empty() : Optional.of(Path.of(dir));
        } catch (InvalidPathException e) {
            err.println("history: the configured history or journal path is not valid: " + e.getReason());
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
        HistoryJournal journal;
        try {
            journal = HistoryJournal.read(journalDir);
        } catch (IOException e) {
            err.println("history: cannot read the journal " + journalDir.get().resolve(SessionJournal.FILE_NAME)
                    + ": " + IoReasons.of(e));
            return EXIT_BAD_INPUT;
        }
        HistoryOverview overview = HistoryOverview.of(result.records(), config, journal);
        out.print(options.json() ? HistoryJson.render(overview, result.warnings(), zone)
                : HistoryReport.render(overview, result.warnings(), zone));
        return EXIT_OK;
    }
}
