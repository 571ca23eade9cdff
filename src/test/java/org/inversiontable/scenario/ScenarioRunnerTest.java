package org.inversiontable.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.hardware.Button;
import org.inversiontable.trace.TraceException;
import org.inversiontable.trace.TraceReader;
import org.inversiontable.trace.TraceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioRunnerTest {
    /** Angle in degrees = t in seconds; state IDLE before 1 s, MOVING from 1 s; inverted_s = t / 2. */
    private static final ScriptedTarget.Script RAMP = (t, applied) ->
            ScriptedTarget.row(t, t < 1_000_000_000L ? "IDLE" : "MOVING", t / 1e9, t / 2e9);

    private static ScenarioResult run(String text, ScriptedTarget target) throws ScenarioException {
        Scenario s = ScenarioParserTest.parse(text);
        return new ScenarioRunner(target.factory()).run(s, Config.defaults(), Optional.empty());
    }

    private static ExpectationOutcome only(ScenarioResult r) {
        assertEquals(1, r.outcomes().size());
        return r.outcomes().get(0);
    }

    @Test
    void stateAtComparesTheLastRowAtOrBeforeTheTime() throws Exception {
        assertTrue(only(run("run 2\nexpect state IDLE at 0.995", new ScriptedTarget(RAMP, 0))).holds());
        ExpectationOutcome atOne = only(run("run 2\nexpect state IDLE at 1", new ScriptedTarget(RAMP, 0)));
        assertFalse(atOne.holds());
        assertEquals("MOVING (row at 1.000 s)", atOne.observed());
        assertEquals(2, atOne.line());
        assertEquals("state IDLE at 1 s", atOne.expected());
    }

    @Test
    void aTimedExpectationWithNoRowBeforeItFails() throws Exception {
        ExpectationOutcome o = only(run("run 1\nexpect state IDLE at 0.005", new ScriptedTarget(RAMP, 10_000_000L)));
        assertFalse(o.holds());
        assertEquals("no trace row at or before 0.005 s", o.observed());
    }

    @Test
    void angleAtUsesTheTrueAngleWithinTheTolerance() throws Exception {
        ScenarioResult r = run("""
                run 2
                expect angle 1.5 +- 0.01 at 1.5
                expect angle 1.2 +- 0.3 at 1.509
                expect angle 1.6 +- 0.05 at 1.5
                """, new ScriptedTarget(RAMP, 0));
        assertEquals(List.of(true, true, false), r.outcomes().stream().map(ExpectationOutcome::holds).toList());
        assertEquals("1.5000 deg (row at 1.500 s)", r.outcomes().get(2).observed());
        assertEquals(2, r.holdCount());
        assertFalse(r.allHold());
    }

    @Test
    void maxAngleLooksAtEveryRow() throws Exception {
        assertTrue(only(run("run 3\nexpect max_angle <= 3", new ScriptedTarget(RAMP, 0))).holds());
        ExpectationOutcome o = only(run("run 3\nexpect max_angle <= 2.99", new ScriptedTarget(RAMP, 0)));
        assertFalse(o.holds());
        assertEquals("max 3.0000 deg (at 3.000 s)", o.observed());
    }

    @Test
    void maxAngleFailsWhenOneRowHasNoTrueAngle() throws Exception {
        ScriptedTarget target = new ScriptedTarget(
                (t, a) -> ScriptedTarget.row(t, "IDLE", t == 500_000_000L ? Double.NaN : -65, 0), 0);
        ExpectationOutcome o = only(run("run 1\nexpect max_angle <= 30", target));
        assertFalse(o.holds());
        assertEquals("a row without a value at 0.500 s", o.observed());
    }

    @Test
    void maxInvertedSecondsLooksAtEveryRow() throws Exception {
        assertTrue(only(run("run 4\nexpect max_inverted_s <= 2", new ScriptedTarget(RAMP, 0))).holds());
        ExpectationOutcome o = only(run("run 4\nexpect max_inverted_s <= 1.99", new ScriptedTarget(RAMP, 0)));
        assertFalse(o.holds());
        assertEquals("max 2.0000 s (at 4.000 s)", o.observed());
    }

    @Test
    void eachActionIsAppliedAfterTheTickAtItsTimeInFileOrder() throws Exception {
        ScriptedTarget target = new ScriptedTarget(RAMP, 0);
        run("at 0.5 press UP\nat 0.5 press DOWN\nat 0.505 click STOP\nrun 1", target);
        assertEquals(List.of(
                new ScriptedTarget.Applied(500_000_000L, new ButtonAction(Button.UP, true)),
                new ScriptedTarget.Applied(500_000_000L, new ButtonAction(Button.DOWN, true)),
                new ScriptedTarget.Applied(500_000_000L, new ButtonAction(Button.STOP, true)),
                new ScriptedTarget.Applied(600_000_000L, new ButtonAction(Button.STOP, false))), target.log);
        // Strictly increasing: a target never has to cope with a repeated time.
        assertEquals(List.of(500_000_000L, 505_000_000L, 605_000_000L, 1_000_000_000L), target.runUntilCalls);
        assertTrue(target.closed);
    }

    @Test
    void anActionWhenThePowerComesBackActsAfterTheFirstTickOfTheBootedController() throws Exception {
        ScriptedTarget target = new ScriptedTarget(RAMP, 0);
        run("at 0.5 power-off 90s\nat 90.5 press UP\nrun 91\nexpect max_angle <= 91", target);
        assertEquals(List.of(
                new ScriptedTarget.Applied(500_000_000L, new PowerOffAction(90_000_000_000L, "90s")),
                new ScriptedTarget.Applied(90_500_000_000L, new ButtonAction(Button.UP, true))), target.log);
        assertEquals(List.of(500_000_000L, 90_500_000_000L, 91_000_000_000L), target.runUntilCalls,
                "the runner asks for the tick at T + D, never for one inside the cut");
    }

    @Test
    void theRowsOfTheRunSeeTheActionsAppliedSoFar() throws Exception {
        ScriptedTarget target = new ScriptedTarget((t, applied) ->
                ScriptedTarget.row(t, applied.isEmpty() ? "IDLE" : "ESTOP", 0, 0), 0);
        ScenarioResult r = run("at 1 estop press\nrun 2\nexpect state IDLE at 1\nexpect state ESTOP at 1.01", target);
        assertTrue(r.allHold(), r.outcomes().toString());
    }

    @Test
    void theTargetGetsTheScenarioConfigOverTheBaseAndTheStartState() throws Exception {
        ScriptedTarget target = new ScriptedTarget(RAMP, 0);
        Scenario s = ScenarioParserTest.parse("config max_angle_deg=45\nstart angle_deg=-10 seed=7\nrun 1");
        Config base = Config.defaults().with(ConfigKey.V_MAX_DEG_S, "4").with(ConfigKey.MAX_ANGLE_DEG, "20");
        new ScenarioRunner(target.factory()).run(s, base, Optional.empty());
        assertEquals("45", target.config.text(ConfigKey.MAX_ANGLE_DEG));
        assertEquals("4", target.config.text(ConfigKey.V_MAX_DEG_S));
        assertEquals(new StartState(-10, 80, 7, 0.3, 0.2), target.start);
    }

    @Test
    void everyRowIsStreamedToTheTrace(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("out.jsonl");
        Scenario s = ScenarioParserTest.parse("at 0.25 press UP\nrun 0.5");
        ScenarioResult r = new ScenarioRunner(new ScriptedTarget(RAMP, 0).factory())
                .run(s, Config.defaults(), Optional.of(trace));
        List<TraceRow> rows = TraceReader.readAll(trace);
        assertEquals(51, rows.size());
        assertEquals(51, r.rowCount());
        assertEquals(0.25, rows.get(25).tS());
        assertEquals(0.25, rows.get(25).angleTrueDeg());
    }

    @Test
    void anUnwritableTraceFailsBeforeTheTargetIsBuilt(@TempDir Path dir) throws Exception {
        ScriptedTarget target = new ScriptedTarget(RAMP, 0);
        Scenario s = ScenarioParserTest.parse("run 1");
        Path trace = dir.resolve("missing-dir").resolve("out.jsonl");
        TraceException e = assertThrows(TraceException.class,
                () -> new ScenarioRunner(target.factory()).run(s, Config.defaults(), Optional.of(trace)));
        assertTrue(e.getMessage().contains(trace.toString()), e.getMessage());
        assertEquals(null, target.start);
    }

    @Test
    void theTargetIsClosedWhenItFails() throws Exception {
        ScriptedTarget target = new ScriptedTarget((t, a) -> {
            throw new IllegalStateException("boom");
        }, 0);
        assertThrows(IllegalStateException.class, () -> run("run 1", target));
        assertTrue(target.closed);
    }
}
