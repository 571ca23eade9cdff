package org.inversiontable.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.Button;
import org.inversiontable.scenario.ButtonAction;
import org.inversiontable.scenario.ScenarioParser;
import org.inversiontable.scenario.ScenarioRunner;
import org.inversiontable.scenario.SimulatedSession;
import org.inversiontable.scenario.StartState;
import org.inversiontable.session.SessionJournal;
import org.inversiontable.trace.TraceReader;
import org.inversiontable.trace.TraceRow;
import org.inversiontable.trace.TraceWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §8 {@code replay}, §10 (the trace records the raw inputs): a trace that a scenario wrote
 * replays to the same outputs, through e-stops, faults of every kind, power-cycles and the
 * automatic return; one altered output is found and named; bad input is exit 2 with file:line.
 */
class ReplayTest {
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int replay(Path trace) {
        return new Replay().run(trace, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /** Runs the scenario as {@code scenario --trace} does and returns the trace. */
    private Path trace(Config config, String... lines) throws Exception {
        Path trace = dir.resolve("run.jsonl");
        new ScenarioRunner(SimulatedSession::new).run(ScenarioParser.parse(dir.resolve("inline.scenario"),
                List.of(lines)), config, Optional.of(trace));
        return trace;
    }

    private Path trace(String... lines) throws Exception {
        return trace(Config.defaults(), lines);
    }

    private void assertReplaysEqual(Path trace) {
        int exit = replay(trace);
        assertEquals(0, exit, err());
        assertTrue(out().matches("replay: \\d+ ticks, outputs equal\\R"), out());
        assertEquals("", err());
    }

    static Stream<Path> scenarioFiles() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path d : List.of(Path.of("scenarios"), Path.of("scenarios/review"))) {
            try (Stream<Path> s = Files.list(d)) {
                s.filter(p -> p.toString().endsWith(".scenario")).sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void everyShippedScenarioReplaysToTheSameOutputs(Path scenario) throws Exception {
        Path trace = dir.resolve("run.jsonl");
        org.inversiontable.scenario.Scenario parsed;
        try {
            parsed = ScenarioParser.parse(scenario);
        } catch (org.inversiontable.scenario.ScenarioException e) {
            // A review scenario that shows a configuration being refused (exit 2): nothing runs.
            Assumptions.abort("refused on purpose: " + e.getMessage());
            return;
        }
        new ScenarioRunner(SimulatedSession::new).run(parsed, Config.defaults(), Optional.of(trace));
        assertReplaysEqual(trace);
    }

    @Test
    void anEstopAndItsResetReplay() throws Exception {
        Path trace = trace("start angle_deg=-65", "at 1 press DOWN", "at 8 estop press", "at 9 release DOWN",
                "at 10 estop release", "at 11 press STOP", "at 14 release STOP", "at 15 click HOME", "run 60");
        List<TraceRow> rows = TraceReader.readAll(trace);
        assertTrue(rows.stream().anyMatch(r -> r.inputs().reportEstop()), "the e-stop's event was recorded");
        assertTrue(rows.stream().anyMatch(r -> "reset".equals(r.event())), "the reset happened");
        assertReplaysEqual(trace);
    }

    @ParameterizedTest
    @ValueSource(strings = {"imu stale", "imu disconnect", "imu stuck", "imu noise 3", "imu spike 30",
            "motor stall", "motor reversed", "motor runaway", "home-switch stuck-open", "home-switch stuck-closed"})
    void everyKindOfFaultReplays(String fault) throws Exception {
        String group = fault.split(" ")[0];
        Path trace = trace("start angle_deg=-65", "at 1 press DOWN", "at 6 fault " + fault, "at 12 release DOWN",
                "at 13 press UP", "at 25 release UP", "at 26 clear " + group, "at 27 press STOP", "at 30 release STOP",
                "at 31 click HOME", "run 70");
        assertTrue(TraceReader.readAll(trace).stream().anyMatch(r -> r.fault() != null || r.estop()),
                "the fault showed: " + fault);
        assertReplaysEqual(trace);
    }

    @Test
    void aPowerCycleWhileInvertedReplaysFromItsBootRow() throws Exception {
        Path trace = trace("start angle_deg=-65", "at 1 press DOWN", "at 20 release DOWN", "at 25 power-cycle",
                "at 27 click HOME", "at 60 power-cycle", "at 61 click HOME", "run 120");
        List<TraceRow> rows = TraceReader.readAll(trace);
        assertEquals(3, rows.stream().filter(r -> r.boot() != null).count(), "the start and two power-cycles");
        TraceRow second = rows.stream().filter(r -> r.boot() != null).skip(1).findFirst().orElseThrow();
        assertTrue(second.boot().sessionActive(), "the session went on over the power-cycle");
        assertTrue(second.boot().invertedS() > 0, "with its inverted time");
        assertReplaysEqual(trace);
    }

    @Test
    void aTraceWithAPowerOffReplays() throws Exception {
        // SPEC §9: the cut leaves a gap of two days in t_s and a boot row after it.
        Path trace = trace("start angle_deg=-65", "at 1 press DOWN", "at 20 release DOWN", "at 25 power-off 2d",
                "at 172830 press UP", "at 172832 release UP", "at 172835 click HOME", "run 172900");
        List<TraceRow> rows = TraceReader.readAll(trace);
        TraceRow afterTheCut = rows.stream().filter(r -> r.tS() > 25.001).findFirst().orElseThrow();
        assertEquals(172_825.0, afterTheCut.tS(), 1e-6, "no rows inside the cut");
        assertNotNull(afterTheCut.boot(), "the first row after the cut carries the boot");
        assertTrue(afterTheCut.boot().sessionActive(), "the session went on over the cut");
        assertReplaysEqual(trace);
    }

    @Test
    void theAutomaticReturnReplays() throws Exception {
        Path trace = trace(Config.defaults().with(ConfigKey.MAX_INVERTED_S, "40"), "start angle_deg=-65",
                "at 1 press DOWN", "at 20 release DOWN", "run 120");
        assertTrue(TraceReader.readAll(trace).stream().anyMatch(r -> "auto_return".equals(r.event())));
        assertReplaysEqual(trace);
    }

    @Test
    void aStoredPresetRestoredAfterAPowerCycleReplays() throws Exception {
        Path trace = trace("start angle_deg=-65", "at 1 press DOWN", "at 14 release DOWN", "at 20 press PRESET",
                "at 24 release PRESET", "at 25 click HOME", "at 60 power-cycle", "at 62 click PRESET", "run 90");
        List<TraceRow> rows = TraceReader.readAll(trace);
        assertTrue(rows.stream().anyMatch(r -> "preset_stored".equals(r.event())));
        TraceRow second = rows.stream().filter(r -> r.boot() != null).skip(1).findFirst().orElseThrow();
        assertTrue(Math.abs(second.boot().presetDeg() - 20.0) > 0.5, "the stored preset, not preset_deg: "
                + second.boot().presetDeg());
        assertReplaysEqual(trace);
    }

    @Test
    void theHBridgeWatchdogReportedOffTheControlThreadReplays() throws Exception {
        Path trace = dir.resolve("hung.jsonl");
        try (SimulatedSession session = new SimulatedSession(Config.defaults(), StartState.defaults());
             TraceWriter writer = TraceWriter.open(trace)) {
            session.runUntil(1_000 * MS, writer::write);
            session.apply(new ButtonAction(Button.DOWN, true));
            session.runUntil(4_000 * MS, writer::write);
            session.hangControlLoop(80 * MS);
            session.runUntil(8_000 * MS, writer::write);
        }
        List<TraceRow> rows = TraceReader.readAll(trace);
        assertTrue(rows.stream().anyMatch(r -> "motor_watchdog".equals(r.inputs().reportFault())),
                "the watchdog's report was recorded");
        assertReplaysEqual(trace);
    }

    @Test
    void aCorruptJournalAtStartReplays() throws Exception {
        Path journal = Files.createDirectory(dir.resolve("journal"));
        Files.writeString(journal.resolve(SessionJournal.FILE_NAME), "not a journal\n");
        Path trace = trace(Config.defaults().with(ConfigKey.JOURNAL_DIR, journal.toString()), "start angle_deg=10",
                "at 1 click HOME", "run 60");
        TraceRow first = TraceReader.readAll(trace).get(0);
        assertTrue(first.boot().budgetSpent(), "the journal could not be trusted");
        assertNotNull(first.boot().journalProblem());
        assertReplaysEqual(trace);
    }

    @Test
    void oneAlteredDutyIsTheFirstDifferenceAndNamesItsTick() throws Exception {
        Path trace = trace("start angle_deg=-65", "at 1 press DOWN", "at 10 release DOWN", "run 12");
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        int index = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"enabled\":true") && i > 300) {
                index = i;
                break;
            }
        }
        String line = lines.get(index);
        String duty = line.replaceAll(".*\"duty\":(-?[0-9.]+),.*", "$1");
        String altered = duty.equals("0.5000") ? "0.5001" : "0.5000";
        lines.set(index, line.replace("\"duty\":" + duty + ",", "\"duty\":" + altered + ","));
        Files.write(trace, lines);
        String tS = line.replaceAll("^\\{\"t_s\":([0-9.]+),.*", "$1");
        String tNs = line.replaceAll(".*\"t_ns\":([0-9]+),.*", "$1");

        assertEquals(1, replay(trace));
        assertTrue(err().startsWith(trace + ":" + (index + 1) + ": the replayed outputs differ at t_s = " + tS
                + " (t_ns = " + tNs + "): duty: recorded " + altered + ", replayed " + duty), err());
    }

