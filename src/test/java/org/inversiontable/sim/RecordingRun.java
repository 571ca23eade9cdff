package org.inversiontable.sim;

import org.inversiontable.scenario.SimulatedSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.inversiontable.config.Config;
import org.inversiontable.scenario.ScenarioException;
import org.inversiontable.scenario.ScenarioParser;
import org.inversiontable.scenario.ScenarioResult;
import org.inversiontable.scenario.ScenarioRunner;
import org.inversiontable.session.DurableFileSystem;
import org.inversiontable.session.NioDurableFileSystem;
import org.inversiontable.trace.TraceRow;

/**
 * {@link ScenarioHarness} for the persistence tests: the same real stack, with the journal's
 * file operations given (a full or read-only disk) and the buzzer kept beside every row.
 */
final class RecordingRun {
    /** The harness's run, and for every row whether the buzzer sounded at that tick. */
    record Result(ScenarioHarness.Run run, List<Boolean> buzzer) {
        boolean buzzerSoundedBetween(double fromS, double toS) {
            List<TraceRow> rows = run.rows();
            for (int i = 0; i < rows.size(); i++) {
                double t = rows.get(i).tS();
                if (t >= fromS - 1e-9 && t <= toS + 1e-9 && buzzer.get(i)) {
                    return true;
                }
            }
            return false;
        }
    }

    private RecordingRun() {
    }

    static Result run(String scenarioText) {
        return run(scenarioText, new NioDurableFileSystem());
    }

    static Result run(String scenarioText, DurableFileSystem journalFiles) {
        List<TraceRow> rows = new ArrayList<>();
        List<Boolean> buzzer = new ArrayList<>();
        SimulatedSession[] session = new SimulatedSession[1];
        ScenarioRunner runner = new ScenarioRunner((config, start) -> {
            session[0] = new SimulatedSession(config, start, journalFiles);
            return new ScenarioHarness.Recording(session[0], row -> {
                rows.add(row);
                buzzer.add(session[0].buzzerOn());
            });
        });
        try {
            ScenarioResult result = runner.run(
                    ScenarioParser.parse(Path.of("inline.scenario"), scenarioText.lines().toList()),
                    Config.defaults(), Optional.empty());
            return new Result(new ScenarioHarness.Run(List.copyOf(rows), result, session[0]), List.copyOf(buzzer));
        } catch (ScenarioException e) {
            throw new AssertionError("bad test scenario:\n" + e.getMessage(), e);
        }
    }
}
