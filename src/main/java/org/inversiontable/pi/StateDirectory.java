package org.inversiontable.pi;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where {@code run} keeps what outlives it (the journal, the history, the flight recorder): the
 * directory systemd made for the service ({@code StateDirectory=} sets {@code STATE_DIRECTORY};
 * its first entry, when several are listed), else {@value #DEFAULT}.
 */
public final class StateDirectory {
    public static final String DEFAULT = "/var/lib/inversion-table";

    private StateDirectory() {
    }

    public static Path of(Map<String, String> environment) {
        String fromSystemd = environment.getOrDefault("STATE_DIRECTORY", "").trim();
        if (!fromSystemd.isEmpty()) {
            String first = fromSystemd.split(":", -1)[0].trim();
            if (!first.isEmpty() && Path.of(first).isAbsolute()) {
                return Path.of(first);
            }
        }
        return Path.of(DEFAULT);
    }
}
