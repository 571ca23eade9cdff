package org.inversiontable.bench;

import java.lang.management.ManagementFactory;

/**
 * Counts the heap bytes the calling thread allocates, with the JVM's per-thread counter
 * ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}), so that each part of a
 * tick can be measured on its own: only what runs between {@link #start()} and {@link #stop(long)}
 * on this thread counts, whatever other threads do.
 *
 * <pre>{@code
 * AllocationMeter meter = AllocationMeter.forThisThread();
 * AllocationMeter.Tally tick = new AllocationMeter.Tally();
 * long mark = meter.start();
 * loop.tick();
 * tick.add(meter.stop(mark));
 * tick.bytesPerCall();
 * }</pre>
 *
 * <p>Confined to one thread (the counter is the calling thread's). Reading the counter allocates
 * nothing on the JDKs this project runs on; {@link #overheadBytes()} measures it, so a report can
 * say so rather than assume it.
 */
public final class AllocationMeter {
    private final com.sun.management.ThreadMXBean threads;

    private AllocationMeter(com.sun.management.ThreadMXBean threads) {
        this.threads = threads;
    }

    /** @throws UnsupportedOperationException on a JVM without the per-thread allocation counter */
    public static AllocationMeter forThisThread() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx)
                || !mx.isThreadAllocatedMemorySupported()) {
            throw new UnsupportedOperationException("this JVM does not count the bytes a thread allocates");
        }
        if (!mx.isThreadAllocatedMemoryEnabled()) {
            mx.setThreadAllocatedMemoryEnabled(true);
        }
        return new AllocationMeter(mx);
    }

    public long start() {
        return threads.getCurrentThreadAllocatedBytes();
    }

    /** The bytes this thread allocated since {@code mark}. */
    public long stop(long mark) {
        return threads.getCurrentThreadAllocatedBytes() - mark;
    }

    /** What {@code calls} empty start/stop pairs count in all: the meter's own cost (0 expected). */
    public long overheadBytes(int calls) {
        Tally empty = new Tally();
        for (int i = 0; i < calls; i++) {
            empty.add(stop(start()));
        }
        return empty.bytes();
    }

    /** Measures {@code body} {@code calls} times and returns the mean bytes per call. */
    public double bytesPerCall(Runnable body, int calls) {
        Tally tally = new Tally();
        for (int i = 0; i < calls; i++) {
            long mark = start();
            body.run();
            tally.add(stop(mark));
        }
        return tally.bytesPerCall();
    }

    /** Bytes over calls, for one part. Confined to one thread; allocation-free. */
    public static final class Tally {
        private long bytes;
        private long calls;

        public void add(long callBytes) {
            bytes += callBytes;
            calls++;
        }

        public long bytes() {
            return bytes;
        }

        public long calls() {
            return calls;
        }

        /** Mean bytes per call; 0 with no call. */
        public double bytesPerCall() {
            return calls == 0 ? 0.0 : (double) bytes / calls;
        }
    }
}