    @Test
    void oneAlteredStateIsFoundToo() throws Exception {
        Path trace = trace("start angle_deg=-65", "at 1 press DOWN", "at 5 release DOWN", "run 8");
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        int index = 450;
        String line = lines.get(index);
        assertTrue(line.contains("\"state\":\"MOVING\"") || line.contains("\"state\":\"IDLE\"")
                || line.contains("\"state\":\"HOLDING\""), line);
        lines.set(index, line.replaceFirst("\"state\":\"[A-Z_]+\"", "\"state\":\"RETURNING\""));
        Files.write(trace, lines);

        assertEquals(1, replay(trace));
        assertTrue(err().startsWith(trace + ":" + (index + 1) + ": "), err());
        assertTrue(err().contains("state: recorded \"RETURNING\", replayed \""), err());
    }

    @Test
    void aFileEventIsAcceptedFromTheRecordingButNotAnInventedSafetyEvent() throws Exception {
        Path trace = trace("start angle_deg=-65", "run 2");
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        lines.set(100, lines.get(100).replace("\"event\":null", "\"event\":\"journal_error\""));
        Files.write(trace, lines);
        assertReplaysEqual(trace);

        lines.set(150, lines.get(150).replace("\"event\":null", "\"event\":\"auto_return\""));
        Files.write(trace, lines);
        outBytes.reset();
        assertEquals(1, replay(trace));
        assertTrue(err().contains(":151: ") && err().contains("event: recorded \"auto_return\", replayed null"), err());
    }

