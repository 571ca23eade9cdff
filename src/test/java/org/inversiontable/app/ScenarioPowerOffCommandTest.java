package org.inversiontable.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.inversiontable.config.ConfigFileParser;
import org.inversiontable.scenario.SimulatedSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §8, §9: {@code scenario --trace} on a scenario with a power-off, then {@code replay} of
 * its trace, both through the command line on the real simulated table; exit 0 twice, and the
 * account at the terminal says where the power came back.
 */
class ScenarioPowerOffCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int main(String... args) {
        Main main = new Main(Commands.standard(SimulatedSession::new, ConfigFileParser::parse));
        return main.run(List.of(args), new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aScenarioWithAPowerOffRunsAndItsTraceReplays() throws Exception {
        Path scenario = Files.writeString(dir.resolve("cut.scenario"), """
                start angle_deg=-65
                at 1 press DOWN
                at 20 release DOWN
                at 25 power-off 2d              # inverted when the power goes
                at 172830 press UP              # nothing moves until a button (SPEC §7)
                at 172832 release UP
                at 172835 click HOME
                run 172900
                expect state HOLDING at 25
                expect state BOOT at 172825
                expect state IDLE at 172900
                expect max_inverted_s <= 180
                """);
        Path trace = dir.resolve("cut.jsonl");
        assertEquals(0, main("scenario", scenario.toString(), "--trace", trace.toString()), out() + err());
        assertTrue(out().contains("172825.00 s  power back after 172800.0 s off (2.00 d)"), out());
        assertTrue(out().contains("(172800.0 s of it with the power off)"), out());
        assertTrue(out().contains("4 of 4 expectations hold"), out());
        assertEquals(2501 + 7501, Files.readAllLines(trace).size(), "25 s and 75 s ticked, the 2 days jumped");
        assertEquals(0, main("replay", trace.toString()), err());
        assertTrue(out().contains("replay: 10002 ticks, outputs equal"), out());
    }
}
