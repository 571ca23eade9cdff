package org.inversiontable.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.config.ConfigFileException;
import org.inversiontable.config.ConfigProblem;
import org.inversiontable.scenario.ScenarioTargetFactory;
import org.inversiontable.scenario.ScriptedTarget;
import org.inversiontable.trace.TraceReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    /** Angle = t (s); the state follows the e-stop actions applied so far. */
    private static final ScriptedTarget.Script SCRIPT = (t, applied) -> ScriptedTarget.row(t,
            applied.isEmpty() ? "IDLE" : "ESTOP", t / 1e9, 0);

    @TempDir
    Path dir;
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final List<Config> configsSeen = new ArrayList<>();
    private ScenarioTargetFactory targets;
    private ConfigLoader configs;

    @BeforeEach
    void wireFakes() {
        targets = (config, start) -> {
            configsSeen.add(config);
            return new ScriptedTarget(SCRIPT, 0);
        };
        configs = file -> {
            if (file.getFileName().toString().startsWith("bad")) {
                throw new ConfigFileException(List.of(new ConfigProblem(file, 3, "bad", "unknown key 'bad'")));
            }
            return Config.defaults().with(ConfigKey.V_MAX_DEG_S, "4");
        };
    }

    private int main(String... args) {
        Main main = new Main(Commands.standard(targets, configs));
        return main.run(List.of(args), new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private void assertNoStackTrace() {
        assertFalse(err().contains("\tat ") || err().contains("Exception in thread"), err());
        assertFalse(out().contains("\tat "), out());
    }

    @Test
    void everyExpectationHoldingExitsZeroWithASummary() throws Exception {
        Path s = file("ok.scn", "at 1 estop press\nrun 2\nexpect state ESTOP at 1.5\nexpect max_angle <= 2\n");
        assertEquals(0, main("scenario", s.toString()));
        String out = out().replace(System.lineSeparator(), "\n");
        assertTrue(out.startsWith("    time  state"), "the session timeline comes first:\n" + out);
        assertTrue(out.endsWith("PASS line 3: expected state ESTOP at 1.5 s; observed ESTOP (row at 1.500 s)\n"
                + "PASS line 4: expected max angle <= 2.0 deg; observed max 2.0000 deg (at 2.000 s)\n"
                + "scenario " + s + ": 2 of 2 expectations hold\n"), out);
        assertEquals("", err());
    }

    @Test
    void oneFailingExpectationExitsOneAndSaysWhichLine() throws Exception {
        Path s = file("fail.scn", "run 2\nexpect state IDLE at 1\nexpect angle 0 +- 0.5 at 1\n");
        assertEquals(1, main("scenario", s.toString()));
        assertTrue(out().contains("FAIL line 3: expected angle 0.0 +- 0.5 deg at 1 s; observed 1.0000 deg"), out());
        assertTrue(out().strip().endsWith("scenario " + s + ": 1 of 2 expectations hold"), out());
    }

    @Test
    void aBadScenarioExitsTwoWithEveryProblemAndNoStackTrace() throws Exception {
        Path s = file("bad.scn", "at 1 press JUMP\nexpect state NAPPING at 1\n");
        assertEquals(2, main("scenario", s.toString()));
        assertTrue(err().contains(s + ":1: unknown button 'JUMP'"), err());
        assertTrue(err().contains(s + ":2: unknown state 'NAPPING'"), err());
        assertTrue(err().contains(s + ":2: no 'run T' statement"), err());
        assertEquals("", out());
        assertNoStackTrace();
    }

    @Test
    void aMissingScenarioFileExitsTwoNamingIt() {
        Path missing = dir.resolve("missing.scn");
        assertEquals(2, main("scenario", missing.toString()));
        assertEquals(missing + ": cannot read the scenario file: no such file", err().strip());
    }

    @Test
    void theConfigFileIsTheBaseAndTheScenarioOverridesIt() throws Exception {
        Path cfg = file("table.conf", "v_max_deg_s = 4\n");
        Path s = file("c.scn", "config max_angle_deg=40\nrun 1\n");
        assertEquals(0, main("scenario", s.toString(), "--config", cfg.toString()));
        assertEquals("4", configsSeen.get(0).text(ConfigKey.V_MAX_DEG_S));
        assertEquals("40", configsSeen.get(0).text(ConfigKey.MAX_ANGLE_DEG));
        assertTrue(out().contains("0 of 0 expectations hold"), out());
    }

    @Test
    void aBadConfigFileExitsTwoWithItsProblems() throws Exception {
        Path cfg = file("bad.conf", "bad = 1\n");
        Path s = file("c.scn", "run 1\n");
        assertEquals(2, main("scenario", s.toString(), "--config", cfg.toString()));
        assertEquals(cfg + ":3: bad: unknown key 'bad'", err().strip());
        assertTrue(configsSeen.isEmpty());
    }

    @Test
    void theTraceOptionWritesOneRowPerTick() throws Exception {
        Path s = file("t.scn", "run 1\n");
        Path trace = dir.resolve("out.jsonl");
        assertEquals(0, main("scenario", s.toString(), "--trace", trace.toString()));
        assertEquals(101, TraceReader.readAll(trace).size());
        assertTrue(out().contains("trace: " + trace + " (101 rows)"), out());
    }

    @Test
    void anUnwritableTraceExitsTwo() throws Exception {
        Path s = file("t.scn", "run 1\n");
        Path trace = dir.resolve("nope").resolve("out.jsonl");
        assertEquals(2, main("scenario", s.toString(), "--trace", trace.toString()));
        assertEquals("scenario: cannot write the trace file " + trace + ": no such directory", err().strip());
        assertNoStackTrace();
    }

    @Test
    void aTraceOverTheScenarioFileIsRefused() throws Exception {
        Path s = file("t.scn", "run 1\n");
        assertEquals(2, main("scenario", s.toString(), "--trace", s.toString()));
        assertTrue(err().contains("would overwrite the scenario file"), err());
        assertEquals("run 1\n", Files.readString(s));
    }

    @Test
    void badUsageExitsTwoWithTheSynopsis() throws Exception {
        Path s = file("u.scn", "run 1\n");
        for (String[] args : List.of(new String[] {"scenario"}, new String[] {"scenario", s.toString(), "extra"},
                new String[] {"scenario", s.toString(), "--trace"}, new String[] {"scenario", s.toString(), "--fast"},
                new String[] {"scenario", s.toString(), "--trace", "a", "--trace", "b"})) {
            errBytes.reset();
            assertEquals(2, main(args), String.join(" ", args));
            assertTrue(err().startsWith("scenario: "), err());
            assertTrue(err().contains("Usage: inversion-table scenario [-hV] [--config=FILE] [--plot=OUT.svg]"),
                    err());
            assertNoStackTrace();
        }
    }

    @Test
    void everyCommandHasHelpAndVersion() {
        for (String command : List.of("run", "calibrate", "simulate", "scenario", "replay", "plot", "check-config", "history", "bench")) {
            outBytes.reset();
            assertEquals(0, main(command, "--help"), command);
            assertTrue(out().startsWith("Usage: inversion-table " + command), out());
            outBytes.reset();
            assertEquals(0, main(command, "--version"), command);
            assertTrue(out().startsWith("inversion-table "), out());
        }
        outBytes.reset();
        assertEquals(0, main("--version"));
        assertTrue(out().matches("(?s)inversion-table \\d+\\.\\d+\\.\\d+.*"), "the build's version: " + out());
    }

    @Test
    void thePlotOptionDrawsTheRunAndTheTraceCanBeDrawnLater() throws Exception {
        Path s = file("p.scn", "run 1\n");
        Path trace = dir.resolve("p.jsonl");
        Path svg = dir.resolve("p.svg");
        assertEquals(0, main("scenario", s.toString(), "--trace", trace.toString(), "--plot", svg.toString()));
        assertTrue(Files.readString(svg).contains("<svg"), "an SVG");
        assertTrue(out().contains("plot: " + svg), out());
        Path again = dir.resolve("again.svg");
        assertEquals(0, main("plot", trace.toString(), again.toString()));
        assertTrue(Files.readString(again).contains("true angle"));
    }

    @Test
    void aPlotThatCannotBeWrittenIsRefusedBeforeTheRun() throws Exception {
        Path s = file("q.scn", "run 1\n");
        Path svg = dir.resolve("missing/q.svg");
        assertEquals(2, main("scenario", s.toString(), "--plot", svg.toString()));
        assertEquals("scenario: cannot write the plot file " + svg + ": no such directory", err().strip());
        assertTrue(configsSeen.isEmpty(), "refused before the run");
        errBytes.reset();
        assertEquals(2, main("scenario", s.toString(), "--plot", s.toString()));
        assertTrue(err().contains("would overwrite the scenario file"), err());
    }

    @Test
    void optionsTakeTheirValueAfterAnEqualsSignToo() throws Exception {
        Path s = file("eq.scn", "run 1\n");
        Path trace = dir.resolve("eq.jsonl");
        assertEquals(0, main("scenario", s.toString(), "--trace=" + trace));
        assertEquals(101, TraceReader.readAll(trace).size());
    }

    @Test
    void noCommandOrAnUnknownCommandExitsTwoWithTheUsage() {
        assertEquals(2, main());
        assertTrue(err().startsWith("missing COMMAND"), err());
        errBytes.reset();
        assertEquals(2, main("fly"));
        assertTrue(err().startsWith("unknown command 'fly'"), err());
        assertTrue(err().contains("  scenario      Run a scenario file headless"), err());
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        assertEquals(0, main("help"));
        assertTrue(out().contains("  scenario "), out());
        assertTrue(out().contains("3 internal error"), out());
        outBytes.reset();
        assertEquals(0, main("help", "scenario"));
        assertTrue(out().startsWith("Usage: inversion-table scenario"), out());
        assertEquals("", err());
    }

    @Test
    void aBugInsideACommandExitsThreeWithoutAStackTrace() throws Exception {
        targets = (config, start) -> {
            throw new IllegalStateException("simulator exploded");
        };
        Path s = file("x.scn", "run 1\n");
        assertEquals(3, main("scenario", s.toString()));
        assertTrue(err().startsWith("internal error: IllegalStateException: simulator exploded (at "), err());
        assertNoStackTrace();
    }

    @Test
    void theShippedRegistryHasTheCommandsOfTheOpenIssuesAndNoStubs() {
        Map<String, Object> commands = Commands.defaults().commands(System.out, System.err);
        assertEquals(List.of("run", "calibrate", "simulate", "scenario", "replay", "plot", "check-config", "history", "bench"), List.copyOf(commands.keySet()));
    }

    @Test
    void calibrateOffAPiExitsTwoWithOneLinePointingToSimulate() {
        // This desktop's own board detection; on a Pi this would start the real procedure: never there.
        org.junit.jupiter.api.Assumptions.assumeTrue(org.inversiontable.hardware.pi4j.Pi4jContexts.board().isEmpty(),
                "on a Raspberry Pi: calibrate would drive the table");
        assertEquals(2, main("calibrate"));
        String[] lines = err().strip().split("\\R");
        assertEquals(1, lines.length, err());
        assertTrue(lines[0].contains("not a Raspberry Pi") && lines[0].contains("use 'simulate'"), lines[0]);
        assertEquals("", out());
    }

    @Test
    void calibrateWithABadConfigurationExitsTwoNamingTheFileAndTheKey() throws Exception {
        Path file = Files.writeString(dir.resolve("table.conf"), "imu_axis_along = w\n");
        assertEquals(2, main("calibrate", "--config", file.toString()));
        assertTrue(err().contains("table.conf") && err().contains("imu_axis_along"), err());
        assertFalse(err().contains("Exception"), "no stack trace: " + err());
    }

    @Test
    void historyTakesJsonFromTheCommandLine() throws Exception {
        Path conf = dir.resolve("table.conf");
        java.nio.file.Files.writeString(conf, "journal_dir = " + dir.resolve("state") + "\nprofile.anna.progression = on\n");
        java.nio.file.Files.createDirectories(dir.resolve("state"));
        java.nio.file.Files.writeString(dir.resolve("state").resolve("history.jsonl"), "{\"start\":\"2026-01-05T08:00:00Z\","
                + "\"end\":\"2026-01-05T08:05:00Z\",\"max_angle_deg\":20.1,\"inverted_s\":119.5,\"ended_by\":\"auto_return\","
                + "\"session\":1,\"profile\":\"anna\",\"level\":0,\"comfort\":\"comfortable\"}\n");
        assertEquals(0, main("history", "--config", conf.toString(), "--json"), err());
        assertTrue(out().startsWith("{") && out().contains("\"name\":\"anna\"") && out().contains("\"comfort\":\"comfortable\""),
                out());
        assertEquals(2, main("history", "--json", "--json"), "--json twice");
    }
}
