package org.inversiontable.safety.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.inversiontable.sim.ScenarioHarness;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §3, §4: an automatic return held up by the e-stop waits for a fresh UP or HOME press after
 * the reset (a reset never moves the table, other buttons do nothing), and once the return has
 * run, the budget stays spent for the rest of the session, a restart included.
 */
class PendingReturnAndSpentBudgetScenarioTest {
    private static final String BUDGET = "max_inverted_s=60";

    private static Scenarios downAndHold(int userKg) {
        return new Scenarios().config(BUDGET).start("angle_deg=-65 user_kg=" + userKg)
                .at(1, "press DOWN").at(25, "release DOWN");
    }

    /** When the return starts in the plain session (the same in every run: simulated time). */
    private static double returnStartS(int userKg) {
        TraceRow ret = downAndHold(userKg).runTo(120).run().firstEvent("auto_return");
        assertNotNull(ret, "no automatic return");
        return ret.tS();
    }

    @ParameterizedTest(name = "{0} kg")
    @ValueSource(ints = {40, 80, 150})
    void aPendingReturnResumesOnlyAtAFreshUpOrHomePressAfterTheReset(int userKg) {
        double ret = returnStartS(userKg);
        // Issue 13: e-stop during the return, released, STOP held 2 s: the return drove again
        // 0.7 s after the reset with nothing pressed but the STOP still held.
        ScenarioHarness.Run run = downAndHold(userKg)
                .at(ret + 2, "estop press").at(ret + 3, "estop release")
                .at(ret + 4, "press STOP").at(ret + 9, "release STOP")
                .at(ret + 11, "click DOWN").at(ret + 13, "click PRESET").at(ret + 15, "click STOP")
                .at(ret + 17, "press UP").runTo(ret + 80).run();
        TraceRow reset = run.first(ret + 4, r -> "reset".equals(r.event()));
        assertNotNull(reset, "no reset");
        TraceRow moved = run.first(ret + 2.05, r -> r.enabled() && r.tS() < ret + 17);
        assertNull(moved, "the table moved while the return was pending: " + (moved == null ? "" : Scenarios.row(moved)));
        double still = Math.abs(run.at(ret + 16.9).angleTrueDeg() - run.at(ret + 4).angleTrueDeg());
        assertTrue(still < 0.2, "the table moved " + still + " deg while the return was pending");
        TraceRow resumed = run.first(ret + 17, r -> "auto_return".equals(r.event()));
        assertNotNull(resumed, "UP did not resume the return");
        assertTrue(resumed.tS() <= ret + 17.2, "the return resumed late: " + Scenarios.row(resumed));
        assertNotNull(run.first(resumed.tS(), r -> r.angleTrueDeg() <= 0.0), "the resumed return never reached 0");
    }

    @ParameterizedTest(name = "{0} kg")
    @ValueSource(ints = {40, 80, 150})
    void afterTheAutomaticReturnDownAndPresetStopAtTheFlatRestForTheRestOfTheSession(int userKg) {
        double ret = returnStartS(userKg);
        // Home by about ret + 52 (the way up, the flat rest, the creep onto the switch at the
        // acceleration limit); well within the 60 s at home that would end the session.
        ScenarioHarness.Run run = downAndHold(userKg).at(ret + 60, "press DOWN").at(ret + 90, "release DOWN")
                .at(ret + 92, "click PRESET").runTo(ret + 110).run();
        assertEquals("IDLE", run.at(ret + 59).state(), Scenarios.row(run.at(ret + 59)));
        double deepest = Scenarios.maxTrueBetween(run, ret + 60, ret + 110);
        assertTrue(deepest <= 0.0, String.format(Locale.ROOT,
                "DOWN/PRESET took the table to %.2f deg (true) after the automatic return", deepest));
        assertTrue(run.at(ret + 90).angleTrueDeg() > -10.0, "DOWN did not move toward the flat rest at all");
    }

    @ParameterizedTest(name = "{0} kg")
    @ValueSource(ints = {40, 80, 150})
    void theBudgetSpentByTheAutomaticReturnStaysSpentAfterARestart(int userKg) {
        double ret = returnStartS(userKg);
        ScenarioHarness.Run run = downAndHold(userKg).at(ret + 45, "power-cycle")
                .at(ret + 47, "press DOWN").at(ret + 77, "release DOWN").at(ret + 79, "click PRESET")
                .runTo(ret + 120).run();
        double deepest = Scenarios.maxTrueBetween(run, ret + 45, ret + 120);
        assertTrue(deepest <= 0.0, String.format(Locale.ROOT,
                "after a restart DOWN/PRESET took the table to %.2f deg (true) on a spent budget", deepest));
        long returns = run.rows().stream().filter(r -> "auto_return".equals(r.event())).count();
        assertEquals(1, returns, "the automatic return ran again after the restart");
    }
}
