package org.inversiontable.display;

import org.inversiontable.control.TableState;
import org.inversiontable.control.TickRecord;
import org.inversiontable.safety.FaultCode;

/**
 * The newest status for the display, handed from the control thread to the display thread without
 * a lock and without allocating on the tick (SPEC §11, §12): the control thread writes a handful of
 * primitives and references after each tick, the display thread takes a consistent copy a few
 * times a second.
 *
 * <pre>{@code
 * // control thread, in TickHooks.afterTick:
 * feed.publish(record, profileName, levelIndex);
 * // display thread:
 * DisplayFeed.Published p = feed.latest();    // null before the first tick
 * }</pre>
 *
 * <p>Thread-safety: a sequence lock for one writer (the control thread) and any number of readers.
 * The writer makes the sequence odd, writes the fields, makes it even again; a reader reads the
 * sequence, the fields, and the sequence again, and keeps the copy only when both reads are the
 * same even number. Every field is volatile, so the Java memory model orders these accesses as
 * written (no fence tricks needed). The writer never waits and never allocates (the state, fault
 * and profile name are references to existing objects); a reader that keeps colliding with the
 * writer gives up after {@link #MAX_READ_ATTEMPTS} and the display shows its previous picture.
 */
public final class DisplayFeed {
    /** A 100 Hz writer that takes ~100 ns per publish collides with a reader rarely; this is ample. */
    static final int MAX_READ_ATTEMPTS = 64;

    private volatile long sequence;
    private volatile long publishedNanos;
    private volatile double angleMeasDeg;
    private volatile double invertedS;
    private volatile double limitInvertedS;
    private volatile TableState state;
    private volatile FaultCode fault;
    private volatile String profileName;
    private volatile int levelIndex;

    /** A consistent copy: the status and the control clock's time of the tick it came from. */
    public record Published(DisplayStatus status, long atNanos) {
    }

    /**
     * After a tick, on the control thread only (one writer): the record names the profile and
     * level in force (SPEC §13), strings the process already holds, so nothing is allocated.
     */
    public void publish(TickRecord r) {
        publish(r.timeNanos(), r.angleMeasDeg(), r.invertedS(), r.limitInvertedS(), r.state(), r.fault(), r.profile(),
                r.level() < 0 ? DisplayStatus.NO_LEVEL : r.level());
    }

    /** As above, from the values themselves. */
    public void publish(long timeNanos, double angleMeasDeg, double invertedS, double limitInvertedS,
            TableState state, FaultCode fault, String profileName, int levelIndex) {
        long s = sequence;
        sequence = s + 1;
        this.publishedNanos = timeNanos;
        this.angleMeasDeg = angleMeasDeg;
        this.invertedS = invertedS;
        this.limitInvertedS = limitInvertedS;
        this.state = state;
        this.fault = fault;
        this.profileName = profileName;
        this.levelIndex = levelIndex;
        sequence = s + 2;
    }

    /** The newest consistent status, or null before the first publish (or after too many collisions). */
    public Published latest() {
        for (int attempt = 0; attempt < MAX_READ_ATTEMPTS; attempt++) {
            long before = sequence;
            if (before == 0) {
                return null;
            }
            if ((before & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            long at = publishedNanos;
            double angle = angleMeasDeg;
            double inverted = invertedS;
            double limit = limitInvertedS;
            TableState st = state;
            FaultCode f = fault;
            String profile = profileName;
            int level = levelIndex;
            if (sequence == before) {
                return new Published(new DisplayStatus(Double.isFinite(angle) ? angle : Double.NaN,
                        finiteOrZero(inverted), finiteOrZero(limit), st, f, profile,
                        Math.max(DisplayStatus.NO_LEVEL, level)), at);
            }
        }
        return null;
    }

    /** A time that is not a finite non-negative number is shown as none, rather than failing the display. */
    private static double finiteOrZero(double seconds) {
        return Double.isFinite(seconds) && seconds >= 0 ? seconds : 0.0;
    }
}
