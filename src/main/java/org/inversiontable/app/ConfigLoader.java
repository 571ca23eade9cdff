package org.inversiontable.app;

import java.nio.file.Path;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigFileException;

/** Reads and validates a configuration file; commands take one so tests can supply their own. */
@FunctionalInterface
public interface ConfigLoader {
    Config load(Path file) throws ConfigFileException;
}
