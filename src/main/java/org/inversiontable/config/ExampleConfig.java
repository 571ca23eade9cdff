package org.inversiontable.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The documented example configuration, generated from the {@link ConfigKey} table so that it
 * cannot drift from what the parser accepts (a test compares {@code config/example.conf} with
 * {@link #render()}). Regenerate after changing the table:
 *
 * <pre>
 * java -cp target/classes org.inversiontable.config.ExampleConfig config/example.conf
 * </pre>
 */
public final class ExampleConfig {
    /** Suggested values for the keys whose default is empty (they stay commented out). */
    private static final Map<ConfigKey, String> SUGGESTED = Map.of(
            ConfigKey.JOURNAL_DIR, "/var/lib/inversion-table",
            ConfigKey.HISTORY_FILE, "/var/lib/inversion-table/history.jsonl",
            ConfigKey.RECORDER_DIR, "/var/lib/inversion-table/flight-recorder");

    private ExampleConfig() {
    }

    public static String render() {
        StringBuilder s = new StringBuilder();
        s.append("# Inversion table controller: example configuration.\n");
        s.append("#\n");
        s.append("# Copy this file and change what you need; a key left out takes its default.\n");
        s.append("# Format: key = value, one per line; '#' starts a comment, also after a value.\n");
        s.append("# Check a file before use:  java -jar target/inversion-table.jar check-config FILE\n");
        s.append("# The safety limits stop at the absolute caps of SPEC section 3: a configuration can\n");
        s.append("# only lower a limit, never raise it.\n");
        s.append("#\n");
        s.append("# Generated from org.inversiontable.config.ConfigKey by ExampleConfig: change the\n");
        s.append("# table, not this file.\n");
        for (ConfigKey k : ConfigKey.values()) {
            s.append('\n');
            s.append("# ").append(k.doc()).append('\n');
            String dflt = k.defaultText().isEmpty() ? "empty" : k.defaultText();
            s.append("# allowed: ").append(k.allowed()).append("; default: ").append(dflt).append('\n');
            if (k.defaultText().isEmpty()) {
                s.append("# ").append(k.key()).append(" = ").append(SUGGESTED.getOrDefault(k, "...")).append('\n');
            } else {
                s.append(k.key()).append(" = ").append(k.defaultText()).append('\n');
            }
        }
        return s.toString();
    }

    /** Writes the example to the file named by the one argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ExampleConfig OUTPUT_FILE");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0]), render(), StandardCharsets.UTF_8);
    }
}
