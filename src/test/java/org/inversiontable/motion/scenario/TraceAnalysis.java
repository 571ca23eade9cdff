package org.inversiontable.motion.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.inversiontable.trace.TraceRow;

/**
 * Measures the motion of a run on the TRUE angle of its trace (SPEC §3, §5, §10): speed and
 * acceleration series, the worst of each per direction, overshoot and settle error of a move,
 * the intervals of each state, and whether the H-bridge was enabled outside a move.
 *
 * <pre>{@code
 * ScenarioHarness.Run run = ScenarioHarness.run(text);
 * TraceAnalysis a = TraceAnalysis.of(run.rows());
 * a.assertWithinLimits("preset from home", 5.0, 3.0, 3.0);   // prints and asserts the worst figures
 * double overshoot = a.overshootDeg(20.0, 1.0);
 * }</pre>
 *
 * <p><b>Windows.</b> The SPEC's limits are on the motion profile; the true angle follows it
 * through a 0.12 s actuator lag, 1 % PWM steps and a position loop that corrects 0.3 deg sensor
 * noise, so tick-to-tick (10 ms) differences of the true angle are dominated by those steps and
 * say little about the motion the user feels. Speed is therefore a difference over
 * {@link #WINDOW_TICKS} ticks (50 ms), centred between its two rows; acceleration is the
 * difference of two such speeds 50 ms apart (a second difference over 100 ms of rows, centred
 * on the middle row). The plant is allowed {@link #SPEED_TOLERANCE_DEG_S} and
 * {@link #ACCELERATION_TOLERANCE_DEG_S2} over the limits for its lag and load, and a speed step
 * of {@link #CREEP_SPEED_DEG_S} at the edge of a standstill (static friction of the self-locking
 * screw). {@link #figures()} also prints the acceleration with speeds 200 ms apart, which shows
 * how much of the 50 ms figure is vibration rather than motion.
 */
final class TraceAnalysis {
    /** Ticks (10 ms each) over which speed is differenced: 50 ms. */
    static final int WINDOW_TICKS = 5;
    /** Allowance of the plant over the profile's speed limit (lag, load, position corrections). */
    static final double SPEED_TOLERANCE_DEG_S = 0.25;
    /** Allowance of the plant over the profile's acceleration limit, measured over 50 ms windows. */
    static final double ACCELERATION_TOLERANCE_DEG_S2 = 1.0;
    /**
     * The self-locking screw cannot turn slower than the user's weight drives it once the duty
     * leaves the deadband (SimulatedTable: noLoadSpeed * m g comOffset cos(angle) / stallTorque,
     * 0.98 deg/s for 150 kg at 0 deg), and stops within its 20 ms brake lag when the duty falls
     * back into it. A speed step of up to this much at the edge of a standstill is the plant's
     * static friction, not the controller's doing: it is taken off the acceleration of any pair of
     * windows one of which is at or below this speed. A cut from 5 deg/s still reads 80 deg/s^2.
     */
    static final double CREEP_SPEED_DEG_S = 1.0;
    /** Span (ticks) of the longer acceleration figure printed beside the standard one: 200 ms. */
    static final int LONG_SPAN_TICKS = 20;
    /** States in which the H-bridge may be enabled: a move is in progress (SPEC §5). */
    static final Set<String> MOVING_STATES = Set.of("MOVING", "RETURNING", "LIMP_HOME");

