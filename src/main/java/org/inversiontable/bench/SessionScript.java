package org.inversiontable.bench;

import java.util.List;
import org.inversiontable.hardware.Button;

/**
 * The scripted session the steady-state figures run through (SPEC §11: "a scripted session of
 * moves and holds"): hold-to-run moves down and up, holds in between, and a ramped return home,
 * repeated every {@link #CYCLE_NANOS}. It never goes past horizontal, so the inverted-time budget
 * never ends it with an automatic return, and it ends each cycle at home, so it can repeat forever.
 *
 * <pre>{@code
 * SessionScript script = new SessionScript();
 * int mask = script.buttonsAt(tNanos);   // the buttons held at t since the script's start
 * }</pre>
 */
public final class SessionScript {
    /** One cycle: down 6 s, hold, up 4 s, hold, down 4 s, hold, HOME clicked, the ramped return. */
    public static final long CYCLE_NANOS = 34_000_000_000L;
    /** The script waits this long after its start: the controller boots and settles first (SPEC §4). */
    public static final long LEAD_IN_NANOS = 1_000_000_000L;

    private record Press(Button button, long fromNanos, long toNanos) {
    }

    private static final List<Press> CYCLE = List.of(
            new Press(Button.DOWN, 0L, 6_000_000_000L),
            new Press(Button.UP, 9_000_000_000L, 13_000_000_000L),
            new Press(Button.DOWN, 16_000_000_000L, 20_000_000_000L),
            new Press(Button.HOME, 22_000_000_000L, 22_100_000_000L));

    /** The buttons held (one bit each, {@link Button#bit()}) at {@code tNanos} after the script's start. */
    public int buttonsAt(long tNanos) {
        if (tNanos < LEAD_IN_NANOS) {
            return 0;
        }
        long inCycle = (tNanos - LEAD_IN_NANOS) % CYCLE_NANOS;
        int mask = 0;
        for (Press p : CYCLE) {
            if (inCycle >= p.fromNanos() && inCycle < p.toNanos()) {
                mask |= p.button().bit();
            }
        }
        return mask;
    }
}
