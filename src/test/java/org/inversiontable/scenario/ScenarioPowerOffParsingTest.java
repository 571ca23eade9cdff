package org.inversiontable.scenario;

import static org.inversiontable.scenario.ScenarioParserTest.parse;
import static org.inversiontable.scenario.ScenarioParserTest.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.inversiontable.hardware.Button;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §9 {@code power-off DURATION}: the duration's units (s, m, h, d; decimals allowed and
 * exact; a bare number refused), its bounds, and the time axis that jumps over the cut, so that
 * nothing may be timed inside it.
 */
class ScenarioPowerOffParsingTest {
    private static final long S = 1_000_000_000L;

    private static PowerOffAction powerOff(String duration, String seconds) throws ScenarioException {
        String runS = new java.math.BigDecimal(seconds).add(java.math.BigDecimal.TWO).toPlainString();
        Scenario s = parse("at 1 power-off " + duration + "\nrun " + runS);
        return (PowerOffAction) s.actions().get(0).action();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"90s, 90", "45m, 2700", "36h, 129600", "2d, 172800", "1.5h, 5400", "0.25d, 21600", "0.5s, 0.5",
            "400d, 34560000"})
    void theDurationIsANumberWithItsUnitExactly(String written, String seconds) throws Exception {
        PowerOffAction off = powerOff(written, seconds);
        assertEquals(new java.math.BigDecimal(seconds).movePointRight(9).longValueExact(), off.durationNanos());
        assertEquals("power-off " + written, off.describe());
    }

    static Stream<Arguments> badDurations() {
        return Stream.of(
                Arguments.of("at 1 power-off", "'power-off' is incomplete; expected power-off DURATION with a unit,"
                        + " e.g. power-off 2d (units: s (seconds), m (minutes), h (hours), d (days))"),
                Arguments.of("at 1 power-off 2", "power-off duration '2' has no unit; allowed units: s (seconds),"
                        + " m (minutes), h (hours), d (days), e.g. 90s, 45m, 36h, 2d, 1.5h"),
                Arguments.of("at 1 power-off 2 d", "power-off duration '2' has no unit; write the number and its unit"
                        + " as one word (2d); allowed units:"),
                Arguments.of("at 1 power-off 2w", "power-off duration '2w' has no unit; allowed units: s (seconds)"),
                Arguments.of("at 1 power-off 2D", "power-off duration '2D' has no unit"),
                Arguments.of("at 1 power-off 10ms", "power-off duration '10ms' is not a number followed by a unit"),
                Arguments.of("at 1 power-off d", "power-off duration 'd' is not a number followed by a unit"),
                Arguments.of("at 1 power-off 0s", "power-off duration '0s' must be more than 0"),
                Arguments.of("at 1 power-off -1d", "power-off duration '-1d' must be more than 0"),
                Arguments.of("at 1 power-off 401d", "power-off duration '401d' is too long; at most 400d"),
                Arguments.of("at 1 power-off 0.0000000001s", "power-off duration '0.0000000001s' is finer than 1 ns"),
                Arguments.of("at 1 power-off 2d now", "unexpected 'now' after power-off 2d"));
    }

    @ParameterizedTest
    @MethodSource("badDurations")
    void aBadDurationIsReportedOnItsLine(String line, String expected) {
        List<String> problems = problems("# line 1\n" + line + "\nrun 10");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("demo.scn:2: "), problems.get(0));
        assertTrue(problems.get(0).contains(expected), problems.get(0) + "\n  should contain: " + expected);
    }

    @Test
    void theUnknownActionMessageNamesPowerOff() {
        assertTrue(problems("at 1 power-of 2d\nrun 10").get(0).contains(
                "allowed: press, release, click, estop, fault, clear, power-cycle, power-off"));
    }

    @Test
    void everyStatementTimedInsideTheCutIsRefusedNamingWhenThePowerComesBack() {
        assertEquals(List.of(
                "demo.scn:3: 'at 400 press DOWN' at 400 s is before the power comes back at 173200 s"
                        + " (the 'at 400 power-off 2d' on line 2)",
                "demo.scn:4: 'at 1000 power-cycle' at 1000 s is before the power comes back at 173200 s"
                        + " (the 'at 400 power-off 2d' on line 2)",
                "demo.scn:5: the release 0.1 s after 'at 173300 click HOME' at 173300.1 s is before the power"
                        + " comes back at 173360.05 s (the 'at 173300.05 power-off 1m' on line 6)",
                "demo.scn:7: 'expect state IDLE at 500 s' is before the power comes back at 173200 s"
                        + " (the 'at 400 power-off 2d' on line 2)",
                "demo.scn:8: 'run 173360' ends before the power comes back at 173360.05 s (the 'at 173300.05"
                        + " power-off 1m' on line 6); run at least until 173360.05"),
                problems("""
                        at 399 press DOWN
                        at 400 power-off 2d
                        at 400 press DOWN
                        at 1000 power-cycle
                        at 173300 click HOME
                        at 173300.05 power-off 1m
                        expect state IDLE at 500
                        run 173360
                        """));
    }

    @Test
    void aStatementWhenThePowerComesBackOrAtTheCutBeforeItIsAllowed() throws Exception {
        Scenario s = parse("""
                at 400 press DOWN
                at 400 power-off 2d
                at 173200 release DOWN
                expect state HOLDING at 400
                expect state IDLE at 173200
                expect max_angle <= 45
                expect max_inverted_s <= 120
                run 173200
                """);
        assertEquals(List.of(new ButtonAction(Button.DOWN, true), new PowerOffAction(172_800 * S, "2d"),
                new ButtonAction(Button.DOWN, false)), ScenarioParserTest.actionsOf(s));
        assertEquals(4, s.expectations().size());
        assertEquals(400 * S, s.poweredNanos(), "the run ticks 400 s; the 2 days are one jump");
    }

    @Test
    void theSevenDayCapCountsOnlyTheTimeWithThePowerOn() throws Exception {
        // 8 weeks on the time axis, 3 days of it powered.
        Scenario s = parse("at 86400 power-off 20d\nat 1900800 power-off 33d\nrun 4838400");
        assertEquals(3 * 86_400 * S, s.poweredNanos());
        assertEquals(List.of("demo.scn:2: 'run 1296000' is longer than a scenario may run: at most 604800 s (7 days"
                        + " of simulated time with the power on; the power-off gaps do not count); split a longer test"
                        + " into several scenarios"),
                problems("at 1 power-off 2d\nrun 1296000"));
    }

    @Test
    void aScenarioBuiltInCodeCannotPutAnythingInsideACut() {
        TimedAction cut = new TimedAction(10 * S, 1, PowerOffAction.ofSeconds(100));
        TimedAction inside = new TimedAction(50 * S, 2, new ButtonAction(Button.UP, true));
        Path file = Path.of("built.scn");
        assertThrows(IllegalArgumentException.class, () -> new Scenario(file, Map.of(), StartState.defaults(),
                List.of(cut, inside), 200 * S, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Scenario(file, Map.of(), StartState.defaults(),
                List.of(cut), 100 * S, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Scenario(file, Map.of(), StartState.defaults(),
                List.of(cut), 200 * S, List.of(new StateAt(org.inversiontable.control.TableState.IDLE, 60 * S, 3))));
    }
}
