package org.inversiontable.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/** The journal could not be saved durably; the previous journal is left as it was. */
public final class JournalWriteException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final String reason;

    public JournalWriteException(Path path, String reason, Throwable cause) {
        super("cannot save the session journal " + path + ": " + reason, cause);
        this.path = Objects.requireNonNull(path, "path");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Path path() {
        return path;
    }

    public String reason() {
        return reason;
    }
}
