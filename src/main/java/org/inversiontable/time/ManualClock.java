package org.inversiontable.time;

/** A clock that only moves when told to: simulated time for tests and scenarios. */
public final class ManualClock implements Clock {
    private long nanos;

    public ManualClock(long startNanos) {
        this.nanos = startNanos;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    public void advanceNanos(long deltaNanos) {
        if (deltaNanos < 0) {
            throw new IllegalArgumentException("time cannot run backwards: delta " + deltaNanos + " ns");
        }
        nanos += deltaNanos;
    }

    public void setNanos(long newNanos) {
        advanceNanos(newNanos - nanos);
    }
}
