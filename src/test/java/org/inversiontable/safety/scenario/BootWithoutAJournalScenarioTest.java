package org.inversiontable.safety.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.inversiontable.sim.ScenarioHarness;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §7: a boot inverted allows only HOME and UP until the table is no longer inverted, with or
 * without a journal; with no journal the time already spent is unknown and counts as the whole
 * budget. (A scenario's start is a boot with no journal.)
 */
class BootWithoutAJournalScenarioTest {

    @ParameterizedTest(name = "{0} kg at {1} deg")
    @CsvSource({"40,20", "80,20", "150,20", "150,60"})
    void bootingInvertedWithoutAJournalAllowsOnlyUpOrHomeAndCountsTheWholeBudget(int userKg, int angleDeg) {
        // Issue 13: DOWN took the table to the limit and the count started at 0.
        ScenarioHarness.Run run = new Scenarios().config("max_angle_deg=60 max_inverted_s=180")
                .start("angle_deg=" + angleDeg + " user_kg=" + userKg)
                .at(2, "press DOWN").at(8, "release DOWN").at(9, "click PRESET").at(12, "press UP")
                .runTo(12 + angleDeg / 2.0 + 60).run();
        assertTrue(run.at(0.5).invertedS() >= 180.0, "the count started at " + run.at(0.5).invertedS() + " s");
        TraceRow moved = run.first(0, r -> r.enabled() && r.tS() < 12);
        assertNull(moved, "DOWN/PRESET moved a table booted inverted: " + (moved == null ? "" : Scenarios.row(moved)));
        assertTrue(Scenarios.maxTrueBetween(run, 0, 12) <= angleDeg + 0.2, "went deeper after the boot");
        TraceRow ret = run.first(12, r -> "auto_return".equals(r.event()));
        assertNotNull(ret, "UP did not bring the table back on the spent budget");
        assertTrue(ret.tS() <= 12.2, "the way up started late: " + Scenarios.row(ret));
        assertNotNull(run.first(12, r -> r.angleTrueDeg() <= 0.0), "never back to 0 deg");
    }

    @ParameterizedTest(name = "{0} kg")
    @ValueSource(ints = {40, 80, 150})
    void bootingAwayFromHomeWithoutAJournalNeverGoesInvertedOnTheUnknownBudget(int userKg) {
        ScenarioHarness.Run run = new Scenarios().start("angle_deg=-30 user_kg=" + userKg)
                .at(2, "press DOWN").at(40, "release DOWN").at(42, "click PRESET").runTo(60).run();
        double deepest = run.maxTrueAngleDeg();
        assertTrue(deepest <= 0.0, String.format(Locale.ROOT, "went to %.2f deg (true) on an unknown past", deepest));
        assertTrue(run.at(40).angleTrueDeg() > -5.0, "DOWN did not move toward the flat rest");
    }

    @ParameterizedTest(name = "{0} kg")
    @ValueSource(ints = {40, 150})
    void bootingAtHomeWithoutAJournalIsAFreshSession(int userKg) {
        ScenarioHarness.Run run = new Scenarios().start("angle_deg=-65 user_kg=" + userKg)
                .at(1, "press DOWN").at(30, "release DOWN").runTo(35).run();
        assertEquals(0.0, run.at(0.5).invertedS());
        assertTrue(run.maxTrueAngleDeg() > 29.0, "a fresh table at home could not go down");
    }
}
