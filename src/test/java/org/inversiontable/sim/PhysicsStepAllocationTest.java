package org.inversiontable.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.inversiontable.config.Config;
import org.inversiontable.hardware.Button;
import org.inversiontable.scenario.ButtonAction;
import org.inversiontable.scenario.SimulatedSession;
import org.inversiontable.scenario.StartState;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * SPEC §11 (the simulation's physics allocation-free, as a goal): in steady state a physics step
 * (the table, the relay, the H-bridge's lines read back, the IMU's samples shown to the fake
 * MPU-6050, the contacts set) allocates nothing. Counted with the thread's allocated-bytes
 * counter over thousands of 1 ms steps in simulated time, moves and holds included; no timing.
 * The control ticks between them are not counted (the control loop's own figure is another test's).
 */
class PhysicsStepAllocationTest {
    private static final long MS = 1_000_000L;
    private static final long TICK = 10 * MS;

    @Test
    void aSteadyStatePhysicsStepAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = threads();
        try (SimulatedSession session = new SimulatedSession(Config.defaults(), StartState.defaults())) {
            Moves warmUp = new Moves(session, 0L);
            warmUp.cycles(threads, 12);
            Moves measured = new Moves(session, warmUp.endNanos);
            measured.cycles(threads, 6);
            assertTrue(measured.steps >= 5_000, "steps measured: " + measured.steps);
            assertTrue(session.table().elapsedNanos() > 0 && measured.moved, "the table moved while measured");
            assertEquals(0L, measured.bytes, measured.bytes + " B over " + measured.steps
                    + " physics steps (first allocating step at t = " + measured.firstAllocatingStepNanos / MS + " ms)");
        }
    }

    private static com.sun.management.ThreadMXBean threads() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs com.sun.management.ThreadMXBean");
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported(), "thread allocation counter unsupported");
        threads.setThreadAllocatedMemoryEnabled(true);
        return threads;
    }

    /** Down 4 s, hold 1 s, up 4 s, hold 1 s: the controller ticks, only the steps between ticks are counted. */
    private static final class Moves {
        private final SimulatedSession session;
        private long nowNanos;
        long endNanos;
        long bytes;
        long steps;
        long firstAllocatingStepNanos = -1;
        boolean moved;

        Moves(SimulatedSession session, long startNanos) {
            this.session = session;
            this.nowNanos = startNanos;
        }

        void cycles(com.sun.management.ThreadMXBean threads, int count) {
            for (int c = 0; c < count; c++) {
                phase(threads, Button.DOWN, true, 4000);
                phase(threads, Button.DOWN, false, 1000);
                phase(threads, Button.UP, true, 4000);
                phase(threads, Button.UP, false, 1000);
            }
            endNanos = nowNanos;
        }

        private void phase(com.sun.management.ThreadMXBean threads, Button button, boolean pressed, long ms) {
            session.apply(new ButtonAction(button, pressed));
            long end = nowNanos + ms * MS;
            while (nowNanos < end) {
                session.runUntil(nowNanos, PhysicsStepAllocationTest::ignore);   // the tick at nowNanos
                double before = session.table().angleTrueDeg();
                long mark = threads.getCurrentThreadAllocatedBytes();
                session.hangControlLoop(TICK);                                   // ten physics steps, no tick
                long allocated = threads.getCurrentThreadAllocatedBytes() - mark;
                if (allocated != 0 && firstAllocatingStepNanos < 0) {
                    firstAllocatingStepNanos = nowNanos;
                }
                bytes += allocated;
                steps += TICK / MS;
                moved |= session.table().angleTrueDeg() != before;
                nowNanos += TICK;
            }
        }
    }

    private static void ignore(TraceRow row) {
        // the rows are another test's business
    }
}
