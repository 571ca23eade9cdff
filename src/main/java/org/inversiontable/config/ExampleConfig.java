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
        s.append('\n');
        s.append("# --- profiles (SPEC section 13): optional; with none, the limits above apply as they are ---\n");
        s.append("# A profile is a user of the table with a ceiling of their own, at or below the limits above:\n");
        s.append("# profile.NAME.KEY = value, NAME a letter then up to 11 letters, digits, '_' or '-'; at most ")
                .append(ProfileSpec.MAX_PROFILES).append("\n");
        s.append("# profiles. A key a profile leaves out is the table's. The first profile in the file is in force\n");
        s.append("# on a fresh table; at home with no session open, HOME held 3 s selects the next (the buzzer\n");
        s.append("# beeps its number). Each profile is checked like the table's limits (the automatic return from\n");
        s.append("# its angle must fit in its time, ...). A lowered ceiling applies from the next session.\n");
        for (ProfileKey k : ProfileKey.values()) {
            s.append("#   ").append(k.key()).append(": ").append(k.doc()).append("; allowed: ").append(k.allowed())
                    .append('\n');
        }
        s.append("# With progression = on, level n allows min(20 + 5n deg, ceiling) for min(120 + 60n s, ceiling,\n");
        s.append("# 900 s); it grows after comfortable sessions on 3 different days and drops after two sessions in\n");
        s.append("# a row that were not comfortable (history shows where each profile stands). For example (to let\n");
        s.append("# anna grow to 10 minutes, raise max_inverted_s above to 600 or more first):\n");
        s.append("# profile.anna.progression = on\n");
        s.append("# profile.ben.max_angle_deg = 25\n");
        s.append("# profile.ben.v_max_deg_s = 3\n");
        s.append("# profile.ben.v_return_deg_s = 2\n");
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
