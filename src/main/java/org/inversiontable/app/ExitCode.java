package org.inversiontable.app;

/** Exit codes of every command (SPEC §8); scripts and CI depend on them. */
public final class ExitCode {
    /** Success; for {@code scenario}: every expectation holds. */
    public static final int OK = 0;
    /** A {@code scenario} ran and at least one expectation failed. */
    public static final int EXPECTATION_FAILED = 1;
    /** Bad input: usage, unknown command, a bad scenario or configuration, an unwritable file. */
    public static final int BAD_INPUT = 2;
    /** A bug: something went wrong that no input should cause. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCode() {
    }
}
