package org.inversiontable.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimulatedSessionTest {
    private static final String DOWN_AND_HOME = """
            start angle_deg=-65 user_kg=80
            at 1 press DOWN
            at 30 release DOWN
            at 40 click HOME
            run 100
            expect angle 30 +- 0.5 at 29
            expect state IDLE at 100
            """;

    @Test
    void holdDownReachesTheAngleLimitAndHomeBringsTheTableBack() {
        ScenarioHarness.Run run = ScenarioHarness.run(DOWN_AND_HOME);
        assertTrue(run.allHold(), run.result().outcomes().toString());
    }

    @Test
    void theSameScenarioGivesTheSameTraceBitForBit() {
        ScenarioHarness.Run first = ScenarioHarness.run(DOWN_AND_HOME);
        ScenarioHarness.Run second = ScenarioHarness.run(DOWN_AND_HOME);
        assertEquals(first.rows(), second.rows());
    }

    @Test
    void oneRowPerTickAtOneHundredHertz() {
        ScenarioHarness.Run run = ScenarioHarness.run("start angle_deg=-65\nrun 10\n");
        assertEquals(1001, run.rows().size());
        assertEquals(0.01, run.rows().get(1).tS() - run.rows().get(0).tS(), 1e-12);
    }

    @Test
    void aStopClickDuringTheRestBelowHorizontalEndsTheMoveAtOnce() {
        ScenarioHarness.Run run = ScenarioHarness.run("""
                start angle_deg=-65
                at 1 press DOWN
                at 25 release DOWN
                at 30 click HOME
                run 60
                """);
        double restS = run.firstEvent("flat_rest").tS();
        ScenarioHarness.Run stopped = ScenarioHarness.run("""
                start angle_deg=-65
                at 1 press DOWN
                at 25 release DOWN
                at 30 click HOME
                at %.2f click STOP
                run 60
                """.formatted(restS + 2));
        assertEquals("HOLDING", stopped.at(restS + 2.2).state(), "the STOP click ends the move during the rest");
        assertTrue(stopped.between(restS + 2, 60).stream().noneMatch(r -> r.enabled()), "and nothing moves after it");
    }
}
