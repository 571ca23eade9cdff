package org.inversiontable.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.inversiontable.config.Config;
import org.inversiontable.scenario.PowerOffAction;
import org.inversiontable.scenario.SimulatedSession;
import org.inversiontable.scenario.StartState;
import org.inversiontable.session.EndedBy;
import org.inversiontable.session.HistoryRecord;
import org.inversiontable.session.SessionFiles;
import org.inversiontable.session.SessionHistory;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §9 {@code power-off DURATION} with §7 and §13: a power cut of days is one jump of the
 * simulated clock. Nothing ticks during it (no rows, no inverted time), the history's wall clock
 * moves on by the duration, the journaled session goes on after the boot with its budget, and the
 * controller does not move by itself until a button is pressed.
 */
class PowerOffScenarioTest {
    private static final Instant EPOCH = SimulatedSession.WALL_CLOCK_EPOCH;
    private static final double MAX_INVERTED_S = 60;
    private static final double TWO_DAYS_S = 2 * 86_400;
    /** Inverted and holding: DOWN held to about 25 deg, released. */
    private static final double CUT_S = 30;
    private static final double BACK_S = CUT_S + TWO_DAYS_S;
    private static final double UP_PRESSED_S = BACK_S + 5;

    @TempDir
    Path dir;

    private String config() {
        return "config journal_dir=" + dir + " max_inverted_s=" + (int) MAX_INVERTED_S + "\nstart angle_deg=-65\n";
    }

    private List<HistoryRecord> history() throws Exception {
        return new SessionHistory(dir.resolve(SessionFiles.DEFAULT_HISTORY_NAME)).read().records();
    }

    /** A session inverted when the power goes off for 2 days; UP pressed 5 s after the boot, briefly. */
    private ScenarioHarness.Run cutWhileInverted() {
        return RecordingRun.run(config() + String.format(Locale.ROOT, """
                at 1 press DOWN
                at 20 release DOWN
                at %.0f power-off 2d
                at %.0f press UP
                at %.0f release UP
                run %.0f
                """, CUT_S, UP_PRESSED_S, UP_PRESSED_S + 1, BACK_S + 300)).run();
    }

    private static TraceRow firstAfterTheCut(ScenarioHarness.Run run) {
        return run.first(CUT_S + 0.005, r -> true);
    }

    @Test
    void nothingTicksWhileThePowerIsOffAndTheNextRowIsTheBootWhenItComesBack() {
        ScenarioHarness.Run run = cutWhileInverted();
        assertTrue(run.between(CUT_S + 0.005, BACK_S - 0.005).isEmpty(), "trace rows inside the cut");
        TraceRow lastBefore = run.at(CUT_S);
        TraceRow boot = firstAfterTheCut(run);
        assertEquals(CUT_S, lastBefore.tS(), 1e-9);
        assertEquals(BACK_S, boot.tS(), 1e-9, "the first row after the cut is at T + D");
        assertNotNull(boot.boot(), "and carries the boot, as a power-cycle's does");
        assertEquals(BACK_S * 1e9, boot.boot().tNs(), 1, "the controller boots when the power comes back");
        // 100 Hz over 0..30 s and over the 300 s after the cut, both ends included; nothing between.
        assertEquals(3001 + 30001, run.rows().size());
    }

    @Test
    void theInvertedTimeDoesNotGrowDuringTheCutAndTheTableStaysWhereItWas() {
        ScenarioHarness.Run run = cutWhileInverted();
        TraceRow before = run.at(CUT_S);
        TraceRow boot = firstAfterTheCut(run);
        assertTrue(before.angleTrueDeg() > 20, "the cut was meant to find the table inverted: " + before.angleTrueDeg());
        assertTrue(boot.boot().sessionActive(), "the journaled session goes on after the boot");
        double carried = boot.boot().invertedS();
        assertTrue(carried <= before.invertedS() && carried > before.invertedS() - 1.0, String.format(Locale.ROOT,
                "the journal carries the count over, less at most a second (SPEC §7): %.2f s before, %.2f s after",
                before.invertedS(), carried));
        assertTrue(boot.invertedS() < before.invertedS() + 0.02, "2 days off counted as inverted time: "
                + boot.invertedS());
        assertEquals(before.angleTrueDeg(), boot.angleTrueDeg(), 0.01, "the table moved during the cut");
        assertEquals(before.angleMeasDeg(), boot.angleMeasDeg(), 1.5, "the sensor reads the same table after the cut");
        assertTrue(run.between(BACK_S, BACK_S + 300).stream().allMatch(r -> r.fault() == null),
                "a fault after the cut (an IMU staleness artefact of the clock's jump?)");
    }

