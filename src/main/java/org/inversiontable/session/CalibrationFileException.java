package org.inversiontable.session;

import java.nio.file.Path;

/**
 * The calibration file cannot be used or written; the message names the file and the problem.
 * {@code run} refuses to start on it (exit 2) rather than drive with a calibration it cannot trust.
 */
public final class CalibrationFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public CalibrationFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
