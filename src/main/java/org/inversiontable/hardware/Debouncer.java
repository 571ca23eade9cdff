package org.inversiontable.hardware;

/**
 * Debounces one sampled contact: a new level is accepted once it has been read unchanged for
 * the debounce time. Pure: the caller supplies the raw level and the time of each sample.
 *
 * <pre>{@code
 * Debouncer up = Debouncer.symmetric(20_000_000L, false);          // a button: both edges debounced
 * Debouncer estop = Debouncer.immediateWhenTrue(20_000_000L, true); // stop at once, release debounced
 * boolean pressed = up.update(rawPressed, clock.nanoTime());
 * }</pre>
 *
 * <p>With {@link #immediateWhenTrue} the {@code true} level (e-stop "stop", end-stop "at home")
 * is taken on the first sample that shows it: a safety input must never wait for its contact to
 * settle before it acts; only its return to the normal state waits, so that a bouncing contact
 * cannot release it early.
 */
public final class Debouncer {
    private final long debounceNanos;
    private final boolean trueIsImmediate;
    private boolean level;
    private boolean pending;
    private long pendingSinceNanos;

    private Debouncer(long debounceNanos, boolean initialLevel, boolean trueIsImmediate) {
        if (debounceNanos < 0) {
            throw new IllegalArgumentException("debounceNanos must not be negative, was " + debounceNanos);
        }
        this.debounceNanos = debounceNanos;
        this.trueIsImmediate = trueIsImmediate;
        this.level = initialLevel;
    }

    /** Both edges wait for the debounce time. */
    public static Debouncer symmetric(long debounceNanos, boolean initialLevel) {
        return new Debouncer(debounceNanos, initialLevel, false);
    }

    /** {@code true} is accepted at once; only the return to {@code false} is debounced. */
    public static Debouncer immediateWhenTrue(long debounceNanos, boolean initialLevel) {
        return new Debouncer(debounceNanos, initialLevel, true);
    }

    /** Feeds one sample and returns the debounced level. */
    public boolean update(boolean rawLevel, long nowNanos) {
        if (rawLevel == level) {
            pending = false;
        } else if (rawLevel && trueIsImmediate) {
            level = true;
            pending = false;
        } else if (!pending) {
            pending = true;
            pendingSinceNanos = nowNanos;
            if (debounceNanos == 0) {
                level = rawLevel;
                pending = false;
            }
        } else if (nowNanos - pendingSinceNanos >= debounceNanos) {
            level = rawLevel;
            pending = false;
        }
        return level;
    }

    public boolean level() {
        return level;
    }
}
