package org.inversiontable.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExampleConfigTest {
    private static final Path EXAMPLE = Path.of("config", "example.conf");

    @Test
    void exampleFileInTheRepositoryIsTheRenderedTable() throws Exception {
        assertEquals(ExampleConfig.render(), Files.readString(EXAMPLE, StandardCharsets.UTF_8),
                "config/example.conf is out of date; regenerate it with: "
                        + "java -cp target/classes org.inversiontable.config.ExampleConfig config/example.conf");
    }

    @Test
    void exampleFileParsesToTheDefaults() throws Exception {
        ConfigFile parsed = ConfigFileParser.read(EXAMPLE);
        assertEquals(Config.defaults().all(), parsed.config().all());
        long keysWithDefault = java.util.Arrays.stream(ConfigKey.values())
                .filter(k -> !k.defaultText().isEmpty()).count();
        assertEquals(keysWithDefault, parsed.keysSet());
    }

    @Test
    void exampleDocumentsEveryKeyWithItsRangeAndDefault() {
        String text = ExampleConfig.render();
        for (ConfigKey k : ConfigKey.values()) {
            String dflt = k.defaultText().isEmpty() ? "empty" : k.defaultText();
            assertTrue(text.contains("# " + k.doc() + "\n# allowed: " + k.allowed() + "; default: " + dflt + "\n"),
                    k.key());
            assertTrue(text.contains(k.key() + " = "), k.key());
        }
    }
}
