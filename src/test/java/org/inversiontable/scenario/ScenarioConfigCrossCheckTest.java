package org.inversiontable.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.inversiontable.app.Commands;
import org.inversiontable.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario's config statement gets the same checks across keys as a configuration file (issue 5). */
class ScenarioConfigCrossCheckTest {
    @TempDir
    Path dir;

    @Test
    void conflictingKeysInAScenarioAreReportedOnTheLineOfTheLaterKey() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(Path.of("s.scenario"),
                List.of("start angle_deg=-65", "config v_max_deg_s=4", "config v_return_deg_s=6", "run 1")));
        assertEquals(List.of("s.scenario:3: config: v_return_deg_s (6) may not exceed v_max_deg_s (4);"
                + " lower v_return_deg_s or raise v_max_deg_s"), e.problems());
    }

    @Test
    void aReturnThatCannotFitInTheBudgetIsRefusedByTheConfigStatementNamingBothKeys() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(Path.of("s.scenario"),
                List.of("config max_angle_deg=30 max_inverted_s=10 v_return_deg_s=0.5", "start angle_deg=-65", "run 1")));
        assertEquals(1, e.problems().size(), e.problems().toString());
        String m = e.problems().get(0);
        assertTrue(m.startsWith("s.scenario:1: config: ") && m.contains("max_angle_deg (30)")
                && m.contains("max_inverted_s (10)") && m.contains("raise max_inverted_s to at least 88"), m);
    }

    @Test
    void twoSignalsOnOnePinAreBadInputNotAnInternalError() throws Exception {
        Path scenario = Files.writeString(dir.resolve("pins.scenario"), "config pin_led=17\nrun 1\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Main(Commands.defaults()).run(List.of("scenario", scenario.toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, message);
        assertTrue(message.contains("pins.scenario:1: config: pin_led and pin_estop are both on BCM pin 17"), message);
    }

    @Test
    void aScenarioAndAConfigFileThatConflictOnlyTogetherAreBadInput() throws Exception {
        Path config = Files.writeString(dir.resolve("table.conf"), "v_max_deg_s = 4\n");
        Path scenario = Files.writeString(dir.resolve("s.scenario"), "config v_return_deg_s=4.5\nrun 1\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Main(Commands.defaults()).run(
                List.of("scenario", scenario.toString(), "--config", config.toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, message);
        assertTrue(message.contains("v_return_deg_s (4.5) may not exceed v_max_deg_s (4)"), message);
        assertTrue(!message.contains("Exception"), message);
    }
}
