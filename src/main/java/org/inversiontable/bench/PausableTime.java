package org.inversiontable.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.inversiontable.runtime.Parker;
import org.inversiontable.time.Clock;

/**
 * A clock and parkers that let the jitter bench stop a loop between two of its ticks and let it
 * go on later as if no time had passed: while paused the clock stands still, and afterwards it
 * runs on from where it stood. The loop under test (the runtime, or the bare loop) therefore sees
 * no late tick across a pause (no {@code loop_overrun}, no H-bridge watchdog expiry), and its period
 * statistics cover only the slices it ran in, so the two loops can alternate on one machine.
 *
 * <pre>{@code
 * PausableTime time = new PausableTime();
 * sim = RealTimeSimulation.start(config, dir, dir, 80, time.clock(), time.controlParker(), time.followerParker());
 * time.pause();    // returns once the control thread has stopped between two ticks
 * time.resume();   // returns once it runs again
 * }</pre>
 *
 * <p>The clock is frozen and restarted by the control thread itself, inside its parker, between two
 * ticks: the thread whose detectors require a monotonic clock never sees it step. Other threads
 * (the watchdog's) wait in {@link #followerParker()} meanwhile. Outside a pause the clock is
 * {@code System.nanoTime()} minus the time spent paused; reading it allocates nothing.
 */
public final class PausableTime {
    private static final long NOT_FROZEN = Long.MIN_VALUE;
    private static final long HAND_OVER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Object lock = new Object();
    private volatile long offsetNanos;
    private volatile long frozenAtNanos = NOT_FROZEN;
    private volatile boolean pauseRequested;
    /** Guarded by {@link #lock}. */
    private boolean paused;

    /** The clock the loop under test runs on. */
    public Clock clock() {
        return this::nanoTime;
    }

    long nanoTime() {
        long frozen = frozenAtNanos;
        return frozen != NOT_FROZEN ? frozen : System.nanoTime() - offsetNanos;
    }

    /** For the loop's own thread: parks, or, when a pause is asked for, stops the clock and waits for the resume. */
    public Parker controlParker() {
        return nanos -> {
            if (pauseRequested) {
                holdHere();
            } else {
                LockSupport.parkNanos(nanos);
            }
        };
    }

    /** For the loop's helper threads (the runtime's watchdog): parks, and waits out a pause. */
    public Parker followerParker() {
        return nanos -> {
            if (pauseRequested) {
                synchronized (lock) {
                    while (pauseRequested) {
                        waitOnLock();
                    }
                }
            } else {
                LockSupport.parkNanos(nanos);
            }
        };
    }

    private void holdHere() {
        synchronized (lock) {
            frozenAtNanos = System.nanoTime() - offsetNanos;
            paused = true;
            lock.notifyAll();
            while (pauseRequested) {
                waitOnLock();
            }
            offsetNanos = System.nanoTime() - frozenAtNanos;
            frozenAtNanos = NOT_FROZEN;
            paused = false;
            lock.notifyAll();
        }
    }

    /** Asks the loop to stop at its next wait and returns once it has (or after a few seconds). */
    public void pause() {
        synchronized (lock) {
            pauseRequested = true;
            long deadline = System.nanoTime() + HAND_OVER_TIMEOUT_NANOS;
            while (!paused && System.nanoTime() < deadline) {
                waitOnLock();
            }
            if (!paused) {
                throw new IllegalStateException("the loop did not pause within 5 s: is its thread running?");
            }
        }
    }

    /** Lets the loop run on; returns once it does (or after a few seconds). */
    public void resume() {
        synchronized (lock) {
            pauseRequested = false;
            lock.notifyAll();
            long deadline = System.nanoTime() + HAND_OVER_TIMEOUT_NANOS;
            while (paused && System.nanoTime() < deadline) {
                waitOnLock();
            }
        }
    }

    private void waitOnLock() {
        try {
            lock.wait(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pausing a loop", e);
        }
    }
}
