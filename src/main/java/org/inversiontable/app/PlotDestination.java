package org.inversiontable.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Checks an output file's place before a long run, so a typo costs nothing but a message. */
final class PlotDestination {
    private PlotDestination() {
    }

    /** @return why {@code file} cannot be written, or empty when its folder exists and is writable */
    static Optional<String> problem(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            return Optional.of("cannot write the plot file " + file + ": it is a directory");
        }
        if (parent == null || !Files.isDirectory(parent)) {
            return Optional.of("cannot write the plot file " + file + ": no such directory");
        }
        if (!Files.isWritable(parent)) {
            return Optional.of("cannot write the plot file " + file + ": permission denied");
        }
        return Optional.empty();
    }
}
