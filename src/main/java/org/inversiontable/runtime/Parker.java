package org.inversiontable.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * How a runtime thread waits: {@link #SYSTEM} parks the thread ({@link LockSupport#parkNanos}, so
 * that {@link LockSupport#unpark} wakes it at once on a stop); tests give one that advances a fake
 * clock instead, so that thousands of ticks run in milliseconds and never depend on the machine.
 *
 * <p>Implementations are called by the thread that waits; {@link #SYSTEM} is stateless.
 */
@FunctionalInterface
public interface Parker {
    /** Parks the calling thread; it may wake earlier (an unpark, spuriously), never much later. */
    Parker SYSTEM = LockSupport::parkNanos;

    /** Waits about {@code nanos}; may return earlier. */
    void parkNanos(long nanos);
}
