package org.inversiontable.app;

import org.inversiontable.scenario.ScenarioException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.inversiontable.config.Config;
import org.inversiontable.scenario.ScenarioParser;
import org.inversiontable.scenario.ScriptedTarget;
import org.inversiontable.trace.TraceException;
import org.inversiontable.trace.TraceRow;
import org.inversiontable.trace.TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 point 11: {@code scenario} must not fill the disk. A run longer than 7 days of
 * simulated time is refused by the parser; a trace larger than a trace may grow, or than the
 * free space of its disk less a reserve, is refused before anything is written (file:line,
 * exit 2); and the writer stops at its cap whatever the estimate said. Nothing here writes more
 * than a few kilobytes: the disk is a fake.
 */
class ScenarioTraceSpaceTest {
    private static final long MB = 1L << 20;

    @TempDir
    Path dir;
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int scenario(TraceSpaceCheck.UsableSpace disk, String... args) {
        Main main = new Main(new Commands(
                (config, start) -> new ScriptedTarget((t, applied) -> ScriptedTarget.row(t, "IDLE", 0, 0), 0),
                file -> Config.defaults(), disk));
        List<String> line = new java.util.ArrayList<>(List.of("scenario"));
        line.addAll(List.of(args));
        return main.run(line, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aBillionSecondRunIsRefusedWithItsFileAndLine() throws Exception {
        Path s = file("typo.scn", "start angle_deg=-65\nrun 1000000000\n");
        Path trace = dir.resolve("out.jsonl");
        assertEquals(2, scenario(TraceSpaceCheck.UsableSpace.DISK, s.toString(), "--trace", trace.toString()));
        assertTrue(err().contains(s + ":2: 'run 1000000000' is longer than a scenario may run: at most 604800 s"
                + " (7 days of simulated time)"), err());
        assertFalse(Files.exists(trace), "a trace file was created for a refused run");
    }

    @Test
    void sevenDaysIsTheLongestRunAndIsAccepted() throws Exception {
        assertEquals(ScenarioParser.MAX_RUN_NANOS, ScenarioParser.parse(dir.resolve("week.scn"),
                List.of("start angle_deg=-65", "run 604800")).runUntilNanos());
        assertThrows(org.inversiontable.scenario.ScenarioException.class, () -> ScenarioParser.parse(
                dir.resolve("week.scn"), List.of("start angle_deg=-65", "run 604800.01")));
    }

    @Test
    void aTraceLargerThanATraceMayGrowIsRefusedBeforeTheRun() throws Exception {
        // 10 hours: 3.6 million ticks, up to 2060 MB at 600 bytes a row; the cap is 1024 MB.
        Path s = file("long.scn", "start angle_deg=-65\n# ten hours\nrun 36000\n");
        Path trace = dir.resolve("out.jsonl");
        assertEquals(2, scenario(d -> 1L << 50, s.toString(), "--trace", trace.toString()));
        assertTrue(err().startsWith(s + ":3: 'run 36000' with --trace would write up to 2060 MB"), err());
        assertTrue(err().contains("a trace may hold at most 1024 MB, about 5.0 h of simulated time"), err());
        assertFalse(Files.exists(trace));
        // A run of 4.7 hours fits under the cap.
        assertTrue(TraceSpaceCheck.problem(17_000_000_000_000L, trace, d -> 1L << 50).isEmpty());
    }

    @Test
    void aTraceThatWouldLeaveTooLittleFreeSpaceIsRefused() throws Exception {
        Path s = file("hour.scn", "start angle_deg=-65\nrun 3600\n");   // about 206 MB of trace
        Path trace = dir.resolve("out.jsonl");
        assertEquals(2, scenario(d -> 300 * MB, s.toString(), "--trace", trace.toString()));
        assertTrue(err().contains(s + ":2: 'run 3600' with --trace would write up to 206 MB"), err());
        assertTrue(err().contains("but only 300 MB are free on the disk of " + dir + " and 256 MB must stay free"), err());
        assertFalse(Files.exists(trace));
    }

    @Test
    void aTraceThatFitsIsWritten() throws Exception {
        Path s = file("short.scn", "start angle_deg=-65\nrun 1\n");
        Path trace = dir.resolve("out.jsonl");
        assertEquals(0, scenario(d -> 300 * MB, s.toString(), "--trace", trace.toString()), err());
        assertEquals(101, Files.readAllLines(trace).size());
    }

    @Test
    void aRunOfWeeksWithPowerOffsIsSizedAndTracedByItsPoweredTimeOnly() throws Exception {
        // 8 weeks on the time axis, 2 s of it powered: the estimate of 8 weeks of ticks would be 2.9 GB.
        Path s = file("weeks.scn", "start angle_deg=-65\nat 1 power-off 56d\nrun 4838402\n");
        Path trace = dir.resolve("out.jsonl");
        assertEquals(0, scenario(d -> 300 * MB, s.toString(), "--trace", trace.toString()), err());
        assertEquals(101 + 101, Files.readAllLines(trace).size(), "one second ticked before the cut, one after");
        assertTrue(TraceSpaceCheck.problem(4_838_402_000_000_000L, 2_000_000_000L, trace, d -> 300 * MB).isEmpty());
        assertTrue(TraceSpaceCheck.problem(30 * 86_400_000_000_000L, 36_000_000_000_000L, trace, d -> 1L << 50)
                .orElseThrow().startsWith("'run 2592000' (36000 s of it with the power on) with --trace would write up"
                        + " to 2060 MB"));
    }

    @Test
    void aBadPowerOffIsExitTwoWithItsFileAndLine() throws Exception {
        Path s = file("bad.scn", "start angle_deg=-65\nat 1 power-off 2\nrun 10\n");
        assertEquals(2, scenario(d -> 300 * MB, s.toString()));
        assertTrue(err().startsWith(s + ":2: power-off duration '2' has no unit; allowed units: s (seconds),"), err());
        assertFalse(err().contains("Exception"), err());
    }

    @Test
    void theWriterStopsAtItsCapWithAClearMessage() {
        StringWriter out = new StringWriter();
        TraceWriter writer = new TraceWriter(out, "capped.jsonl", 1000);
        TraceException stop = assertThrows(TraceException.class, () -> {
            for (int i = 0; i < 100; i++) {
                writer.write(new TraceRow(i * 0.01, "IDLE", -65, -65, 0, false, 0, false, true, null, null, true, 70.0, 900.0, null));
            }
        });
        assertTrue(out.toString().length() <= 1000, "wrote " + out.toString().length() + " bytes past a 1000 byte cap");
        assertTrue(out.toString().length() > 800, "stopped too early: " + out.toString().length());
        assertTrue(stop.getMessage().contains("the trace file capped.jsonl reached its limit of 1000 bytes at t_s = 0.0"),
                stop.getMessage());
    }

    @Test
    void theRowEstimateCoversARealRow() {
        String row = TraceWriter.line(new TraceRow(604799.99, "LIMP_HOME", -64.9999, -64.9999, -0.9999, true,
                899.999, true, true, "motion_wrong_direction", "motion_wrong_direction",
                true, 70.0, 900.0, "evening-stretch"));
        assertTrue(row.length() + 1 <= TraceWriter.ROW_BYTES_ESTIMATE, row.length() + " bytes: " + row);
    }
}
