package org.inversiontable.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

final class ConfigTestFiles {
    private ConfigTestFiles() {
    }

    static Path write(Path dir, String... lines) throws IOException {
        Path file = dir.resolve("table.conf");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