    @Test
    void afterTheCutNothingMovesUntilAButtonAndTheCarriedBudgetStillBringsTheUserBackInTime() {
        ScenarioHarness.Run run = cutWhileInverted();
        TraceRow moved = run.first(BACK_S, r -> r.enabled() && r.tS() < UP_PRESSED_S);
        assertNull(moved, "the controller moved by itself after the power came back (SPEC §7)");
        TraceRow ret = run.first(BACK_S, r -> "auto_return".equals(r.event()));
        assertNotNull(ret, "no automatic return after the cut");
        double carried = firstAfterTheCut(run).boot().invertedS();
        assertTrue(ret.tS() - BACK_S < MAX_INVERTED_S - carried, String.format(Locale.ROOT,
                "the return started %.1f s after the boot: the budget was not carried over (%.1f s already spent)",
                ret.tS() - BACK_S, carried));
        assertTrue(run.maxInvertedS() <= MAX_INVERTED_S, "inverted " + run.maxInvertedS() + " s over the cut");
        assertNotNull(run.first(ret.tS(), r -> r.angleTrueDeg() <= 0.0), "the return never reached 0 deg");
    }

    @Test
    void theSessionThatSpansTheCutIsOneHistoryLineTwoDaysLong() throws Exception {
        cutWhileInverted();
        List<HistoryRecord> lines = history();
        assertEquals(1, lines.size(), lines.toString());
        HistoryRecord line = lines.get(0);
        assertTrue(line.start().isBefore(EPOCH.plusSeconds((long) CUT_S)), "started before the cut: " + line.start());
        assertTrue(line.end().isAfter(EPOCH.plusSeconds((long) BACK_S)), "ended after it: " + line.end());
        assertTrue(Duration.between(line.start(), line.end()).compareTo(Duration.ofDays(2)) > 0,
                "the history's wall clock moved on by the 2 days: " + line.toJson());
        assertEquals(LocalDate.of(2026, 1, 5), line.start().atZone(ZoneOffset.UTC).toLocalDate());
        assertEquals(LocalDate.of(2026, 1, 7), line.end().atZone(ZoneOffset.UTC).toLocalDate());
    }

    @Test
    void aSessionCutAtHomeEndsAfterTheBootAsAPowerLoss() throws Exception {
        // Home at about 80 s; the cut comes within the minute at home that would have ended the session.
        RecordingRun.run(config() + """
                at 1 press DOWN
                at 25 release DOWN
                at 30 click HOME
                at 100 power-off 2d
                run 173200
                """).run();
        List<HistoryRecord> lines = history();
        assertEquals(1, lines.size(), lines.toString());
        HistoryRecord line = lines.get(0);
        assertEquals(EndedBy.POWER_LOSS, line.endedBy(), line.toJson());
        assertTrue(line.start().isBefore(EPOCH.plusSeconds(100)), line.toJson());
        assertFalse(line.end().isBefore(EPOCH.plusSeconds(100 + 172_800)), "ended before the power came back: "
                + line.toJson());
    }

