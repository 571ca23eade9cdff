package org.inversiontable.runtime;

import org.tinylog.provider.ProviderRegistry;

/**
 * How the runtime ends the process: {@link #SYSTEM} in production, a recorder in tests (which must
 * never end the JVM that runs them).
 *
 * <p>{@link #SYSTEM} is stateless and may be called from any thread.
 */
public interface ProcessExit {
    /** {@link System#exit} and {@link Runtime#halt}, with the asynchronous log flushed before a halt. */
    ProcessExit SYSTEM = new ProcessExit() {
        @Override
        public void exit(int status) {
            System.exit(status);
        }

        @Override
        public void halt(int status) {
            try {
                // A halt skips tinylog's own shutdown hook: flush its writing thread first.
                ProviderRegistry.getLoggingProvider().shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(status);
        }
    };

    /** Ends the process, running the shutdown hooks (a failure: status 1). */
    void exit(int status);

    /**
     * Ends the process from inside a shutdown hook, where {@link #exit} would block for ever: an
     * orderly stop on SIGTERM ends with 0, not the JVM's 143.
     */
    void halt(int status);
}
