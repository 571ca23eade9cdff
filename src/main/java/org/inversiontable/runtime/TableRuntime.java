package org.inversiontable.runtime;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.inversiontable.control.ControlLoop;
import org.inversiontable.control.TickRecord;
import org.inversiontable.process.TableProcess;
import org.inversiontable.safety.MotorGate;
import org.inversiontable.time.Clock;
import org.inversiontable.time.SystemClock;
import org.tinylog.Logger;

/**
 * The real-time runtime of SPEC §12, the same for {@code run} on a Pi and {@code simulate} on a
 * desktop: one control thread ticks the {@link TableProcess} on absolute deadlines ({@link
 * DeadlineLoop}); one writer thread does the journal, history, preset and recorder writes ({@link
 * AsyncSessionStorage}); one watchdog thread polls the H-bridge's 50 ms watchdog and the writer's
 * lag. An uncaught error on the control or watchdog thread, or on the e-stop's path, cuts the
 * motor and ends the process with exit 1; an auxiliary failure is reported and the table goes on.
 *
 * <pre>{@code
 * AuxiliaryFailures failures = new AuxiliaryFailures();
 * AsyncSessionStorage storage = new AsyncSessionStorage(clock, recorder::write, failures);
 * TableProcess process = ControllerAssembly.start(config, hardware, clock, wallClock, dir, files, storage::of);
 * TableRuntime runtime = TableRuntime.builder(process, storage)
 *         .clock(clock).hooks(hooks).failures(failures)
 *         .closeRecorder(recorder)             // after its last row
 *         .closeHardware(context::shutdown)    // Pi4J's shutdown states, last
 *         .build();
 * runtime.installShutdownHook();   // SIGTERM, Ctrl-C: motor off, stop, flush, close hardware, exit 0
 * runtime.start();
 * ...
 * runtime.close();                 // the same orderly stop, without exiting
 * PeriodStats.Summary s = runtime.periodStats();
 * }</pre>
 *
 * <p>Thread-safety: the process (controller, supervisor, session keeper) is confined to the
 * control thread, and after it has stopped to the thread that joined it; the lifecycle flags are
 * volatile or atomic; {@link #close()} may be called from any thread, once or many times (later
 * callers wait for the first to finish); the statistics and failures are safe to read anywhere.
 */
public final class TableRuntime implements AutoCloseable {
    /** How often the watchdog thread polls: well inside the H-bridge's 50 ms. */
    public static final long WATCHDOG_POLL_NANOS = 5_000_000L;
    /** How long an orderly stop waits for a thread, and for the writer to flush. */
    static final long STOP_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(2);
    static final long FLUSH_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final TableProcess process;
    private final MotorGate gate;
    private final AsyncSessionStorage storage;
    private final Clock clock;
    private final Parker controlParker;
    private final Parker watchdogParker;
    private final TickHooks hooks;
    private final ProcessExit exit;
    private final AutoCloseable closeRecorder;
    private final AutoCloseable closeHardware;
    private final Runnable onStopping;
    private final AuxiliaryFailures failures;
    private final PeriodStats stats = new PeriodStats(ControlLoop.PERIOD_NANOS);
    private final DeadlineLoop.Body tickBody = this::tickOnce;
    private final AtomicLong ticks = new AtomicLong();
    private final Thread controlThread = new Thread(this::runControl, "table-control");
    private final Thread watchdogThread = new Thread(this::runWatchdog, "table-watchdog");
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean failed = new AtomicBoolean();
    private volatile boolean running = true;
    private volatile Thread shutdownHook;

    private TableRuntime(Builder b) {
        this.process = b.process;
        this.gate = b.process.loop().gate();
        this.storage = b.storage;
        this.clock = b.clock;
        this.controlParker = b.controlParker;
        this.watchdogParker = b.watchdogParker;
        this.hooks = b.hooks;
        this.exit = b.exit;
        this.closeRecorder = b.closeRecorder;
        this.closeHardware = b.closeHardware;
        this.onStopping = b.onStopping;
        this.failures = b.failures;
        controlThread.setPriority(Thread.MAX_PRIORITY);
        watchdogThread.setPriority(Thread.MAX_PRIORITY);
        watchdogThread.setDaemon(true);
    }

