package org.inversiontable.motion.scenario;

import java.util.List;
import java.util.Locale;
import org.inversiontable.trace.TraceRow;

/**
 * The true angle's speed and acceleration measured the way SPEC §5 words its limits: speed as the
 * mean over any 1 s window, acceleration as the change of speed across any 0.2 s window (the
 * speed at each end being that of one 10 ms tick of the true angle, which the plant's lag keeps
 * smooth). Every window of the run counts, the end of each move included.
 *
 * <pre>{@code
 * SpecWindows w = SpecWindows.of(run.rows());
 * assertTrue(w.maxSpeedTowardInversion().value() <= 1.10 * vMax, w.figures());
 * }</pre>
 */
record SpecWindows(List<TraceRow> rows) {
    static final double SPEED_WINDOW_S = 1.0;
    static final double ACCELERATION_WINDOW_S = 0.2;
    /** SPEC §5: speed within +10 % over 1 s windows, acceleration within +40 % over 0.2 s windows. */
    static final double SPEED_MARGIN = 1.10;
    static final double ACCELERATION_MARGIN = 1.40;

    static SpecWindows of(List<TraceRow> rows) {
        return new SpecWindows(List.copyOf(rows));
    }

    /** Worst mean speed toward inversion over a 1 s window (deg/s), and the window's start. */
    TraceAnalysis.Extreme maxSpeedTowardInversion() {
        return maxSpeed(1.0);
    }

    /** Worst mean speed toward upright over a 1 s window (deg/s, positive), and the window's start. */
    TraceAnalysis.Extreme maxSpeedTowardUpright() {
        return maxSpeed(-1.0);
    }

    private TraceAnalysis.Extreme maxSpeed(double sign) {
        int span = ticks(SPEED_WINDOW_S);
        TraceAnalysis.Extreme worst = new TraceAnalysis.Extreme(0.0, rows.get(0).tS());
        for (int i = 0; i + span < rows.size(); i++) {
            TraceRow a = rows.get(i);
            TraceRow b = rows.get(i + span);
            double v = sign * (b.angleTrueDeg() - a.angleTrueDeg()) / (b.tS() - a.tS());
            if (v > worst.value()) {
                worst = new TraceAnalysis.Extreme(v, a.tS());
            }
        }
        return worst;
    }

    /** Worst |change of tick speed| across a 0.2 s window, per second, and the window's start. */
    TraceAnalysis.Extreme maxAbsAcceleration() {
        int span = ticks(ACCELERATION_WINDOW_S);
        TraceAnalysis.Extreme worst = new TraceAnalysis.Extreme(0.0, rows.get(0).tS());
        for (int i = 0; i + span + 1 < rows.size(); i++) {
            double a = Math.abs(tickSpeed(i + span) - tickSpeed(i)) / (rows.get(i + span).tS() - rows.get(i).tS());
            if (a > worst.value()) {
                worst = new TraceAnalysis.Extreme(a, rows.get(i).tS());
            }
        }
        return worst;
    }

    /** The mean true angle (deg) from {@code fromS} to {@code toS}. */
    double meanTrueAngleDeg(double fromS, double toS) {
        return rows.stream().filter(r -> r.tS() >= fromS - 1e-9 && r.tS() <= toS + 1e-9)
                .mapToDouble(TraceRow::angleTrueDeg).average().orElseThrow();
    }

    private double tickSpeed(int i) {
        return (rows.get(i + 1).angleTrueDeg() - rows.get(i).angleTrueDeg()) / (rows.get(i + 1).tS() - rows.get(i).tS());
    }

    private int ticks(double windowS) {
        double tickS = rows.get(1).tS() - rows.get(0).tS();
        return (int) Math.round(windowS / tickS);
    }

    String figures() {
        return String.format(Locale.ROOT, "1 s speed toward inversion %s, toward upright %s deg/s; 0.2 s |accel| %s deg/s^2",
                maxSpeedTowardInversion(), maxSpeedTowardUpright(), maxAbsAcceleration());
    }
}
