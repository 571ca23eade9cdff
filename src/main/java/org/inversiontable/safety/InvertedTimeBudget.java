package org.inversiontable.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.inversiontable.motion.ReturnDuration;

/**
 * The inverted-time limit of SPEC §3: counts the time with angle &gt; 0 in a session and says
 * when the automatic return must start so that the table is back at angle &lt;= 0 <b>by</b> the
 * limit, not after it.
 *
 * <pre>{@code
 * InvertedTimeBudget budget = new InvertedTimeBudget(maxInvertedS, homeDeg,
 *         angleDeg -> profile.restToRestS(angleDeg, 0.0, vReturn, aMax, jMax), clock.nanoTime());
 * budget.restoreFrom(journal.invertedS(), journal.sessionActive());   // after a restart
 * // every tick:
 * for (InvertedTimeBudget.Event e : budget.update(now, imuCheck.acceptedAngleDeg(), homeSwitchOpen)) { ... }
 * if (budget.returnRequired()) { start or continue the automatic return; refuse DOWN }
 * }</pre>
 *
 * <p>A session starts when the angle rises more than {@value #HOME_BAND_DEG} deg above home and
 * ends only after the table has rested at home for {@value #SESSION_END_REST_S} s continuously;
 * only then is the count reset, so bouncing to flat and back, or a short stop at home, never
 * buys more time. Resting at home needs both references to agree (angle within the band and the
 * HOME switch at home): one failed sensor alone cannot end a session and reset the count.
 */
public final class InvertedTimeBudget {
    /** What an update can announce; each at most once per session, in this order. */
    public enum Event {
        /** SPEC §3: the automatic return will start in 60 s. */
        WARNING_60_S,
        /** SPEC §3: the automatic return will start in 10 s. */
        WARNING_10_S,
        /** From now on the table must go back to angle &lt;= 0 and must not go inverted again this session. */
        RETURN_REQUIRED
    }

    private static final double HOME_BAND_DEG = SafetySettings.HOME_BAND_DEG;
    public static final double SESSION_END_REST_S = 60.0;
    public static final double FIRST_WARNING_S = 60.0;
    public static final double SECOND_WARNING_S = 10.0;
    /** The angle assumed when none has been seen yet: the worst case, fully inverted. */
    private static final double UNKNOWN_ANGLE_DEG = 90.0;

    /** The session's limit: a profile's level may lower it between sessions (SPEC §13). */
    private double maxInvertedS;
    private final double homeDeg;
    private final DoubleUnaryOperator returnTimeS;

    private long lastNowNanos;
    private double lastKnownAngleDeg = Double.NaN;
    private double invertedS;
    private boolean sessionActive;
    private boolean restingAtHome;
    private long restingSinceNanos;
    private boolean warned60;
    private boolean warned10;
    private boolean returnRequired;

    /**
     * @param returnTimeS seconds to get from a positive angle to &lt;= 0 deg at the return speed,
     *                    ramps included (the motion generator's rest-to-rest duration)
     */
    /**
     * The limit of the sessions from now on. Only between sessions: a running session keeps the
     * limit it started with (the supervisor calls this only while no session runs).
     */
    public void limitTo(double newMaxInvertedS) {
        if (!Double.isFinite(newMaxInvertedS) || newMaxInvertedS <= 0 || newMaxInvertedS > 900) {
            throw new IllegalArgumentException("maxInvertedS must be within 0..900 s (SPEC §3 cap), was " + newMaxInvertedS);
        }
        if (sessionActive()) {
            throw new IllegalStateException("the inverted-time limit changes only between sessions");
        }
        maxInvertedS = newMaxInvertedS;
    }

    public InvertedTimeBudget(double maxInvertedS, double homeDeg, DoubleUnaryOperator returnTimeS, long startNanos) {
        if (!Double.isFinite(maxInvertedS) || maxInvertedS <= 0 || maxInvertedS > 900) {
            throw new IllegalArgumentException("maxInvertedS must be within 0..900 s (SPEC §3 cap), was " + maxInvertedS);
        }
        if (!Double.isFinite(homeDeg) || homeDeg < -70 || homeDeg > -HOME_BAND_DEG) {
            throw new IllegalArgumentException("homeDeg must be within -70.." + (-HOME_BAND_DEG) + " deg, was " + homeDeg);
        }
        if (returnTimeS == null) {
            throw new IllegalArgumentException("returnTimeS must not be null");
        }
        this.maxInvertedS = maxInvertedS;
        this.homeDeg = homeDeg;
        this.returnTimeS = returnTimeS;
        this.lastNowNanos = startNanos;
    }

