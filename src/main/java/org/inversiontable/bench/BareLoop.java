package org.inversiontable.bench;

import org.inversiontable.control.ControlLoop;
import org.inversiontable.runtime.DeadlineLoop;
import org.inversiontable.runtime.PeriodStats;

/**
 * The jitter bench's reference (SPEC §11): a bare JVM loop on absolute deadlines at the control
 * period, with an empty body, on the runtime's own {@link DeadlineLoop} and measured by the
 * runtime's own {@link PeriodStats}, on a thread of the same priority as the control thread: the
 * only difference from the runtime is the work of the tick.
 *
 * <pre>{@code
 * BareLoop bare = new BareLoop(time);   // time: the PausableTime it runs on
 * bare.start();
 * ...
 * bare.stop();
 * PeriodStats.Summary s = bare.stats().summary();
 * }</pre>
 */
final class BareLoop {
    private final PeriodStats stats = new PeriodStats(ControlLoop.PERIOD_NANOS);
    private final Thread thread;
    private volatile boolean running = true;

    BareLoop(PausableTime time) {
        DeadlineLoop loop = new DeadlineLoop(time.clock(), time.controlParker(), ControlLoop.PERIOD_NANOS, stats);
        DeadlineLoop.Body nothing = now -> { };
        this.thread = new Thread(() -> loop.run(nothing, () -> running), "bench-bare-loop");
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops the loop (resume it first if it is paused) and waits for its thread. */
    void stop() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }

    PeriodStats stats() {
        return stats;
    }
}
