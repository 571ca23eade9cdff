package org.inversiontable.pi;

import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import org.inversiontable.control.ControlLoop;

/**
 * Sends systemd's {@code WATCHDOG=1} from the control thread after a tick, while it is healthy:
 * the runtime has not failed, and the tick came on time (no more than {@value #MAX_LATE_PERIODS}
 * periods after the one before, the {@code loop_overrun} bound of SPEC §6). At most once every
 * half of {@code WATCHDOG_USEC}, as sd_watchdog_enabled(3) advises, so systemd restarts a
 * program whose control thread hangs, while a table that is merely latched in a fault (which
 * must keep running for limp home) keeps its process.
 *
 * <pre>{@code
 * OptionalLong every = WatchdogPinger.intervalNanos(System.getenv(), ProcessHandle.current().pid());
 * WatchdogPinger pinger = new WatchdogPinger(notifier, every.getAsLong(), () -> !runtime.failed());
 * // in TickHooks.afterTick(record): pinger.afterTick(record.timeNanos());
 * }</pre>
 *
 * <p>Confined to the control thread (plain fields); the notifier and the health supplier are
 * safe from any thread.
 */
public final class WatchdogPinger {
    static final int MAX_LATE_PERIODS = 3;

    private final ServiceNotifier notifier;
    private final long intervalNanos;
    private final BooleanSupplier healthy;
    private long lastTickNanos;
    private long lastPingNanos;
    private boolean ticked;
    private boolean pinged;

    public WatchdogPinger(ServiceNotifier notifier, long intervalNanos, BooleanSupplier healthy) {
        if (notifier == null || healthy == null || intervalNanos <= 0) {
            throw new IllegalArgumentException("notifier and healthy must be given and intervalNanos positive, was "
                    + intervalNanos);
        }
        this.notifier = notifier;
        this.intervalNanos = intervalNanos;
        this.healthy = healthy;
    }

    /**
     * Half of {@code WATCHDOG_USEC}, in nanoseconds, when systemd watches this process: the
     * variable is set and positive, and {@code WATCHDOG_PID}, if set, is this process.
     */
    public static OptionalLong intervalNanos(Map<String, String> environment, long pid) {
        String usec = environment.getOrDefault("WATCHDOG_USEC", "").trim();
        String forPid = environment.getOrDefault("WATCHDOG_PID", "").trim();
        try {
            long micros = Long.parseLong(usec);
            if (micros <= 0 || (!forPid.isEmpty() && Long.parseLong(forPid) != pid)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(micros * 1_000L / 2);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** After each tick, on the control thread, with the tick's time. */
    public void afterTick(long tickNanos) {
        boolean onTime = !ticked || tickNanos - lastTickNanos <= MAX_LATE_PERIODS * ControlLoop.PERIOD_NANOS;
        ticked = true;
        lastTickNanos = tickNanos;
        if (!onTime || !healthy.getAsBoolean()) {
            return;
        }
        if (!pinged || tickNanos - lastPingNanos >= intervalNanos) {
            pinged = true;
            lastPingNanos = tickNanos;
            notifier.watchdog();
        }
    }
}
