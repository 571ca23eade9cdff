package org.inversiontable.scenario;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.inversiontable.trace.TraceRow;

/**
 * A readable account of a simulated session for the person at the terminal: each change of
 * state and each event with the time and the true angle, then the totals. Watches the rows as
 * they stream by and keeps only the lines it will print.
 */
public final class SessionTimeline implements Consumer<TraceRow> {
    /** Enough for a long session; a runaway scenario (a fault every tick) stays readable. */
    private static final int MAX_LINES = 60;
    /** Rows further apart than this with a boot on the later one: a power-off lay between them. */
    private static final double CUT_GAP_S = 1.5 * org.inversiontable.control.ControlLoop.PERIOD_NANOS / 1e9;

    private final List<String> lines = new ArrayList<>();
    private int omitted;
    private String previousState;
    private String previousFault;
    private double maxTrueAngleDeg = Double.NEGATIVE_INFINITY;
    private double maxInvertedS;
    private double lastTimeS = Double.NaN;
    private double offS;

    @Override
    public void accept(TraceRow row) {
        if (row.boot() != null && row.tS() - lastTimeS > CUT_GAP_S) {
            // A power-off: without this line the reader sees the time jump by days and not why.
            double cutS = row.tS() - lastTimeS;
            offS += cutS;
            add(String.format(Locale.ROOT, "%8.2f s  power back after %.1f s off (%.2f d)", row.tS(), cutS,
                    cutS / 86_400));
        }
        boolean stateChanged = !row.state().equals(previousState);
        boolean faultChanged = row.fault() != null && !row.fault().equals(previousFault);
        if (stateChanged || row.event() != null || faultChanged) {
            StringBuilder what = new StringBuilder(row.state());
            if (row.event() != null) {
                what.append("  event ").append(row.event());
            }
            if (row.fault() != null) {
                what.append("  fault ").append(row.fault());
            }
            add(String.format(Locale.ROOT, "%8.2f s  %-11s %7.2f deg  inverted %6.1f s  %s", row.tS(),
                    row.state(), row.angleTrueDeg(), row.invertedS(), what.substring(row.state().length()).strip()));
        }
        previousState = row.state();
        previousFault = row.fault();
        maxTrueAngleDeg = Math.max(maxTrueAngleDeg, row.angleTrueDeg());
        maxInvertedS = Math.max(maxInvertedS, row.invertedS());
        lastTimeS = row.tS();
    }

    private void add(String line) {
        if (lines.size() < MAX_LINES) {
            lines.add(line);
        } else {
            omitted++;
        }
    }

    public void print(PrintStream out) {
        out.println("    time  state        true angle  inverted     event / fault");
        lines.forEach(out::println);
        if (omitted > 0) {
            out.println("    ... " + omitted + " more changes (see the trace)");
        }
        out.println(String.format(Locale.ROOT,
                "session: %.1f s simulated%s, max true angle %.2f deg, inverted %.1f s",
                Double.isNaN(lastTimeS) ? 0.0 : lastTimeS,
                offS > 0 ? String.format(Locale.ROOT, " (%.1f s of it with the power off)", offS) : "",
                maxTrueAngleDeg, maxInvertedS));
    }
}
