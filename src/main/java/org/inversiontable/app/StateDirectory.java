package org.inversiontable.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a desktop command keeps what outlives it (the simulator's journal, history and flight
 * recorder): {@code $XDG_STATE_HOME/inversion-table/NAME}, else
 * {@code ~/.local/state/inversion-table/NAME}, as the XDG base-directory convention asks.
 */
final class StateDirectory {
    private StateDirectory() {
    }

    static Path of(String name, Map<String, String> environment, String userHome) {
        String xdg = environment.getOrDefault("XDG_STATE_HOME", "").trim();
        Path base = xdg.isEmpty() || !Path.of(xdg).isAbsolute() ? Path.of(userHome, ".local", "state") : Path.of(xdg);
        return base.resolve("inversion-table").resolve(name);
    }
}
