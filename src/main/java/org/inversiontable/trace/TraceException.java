package org.inversiontable.trace;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The trace file could not be opened or written; the message names the file. */
public final class TraceException extends UncheckedIOException {
    public TraceException(String message, IOException cause) {
        super(message, cause);
    }
}
