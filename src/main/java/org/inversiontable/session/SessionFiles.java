package org.inversiontable.session;

import java.nio.file.Path;
import java.util.Optional;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;

/** Where a configuration puts the session files; the controller and the history command agree on it. */
public final class SessionFiles {
    public static final String DEFAULT_HISTORY_NAME = "history.jsonl";

    private SessionFiles() {
    }

    /**
     * Where a long-running process ({@code run}, {@code simulate}) keeps the session journal:
     * {@code journal_dir} when configured, else its state directory.
     */
    public static Path journalDir(Config config, Path stateDir) {
        String configured = config.text(ConfigKey.JOURNAL_DIR).trim();
        return configured.isEmpty() ? stateDir : Path.of(configured);
    }

    /**
     * {@code history_file}, else {@code history.jsonl} in {@code journal_dir}; empty when both are
     * unset (the journal then lives in a temporary directory and no history is kept).
     */
    public static Optional<Path> historyFile(Config config) {
        String history = config.text(ConfigKey.HISTORY_FILE).trim();
        if (!history.isEmpty()) {
            return Optional.of(Path.of(history));
        }
        String dir = config.text(ConfigKey.JOURNAL_DIR).trim();
        return dir.isEmpty() ? Optional.empty() : Optional.of(Path.of(dir, DEFAULT_HISTORY_NAME));
    }
}
