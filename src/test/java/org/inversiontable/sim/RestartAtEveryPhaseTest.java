package org.inversiontable.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SPEC §7 at every phase of a session: the controller is power-cycled (the table stays where it
 * is, the journal on disk survives), then the same script follows: nothing for 5 s, DOWN for 2 s,
 * UP held for 17 s, then DOWN held to the end (into the inverted-time limit).
 */
class RestartAtEveryPhaseTest {
    private static final double MAX_INVERTED_S = 90;
    private static final double TICK_S = 0.01;
    private static final String CONFIG = "config max_inverted_s=" + (int) MAX_INVERTED_S + "\nstart angle_deg=-65\n";
    /** A user session: down to the angle limit, a rest there, HOME: up, a pause at flat, home. */
    private static final List<Timed> USER_SESSION = List.of(
            new Timed(1, "press DOWN"), new Timed(45, "release DOWN"), new Timed(50, "click HOME"));

    enum Phase {
        AT_HOME_BEFORE_A_SESSION(0.5, USER_SESSION, false, false),
        MOVING_DOWN(18, List.of(new Timed(1, "press DOWN")), true, true),
        HOLDING_INVERTED(40, USER_SESSION, false, true),
        MOVING_UP(54, USER_SESSION, false, true),
        RESTING_AT_FLAT(66, USER_SESSION, false, false),
        RESTING_AT_HOME_IN_THE_SESSION(120, USER_SESSION, false, false),
        AFTER_A_FAULT(45, List.of(new Timed(1, "press DOWN"), new Timed(30, "release DOWN"),
                new Timed(40, "fault imu noise 20"), new Timed(41, "clear imu")), false, true),
        /** The power-cycle time is found from a run without one: 3 s into the return. */
        DURING_THE_AUTOMATIC_RETURN(Double.NaN, List.of(new Timed(1, "press DOWN")), true, true);

        final double powerCycleS;
        final List<Timed> before;
        final boolean downHeldThroughTheRestart;
        final boolean bootsInverted;

        Phase(double powerCycleS, List<Timed> before, boolean downHeld, boolean bootsInverted) {
            this.powerCycleS = powerCycleS;
            this.before = before;
            this.downHeldThroughTheRestart = downHeld;
            this.bootsInverted = bootsInverted;
        }
    }

    private record Timed(double tS, String action) {
    }

    /** A run and the time of its power-cycle. */
    private record Restart(RecordingRun.Result result, double tS) {
        ScenarioHarness.Run run() {
            return result.run();
        }

        /** The last row of the old process. */
        TraceRow before() {
            return run().at(tS);
        }

        /** The first row of the new process. */
        TraceRow after() {
            return run().first(tS + TICK_S / 2, r -> true);
        }
    }

    private static final Map<Phase, Restart> RUNS = new HashMap<>();

    private static synchronized Restart restart(Phase phase) {
        return RUNS.computeIfAbsent(phase, RestartAtEveryPhaseTest::runPhase);
    }

    private static Restart runPhase(Phase phase) {
        double found = phase.powerCycleS;
        if (Double.isNaN(found)) {
            String noRestart = script(phase.before, Double.POSITIVE_INFINITY) + "run 200\n";
            TraceRow returnStart = RecordingRun.run(noRestart).run().firstEvent("auto_return");
            assertNotNull(returnStart, "no automatic return in the run without a restart");
            found = Math.round((returnStart.tS() + 3) * 100) / 100.0;
        }
        double tp = found;
        List<Timed> all = new ArrayList<>(phase.before.stream().filter(a -> a.tS() < tp).toList());
        all.add(new Timed(tp, "power-cycle"));
        if (phase.downHeldThroughTheRestart) {
            all.add(new Timed(tp + 3, "release DOWN"));
        }
        all.add(new Timed(tp + 5, "press DOWN"));
        all.add(new Timed(tp + 7, "release DOWN"));
        all.add(new Timed(tp + 8, "press UP"));
        all.add(new Timed(tp + 25, "release UP"));
        all.add(new Timed(tp + 27, "press DOWN"));
        String text = script(all, Double.POSITIVE_INFINITY) + String.format(Locale.ROOT, "run %.2f%n", tp + 180);
        return new Restart(RecordingRun.run(text), tp);
    }

    private static String script(List<Timed> actions, double untilS) {
        StringBuilder s = new StringBuilder(CONFIG);
        actions.stream().filter(a -> a.tS() < untilS).sorted(Comparator.comparingDouble(Timed::tS))
                .forEach(a -> s.append(String.format(Locale.ROOT, "at %.2f %s%n", a.tS(), a.action())));
        return s.toString();
    }