    @Test
    void aMalformedLineIsBadInputWithItsFileAndLine() throws Exception {
        Path trace = trace("start angle_deg=-65", "run 1");
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        lines.set(2, "{\"t_s\":0.020,\"state\":");
        Files.write(trace, lines);
        assertEquals(2, replay(trace));
        assertTrue(err().startsWith(trace + ":3: "), err());
        assertFalse(err().contains("Exception"), err());
        assertFalse(err().contains("\tat "), "no stack trace: " + err());
    }

    @Test
    void aRowWithAnUnknownSensorStatusIsBadInput() throws Exception {
        Path trace = trace("start angle_deg=-65", "run 1");
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        lines.set(4, lines.get(4).replaceFirst("\"tilt_status\":\"[a-z_]+\"", "\"tilt_status\":\"stale\""));
        Files.write(trace, lines);
        assertEquals(2, replay(trace));
        assertTrue(err().startsWith(trace + ":5: tilt_status \"stale\" is not one of"), err());
    }

    @Test
    void aTraceWithoutRawInputsOrWithoutAStartCannotBeReplayed() throws Exception {
        Path old = dir.resolve("old.jsonl");
        Files.writeString(old, TraceWriter.line(new TraceRow(0, "BOOT", -65, -65, 0, false, 0, false, true, null, null,
                false, 30, 180, null)) + "\n");
        assertEquals(2, replay(old));
        assertTrue(err().startsWith(old + ":1: the row has no raw inputs"), err());

        Path trace = trace("start angle_deg=-65", "run 1");
        List<String> lines = Files.readAllLines(trace);
        Path tail = Files.write(dir.resolve("tail.jsonl"), lines.subList(10, lines.size()));
        errBytes.reset();
        assertEquals(2, replay(tail));
        assertTrue(err().startsWith(tail + ":1: no process start before this tick"), err());
    }

