package org.inversiontable.display;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.inversiontable.hardware.PixelDisplay;
import org.inversiontable.runtime.AuxiliaryFailures;
import org.inversiontable.runtime.Parker;
import org.inversiontable.time.Clock;
import org.tinylog.Logger;

/**
 * Drives the table's display off the control thread (SPEC §12, §13): a daemon thread of its own
 * takes the newest status from the {@link DisplayFeed} a few times a second, renders it and writes
 * it. The control thread only publishes into the feed; nothing here can make it wait.
 *
 * <pre>{@code
 * DisplayUpdater display = new DisplayUpdater(feed, oled, oled::close, clock, failures, settings.periodNanos(),
 *         Parker.SYSTEM);
 * display.start();     // after the runtime: the thread "table-display"
 * ...
 * display.close();     // the thread stopped, the panel turned off, then oled::close
 * }</pre>
 *
 * <p>A display that fails (not there at start, unplugged, a bus error) is reported once to the
 * runtime's {@link AuxiliaryFailures} ("an auxiliary thread that fails is reported and the table
 * goes on"), then set up again after a back-off that doubles from {@link #FIRST_RETRY_NANOS} to
 * {@link #MAX_RETRY_NANOS}; every {@link #REFRESH_EVERY_NANOS} the set-up is re-sent and the
 * picture redrawn whole, so a display that reset itself comes back and an unplugged one is noticed
 * while the picture stands still; once it works again it says so in the log, and a later outage is
 * reported again. A status older than {@link #STALE_AFTER_NANOS} is not shown as if it were the
 * table's: the picture says NO DATA, so that a stopped control loop never leaves a frozen angle.
 *
 * <p>Thread-safety: {@link #step()} and the display are confined to the display thread (or to a
 * test's thread when it calls {@code step} without {@link #start()}); the feed is safe as it says;
 * the failures are thread-safe; {@code running} is volatile; {@link #close()} may be called from any
 * thread, and after the thread has ended drives the display itself.
 */
public final class DisplayUpdater implements AutoCloseable {
    /** What the failure report names. */
    public static final String WHAT = "the display";
    /** 50 control periods without a new status: the control loop has stopped publishing. */
    public static final long STALE_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    public static final long FIRST_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    public static final long MAX_RETRY_NANOS = TimeUnit.SECONDS.toNanos(8);
    /**
     * How often the set-up is sent again and the picture redrawn whole: a panel that reset itself
     * comes back, and an unplugged one is found even while the picture stands still (only changes
     * are sent otherwise, and no change means no transfer that could fail).
     */
    public static final long REFRESH_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
    static final long STOP_TIMEOUT_MILLIS = 1_000;

    private final DisplayFeed feed;
    private final PixelDisplay display;
    private final AutoCloseable closeDisplay;
    private final Clock clock;
    private final AuxiliaryFailures failures;
    private final long periodNanos;
    private final Parker parker;
    private final Thread thread = new Thread(this::run, "table-display");
    private volatile boolean running = true;
    // Written by the display thread only; volatile so that working() and framesShown() read true from any thread.
    private volatile boolean ready;
    private volatile boolean inOutage;
    private long nextAttemptNanos = Long.MIN_VALUE;
    private long retryNanos = FIRST_RETRY_NANOS;
    private long lastSetUpNanos;
    private volatile long framesShown;

    /**
     * @param closeDisplay run last by {@link #close()} (the display's Pi4J context)
     * @param periodNanos  time between two pictures (a few Hz)
     * @param parker       how the thread waits between pictures
     */
    public DisplayUpdater(DisplayFeed feed, PixelDisplay display, AutoCloseable closeDisplay, Clock clock,
            AuxiliaryFailures failures, long periodNanos, Parker parker) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.display = Objects.requireNonNull(display, "display");
        this.closeDisplay = Objects.requireNonNull(closeDisplay, "closeDisplay");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.parker = Objects.requireNonNull(parker, "parker");
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("periodNanos must be > 0, was " + periodNanos);
        }
        this.periodNanos = periodNanos;
        thread.setDaemon(true);
        // Below the control and watchdog threads: on a busy Pi the picture may be late, the table not.
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    /** Starts the display thread; once. */
    public void start() {
        thread.start();
    }

    /**
     * One picture: set the display up if it is not (when its back-off has passed), then render the
     * newest status and write it. Never throws for the display's sake.
     */
    public void step() {
        long now = clock.nanoTime();
        if (!ready) {
            if (now < nextAttemptNanos) {
                return;
            }
            try {
                display.init();
                ready = true;
                lastSetUpNanos = now;
            } catch (RuntimeException e) {
                failed(now, e);
                return;
            }
        }
        try {
            if (now - lastSetUpNanos >= REFRESH_EVERY_NANOS) {
                lastSetUpNanos = now;
                display.refresh();
            }
            display.show(frame(now));
            framesShown++;
            if (inOutage) {
                inOutage = false;
                Logger.info("{} works again", WHAT);
            }
            retryNanos = FIRST_RETRY_NANOS;
        } catch (RuntimeException e) {
            failed(now, e);
        }
    }

    private byte[] frame(long now) {
        DisplayFeed.Published p = feed.latest();
        if (p == null || now - p.atNanos() > STALE_AFTER_NANOS) {
            return DisplayRenderer.renderNoData();
        }
        return DisplayRenderer.render(p.status());
    }

    private void failed(long now, RuntimeException e) {
        ready = false;
        nextAttemptNanos = now + retryNanos;
        retryNanos = Math.min(retryNanos * 2, MAX_RETRY_NANOS);
        if (!inOutage) {
            inOutage = true;
            failures.report(WHAT, e);
        } else {
            Logger.debug("{} still fails: {}", WHAT, e.getMessage());
        }
    }

    /** True while the display is set up and the last picture reached it. */
    public boolean working() {
        return ready && !inOutage;
    }

    /** Pictures written so far. */
    public long framesShown() {
        return framesShown;
    }

    private void run() {
        try {
            while (running) {
                step();
                parker.parkNanos(periodNanos);
            }
        } catch (Throwable t) {
            // Not a RuntimeException from the display (step handles those): an Error, or a bug here.
            failures.report(WHAT + " thread", t);
        }
    }

    /**
     * Stops the thread, turns the panel off (a stopped table must not show a frozen angle) and
     * closes the display. Any thread; idempotent.
     */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        boolean stopped = true;
        if (thread.isAlive() && thread != Thread.currentThread()) {
            LockSupport.unpark(thread);
            try {
                thread.join(STOP_TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped = !thread.isAlive();
        }
        if (stopped && ready) {
            try {
                display.off();
            } catch (RuntimeException e) {
                Logger.warn("Turning {} off failed ({}): it may show the last picture", WHAT, e.getMessage());
            }
        }
        try {
            closeDisplay.close();
        } catch (Exception e) {
            Logger.warn(e, "Closing {} failed", WHAT);
        }
    }
}
