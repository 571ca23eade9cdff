package org.inversiontable.sim;

import org.inversiontable.scenario.SimulatedSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.inversiontable.config.Config;
import org.inversiontable.scenario.Action;
import org.inversiontable.scenario.ScenarioException;
import org.inversiontable.scenario.ScenarioParser;
import org.inversiontable.scenario.ScenarioResult;
import org.inversiontable.scenario.ScenarioRunner;
import org.inversiontable.scenario.ScenarioTarget;
import org.inversiontable.trace.TraceRow;

/**
 * Runs a scenario, written inline in a test, through the real stack: the scenario parser and
 * runner, {@link SimulatedSession} (physics, Pi4J mock pins, fake MPU-6050, adapters,
 * controller, supervisor), and keeps every trace row for the test to check.
 *
 * <pre>{@code
 * ScenarioHarness.Run run = ScenarioHarness.run("""
 *         start angle_deg=-65
 *         at 1 press DOWN
 *         run 30
 *         """);
 * assertTrue(run.maxTrueAngleDeg() <= 31.0);
 * }</pre>
 */
public final class ScenarioHarness {
    private ScenarioHarness() {
    }

    /** The rows of a run and its expectation outcomes. */
    public record Run(List<TraceRow> rows, ScenarioResult result, SimulatedSession session) {
        public TraceRow at(double tS) {
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

        public List<TraceRow> between(double fromS, double toS) {
            return rows.stream().filter(r -> r.tS() >= fromS - 1e-9 && r.tS() <= toS + 1e-9).toList();
        }

        public double maxTrueAngleDeg() {
            return rows.stream().mapToDouble(TraceRow::angleTrueDeg).max().orElseThrow();
        }

        public double maxInvertedS() {
            return rows.stream().mapToDouble(TraceRow::invertedS).max().orElseThrow();
        }

        /**
         * Seconds with the <b>true</b> angle above 0 (SPEC §3), counted as the supervisor counts
         * its own: an interval in which either end is inverted counts whole.
         */
        public double trueInvertedS() {
            double s = 0.0;
            for (int i = 1; i < rows.size(); i++) {
                if (rows.get(i - 1).angleTrueDeg() > 0.0 || rows.get(i).angleTrueDeg() > 0.0) {
                    s += rows.get(i).tS() - rows.get(i - 1).tS();
                }
            }
            return s;
        }

        /** The first row at or after {@code fromS} that matches, or null. */
        public TraceRow first(double fromS, Predicate<TraceRow> matching) {
            return rows.stream().filter(r -> r.tS() >= fromS - 1e-9).filter(matching).findFirst().orElse(null);
        }

        /** The first row with this event, or null. */
        public TraceRow firstEvent(String event) {
            return first(0, r -> event.equals(r.event()));
        }

        /** Speeds of the true angle between consecutive rows (deg/s). */
        public double[] trueSpeedsDegPerS() {
            double[] v = new double[rows.size() - 1];
            for (int i = 1; i < rows.size(); i++) {
                v[i - 1] = (rows.get(i).angleTrueDeg() - rows.get(i - 1).angleTrueDeg())
                        / (rows.get(i).tS() - rows.get(i - 1).tS());
            }
            return v;
        }

        public double maxAbsTrueSpeedDegPerS() {
            return Arrays.stream(trueSpeedsDegPerS()).map(Math::abs).max().orElse(0);
        }

        public boolean allHold() {
            return result.allHold();
        }
    }

    public static Run run(String scenarioText) {
        return run(scenarioText, Config.defaults());
    }

    public static Run run(String scenarioText, Config baseConfig) {
        List<TraceRow> rows = new ArrayList<>();
        SimulatedSession[] session = new SimulatedSession[1];
        ScenarioRunner runner = new ScenarioRunner((config, start) -> {
            session[0] = new SimulatedSession(config, start);
            return new Recording(session[0], rows::add);
        });
        try {
            ScenarioResult result = runner.run(
                    ScenarioParser.parse(Path.of("inline.scenario"), scenarioText.lines().toList()),
                    baseConfig, Optional.empty());
            return new Run(List.copyOf(rows), result, session[0]);
        } catch (ScenarioException e) {
            throw new AssertionError("bad test scenario:\n" + e.getMessage(), e);
        }
    }

    /** Passes everything to the session and keeps a copy of every row. */
    record Recording(SimulatedSession target, Consumer<TraceRow> keep) implements ScenarioTarget {
        @Override
        public void runUntil(long tNanos, Consumer<TraceRow> sink) {
            target.runUntil(tNanos, sink.andThen(keep));
        }

        @Override
        public void apply(Action action) {
            target.apply(action);
        }

        @Override
        public void close() {
            target.close();
        }
    }
}