    /**
     * @param angleDeg this tick's accepted angle, or NaN when the tick had none: the last known
     *                 angle then stands for it, so the count goes on while it was inverted
     * @param atHome   the HOME switch reads at home
     * @return the events this tick announces, usually none
     */
    public List<Event> update(long nowNanos, double angleDeg, boolean atHome) {
        Monotonic.require(lastNowNanos, nowNanos, "InvertedTimeBudget");
        double dtS = (nowNanos - lastNowNanos) / 1e9;
        lastNowNanos = nowNanos;
        double previousDeg = lastKnownAngleDeg;
        if (!Double.isNaN(angleDeg)) {
            lastKnownAngleDeg = angleDeg;
        }
        // The tick in which the table crossed 0 counts whole: rather a few ms too many than too few.
        if (previousDeg > 0 || lastKnownAngleDeg > 0) {
            invertedS += dtS;
        }
        trackSession(nowNanos, atHome);
        return sessionActive ? announce() : List.of();
    }

    private void trackSession(long nowNanos, boolean atHome) {
        boolean inHomeBand = lastKnownAngleDeg <= homeDeg + HOME_BAND_DEG;
        if (lastKnownAngleDeg > homeDeg + HOME_BAND_DEG) {
            sessionActive = true;
        }
        if (!sessionActive) {
            return;
        }
        if (!(inHomeBand && atHome)) {
            restingAtHome = false;
            return;
        }
        if (!restingAtHome) {
            restingAtHome = true;
            restingSinceNanos = nowNanos;
        }
        if ((nowNanos - restingSinceNanos) / 1e9 >= SESSION_END_REST_S) {
            endSession();
        }
    }

    private void endSession() {
        sessionActive = false;
        restingAtHome = false;
        invertedS = 0;
        warned60 = false;
        warned10 = false;
        returnRequired = false;
    }

    private List<Event> announce() {
        double untilReturnS = secondsUntilReturnStart();
        if (invertedS <= 0.0 && !(lastKnownAngleDeg > 0.0)) {
            // SPEC §3: a warning that falls due before the table has gone inverted in this session
            // is skipped, not sounded at the start: it would announce a return that is not near.
            warned60 |= untilReturnS <= FIRST_WARNING_S;
            warned10 |= untilReturnS <= SECOND_WARNING_S;
        }
        boolean warn60 = !warned60 && untilReturnS <= FIRST_WARNING_S;
        boolean warn10 = !warned10 && untilReturnS <= SECOND_WARNING_S;
        // Latched for the session: as the table comes up the estimate shrinks too, and a return
        // must not cancel itself half way; nor may the user go inverted again on a spent budget.
        boolean requireReturn = !returnRequired && untilReturnS <= 0;
        if (!(warn60 || warn10 || requireReturn)) {
            return List.of();
        }
        warned60 |= warn60;
        warned10 |= warn10;
        returnRequired |= requireReturn;
        List<Event> events = new ArrayList<>(3);
        if (warn60) {
            events.add(Event.WARNING_60_S);
        }
        if (warn10) {
            events.add(Event.WARNING_10_S);
        }
        if (requireReturn) {
            events.add(Event.RETURN_REQUIRED);
        }
        return List.copyOf(events);
    }

    /**
     * Seconds until the automatic return must start at the current angle: the budget left minus
     * the return time minus the margin; negative when overdue; +infinity outside a session.
     */
    public double secondsUntilReturnStart() {
        if (!sessionActive) {
            return Double.POSITIVE_INFINITY;
        }
        return maxInvertedS - invertedS - returnTimeFromS(lastKnownAngleDeg) - ReturnDuration.START_MARGIN_S;
    }

    private double returnTimeFromS(double angleDeg) {
        double fromDeg = Double.isNaN(angleDeg) ? UNKNOWN_ANGLE_DEG : angleDeg;
        if (fromDeg <= 0) {
            return 0;
        }
        double s = returnTimeS.applyAsDouble(fromDeg);
        // An estimate that cannot be believed must err toward returning now, not never.
        return Double.isNaN(s) ? Double.POSITIVE_INFINITY : Math.max(0, s);
    }

    /**
     * Takes over the journaled state after a restart (SPEC §7). A count above zero is always a
     * session, whatever the flag says: the journal must never hand out fresh time.
     */
    public void restoreFrom(double invertedS, boolean active) {
        restoreFrom(invertedS, active, false);
    }

    /**
     * The same, for a session in which the automatic return has already run: its budget stays
     * spent after the restart (SPEC §3), so the return is required at once (it waits for a press
     * all the same) and no move may go inverted again; its warnings have been given.
     */
    public void restoreFrom(double invertedS, boolean active, boolean returnRan) {
        if (!(invertedS >= 0) || Double.isInfinite(invertedS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "invertedS must be a finite number >= 0, was %s", invertedS));
        }
        this.invertedS = invertedS;
        this.sessionActive = active || invertedS > 0 || returnRan;
        this.restingAtHome = false;
        this.warned60 = returnRan;
        this.warned10 = returnRan;
        this.returnRequired = returnRan;
    }

    public double invertedS() {
        return invertedS;
    }

    public double remainingS() {
        return Math.max(0, maxInvertedS - invertedS);
    }

    public boolean sessionActive() {
        return sessionActive;
    }

    public boolean returnRequired() {
        return returnRequired;
    }
}
