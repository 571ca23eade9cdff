package org.inversiontable.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The plot file could not be written; the message names the file and why, for a one-line error. */
public final class PlotException extends UncheckedIOException {
    public PlotException(String message, IOException cause) {
        super(message, cause);
    }

    static PlotException cannotWrite(Path file, Exception e) {
        IOException io = e instanceof IOException i ? i : e.getCause() instanceof IOException c ? c : new IOException(e);
        return new PlotException("cannot write the plot file " + file + ": " + reason(io), io);
    }

    /** The reason in a few words: "no such directory", not a Java exception's name. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
