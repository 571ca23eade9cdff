package org.inversiontable.hil;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.LongConsumer;
import org.inversiontable.config.Config;
import org.inversiontable.control.ControlLoop;
import org.inversiontable.control.TickRecord;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.process.ControllerAssembly;
import org.inversiontable.process.TableProcess;
import org.inversiontable.runtime.TableRuntime;
import org.inversiontable.safety.MotorGate;
import org.inversiontable.time.ManualClock;

/**
 * The controller under test in simulated time, for the jigs whose wires are Pi4J's mocks: the
 * test's thread does what the real-time runtime's threads do (a tick every 10 ms on absolute
 * deadlines, the H-bridge's watchdog polled every 5 ms), one millisecond per {@link #step()}. A
 * stalled loop skips its ticks but keeps the watchdog poll, as the runtime's own watchdog thread
 * goes on while the control thread hangs.
 *
 * <p>Confined to the test's thread.
 */
final class SteppedTable implements TableUnderTest {
    static final long STEP_NANOS = 1_000_000L;
    /** The session history's dates: those of the scenarios (SPEC §13). */
    private static final java.time.Clock WALL_CLOCK =
            java.time.Clock.fixed(Instant.parse("2026-01-05T08:00:00Z"), ZoneOffset.UTC);

    private final ManualClock clock;
    private final TableProcess process;
    private final MotorGate gate;
    private final Runnable beforeTick;
    private final LongConsumer afterStep;
    private final Runnable closeHardware;
    private final JournalDirectory journal = new JournalDirectory();
    private long nextTickNanos;
    private long nextWatchdogPollNanos;
    private boolean stalled;
    private boolean closed;
    private TickRecord lastTick;

    /**
     * @param beforeTick    what the jig does to the wires just before each tick (a fresh IMU sample)
     * @param afterStep     what the jig watches after each step (the watchdog relay), given the time
     * @param closeHardware Pi4J's shutdown states, run last when the table closes
     */
    SteppedTable(Config config, TableHardware hardware, ManualClock clock, Runnable beforeTick, LongConsumer afterStep,
            Runnable closeHardware) {
        this.clock = clock;
        this.beforeTick = beforeTick;
        this.afterStep = afterStep;
        this.closeHardware = closeHardware;
        this.process = ControllerAssembly.start(config, hardware, clock, WALL_CLOCK, journal.path());
        this.gate = process.loop().gate();
        this.nextTickNanos = clock.nanoTime();
        this.nextWatchdogPollNanos = clock.nanoTime() + TableRuntime.WATCHDOG_POLL_NANOS;
    }

    @Override
    public void step() {
        if (closed) {
            throw new IllegalStateException("the table under test is closed");
        }
        clock.advanceNanos(STEP_NANOS);
        long now = clock.nanoTime();
        if (now - nextWatchdogPollNanos >= 0) {
            gate.checkWatchdog(now);
            nextWatchdogPollNanos += TableRuntime.WATCHDOG_POLL_NANOS;
        }
        if (now - nextTickNanos >= 0) {
            if (!stalled) {
                beforeTick.run();
                lastTick = process.tick();
            }
            // Absolute deadlines, missed ones skipped rather than burst (DeadlineLoop).
            while (nextTickNanos - now <= 0) {
                nextTickNanos += ControlLoop.PERIOD_NANOS;
            }
        }
        afterStep.accept(now);
    }

    @Override
    public long nanoTime() {
        return clock.nanoTime();
    }

    @Override
    public TickRecord lastTick() {
        return lastTick;
    }

    @Override
    public void stallLoop() {
        stalled = true;
    }

    @Override
    public void resumeLoop() {
        stalled = false;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            gate.shutOff();
            process.saveSessionNow();
        } finally {
            closeHardware.run();
            journal.close();
        }
    }
}