    @Test
    void aMissingFileIsBadInput() {
        Path missing = dir.resolve("nothing.jsonl");
        assertEquals(2, replay(missing));
        assertEquals("replay: " + missing + ": no such file" + System.lineSeparator(), err());
    }

    @Test
    void theRawInputsReadBackBitForBit() throws Exception {
        Path trace = trace("start angle_deg=-65 seed=3", "at 1 press DOWN", "at 3 fault imu noise 2", "run 5");
        for (String line : Files.readAllLines(trace)) {
            TraceRow row = TraceReader.parseLine(line);
            assertEquals(line, TraceWriter.line(row), "a row written, read and written again is the same text");
        }
    }

    /**
     * On a Pi the e-stop's event runs on its own thread: it can cut the motor after a tick took the
     * reports and before it wrote the H-bridge. That tick's output is off although its supervisor
     * allowed a drive; the trace says so (estop_cut_in_tick), and replay cuts at the same point.
     */
    @Test
    void anEstopEventInTheMiddleOfATickReplays() throws Exception {
        Config config = Config.defaults();
        org.inversiontable.time.ManualClock clock = new org.inversiontable.time.ManualClock(0);
        // The replay's own bridge: its beforeNextApply is exactly "an e-stop event cuts in first".
        ReplayHBridge bridge = new ReplayHBridge();
        double[] angle = {0.0};
        org.inversiontable.hardware.PanelReading[] panel = {new org.inversiontable.hardware.PanelReading(false, false, 0)};
        Runnable[] estopEvent = {null};
        boolean[] heartbeat = {false};
        org.inversiontable.hardware.TableHardware hardware = new org.inversiontable.hardware.TableHardware(
                () -> org.inversiontable.hardware.TiltReading.fresh(angle[0], 1.0),
                new org.inversiontable.hardware.ControlPanel() {
                    @Override
                    public org.inversiontable.hardware.PanelReading read() {
                        return panel[0];
                    }

                    @Override
                    public void onEstopOpened(Runnable action) {
                        estopEvent[0] = action;
                    }
                }, bridge, (led, buzzer) -> { }, new org.inversiontable.hardware.Heartbeat() {
                    @Override
                    public void toggle() {
                        heartbeat[0] = !heartbeat[0];
                    }

                    @Override
                    public boolean high() {
                        return heartbeat[0];
                    }
                });
        org.inversiontable.control.ControlLoop loop = org.inversiontable.process.ControllerAssembly.build(config,
                hardware, clock);
        loop.supervisor().restoreSession(0.0, false, false, false);
        TraceRow.Boot boot = new TraceRow.Boot(0, 0.0, false, false, null, false, false,
                loop.controller().presetDeg(), false, org.inversiontable.trace.TraceRows.configValues(config));
        Path trace = dir.resolve("race.jsonl");
        int cutAt = 200;
        try (TraceWriter writer = TraceWriter.open(trace)) {
            for (int k = 0; k < 300; k++) {
                clock.setNanos(k * 10 * MS);
                boolean down = k >= 100 && k < cutAt + 20;
                panel[0] = new org.inversiontable.hardware.PanelReading(k > cutAt, false, down ? Button.DOWN.bit() : 0);
                if (k == cutAt) {
                    bridge.beforeNextApply(estopEvent[0]);
                }
                org.inversiontable.control.TickRecord record = loop.tick();
                angle[0] += record.applied().duty() * 0.1;
                writer.write(org.inversiontable.trace.TraceRows.row(record, Double.NaN, null, k == 0 ? boot : null));
            }
        }
        List<TraceRow> rows = TraceReader.readAll(trace);
        assertTrue(rows.get(cutAt - 1).enabled(), "driving before the event");
        assertTrue(rows.get(cutAt).inputs().estopCutInTick() && !rows.get(cutAt).enabled(), "cut in the tick");
        assertTrue(rows.get(cutAt + 1).inputs().reportEstop(), "the next tick took the report");
        assertReplaysEqual(trace);

        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        lines.set(cutAt, lines.get(cutAt).replace("\"estop_cut_in_tick\":true", "\"estop_cut_in_tick\":false"));
        Files.write(trace, lines);
        outBytes.reset();
        assertEquals(1, replay(trace), "without the record of the cut, the replayed tick drives");
        assertTrue(err().contains(":" + (cutAt + 1) + ": ") && err().contains("duty: recorded 0.0000"), err());
    }
}
