package org.inversiontable.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.inversiontable.time.ManualClock;
import org.junit.jupiter.api.Test;

/** SPEC §12: absolute deadlines, no drift, no catch-up burst; on a fake clock, so machine-independent. */
class DeadlineLoopTest {
    private static final long PERIOD = 10_000_000L;
    private static final long START = 5_000_000_000L;

    private final ManualClock clock = new ManualClock(START);
    private final PeriodStats stats = new PeriodStats(PERIOD);
    /** Waiting moves the fake clock by exactly what was asked. */
    private final DeadlineLoop loop = new DeadlineLoop(clock, clock::advanceNanos, PERIOD, stats);
    private final List<Long> tickTimes = new ArrayList<>();

    private void run(int ticks, DeadlineLoop.Body work) {
        loop.run(now -> {
            tickTimes.add(now);
            work.tick(now);
        }, () -> tickTimes.size() < ticks);
    }

    @Test
    void deadlinesStayAbsoluteOverThousandsOfTicksWhateverEachTickTakes() {
        Random random = new Random(7);
        // Each tick takes 0..9.9 ms: a loop that slept one period after each tick would drift by it.
        run(20_000, now -> clock.advanceNanos(random.nextLong(9_900_000L)));
        for (int k = 0; k < tickTimes.size(); k++) {
            assertEquals(START + k * PERIOD, tickTimes.get(k), "tick " + k + " off its absolute deadline");
        }
        PeriodStats.Summary s = stats.summary();
        assertEquals(19_999, s.periods());
        assertEquals(0, s.jitterMaxMicros());
        assertEquals(10_000, s.periodP99Micros());
        assertEquals(0, s.skippedDeadlines());
    }

    @Test
    void aLateTickSkipsTheMissedDeadlinesInsteadOfBursting() {
        run(200, now -> {
            if (tickTimes.size() == 100) {
                clock.advanceNanos(35_000_000L); // tick 99 takes 3.5 periods
            }
        });
        assertEquals(START + 99 * PERIOD, tickTimes.get(99));
        // Deadlines 100..102 passed during the long tick: the next tick is at 103's (the next one
        // in the future, 1 period after the tick ended at 99's + 35 ms = 102.5 periods), then on.
        assertEquals(START + 103 * PERIOD, tickTimes.get(100));
        for (int i = 101; i < tickTimes.size(); i++) {
            assertEquals(PERIOD, tickTimes.get(i) - tickTimes.get(i - 1), "no catch-up burst after the late tick");
        }
        assertEquals(3, stats.summary().skippedDeadlines());
        assertEquals(40_000, stats.summary().periodMaxMicros());
    }

    @Test
    void aLateWakeUpGoesBackOnTheOriginalGrid() {
        DeadlineLoop oversleeping = new DeadlineLoop(clock, nanos -> {
            // The scheduler wakes the thread 25 ms late once.
            clock.advanceNanos(nanos + (tickTimes.size() == 50 ? 25_000_000L : 0L));
        }, PERIOD, stats);
        oversleeping.run(tickTimes::add, () -> tickTimes.size() < 100);
        assertEquals(START + 50 * PERIOD + 25_000_000L, tickTimes.get(50), "the late tick runs when it wakes");
        assertEquals(START + 53 * PERIOD, tickTimes.get(51), "then the next deadline of the original grid");
        assertEquals(START + 101 * PERIOD, tickTimes.get(99), "no drift after it");
    }

    @Test
    void periodStatisticsReportPercentilesAndTheExactMaximum() {
        PeriodStats p = new PeriodStats(PERIOD);
        long t = 0;
        p.tickStarted(t);
        for (int i = 0; i < 98; i++) {
            t += PERIOD + 20_000L; // 10.020 ms
            p.tickStarted(t);
        }
        t += 70_000_123L; // beyond the histogram's range: its maximum is still exact
        p.tickStarted(t);
        PeriodStats.Summary s = p.summary();
        assertEquals(99, s.periods());
        assertEquals(10_020, s.periodP50Micros());
        assertEquals(20, s.jitterP50Micros());
        assertEquals(PeriodStats.RANGE_MICROS, s.periodP99Micros(), "the 99th of 99 is beyond the range");
        assertEquals(70_000, s.periodMaxMicros());
        assertEquals(60_000, s.jitterMaxMicros());
    }

    @Test
    void theLoopAndItsStatisticsAllocateNothingPerTick() {
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported());
        long[] remaining = {20_000};
        DeadlineLoop.Body body = now -> remaining[0]--;
        java.util.function.BooleanSupplier more = () -> remaining[0] > 0;
        loop.run(body, more); // warm-up
        remaining[0] = 100_000;
        long before = mx.getCurrentThreadAllocatedBytes();
        loop.run(body, more);
        long bytes = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(bytes < 1_000, "100,000 ticks allocated " + bytes + " bytes");
    }
}