    @Test
    void aCutIsOneJumpOfTheClockNotMillionsOfPhysicsSteps() {
        try (SimulatedSession session = new SimulatedSession(Config.defaults(), StartState.defaults())) {
            List<TraceRow> rows = new ArrayList<>();
            session.runUntil(1_000_000_000L, rows::add);
            long samplesBefore = session.table().imuOutput().sequence();
            session.apply(PowerOffAction.ofSeconds(30L * 86_400));
            long day30 = 30L * 86_400 * 1_000_000_000L;
            assertEquals(1_000_000_000L + day30, session.table().elapsedNanos(), "the table's clock jumped with the cut");
            assertEquals(samplesBefore + 1, session.table().imuOutput().sequence(),
                    "the unpowered IMU took no samples in 30 days, one when the power came back");
            assertFalse(session.relay().motorPowered(), "motor power is off until a new process toggles the line");
            session.runUntil(1_000_000_000L + day30 + 1_000_000_000L, rows::add);
            assertEquals(101 + 101, rows.size(), "one second before and one after the cut, ticked; nothing between");
            assertTrue(session.relay().motorPowered(), "the booted controller's heartbeat brought the relay back");
        }
    }

    @Test
    void theShippedWeekOfSessionsHoldsEveryExpectation() throws Exception {
        Path file = Path.of("scenarios/three-sessions-a-week.scenario");
        List<TraceRow> rows = new ArrayList<>();
        org.inversiontable.scenario.ScenarioResult result = new org.inversiontable.scenario.ScenarioRunner(
                SimulatedSession::new).run(org.inversiontable.scenario.ScenarioParser.parse(file), Config.defaults(),
                java.util.Optional.empty(), rows::add);
        assertTrue(result.allHold(), result.outcomes().toString());
        assertEquals(3, rows.stream().filter(r -> r.boot() != null).count(), "the first start and two after cuts");
    }

    @Test
    void eightWeeksOfThreeSessionsAWeekWithTheTableSwitchedOffBetween() throws Exception {
        int[] weekdays = {0, 2, 4};
        List<Long> startsS = new ArrayList<>();
        for (int week = 0; week < 8; week++) {
            for (int day : weekdays) {
                startsS.add((week * 7L + day) * 86_400);
            }
        }
        StringBuilder s = new StringBuilder(config());
        long sessionS = 160;
        for (int i = 0; i < startsS.size(); i++) {
            long t = startsS.get(i);
            // Down to the limit, a rest there, HOME: home by about 80 s, the session ends a minute later.
            s.append("at ").append(t + 1).append(" press DOWN\n");
            s.append("at ").append(t + 25).append(" release DOWN\n");
            s.append("at ").append(t + 30).append(" click HOME\n");
            if (i + 1 < startsS.size()) {
                s.append("at ").append(t + sessionS).append(" power-off ")
                        .append(startsS.get(i + 1) - t - sessionS).append("s\n");
            }
        }
        s.append("run ").append(startsS.get(startsS.size() - 1) + sessionS).append('\n');
        ScenarioHarness.Run run = RecordingRun.run(s.toString()).run();

        List<HistoryRecord> lines = history();
        assertEquals(24, lines.size(), "one line a session: " + lines);
        for (int i = 0; i < lines.size(); i++) {
            HistoryRecord line = lines.get(i);
            LocalDate day = EPOCH.plusSeconds(startsS.get(i)).atZone(ZoneOffset.UTC).toLocalDate();
            assertEquals(day, line.start().atZone(ZoneOffset.UTC).toLocalDate(), "session " + i + ": " + line.toJson());
            assertEquals(day, line.end().atZone(ZoneOffset.UTC).toLocalDate(), "session " + i + ": " + line.toJson());
            assertEquals(EndedBy.USER, line.endedBy(), "session " + i + ": " + line.toJson());
            assertTrue(line.maxAngleDeg() > 20, "session " + i + " inverted: " + line.toJson());
        }
        assertEquals(LocalDate.of(2026, 2, 27), lines.get(23).start().atZone(ZoneOffset.UTC).toLocalDate(),
                "the Friday of the eighth week");
        assertEquals(24 * 16_001, run.rows().size(), "160 s ticked a session, the days between jumped over");
    }
}
