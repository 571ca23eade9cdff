package org.inversiontable.safety.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.inversiontable.sim.ScenarioHarness;
import org.inversiontable.trace.TraceRow;

/**
 * Builds scenario texts (SPEC §9) from timed lines, so that a test can put its own fault lines
 * into a common session, and reads figures out of the resulting trace.
 *
 * <pre>{@code
 * ScenarioHarness.Run run = new Scenarios().config("max_inverted_s=60")
 *         .at(1, "press DOWN").at(25, "release DOWN").at(30, "fault imu stale").runTo(50).run();
 * }</pre>
 */
final class Scenarios {
    private record Line(double tS, String text) {
    }

    private final List<String> config = new ArrayList<>();
    private String start = "start angle_deg=-65 user_kg=80";
    private final List<Line> lines = new ArrayList<>();
    private double runToS = 60;

    Scenarios config(String pairs) {
        config.add("config " + pairs);
        return this;
    }

    Scenarios start(String pairs) {
        start = "start " + pairs;
        return this;
    }

    Scenarios at(double tS, String action) {
        lines.add(new Line(tS, action));
        return this;
    }

    Scenarios runTo(double tS) {
        runToS = tS;
        return this;
    }

    String text() {
        StringBuilder b = new StringBuilder();
        config.forEach(c -> b.append(c).append('\n'));
        b.append(start).append('\n');
        lines.stream().sorted(Comparator.comparingDouble(Line::tS))
                .forEach(l -> b.append(String.format(Locale.ROOT, "at %.3f %s%n", l.tS(), l.text())));
        b.append(String.format(Locale.ROOT, "run %.3f%n", runToS));
        return b.toString();
    }

    ScenarioHarness.Run run() {
        return ScenarioHarness.run(text());
    }

    // --- reading the trace ---

    static TraceRow first(ScenarioHarness.Run run, double fromS, Predicate<TraceRow> matching) {
        return run.first(fromS, matching);
    }

    static double maxTrueBetween(ScenarioHarness.Run run, double fromS, double toS) {
        return run.between(fromS, toS).stream().mapToDouble(TraceRow::angleTrueDeg).max().orElse(Double.NaN);
    }

    static double minTrueBetween(ScenarioHarness.Run run, double fromS, double toS) {
        return run.between(fromS, toS).stream().mapToDouble(TraceRow::angleTrueDeg).min().orElse(Double.NaN);
    }

    static TraceRow last(ScenarioHarness.Run run) {
        return run.rows().get(run.rows().size() - 1);
    }

    /** A few rows around a time, for failure messages. */
    static String around(ScenarioHarness.Run run, double tS, double spanS) {
        StringBuilder b = new StringBuilder("\n");
        for (TraceRow r : run.between(tS - spanS, tS + spanS)) {
            b.append(row(r)).append('\n');
        }
        return b.toString();
    }

    static String row(TraceRow r) {
        return String.format(Locale.ROOT,
                "t=%.3f %s true=%.2f meas=%.2f duty=%.3f en=%s inv=%.2f estop=%s home=%s fault=%s ev=%s",
                r.tS(), r.state(), r.angleTrueDeg(), r.angleMeasDeg(), r.duty(), r.enabled(), r.invertedS(),
                r.estop(), r.homeSwitch(), r.fault(), r.event());
    }
}
