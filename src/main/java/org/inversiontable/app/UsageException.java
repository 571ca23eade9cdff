package org.inversiontable.app;

/** The arguments of a command do not fit its synopsis; the message says which one and why. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message, null, false, false);
    }
}
