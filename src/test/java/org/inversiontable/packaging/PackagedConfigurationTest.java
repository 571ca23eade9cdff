package org.inversiontable.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigFileException;
import org.inversiontable.config.ConfigFileParser;
import org.inversiontable.config.ConfigKey;
import org.junit.jupiter.api.Test;

/**
 * The conffile /etc/inversion-table/table.conf, as the build makes it from config/example.conf
 * (maven-antrun-plugin in process-resources, before the tests): valid, every key of the example
 * documented in it, and everything the program writes pointed at the service's state directory
 * (the unit's StateDirectory=), never at the configuration's own read-only /etc.
 */
class PackagedConfigurationTest {
    private static final Path CONFFILE = Path.of("target", "deb", "table.conf");
    private static final Path EXAMPLE = Path.of("config", "example.conf");
    private static final String STATE = "/var/lib/inversion-table";

    @Test
    void theConffileIsValidAndKeepsTheStateInTheServicesStateDirectory() throws IOException, ConfigFileException {
        assertTrue(Files.exists(CONFFILE), CONFFILE + " is made by `mvn process-resources`");
        Config config = ConfigFileParser.parse(CONFFILE);

        assertEquals(STATE, config.text(ConfigKey.JOURNAL_DIR),
                "an empty journal_dir is a fresh temporary directory: the budget would not survive a restart");
        assertEquals(STATE + "/flight-recorder", config.text(ConfigKey.RECORDER_DIR));
        String history = config.text(ConfigKey.HISTORY_FILE);
        assertTrue(history.isEmpty() || history.startsWith(STATE + "/"), history);
    }

    @Test
    void theConffileIsTheExampleWithTheStatePathsSetAndAHeader() throws IOException {
        List<String> example = Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8);
        List<String> conffile = Files.readAllLines(CONFFILE, StandardCharsets.UTF_8);
        List<String> body = conffile.subList(conffile.size() - example.size(), conffile.size());
        for (int i = 0; i < example.size(); i++) {
            String expected = example.get(i)
                    .replaceFirst("^# (journal_dir|recorder_dir) = ", "$1 = ")
                    .replace("java -jar target/inversion-table.jar ", "inversion-table ");
            assertEquals(expected, body.get(i), "line " + (i + 1) + " of " + EXAMPLE);
        }
        assertTrue(conffile.get(0).startsWith("# /etc/inversion-table/table.conf"), conffile.get(0));
    }
}