    /** A worst figure and when it happened. */
    record Extreme(double value, double atS) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.3f at t=%.2f s", value, atS);
        }
    }

    /** A run of consecutive rows in one state, from the first row's time to the last row's time. */
    record StateInterval(String state, double fromS, double toS) {
        double durationS() {
            return toS - fromS;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %.2f..%.2f", state, fromS, toS);
        }
    }

    private final List<TraceRow> rows;
    /** Centred-window speed (deg/s, + toward inversion) and the time it is centred on. */
    private final double[] speedDegPerS;
    private final double[] speedAtS;
    private final double[] accelDegPerS2;
    private final double[] accelAtS;

    private final int windowTicks;

    private TraceAnalysis(List<TraceRow> rows, int windowTicks) {
        this.rows = List.copyOf(rows);
        this.windowTicks = windowTicks;
        int n = Math.max(0, rows.size() - windowTicks);
        speedDegPerS = new double[n];
        speedAtS = new double[n];
        for (int i = 0; i < n; i++) {
            TraceRow a = rows.get(i);
            TraceRow b = rows.get(i + windowTicks);
            speedDegPerS[i] = (b.angleTrueDeg() - a.angleTrueDeg()) / (b.tS() - a.tS());
            speedAtS[i] = 0.5 * (a.tS() + b.tS());
        }
        int m = Math.max(0, n - windowTicks);
        accelDegPerS2 = new double[m];
        accelAtS = new double[m];
        for (int i = 0; i < m; i++) {
            accelDegPerS2[i] = acceleration(i, windowTicks);
            accelAtS[i] = 0.5 * (speedAtS[i] + speedAtS[i + windowTicks]);
        }
    }

    /**
     * The change of speed between the windows at {@code i} and {@code i + spanTicks}, per second,
     * less the {@link #CREEP_SPEED_DEG_S} step the plant may make when one of them is at or below
     * its creep speed; signed like the change.
     */
    private double acceleration(int i, int spanTicks) {
        double from = speedDegPerS[i];
        double to = speedDegPerS[i + spanTicks];
        double changeDegPerS = to - from;
        if (Math.min(Math.abs(from), Math.abs(to)) <= CREEP_SPEED_DEG_S) {
            changeDegPerS = Math.signum(changeDegPerS) * Math.max(0.0, Math.abs(changeDegPerS) - CREEP_SPEED_DEG_S);
        }
        return changeDegPerS / (speedAtS[i + spanTicks] - speedAtS[i]);
    }

    /** The worst |acceleration| with the speeds {@code spanTicks} apart (a longer span averages vibration). */
    Extreme maxAbsAccelerationOver(int spanTicks) {
        Extreme worst = new Extreme(0.0, rows.get(0).tS());
        for (int i = 0; i + spanTicks < speedDegPerS.length; i++) {
            double a = Math.abs(acceleration(i, spanTicks));
            if (a > worst.value()) {
                worst = new Extreme(a, 0.5 * (speedAtS[i] + speedAtS[i + spanTicks]));
            }
        }
        return worst;
    }

    static TraceAnalysis of(List<TraceRow> rows) {
        return of(rows, WINDOW_TICKS);
    }

    /** With a window other than the standard {@link #WINDOW_TICKS}, to show how the figures depend on it. */
    static TraceAnalysis of(List<TraceRow> rows, int windowTicks) {
        if (windowTicks < 1 || rows.size() < 2 * windowTicks + 1) {
            throw new IllegalArgumentException("need at least " + (2 * windowTicks + 1) + " rows, got " + rows.size());
        }
        return new TraceAnalysis(rows, windowTicks);
    }

    /** The rows from {@code fromS} to {@code toS} (inclusive), analysed on their own. */
    TraceAnalysis between(double fromS, double toS) {
        return of(rows.stream().filter(r -> r.tS() >= fromS - 1e-9 && r.tS() <= toS + 1e-9).toList(), windowTicks);
    }

    List<TraceRow> rows() {
        return rows;
    }

    double[] speedsDegPerS() {
        return speedDegPerS.clone();
    }

    double[] speedTimesS() {
        return speedAtS.clone();
    }

    double[] accelerationsDegPerS2() {
        return accelDegPerS2.clone();
    }

    /** Speed (deg/s) of the window centred nearest to {@code tS}. */
    double speedAt(double tS) {
        int best = 0;
        for (int i = 1; i < speedAtS.length; i++) {
            if (Math.abs(speedAtS[i] - tS) < Math.abs(speedAtS[best] - tS)) {
                best = i;
            }
        }
        return speedDegPerS[best];
    }

    Extreme maxSpeedTowardInversion() {
        return max(speedDegPerS, speedAtS, 1.0);
    }

    Extreme maxSpeedTowardUpright() {
        return max(speedDegPerS, speedAtS, -1.0);
    }

    Extreme maxAbsAcceleration() {
        Extreme up = max(accelDegPerS2, accelAtS, 1.0);
        Extreme down = max(accelDegPerS2, accelAtS, -1.0);
        return up.value() >= down.value() ? up : down;
    }

    private static Extreme max(double[] values, double[] times, double sign) {
        Extreme worst = new Extreme(0.0, times.length > 0 ? times[0] : 0.0);
        for (int i = 0; i < values.length; i++) {
            if (sign * values[i] > worst.value()) {
                worst = new Extreme(sign * values[i], times[i]);
            }
        }
        return worst;
    }

    Extreme maxTrueAngle() {
        TraceRow worst = rows.get(0);
        for (TraceRow r : rows) {
            if (r.angleTrueDeg() > worst.angleTrueDeg()) {
                worst = r;
            }
        }
        return new Extreme(worst.angleTrueDeg(), worst.tS());
    }

    Extreme minTrueAngle() {
        TraceRow worst = rows.get(0);
        for (TraceRow r : rows) {
            if (r.angleTrueDeg() < worst.angleTrueDeg()) {
                worst = r;
            }
        }
        return new Extreme(worst.angleTrueDeg(), worst.tS());
    }

    /**
     * How far (deg, >= 0) the true angle went past {@code targetDeg} in the direction of travel of
     * a move that starts at {@code fromS}; the direction is from the angle at {@code fromS}
     * toward the target.
     */
    double overshootDeg(double targetDeg, double fromS) {
        double startDeg = at(fromS).angleTrueDeg();
        double sign = Math.signum(targetDeg - startDeg);
        double worst = 0.0;
        for (TraceRow r : rows) {
            if (r.tS() >= fromS - 1e-9) {
                worst = Math.max(worst, sign * (r.angleTrueDeg() - targetDeg));
            }
        }
        return worst;
    }

    /** Largest |true angle - target| (deg) over the rows from {@code fromS} to {@code toS}. */
    double settleErrorDeg(double targetDeg, double fromS, double toS) {
        double worst = 0.0;
        for (TraceRow r : rows) {
            if (r.tS() >= fromS - 1e-9 && r.tS() <= toS + 1e-9) {
                worst = Math.max(worst, Math.abs(r.angleTrueDeg() - targetDeg));
            }
        }
        return worst;
    }

    /** The last row at or before {@code tS}. */
    TraceRow at(double tS) {
        TraceRow last = null;
        for (TraceRow r : rows) {
            if (r.tS() > tS + 1e-9) {
                break;
            }
            last = r;
        }
        if (last == null) {
            throw new AssertionError("no row at or before t = " + tS + " s");
        }
        return last;
    }

    /** The first row at or after {@code fromS} that matches, or null. */
    TraceRow first(double fromS, Predicate<TraceRow> matching) {
        for (TraceRow r : rows) {
            if (r.tS() >= fromS - 1e-9 && matching.test(r)) {
                return r;
            }
        }
        return null;
    }

    TraceRow firstEnabled() {
        return first(rows.get(0).tS(), TraceRow::enabled);
    }

    /** The last row with the H-bridge enabled, or null. */
    TraceRow lastEnabled() {
        TraceRow last = null;
        for (TraceRow r : rows) {
            if (r.enabled()) {
                last = r;
            }
        }
        return last;
    }

    /** Every run of consecutive rows in one state, in order. */
    List<StateInterval> stateIntervals() {
        List<StateInterval> out = new ArrayList<>();
        TraceRow start = rows.get(0);
        TraceRow previous = start;
        for (TraceRow r : rows) {
            if (!r.state().equals(start.state())) {
                out.add(new StateInterval(start.state(), start.tS(), previous.tS()));
                start = r;
            }
            previous = r;
        }
        out.add(new StateInterval(start.state(), start.tS(), previous.tS()));
        return out;
    }

    List<StateInterval> intervalsOf(String state) {
        return stateIntervals().stream().filter(i -> i.state().equals(state)).toList();
    }

    /** Runs of consecutive rows with the H-bridge enabled, as intervals named "ENABLED". */
    List<StateInterval> enabledIntervals() {
        List<StateInterval> out = new ArrayList<>();
        TraceRow start = null;
        TraceRow previous = null;
        for (TraceRow r : rows) {
            if (r.enabled() && start == null) {
                start = r;
            } else if (!r.enabled() && start != null) {
                out.add(new StateInterval("ENABLED", start.tS(), previous.tS()));
                start = null;
            }
            previous = r;
        }
        if (start != null) {
            out.add(new StateInterval("ENABLED", start.tS(), previous.tS()));
        }
        return out;
    }

    /** Rows with the H-bridge enabled in a state that is not a move (SPEC §5: enabled only while moving). */
    List<TraceRow> enabledOutsideMoves() {
        return rows.stream().filter(r -> r.enabled() && !MOVING_STATES.contains(r.state())).toList();
    }

    /** The worst figures of the run, one line, for assertion messages and the report. */
    String figures() {
        return String.format(Locale.ROOT,
                "max speed toward inversion %s deg/s, toward upright %s deg/s, max |accel| %s deg/s^2 "
                        + "(speeds %d ticks apart; %s with speeds %d ticks apart), true angle %s .. %s deg",
                maxSpeedTowardInversion(), maxSpeedTowardUpright(), maxAbsAcceleration(), windowTicks,
                maxAbsAccelerationOver(LONG_SPAN_TICKS), LONG_SPAN_TICKS, minTrueAngle(), maxTrueAngle());
    }

    /**
     * Asserts speed toward inversion <= vMax, toward upright <= vReturn and |acceleration| <=
     * aMax, each plus the plant's tolerance; prints the figures either way.
     */
    void assertWithinLimits(String label, double vMaxDegPerS, double vReturnDegPerS, double aMaxDegPerS2) {
        String figures = label + ": " + figures();
        System.out.println(figures);
        Extreme down = maxSpeedTowardInversion();
        Extreme up = maxSpeedTowardUpright();
        Extreme accel = maxAbsAcceleration();
        StringBuilder problems = new StringBuilder();
        if (down.value() > vMaxDegPerS + SPEED_TOLERANCE_DEG_S) {
            problems.append(String.format(Locale.ROOT, "%n speed toward inversion %s > v_max %.2f + %.2f",
                    down, vMaxDegPerS, SPEED_TOLERANCE_DEG_S));
        }
        if (up.value() > vReturnDegPerS + SPEED_TOLERANCE_DEG_S) {
            problems.append(String.format(Locale.ROOT, "%n speed toward upright %s > v_return %.2f + %.2f",
                    up, vReturnDegPerS, SPEED_TOLERANCE_DEG_S));
        }
        if (accel.value() > aMaxDegPerS2 + ACCELERATION_TOLERANCE_DEG_S2) {
            problems.append(String.format(Locale.ROOT, "%n |acceleration| %s > a_max %.2f + %.2f",
                    accel, aMaxDegPerS2, ACCELERATION_TOLERANCE_DEG_S2));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(figures + problems);
        }
    }

    /** A table of time, true angle and speed every {@code stepS} from {@code fromS} to {@code toS}. */
    String table(double fromS, double toS, double stepS) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%8s %10s %10s %9s%n",
                "t_s", "angle_deg", "speed_deg_s", "state"));
        for (double t = fromS; t <= toS + 1e-9; t += stepS) {
            TraceRow r = at(t);
            out.append(String.format(Locale.ROOT, "%8.1f %10.2f %10.2f %9s%n", t, r.angleTrueDeg(), speedAt(t),
                    r.state()));
        }
        return out.toString();
    }
}
