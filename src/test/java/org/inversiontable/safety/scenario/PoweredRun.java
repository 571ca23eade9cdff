package org.inversiontable.safety.scenario;

import org.inversiontable.scenario.SimulatedSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.inversiontable.config.Config;
import org.inversiontable.scenario.Action;
import org.inversiontable.scenario.ScenarioException;
import org.inversiontable.scenario.ScenarioParser;
import org.inversiontable.scenario.ScenarioRunner;
import org.inversiontable.scenario.ScenarioTarget;
import org.inversiontable.scenario.SimulatedSession;
import org.inversiontable.trace.TraceRow;

/**
 * A scenario run through the real stack that also keeps, for every tick, what the trace does not
 * show: the level of the WATCHDOG line and whether the external relay (SPEC §4, §9) lets motor
 * power through.
 *
 * <pre>{@code
 * PoweredRun run = PoweredRun.of(new Scenarios().at(1, "press DOWN").at(12, "fault motor runaway").runTo(20));
 * Tick stop = run.heartbeatStop(12.0);          // the first tick after 12 s that did not toggle
 * }</pre>
 */
record PoweredRun(List<Tick> ticks, long relayDroppedAtNanos) {
    /** One control tick: its trace row, the WATCHDOG level after it, and motor power at that moment. */
    record Tick(TraceRow row, boolean heartbeatHigh, boolean motorPowered) {
        double tS() {
            return row.tS();
        }
    }

    static PoweredRun of(Scenarios scenario) {
        List<Tick> ticks = new ArrayList<>();
        SimulatedSession[] session = new SimulatedSession[1];
        ScenarioRunner runner = new ScenarioRunner((config, start) -> {
            session[0] = new SimulatedSession(config, start);
            return new Watching(session[0], ticks);
        });
        try {
            runner.run(ScenarioParser.parse(Path.of("inline.scenario"), scenario.text().lines().toList()),
                    Config.defaults(), Optional.empty());
        } catch (ScenarioException e) {
            throw new AssertionError("bad test scenario:\n" + e.getMessage(), e);
        }
        return new PoweredRun(List.copyOf(ticks), session[0].relay().droppedAtNanos());
    }

    Tick first(double fromS, Predicate<Tick> matching) {
        return ticks.stream().filter(t -> t.tS() >= fromS - 1e-9).filter(matching).findFirst().orElse(null);
    }

    /** The first tick at or after {@code fromS} on which the WATCHDOG line did not toggle, or null. */
    Tick heartbeatStop(double fromS) {
        for (int i = 1; i < ticks.size(); i++) {
            Tick t = ticks.get(i);
            if (t.tS() >= fromS - 1e-9 && t.heartbeatHigh() == ticks.get(i - 1).heartbeatHigh()) {
                return t;
            }
        }
        return null;
    }

    /** True when the WATCHDOG line toggled on every tick between the two times. */
    boolean heartbeatToggledThroughout(double fromS, double toS) {
        Tick stop = heartbeatStop(fromS);
        return stop == null || stop.tS() > toS + 1e-9;
    }

    List<Tick> between(double fromS, double toS) {
        return ticks.stream().filter(t -> t.tS() >= fromS - 1e-9 && t.tS() <= toS + 1e-9).toList();
    }

    double maxTrueBetween(double fromS, double toS) {
        return between(fromS, toS).stream().mapToDouble(t -> t.row().angleTrueDeg()).max().orElse(Double.NaN);
    }

    double minTrueBetween(double fromS, double toS) {
        return between(fromS, toS).stream().mapToDouble(t -> t.row().angleTrueDeg()).min().orElse(Double.NaN);
    }

    Tick at(double tS) {
        Tick last = null;
        for (Tick t : ticks) {
            if (t.tS() > tS + 1e-9) {
                break;
            }
            last = t;
        }
        return last;
    }

    String around(double tS, double spanS) {
        StringBuilder b = new StringBuilder("\n");
        for (Tick t : between(tS - spanS, tS + spanS)) {
            b.append(Scenarios.row(t.row())).append(String.format(Locale.ROOT, " hb=%s power=%s%n",
                    t.heartbeatHigh() ? 1 : 0, t.motorPowered()));
        }
        return b.toString();
    }

    /** Passes everything to the session and keeps, for each tick, the heartbeat and the relay. */
    private record Watching(SimulatedSession session, List<Tick> ticks) implements ScenarioTarget {
        @Override
        public void runUntil(long tNanos, Consumer<TraceRow> sink) {
            session.runUntil(tNanos, sink.andThen(
                    r -> ticks.add(new Tick(r, session.heartbeatHigh(), session.relay().motorPowered()))));
        }

        @Override
        public void apply(Action action) {
            session.apply(action);
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