    /** A runtime for {@code process}, whose session keeper writes through {@code storage}. */
    public static Builder builder(TableProcess process, AsyncSessionStorage storage) {
        return new Builder(process, storage);
    }

    /** Starts the writer, the watchdog and the control thread; once. */
    public void start() {
        if (closing.get() || !started.compareAndSet(false, true)) {
            throw new IllegalStateException("a runtime starts once, and not after close()");
        }
        gate.onEstopPathFailure(e -> fail("the e-stop path", e));
        storage.start();
        watchdogThread.start();
        controlThread.start();
    }

    /**
     * Makes SIGTERM and Ctrl-C stop the table in order ({@link #close()}) and end the process with
     * 0. The commands call it once, before {@link #start()}.
     */
    public void installShutdownHook() {
        Thread hook = new Thread(this::onJvmShutdown, "table-shutdown");
        shutdownHook = hook;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The runtime's own period and jitter so far (SPEC §11). Any thread. */
    public PeriodStats.Summary periodStats() {
        return stats.summary();
    }

    /** Ticks run so far. Any thread. */
    public long ticks() {
        return ticks.get();
    }

    /** What failed off the control path so far; the table went on. */
    public AuxiliaryFailures failures() {
        return failures;
    }

    /** An auxiliary part of the host failed (a display): reported, and the table goes on. Any thread. */
    public void auxiliaryFailed(String what, Throwable error) {
        failures.report(what, error);
    }

    /**
     * The orderly stop: motor off, control and watchdog threads stopped, the session journaled as
     * it stands, every queued journal, history line and recorder row written, the recorder closed,
     * then the hardware closed (Pi4J's shutdown states). Does not end the process. Any thread;
     * idempotent.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitClosed();
            return;
        }
        try {
            try {
                gate.shutOff();
            } catch (RuntimeException e) {
                Logger.error(e, "Cutting the motor failed; stopping the threads all the same");
            }
            try {
                onStopping.run();
            } catch (RuntimeException e) {
                Logger.error(e, "Telling the host that the table stops failed; stopping all the same");
            }
            running = false;
            boolean controlStopped = stop(controlThread);
            stop(watchdogThread);
            if (controlStopped) {
                process.saveSessionNow();
            } else {
                Logger.warn("The control thread has not stopped (a stop from its own thread, or a tick that "
                        + "hangs): the journal is the one of the last periodic save, at most a second old");
            }
            if (storage.close(FLUSH_TIMEOUT_NANOS)) {
                closeQuietly(closeRecorder, "Closing the flight recorder failed: its last rows may be missing");
            } else {
                Logger.warn("The writer thread did not finish within {} s: the last journal or recorder rows may "
                        + "be missing", TimeUnit.NANOSECONDS.toSeconds(FLUSH_TIMEOUT_NANOS));
            }
        } catch (RuntimeException e) {
            Logger.error(e, "The orderly stop failed; closing the hardware all the same");
        } finally {
            closeQuietly(closeHardware, "Closing the hardware failed: the outputs may not be in their shutdown states");
            removeShutdownHook();
            closed.countDown();
        }
    }

    private boolean stop(Thread thread) {
        if (thread == Thread.currentThread()) {
            return false;
        }
        if (thread.getState() == Thread.State.NEW) {
            return true;
        }
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.NANOSECONDS.toMillis(STOP_TIMEOUT_NANOS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private static void closeQuietly(AutoCloseable closeable, String whatFailed) {
        try {
            closeable.close();
        } catch (Exception e) {
            Logger.error(e, whatFailed);
        }
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook finds the runtime closed.
            }
        }
    }

    private void awaitClosed() {
        try {
            closed.await(STOP_TIMEOUT_NANOS + FLUSH_TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The shutdown hook: the orderly stop, then exit 0 (unless a failure is what ends the process). */
    void onJvmShutdown() {
        boolean stoppedHere = started.get() && !closing.get();
        close();
        if (stoppedHere && !failed.get()) {
            exit.halt(0);
        }
    }

    /** The control thread's body; tests call it on their own thread with a fake clock. */
    void runControl() {
        try {
            new DeadlineLoop(clock, controlParker, ControlLoop.PERIOD_NANOS, stats).run(tickBody, () -> running);
        } catch (Throwable t) {
            fail("the control thread", t);
        }
    }

    private void tickOnce(long nowNanos) {
        hooks.beforeTick(nowNanos);
        TickRecord record = process.tick();
        ticks.lazySet(ticks.get() + 1);
        hooks.afterTick(record);
    }

    /** Stops the control loop after the tick in progress (tests that run it on their thread). */
    void requestStop() {
        running = false;
    }

    private void runWatchdog() {
        try {
            while (running) {
                watchdogParker.parkNanos(WATCHDOG_POLL_NANOS);
                long now = clock.nanoTime();
                gate.checkWatchdog(now);
                storage.checkBehind(now);
            }
        } catch (Throwable t) {
            fail("the watchdog thread", t);
        }
    }

    /**
     * A failure on the control path: motor off at once, then the process ends with 1. The exit runs
     * on a thread of its own, so that the shutdown hooks (which stop and join the runtime's threads,
     * and close Pi4J) never wait for the thread that failed.
     */
    private void fail(String where, Throwable error) {
        if (!failed.compareAndSet(false, true)) {
            return;
        }
        try {
            gate.failSafeCut(where + " failed: " + error);
        } catch (Throwable cutFailed) {
            error.addSuppressed(cutFailed);
        }
        running = false;
        try {
            Logger.error(error, "{} failed: motor off; the process ends (exit 1)", where);
        } catch (Throwable ignored) {
            // Logging must not stand between the failure and the exit.
        }
        Thread exiting = new Thread(() -> exit.exit(1), "table-exit");
        exiting.start();
    }

    /** True once a failure on the control path has cut the motor and asked for exit 1. */
    public boolean failed() {
        return failed.get();
    }

    /** How a runtime is put together; only the process and its storage are required. */
    public static final class Builder {
        private final TableProcess process;
        private final AsyncSessionStorage storage;
        private Clock clock = new SystemClock();
        private Parker controlParker = Parker.SYSTEM;
        private Parker watchdogParker = Parker.SYSTEM;
        private TickHooks hooks = TickHooks.NONE;
        private ProcessExit exit = ProcessExit.SYSTEM;
        private AutoCloseable closeRecorder = () -> { };
        private AutoCloseable closeHardware = () -> { };
        private Runnable onStopping = () -> { };
        private AuxiliaryFailures failures = new AuxiliaryFailures();

        private Builder(TableProcess process, AsyncSessionStorage storage) {
            this.process = Objects.requireNonNull(process, "process");
            this.storage = Objects.requireNonNull(storage, "storage");
        }

        /** The runtime's clock: the same one the process ticks on (default: the system's). */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** How the control thread waits for its deadline (default: park). */
        public Builder controlParker(Parker value) {
            controlParker = Objects.requireNonNull(value, "controlParker");
            return this;
        }

        /** How the watchdog thread waits between polls (default: park). */
        public Builder watchdogParker(Parker value) {
            watchdogParker = Objects.requireNonNull(value, "watchdogParker");
            return this;
        }

        public Builder hooks(TickHooks value) {
            hooks = Objects.requireNonNull(value, "hooks");
            return this;
        }

        /** How the process ends (default: {@link ProcessExit#SYSTEM}; tests record it). */
        public Builder exit(ProcessExit value) {
            exit = Objects.requireNonNull(value, "exit");
            return this;
        }

        /**
         * Run in an orderly stop once the writer thread has handed the recorder its last row (and
         * will call it no more): the flight recorder flushes and closes its file.
         */
        public Builder closeRecorder(AutoCloseable value) {
            closeRecorder = Objects.requireNonNull(value, "closeRecorder");
            return this;
        }

        /** Run last in an orderly stop: Pi4J's {@code context::shutdown} applies the outputs' shutdown states. */
        public Builder closeHardware(AutoCloseable value) {
            closeHardware = Objects.requireNonNull(value, "closeHardware");
            return this;
        }

        /**
         * Run in an orderly stop right after the motor is cut, before the threads stop: {@code run}
         * tells systemd STOPPING=1 there. Must not block.
         */
        public Builder onStopping(Runnable value) {
            onStopping = Objects.requireNonNull(value, "onStopping");
            return this;
        }

        /** Where auxiliary failures go (give the storage's, so that both report to one place). */
        public Builder failures(AuxiliaryFailures value) {
            failures = Objects.requireNonNull(value, "failures");
            return this;
        }

        public TableRuntime build() {
            return new TableRuntime(this);
        }
    }
}
