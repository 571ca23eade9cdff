package org.inversiontable.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §4 and §7: a button already held when the controller starts must be released before it
 * acts; no motion ever starts without a press after boot. Here the finger is on the button
 * before the restart's first tick, at home with no session in the journal.
 */
class ButtonHeldThroughARestartTest {
    @ParameterizedTest
    @ValueSource(strings = {"DOWN", "PRESET", "UP"})
    void aButtonHeldAtBootMovesNothingUntilReleasedAndPressedAgain(String button) {
        // PRESET and UP are held at -30 deg, where each would move the table if it acted.
        String scenario = String.format(Locale.ROOT, """
                start angle_deg=-30
                at 0 press %s
                at 0 power-cycle
                at 5 release %s
                at 6 press %s
                at 6.5 release %s
                run 10
                """, button, button, button, button);
        ScenarioHarness.Run run = ScenarioHarness.run(scenario);
        for (TraceRow row : run.between(0, 6)) {
            assertTrue(!row.enabled(), button + " held at boot drove the motor: t=" + row.tS() + " " + row.state()
                    + " duty=" + row.duty() + " angle_true=" + row.angleTrueDeg());
        }
        assertTrue(run.between(6, 10).stream().anyMatch(TraceRow::enabled),
                "a new press of " + button + " after the release should act");
    }
}