    private static String describe(TraceRow r) {
        return String.format(Locale.ROOT, "t=%.2f %s angle_true=%.2f inverted_s=%.2f enabled=%s duty=%.3f event=%s",
                r.tS(), r.state(), r.angleTrueDeg(), r.invertedS(), r.enabled(), r.duty(), r.event());
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void afterARestartNothingMovesUntilAButtonIsPressed(Phase phase) {
        Restart r = restart(phase);
        double pressS = r.tS() + 5;
        for (TraceRow row : r.run().between(r.tS() + TICK_S / 2, pressS)) {
            assertTrue(!row.enabled(), "motor enabled before any press after the restart at " + r.tS() + " s: "
                    + describe(row));
        }
        double drift = Math.abs(r.run().at(pressS).angleTrueDeg() - r.before().angleTrueDeg());
        assertTrue(drift < 0.2, "the table moved " + drift + " deg without a press after the restart");
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void aRestartLosesAtMostOneSecondOfInvertedTime(Phase phase) {
        Restart r = restart(phase);
        double before = r.before().invertedS();
        double after = r.after().invertedS();
        assertTrue(after >= before - 1.0 && after <= before + 2 * TICK_S,
                "inverted_s " + before + " just before the restart, " + after + " just after");
        if (phase != Phase.AT_HOME_BEFORE_A_SESSION) {
            assertTrue(before > 1.0, "the phase should be in a session with inverted time, had " + before);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Phase.class, names = {"MOVING_DOWN", "HOLDING_INVERTED", "MOVING_UP", "AFTER_A_FAULT"})
    void bootingInvertedSoundsTheAlarmAndAllowsOnlyHomeOrUpUntilNoLongerInverted(Phase phase) {
        Restart r = restart(phase);
        double tp = r.tS();
        ScenarioHarness.Run run = r.run();
        if (phase == Phase.AFTER_A_FAULT) {
            assertNotNull(r.before().fault(), "the fault should be latched before the restart: " + describe(r.before()));
        }
        assertTrue(r.before().angleTrueDeg() > 5, "should restart inverted: " + describe(r.before()));
        assertTrue(r.result().buzzerSoundedBetween(tp + 6, tp + 8), "no alarm while booted inverted");

        for (TraceRow row : run.between(tp + 5, tp + 8)) {
            assertTrue(!(row.enabled() && row.duty() > 0), "DOWN drove toward inversion: " + describe(row));
        }
        double gained = run.at(tp + 8).angleTrueDeg() - run.at(tp + 5).angleTrueDeg();
        assertTrue(gained < 0.2, "DOWN moved the table " + gained + " deg deeper while booted inverted");

        assertTrue(run.between(tp + 8, tp + 25).stream().anyMatch(TraceRow::enabled), "UP held did not drive");
        double afterUp = run.at(tp + 25).angleTrueDeg();
        assertTrue(afterUp < 0, "UP held 17 s should bring the table out of inversion, at " + afterUp);
        assertTrue(!r.result().buzzerSoundedBetween(tp + 25.5, tp + 27), "the alarm goes on once no longer inverted");

        double rose = run.at(tp + 40).angleTrueDeg() - run.at(tp + 27).angleTrueDeg();
        assertTrue(rose > 1, "DOWN should work again once no longer inverted; it moved " + rose + " deg");
    }

    @ParameterizedTest
    @EnumSource(value = Phase.class, mode = EnumSource.Mode.EXCLUDE, names = "DURING_THE_AUTOMATIC_RETURN")
    void theCarriedOverBudgetAppliesAgainAfterAPress(Phase phase) {
        Restart r = restart(phase);
        ScenarioHarness.Run run = r.run();
        TraceRow autoReturn = run.first(r.tS() + 27, row -> "auto_return".equals(row.event()));
        assertNotNull(autoReturn, "no automatic return after the restart and DOWN held");
        // The limit counts the true time inverted in the whole session, across the restart.
        double trueInvertedS = run.rows().stream().filter(row -> row.angleTrueDeg() > 0).count() * TICK_S;
        assertTrue(trueInvertedS <= MAX_INVERTED_S, "true time inverted " + trueInvertedS + " s, limit "
                + MAX_INVERTED_S + " s; return started " + describe(autoReturn));
    }

    @org.junit.jupiter.api.Test
    void aRestartDuringTheAutomaticReturnResumesItAtTheFirstPressAndNeverGoesInvertedAgain() {
        Restart r = restart(Phase.DURING_THE_AUTOMATIC_RETURN);
        ScenarioHarness.Run run = r.run();
        // SPEC §4: a pending return resumes at a fresh UP or HOME press; the DOWN press before it
        // (at +5 s) does nothing, the UP press (at +8 s) resumes it.
        double downS = r.tS() + 5;
        double pressS = r.tS() + 8;
        for (TraceRow row : run.between(downS, pressS - TICK_S / 2)) {
            assertTrue(!row.enabled(), "DOWN moved the table while the return was pending: " + describe(row));
        }
        TraceRow resumed = run.first(pressS, row -> "auto_return".equals(row.event()));
        assertNotNull(resumed, "the return did not resume after the press");
        assertTrue(resumed.tS() <= pressS + 0.2, "the return resumed late: " + describe(resumed));
        double angleAtPress = run.at(pressS).angleTrueDeg();
        TraceRow flat = run.first(pressS, row -> row.angleTrueDeg() <= 0);
        assertNotNull(flat, "never back to 0 deg");
        double returnS = flat.tS() - pressS;
        assertTrue(returnS <= angleAtPress / 3.0 + 6, "back at 0 deg " + returnS + " s after the press from "
                + angleAtPress + " deg");
        for (TraceRow row : run.between(r.tS() + TICK_S / 2, flat.tS())) {
            assertTrue(!(row.enabled() && row.duty() > 0), "drove deeper during the return: " + describe(row));
        }
        double maxAfter = run.between(flat.tS(), run.rows().get(run.rows().size() - 1).tS()).stream()
                .mapToDouble(TraceRow::angleTrueDeg).max().orElseThrow();
        assertTrue(maxAfter <= 0, "the spent budget allowed inversion again after DOWN: " + maxAfter + " deg");
        assertEquals(1, run.between(pressS, pressS + 200).stream().filter(row -> "auto_return".equals(row.event()))
                .count(), "one automatic return after the restart");
    }
}
