package org.inversiontable.hil;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.inversiontable.control.TickRecord;

/**
 * The controller running on the near side of the jig's wires: the real control loop, supervisor,
 * gate and Pi4J adapters. On a Pi it runs in real time on the real-time runtime (SPEC §12); on
 * Pi4J's mocks it runs in simulated time, ticked by the test's own thread, so the same contract
 * runs in milliseconds and never depends on the machine's speed.
 *
 * <pre>{@code
 * try (TableUnderTest table = jig.bootTable(config)) {
 *     jig.setButtonPressed(Button.DOWN, true);
 *     assertTrue(table.runUntil(jig::enableHigh, Duration.ofSeconds(1)), "DOWN never enabled the bridge");
 * }
 * }</pre>
 *
 * <p>Only the test's thread calls it.
 */
public interface TableUnderTest extends AutoCloseable {
    /** Lets time pass by a small step: a fraction of a millisecond on a Pi, 1 ms of simulated time on the mocks. */
    void step();

    /** The table's clock, in nanoseconds: the system's on a Pi, the simulated one on the mocks. */
    long nanoTime();

    /** The last tick the controller finished, or null before the first. */
    TickRecord lastTick();

    /** Makes the control thread hang inside a tick (as a stuck thread or a long GC pause would) until {@link #resumeLoop}. */
    void stallLoop();

    void resumeLoop();

    /** The orderly stop: motor off, threads joined, the outputs' shutdown states applied. Idempotent. */
    @Override
    void close();

    /** Steps until {@code condition} holds or {@code timeout} has passed; true when it held. */
    default boolean runUntil(BooleanSupplier condition, Duration timeout) {
        long deadline = nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (nanoTime() - deadline >= 0) {
                return condition.getAsBoolean();
            }
            step();
        }
        return true;
    }

    /** Lets the table run for {@code duration}, calling {@code sample} after every step. */
    default void runFor(Duration duration, Runnable sample) {
        long end = nanoTime() + duration.toNanos();
        while (nanoTime() - end < 0) {
            step();
            sample.run();
        }
    }

    default void runFor(Duration duration) {
        runFor(duration, () -> { });
    }
}
