package org.inversiontable.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.inversiontable.config.ConfigKey;
import org.inversiontable.control.TableState;
import org.inversiontable.hardware.Button;
import org.inversiontable.sim.FaultGroup;
import org.inversiontable.sim.HomeSwitchFault;
import org.inversiontable.sim.ImuFault;
import org.inversiontable.sim.MotorFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioParserTest {
    private static final Path FILE = Path.of("demo.scn");

    static Scenario parse(String text) throws ScenarioException {
        return ScenarioParser.parse(FILE, text.lines().toList());
    }

    static List<String> problems(String text) {
        return assertThrows(ScenarioException.class, () -> parse(text)).problems();
    }

    static List<Action> actionsOf(Scenario s) {
        return s.actions().stream().map(TimedAction::action).toList();
    }

    @Test
    void theSpecExampleParsesIntoEveryStatementForm() throws Exception {
        Scenario s = parse("""
                config max_angle_deg=45 max_inverted_s=120   # overrides, validated like the config file
                start angle_deg=-65 user_kg=80                # initial state of the simulated table
                at 1.0 press DOWN                             # press and hold a button
                at 9.0 release DOWN
                at 10.0 click PRESET                          # press then release 0.1 s later
                at 12.0 estop press                           # estop press | estop release
                at 13.0 estop release
                at 14.0 fault imu stale
                at 14.5 fault imu noise 0.5
                at 14.6 fault imu spike -12
                at 15.0 fault motor stall
                at 15.5 fault home-switch stuck-closed
                at 16.0 clear imu
                at 16.5 clear home-switch
                at 20.0 power-cycle                           # controller restarts
                run 300                                       # simulate until t = 300 s
                expect state IDLE at 30                       # state NAME at T
                expect angle 30 +- 0.5 at 40                  # angle_deg (true) within tolerance at T
                expect max_angle <= 45.5                      # over the whole run
                expect max_inverted_s <= 120
                """);
        assertEquals(Map.of(ConfigKey.MAX_ANGLE_DEG, "45", ConfigKey.MAX_INVERTED_S, "120"), s.configOverrides());
        assertEquals(new StartState(-65, 80, 1, 0.3, 0.2), s.start());
        assertEquals(List.of(
                new ButtonAction(Button.DOWN, true),
                new ButtonAction(Button.DOWN, false),
                new ButtonAction(Button.PRESET, true),
                new ButtonAction(Button.PRESET, false),
                new EstopAction(true),
                new EstopAction(false),
                ImuFaultAction.of(ImuFault.STALE),
                new ImuFaultAction(ImuFault.NOISE, 0.5),
                new ImuFaultAction(ImuFault.SPIKE, -12),
                new MotorFaultAction(MotorFault.STALL),
                new HomeSwitchFaultAction(HomeSwitchFault.STUCK_CLOSED),
                new ClearAction(FaultGroup.IMU),
                new ClearAction(FaultGroup.HOME_SWITCH),
                new PowerCycleAction()), actionsOf(s));
        assertEquals(300_000_000_000L, s.runUntilNanos());
        assertEquals(List.of(
                new StateAt(TableState.IDLE, 30_000_000_000L, 17),
                new AngleAt(30, 0.5, 40_000_000_000L, 18),
                new MaxAngleAtMost(45.5, 19),
                new MaxInvertedAtMost(120, 20)), s.expectations());
    }

    @Test
    void commentsAndBlankLinesAreIgnoredAndLinesCountFromOne() throws Exception {
        Scenario s = parse("""
                # a scenario

                   # indented comment
                at 2 press UP# comment right after a word
                run 5
                """);
        assertEquals(List.of(new TimedAction(2_000_000_000L, 4, new ButtonAction(Button.UP, true))), s.actions());
    }

    @Test
    void clickIsAPressAndAReleaseOneTenthSecondLater() throws Exception {
        Scenario s = parse("at 10 click STOP\nrun 11");
        assertEquals(List.of(
                new TimedAction(10_000_000_000L, 1, new ButtonAction(Button.STOP, true)),
                new TimedAction(10_100_000_000L, 1, new ButtonAction(Button.STOP, false))), s.actions());
    }

    @Test
    void statementsAtTheSameTimeRunInFileOrderAndActionsAreSortedByTime() throws Exception {
        Scenario s = parse("""
                at 5 press UP
                at 1 click HOME
                at 1.1 press DOWN
                at 5 release UP
                at 1.1 power-cycle
                run 6
                """);
        assertEquals(List.of(2, 2, 3, 5, 1, 4), s.actions().stream().map(TimedAction::line).toList());
        assertEquals(List.of(
                new ButtonAction(Button.HOME, true),
                new ButtonAction(Button.HOME, false),   // the click's release at 1.1 comes from line 2
                new ButtonAction(Button.DOWN, true),
                new PowerCycleAction(),
                new ButtonAction(Button.UP, true),
                new ButtonAction(Button.UP, false)), actionsOf(s));
    }

    @Test
    void timesAreExactNanosecondsNotBinaryFractions() throws Exception {
        Scenario s = parse("""
                at 0.3 press UP
                at 1.000000001 release UP
                at 0.7 click DOWN
                run 1e3
                expect state IDLE at 2.675
                """);
        assertEquals(List.of(300_000_000L, 700_000_000L, 800_000_000L, 1_000_000_001L),
                s.actions().stream().map(TimedAction::atNanos).toList());
        assertEquals(1_000_000_000_000L, s.runUntilNanos());
        assertEquals(2_675_000_000L, ((StateAt) s.expectations().get(0)).atNanos());
    }

    @Test
    void plusMinusSignIsAcceptedForTheAngleTolerance() throws Exception {
        Scenario s = parse("run 50\nexpect angle -1 ± 0.25 at 40");
        assertEquals(new AngleAt(-1, 0.25, 40_000_000_000L, 2), s.expectations().get(0));
    }

    @Test
    void startSettingsOverrideOnlyWhatTheyName() throws Exception {
        Scenario s = parse("start user_kg=120 seed=42 imu_noise_deg=0 imu_bias_deg=-1.5\nrun 1");
        assertEquals(new StartState(-65, 120, 42, 0, -1.5), s.start());
        assertEquals(StartState.defaults(), parse("run 1").start());
    }

    @Test
    void everyProblemInTheFileIsReportedAtOnceWithFileAndLine() {
        List<String> problems = problems("""
                config max_angle_deg=95
                start angle_deg=100
                at -1 press UP
                at 2 press JUMP
                expect state SLEEPING at 3
                wait 5
                """);
        assertEquals(List.of(
                "demo.scn:1: max_angle_deg: 95 is out of range; allowed: a number from 0 to 90",
                "demo.scn:2: angle_deg=100 is out of range; allowed: a number from -70 to 90",
                "demo.scn:3: negative time -1 for 'at'; times are seconds from the start, >= 0",
                "demo.scn:4: unknown button 'JUMP'; allowed: UP, DOWN, HOME, PRESET, STOP",
                "demo.scn:5: unknown state 'SLEEPING'; allowed: BOOT, IDLE, MOVING, HOLDING, RETURNING, ESTOP,"
                        + " FAULT, LIMP_HOME",
                "demo.scn:6: unknown statement 'wait'; allowed: config, start, at, run, expect",
                "demo.scn:6: no 'run T' statement; say how long to simulate, e.g. run 60"), problems);
    }

    @Test
    void theExceptionMessageListsOneProblemPerLine() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse("bogus\nrun x"));
        assertEquals("demo.scn:1: unknown statement 'bogus'; allowed: config, start, at, run, expect\n"
                + "demo.scn:2: 'x' for 'run' (seconds) is not a number", e.getMessage());
    }

    @Test
    void aMisspeltConfigKeyGetsADidYouMean() {
        assertEquals(List.of("demo.scn:1: unknown configuration key 'max_angel_deg'; did you mean max_angle_deg?"),
                problems("config max_angel_deg=45\nrun 1"));
    }

    @Test
    void everyBadSettingOnOneLineIsReported() {
        List<String> problems = problems("config max_angle_deg=x v_max_deg_s=99 imu_axis_along=w\nrun 1");
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("'x' is not a number"), problems.get(0));
        assertTrue(problems.get(1).contains("v_max_deg_s: 99 is out of range"), problems.get(1));
        assertTrue(problems.get(2).contains("imu_axis_along: 'w' is not allowed; allowed: one of x, -x, y, -y, z, -z"),
                problems.get(2));
    }

    @Test
    void aRemovedKeyIsRefusedSayingWhatReplacedIt() {
        List<String> problems = problems("config imu_sign=-1\nrun 1");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("imu_sign was removed") && problems.get(0).contains("imu_axis_along = -x"),
                problems.get(0));
    }

    @Test
    void aSpacedSettingDoesNotHideTheOtherSettingsOfItsLine() {
        List<String> problems = problems("config max_angle_deg = 45 v_max_deg_s=99\nrun 1");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(1).contains("v_max_deg_s: 99 is out of range"), problems.get(1));
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                Arguments.of("config max_angle_deg = 45", "'max_angle_deg = 45' has spaces around '='; write each setting as one word"),
                Arguments.of("start angle_deg= -60", "'angle_deg= -60' has spaces around '='"),
                Arguments.of("config max_angle_deg", "'max_angle_deg' is not key=value"),
                Arguments.of("start seed=1=2", "'seed=1=2' is not key=value"),
                Arguments.of("config", "'config' needs key=value settings"),
                Arguments.of("config max_angle_deg=40 max_angle_deg=41", "max_angle_deg is set twice (first on line 2)"),
                Arguments.of("start", "'start' needs key=value settings"),
                Arguments.of("start angle=-60", "unknown start key 'angle'; allowed: angle_deg, user_kg, seed,"),
                Arguments.of("start user_kg=250", "user_kg=250 is out of range; allowed: a number from 30 to 200"),
                Arguments.of("start seed=1.5", "'1.5' for seed is not a whole number"),
                Arguments.of("start user_kg=70 user_kg=80", "user_kg is set twice"),
                Arguments.of("at 1", "'at' needs a time and an action"),
                Arguments.of("at soon press UP", "'soon' for 'at' (seconds) is not a number"),
                Arguments.of("at 1.0000000001 press UP", "finer than 1 ns"),
                Arguments.of("at NaN press UP", "'NaN' for 'at' (seconds) is not a number"),
                Arguments.of("at 1 press", "'press' is incomplete; expected press BUTTON"),
                Arguments.of("at 1 press down", "unknown button 'down'; allowed: UP, DOWN, HOME, PRESET, STOP"),
                Arguments.of("at 1 press UP DOWN", "unexpected 'DOWN' after press UP"),
                Arguments.of("at 1 jump", "unknown action 'jump'; allowed: press, release, click, estop, fault"),
                Arguments.of("at 1 estop open", "unknown estop action 'open'; allowed: press, release"),
                Arguments.of("at 1 fault imu melted", "unknown imu fault 'melted'; allowed: stale, disconnect, stuck, noise, spike"),
                Arguments.of("at 1 fault motor smoke", "unknown motor fault 'smoke'; allowed: stall, reversed"),
                Arguments.of("at 1 fault home-switch broken", "unknown home-switch fault 'broken'; allowed: stuck-open, stuck-closed"),
                Arguments.of("at 1 fault buzzer stuck", "unknown fault device 'buzzer'; allowed: imu, motor, home-switch"),
                Arguments.of("at 1 fault imu", "is incomplete; expected fault imu KIND"),
                Arguments.of("at 1 fault imu noise", "'fault imu noise' needs the noise sigma in degrees"),
                Arguments.of("at 1 fault imu noise -2", "noise sigma -2 is out of range"),
                Arguments.of("at 1 fault imu spike", "'fault imu spike' needs the offset in degrees"),
                Arguments.of("at 1 fault imu spike big", "'big' for spike offset (deg) is not a number"),
                Arguments.of("at 1 fault imu stale 3", "unexpected '3' after fault imu stale"),
                Arguments.of("at 1 clear buttons", "unknown fault group 'buttons'; allowed: imu, motor, home-switch"),
                Arguments.of("at 1 power-cycle now", "unexpected 'now' after power-cycle"),
                Arguments.of("expect", "'expect' needs a check; allowed: expect state NAME at T"),
                Arguments.of("expect speed <= 3", "unknown expectation 'speed'"),
                Arguments.of("expect state IDLE", "is incomplete; form: expect state NAME at T"),
                Arguments.of("expect state IDLE after 3", "expected 'at', got 'after'"),
                Arguments.of("expect angle 30 within 0.5 at 4", "expected '+-' (or '±') after the angle, got 'within'"),
                Arguments.of("expect angle 30 +- -1 at 4", "tolerance -1 is negative"),
                Arguments.of("expect angle thirty +- 1 at 4", "'thirty' for expected angle (deg) is not a number"),
                Arguments.of("expect max_angle < 45", "expected '<=', got '<'"),
                Arguments.of("expect max_angle <= 45 deg", "unexpected 'deg' after expect max_angle <= X"),
                Arguments.of("expect max_inverted_s <= -5", "max_inverted_s -5 is negative"));
    }

    @ParameterizedTest
    @MethodSource("badLines")
    void aBadStatementIsReportedOnItsLineNamingTheToken(String line, String expected) {
        List<String> problems = problems("# line 1\n" + line + "\nrun 10");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("demo.scn:2: "), problems.get(0));
        assertTrue(problems.get(0).contains(expected), problems.get(0) + "\n  should contain: " + expected);
    }

    @Test
    void aSecondStartOrRunIsAnError() {
        assertEquals(List.of(
                "demo.scn:2: a second 'start' statement (the first is on line 1); put every start setting on one line",
                "demo.scn:4: a second 'run' statement (the first is on line 3)"),
                problems("start user_kg=70\nstart seed=3\nrun 10\nrun 20"));
    }

    @Test
    void runZeroAndAMissingRunTimeAreErrors() {
        assertTrue(problems("run 0").get(0).contains("'run 0' simulates nothing"));
        assertTrue(problems("run").get(0).contains("'run' needs the simulated time"));
    }

    @Test
    void anActionOrExpectationAfterTheRunIsAnError() {
        assertEquals(List.of(
                "demo.scn:1: 'at 10.5 press UP' at 10.5 s is after the end of the run ('run 10' on line 4)",
                "demo.scn:2: the release 0.1 s after 'at 9.95 click UP' at 10.05 s is after the end of the run"
                        + " ('run 10' on line 4)",
                "demo.scn:3: 'expect state IDLE at 11 s' is after the end of the run ('run 10' on line 4)"),
                problems("at 10.5 press UP\nat 9.95 click UP\nexpect state IDLE at 11\nrun 10\n"
                        + "at 10 release UP\nexpect angle 0 +- 1 at 10\nexpect max_angle <= 30"));
    }

    @Test
    void anUnreadableFileIsAnErrorNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.scn");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(missing));
        assertEquals(missing + ": cannot read the scenario file: no such file", e.getMessage());
    }

    @Test
    void aFileIsReadAsUtf8WithOrWithoutAByteOrderMark(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bom.scn");
        Files.writeString(file, "\uFEFFrun 3\nexpect angle 1 ± 2 at 3\n");
        Scenario s = ScenarioParser.parse(file);
        assertEquals(file, s.file());
        assertEquals(new AngleAt(1, 2, 3_000_000_000L, 2), s.expectations().get(0));
        Files.write(file, new byte[] {'r', 'u', 'n', ' ', (byte) 0xff});
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(file));
        assertEquals(file + ": cannot read the scenario file: not UTF-8 text", e.getMessage());
    }
}
