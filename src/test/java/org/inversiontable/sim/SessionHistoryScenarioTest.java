package org.inversiontable.sim;

import org.inversiontable.scenario.SimulatedSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.inversiontable.session.EndedBy;
import org.inversiontable.session.HistoryCommand;
import org.inversiontable.session.HistoryRecord;
import org.inversiontable.session.SessionFiles;
import org.inversiontable.session.SessionHistory;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §7: a session ends once the table has rested at home for 60 s, and then one line goes to
 * the history saying how it ended. The simulated wall clock starts at
 * {@link SimulatedSession#WALL_CLOCK_EPOCH}, so the lines are the same at every run.
 */
class SessionHistoryScenarioTest {
    private static final Instant EPOCH = SimulatedSession.WALL_CLOCK_EPOCH;

    @TempDir
    Path dir;

    private record Ended(HistoryRecord line, ScenarioHarness.Run run) {
    }

    private Ended session(String actions, double runS) throws Exception {
        ScenarioHarness.Run run = RecordingRun.run("config journal_dir=" + dir + " max_inverted_s=60\n"
                + "start angle_deg=-65\n" + actions + "run " + runS + "\n").run();
        List<HistoryRecord> lines = new SessionHistory(dir.resolve(SessionFiles.DEFAULT_HISTORY_NAME)).read().records();
        assertEquals(1, lines.size(), "one session, one line: " + lines);
        return new Ended(lines.get(0), run);
    }

    /** The line's times and figures agree with the trace: ended 60 s after the table came home. */
    private static void checkAgainstTheTrace(Ended e) {
        HistoryRecord line = e.line();
        ScenarioHarness.Run run = e.run();
        TraceRow left = run.first(0, r -> r.angleMeasDeg() > -63);
        TraceRow home = null;
        for (TraceRow r : run.rows()) {
            boolean atHome = r.homeSwitch() && r.angleMeasDeg() <= -63;
            home = atHome ? (home == null ? r : home) : null;
        }
        assertNotNull(home, "the table never came home to rest");
        double startS = Duration.between(EPOCH, line.start()).toNanos() / 1e9;
        double endS = Duration.between(EPOCH, line.end()).toNanos() / 1e9;
        assertEquals(left.tS(), startS, 0.5, "the session starts when the table leaves home");
        assertEquals(home.tS() + 60, endS, 0.5, "the session ends 60 s after coming home (home at " + home.tS() + ")");
        double maxMeas = run.rows().stream().mapToDouble(TraceRow::angleMeasDeg).filter(Double::isFinite).max()
                .orElseThrow();
        assertEquals(maxMeas, line.maxAngleDeg(), 1e-9, "max angle");
        double lastInverted = run.at(endS - 0.02).invertedS();
        assertEquals(lastInverted, line.invertedS(), 0.02, "inverted seconds");
    }

    @Test
    void aSessionTheUserEndsIsRecordedAsUser() throws Exception {
        Ended e = session("at 1 press DOWN\nat 25 release DOWN\nat 30 click HOME\n", 200);
        assertEquals(EndedBy.USER, e.line().endedBy(), e.line().toJson());
        checkAgainstTheTrace(e);
        assertTrue(e.line().maxAngleDeg() > 29 && e.line().invertedS() > 10, e.line().toJson());
    }

    @Test
    void aSessionEndedByTheInvertedTimeLimitIsRecordedAsAutoReturn() throws Exception {
        // DOWN held into the limit; the return brings the table home by itself, nothing else is pressed.
        Ended e = session("at 1 press DOWN\nat 70 release DOWN\n", 220);
        assertEquals(EndedBy.AUTO_RETURN, e.line().endedBy(), e.line().toJson());
        checkAgainstTheTrace(e);
    }

    @Test
    void aSessionWithAnEstopIsRecordedAsEstop() throws Exception {
        Ended e = session("""
                at 1 press DOWN
                at 20 release DOWN
                at 22 estop press
                at 24 estop release
                at 25 press STOP
                at 27.5 release STOP
                at 29 click HOME
                """, 200);
        assertEquals(EndedBy.ESTOP, e.line().endedBy(), e.line().toJson());
        checkAgainstTheTrace(e);
    }

    @Test
    void aSessionWithAFaultIsRecordedAsFault() throws Exception {
        Ended e = session("""
                at 1 press DOWN
                at 20 release DOWN
                at 22 fault imu noise 20
                at 23 clear imu
                at 25 press STOP
                at 27.5 release STOP
                at 29 click HOME
                """, 200);
        assertEquals(EndedBy.FAULT, e.line().endedBy(), e.line().toJson());
        checkAgainstTheTrace(e);
    }

    @Test
    void aSessionCarriedOverARestartIsRecordedAsPowerLoss() throws Exception {
        Ended e = session("at 1 press DOWN\nat 20 release DOWN\nat 22 power-cycle\nat 25 click HOME\n", 200);
        assertEquals(EndedBy.POWER_LOSS, e.line().endedBy(), e.line().toJson());
        checkAgainstTheTrace(e);
        assertTrue(e.line().start().isBefore(EPOCH.plusSeconds(3)), "the start is kept over the restart at 22 s: "
                + e.line().start());
    }

    @Test
    void theHistoryCommandShowsTheRecordedSession() throws Exception {
        session("at 1 press DOWN\nat 25 release DOWN\nat 30 click HOME\n", 200);
        Path config = dir.resolve("table.conf");
        Files.writeString(config, "journal_dir = " + dir + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new HistoryCommand().run(List.of("--config", config.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ZoneOffset.UTC);
        String shown = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(shown.contains("2026-01-05  08:00") && shown.contains("user"), shown);
    }
}
