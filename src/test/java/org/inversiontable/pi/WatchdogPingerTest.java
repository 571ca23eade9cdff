package org.inversiontable.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** systemd's WATCHDOG=1 from the control thread: only while healthy, at most every half WATCHDOG_USEC. */
class WatchdogPingerTest {
    private static final long MS = 1_000_000L;
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    /** WatchdogSec=2: WATCHDOG_USEC=2000000, so a ping at most once a second. */
    private final WatchdogPinger pinger = new WatchdogPinger(notifier, 1_000 * MS, healthy::get);

    /** Ticks every 10 ms from {@code fromMs} for {@code forMs}. */
    private long tick(long fromMs, long forMs) {
        long t = fromMs;
        for (; t < fromMs + forMs; t += 10) {
            pinger.afterTick(t * MS);
        }
        return t;
    }

    @Test
    void healthyTicksPingAtMostOnceEveryHalfOfWatchdogUsec() {
        tick(0, 5_000);
        assertEquals(List.of("WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1"), notifier.sent);
    }

    @Test
    void noPingWhileTheRuntimeIsNotHealthy() {
        long t = tick(0, 1_500);
        assertEquals(2, notifier.sent.size());
        healthy.set(false);
        t = tick(t, 5_000);
        assertEquals(2, notifier.sent.size(), "no WATCHDOG=1 while unhealthy");
        healthy.set(true);
        tick(t, 10);
        assertEquals(3, notifier.sent.size());
    }

    @Test
    void aTickLateByMoreThanThreePeriodsIsNotPinged() {
        pinger.afterTick(0);
        assertEquals(1, notifier.sent.size());
        pinger.afterTick(1_040 * MS);   // 1.04 s after the tick before: the control thread stalled
        assertEquals(1, notifier.sent.size(), "a stalled control thread must not ping");
        pinger.afterTick(1_050 * MS);   // on time again
        assertEquals(2, notifier.sent.size());
        pinger.afterTick(1_080 * MS);   // three periods late: still on time by SPEC §6
        assertEquals(2, notifier.sent.size(), "rate-limited");
    }

    @Test
    void theIntervalIsHalfOfWatchdogUsecForThisProcessOnly() {
        assertEquals(OptionalLong.of(1_000 * MS), WatchdogPinger.intervalNanos(Map.of("WATCHDOG_USEC", "2000000"), 42));
        assertEquals(OptionalLong.of(1_000 * MS),
                WatchdogPinger.intervalNanos(Map.of("WATCHDOG_USEC", "2000000", "WATCHDOG_PID", "42"), 42));
        assertTrue(WatchdogPinger.intervalNanos(Map.of("WATCHDOG_USEC", "2000000", "WATCHDOG_PID", "7"), 42).isEmpty());
        assertTrue(WatchdogPinger.intervalNanos(Map.of(), 42).isEmpty());
        assertTrue(WatchdogPinger.intervalNanos(Map.of("WATCHDOG_USEC", "0"), 42).isEmpty());
        assertTrue(WatchdogPinger.intervalNanos(Map.of("WATCHDOG_USEC", "soon"), 42).isEmpty());
    }

    @Test
    void withoutNotifySocketTheNotifierDoesNothing() {
        ServiceNotifier none = SdNotify.fromEnvironment(Map.of());
        assertEquals(ServiceNotifier.NONE, none);
        none.ready();
        none.watchdog();
        none.stopping();
    }

    /** What a fake systemd heard, in order. Safe from any thread. */
    static final class RecordingNotifier implements ServiceNotifier {
        final List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void ready() {
            sent.add("READY=1");
        }

        @Override
        public void watchdog() {
            sent.add("WATCHDOG=1");
        }

        @Override
        public void stopping() {
            sent.add("STOPPING=1");
        }
    }
}
