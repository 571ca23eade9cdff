package org.inversiontable.time;

/** The real, monotonic clock of the machine; the only place that reads it. */
public final class SystemClock implements Clock {
    @Override
    public long nanoTime() {
        return System.nanoTime();
    }
}
