package org.inversiontable.config;

import static org.inversiontable.config.ConfigTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCrossChecksTest {
    @TempDir
    Path dir;

    private List<ConfigProblem> problems(String... lines) throws Exception {
        Path file = write(dir, lines);
        return assertThrows(ConfigFileException.class, () -> ConfigFileParser.parse(file)).problems();
    }

    @Test
    void defaultsFitTogether() {
        assertEquals(List.of(), ConfigCrossChecks.problems(Config.defaults()));
    }

    @Test
    void returnSpeedAboveMaxSpeedIsRejectedOnTheLineOfTheLaterKey() throws Exception {
        List<ConfigProblem> p = problems("v_return_deg_s = 4", "# slower", "v_max_deg_s = 3");
        assertEquals(1, p.size());
        assertEquals(3, p.get(0).line());
        assertEquals("v_max_deg_s", p.get(0).key());
        assertTrue(p.get(0).message().contains("v_return_deg_s (4) may not exceed v_max_deg_s (3)"), p.get(0).message());
    }

    @Test
    void returnSpeedAboveTheDefaultMaxSpeedIsRejectedOnItsOwnLine() throws Exception {
        List<ConfigProblem> p = problems("max_angle_deg = 20", "v_return_deg_s = 6");
        assertEquals(2, p.get(0).line());
        assertEquals("v_return_deg_s", p.get(0).key());
    }

    @Test
    void aReturnFromTheAngleLimitThatCannotFitInTheBudgetIsRefusedNamingBothKeysAndTheNearestValues() throws Exception {
        // Issue 13: 0.5 deg/s from 90 deg took 204 s on the true angle with a 200 s budget.
        List<ConfigProblem> p = problems("max_angle_deg = 90", "max_inverted_s = 200", "v_return_deg_s = 0.5");
        assertEquals(1, p.size(), p.toString());
        String m = p.get(0).message();
        assertTrue(m.contains("max_angle_deg (90)") && m.contains("max_inverted_s (200)"), m);
        assertTrue(m.contains("raise max_inverted_s to at least 238"), m);
        assertTrue(m.contains("lower max_angle_deg to at most 75"), m);
        assertEquals(2, p.get(0).line(), "reported on the later of the two keys");
    }

    @Test
    void theSmallestBudgetTheCheckNamesIsAccepted() {
        Config refused = Config.defaults().with(ConfigKey.V_RETURN_DEG_S, "0.5").with(ConfigKey.MAX_INVERTED_S, "87");
        assertEquals(1, ConfigCrossChecks.problems(refused).size());
        assertEquals(List.of(), ConfigCrossChecks.problems(refused.with(ConfigKey.MAX_INVERTED_S, "88")));
        assertEquals(List.of(), ConfigCrossChecks.problems(refused.with(ConfigKey.MAX_ANGLE_DEG, "29")));
    }

    @Test
    void aBudgetNoAngleFitsInSaysSo() {
        Config c = Config.defaults().with(ConfigKey.V_RETURN_DEG_S, "0.5").with(ConfigKey.MAX_INVERTED_S, "10");
        String m = ConfigCrossChecks.problems(c).get(0).message();
        assertTrue(m.contains("raise max_inverted_s to at least 88 (no max_angle_deg above 0 fits in it)"), m);
    }

    @Test
    void aSlowTableWithTheWholeBudgetFitsFromNinetyDegrees() {
        Config c = Config.defaults().with(ConfigKey.V_RETURN_DEG_S, "0.5").with(ConfigKey.V_MAX_DEG_S, "0.5")
                .with(ConfigKey.MAX_ANGLE_DEG, "90").with(ConfigKey.MAX_INVERTED_S, "900");
        assertEquals(List.of(), ConfigCrossChecks.problems(c), "a slow table with the whole budget fits");
    }

    @Test
    void returnSpeedEqualToMaxSpeedIsAllowed() {
        assertDoesNotThrow(() -> ConfigFileParser.parse(write(dir, "v_max_deg_s = 4", "v_return_deg_s = 4")));
    }

    @Test
    void flatRestKeepsTheSensorsMarginBelowHorizontal() throws Exception {
        // SPEC §3: the rest is never above 0 on the true angle, and the sensor may read 1 deg
        // off; so flat_rest_deg is at most -1 (the controller adds the settle's margin itself).
        // The range also keeps the rest below any angle limit (max_angle_deg >= 0).
        List<ConfigProblem> p = problems("flat_rest_deg = -0.9");
        assertEquals(1, p.size(), p.toString());
        assertEquals(1, p.get(0).line());
        assertEquals("flat_rest_deg", p.get(0).key());
        assertTrue(p.get(0).message().contains("-1"), p.get(0).message());
        assertDoesNotThrow(() -> ConfigFileParser.parse(write(dir, "flat_rest_deg = -1", "max_angle_deg = 0")));
    }

    @Test
    void presetOutsideHomeAndTheAngleLimitIsAllowedBecauseItIsClampedAtUse() {
        assertDoesNotThrow(() -> ConfigFileParser.parse(write(dir, "max_angle_deg = 20", "preset_deg = 60")));
        assertDoesNotThrow(() -> ConfigFileParser.parse(write(dir, "home_deg = -50", "preset_deg = -60")));
    }

    @Test
    void twoPinKeysOnOneBcmPinAreRejectedNamingBoth() throws Exception {
        List<ConfigProblem> p = problems("pin_buzzer = 17");
        assertEquals(1, p.size());
        assertEquals("pin_buzzer", p.get(0).key());
        assertTrue(p.get(0).message().contains("pin_buzzer and pin_estop are both on BCM pin 17"), p.get(0).message());
    }

    @Test
    void swappingTwoPinsIsFine() {
        assertDoesNotThrow(() -> ConfigFileParser.parse(write(dir, "pin_led = 25", "pin_buzzer = 22")));
    }

    @Test
    void imuAxesMustDiffer() throws Exception {
        List<ConfigProblem> p = problems("imu_axis_normal = x");
        assertEquals(1, p.size());
        assertEquals("imu_axis_normal", p.get(0).key());
        assertTrue(p.get(0).message().contains("are both the chip's x axis"), p.get(0).message());
    }

    @Test
    void imuAxesMustDifferWhateverTheirSigns() throws Exception {
        List<ConfigProblem> p = problems("imu_axis_along = -z");
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).message().contains("imu_axis_along ('-z') and imu_axis_normal ('z')"), p.get(0).message());
    }

    @Test
    void aPinOnTheImuI2cBusIsRejected() throws Exception {
        List<ConfigProblem> p = problems("pin_led = 2");
        assertTrue(p.get(0).message().contains("SDA"), p.get(0).message());
        assertDoesNotThrow(() -> ConfigFileParser.parse(write(dir, "i2c_bus = 3", "pin_led = 2")));
    }

    @Test
    void aConflictWithAKeyAlreadyReportedBadIsNotReportedAgain() throws Exception {
        // v_max_deg_s is rejected, so its default (5) must not be blamed for v_return_deg_s = 6
        List<ConfigProblem> p = problems("v_max_deg_s = 9", "v_return_deg_s = 6");
        assertEquals(1, p.size(), p.toString());
        assertEquals("v_max_deg_s", p.get(0).key());
    }

    @Test
    void randomPinAssignmentsAreRejectedExactlyWhenTwoShareAPin() {
        Random random = new Random(42);
        List<ConfigKey> pins = List.copyOf(ConfigCrossChecks.pinKeys());
        for (int round = 0; round < 500; round++) {
            Config config = Config.defaults().with(ConfigKey.I2C_BUS, "0");
            java.util.Set<Integer> used = new java.util.HashSet<>();
            boolean shared = false;
            for (ConfigKey k : pins) {
                int pin = 4 + random.nextInt(24);
                shared |= !used.add(pin);
                config = config.with(k, Integer.toString(pin));
            }
            boolean reported = ConfigCrossChecks.problems(config).stream()
                    .anyMatch(p -> p.message().contains("BCM pin"));
            assertEquals(shared, reported, "round " + round);
        }
    }

    @Test
    void theSlowestAllowedSpeedsFitTheSlowestAllowedActuator() {
        // One PWM step above static friction: 30 deg/s * 0.01 / (1 - 0.3) = 0.43 deg/s <= 0.5.
        Config slowest = Config.defaults().with(java.util.Map.of(ConfigKey.V_MAX_DEG_S, "0.5",
                ConfigKey.V_RETURN_DEG_S, "0.5", ConfigKey.ACTUATOR_SPEED_DEG_S, "30", ConfigKey.ACTUATOR_MIN_DUTY, "0.3"));
        assertEquals(List.of(), ConfigCrossChecks.problems(slowest));
        assertEquals(0.4286, new org.inversiontable.motion.ActuatorCurve(30, 0.3).slowestSteadySpeedDegPerS(), 1e-4);
        assertEquals(0.1042, new org.inversiontable.motion.ActuatorCurve(10, 0.04).slowestSteadySpeedDegPerS(), 1e-4);
    }

    @Test
    void anAccelerationLimitGentlerThanTheActuatorsBrakeStopIsRefusedWithTheNearestAllowedValue() {
        // 30 deg/s, min duty 0.3: slowest steady speed 0.43 deg/s, stopped by the brake within
        // 20 ms; over SPEC §5's 0.2 s with the controller's 1.2 margin that needs a_max >= 1.79.
        Config fast = Config.defaults().with(java.util.Map.of(ConfigKey.A_MAX_DEG_S2, "1.7",
                ConfigKey.ACTUATOR_SPEED_DEG_S, "30", ConfigKey.ACTUATOR_MIN_DUTY, "0.3"));
        List<CrossCheckProblem> problems = ConfigCrossChecks.problems(fast);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(List.of(ConfigKey.A_MAX_DEG_S2, ConfigKey.ACTUATOR_SPEED_DEG_S, ConfigKey.ACTUATOR_MIN_DUTY),
                problems.get(0).keys());
        assertTrue(problems.get(0).message().contains("raise a_max_deg_s2 to at least 1.79"), problems.toString());
        assertEquals(List.of(), ConfigCrossChecks.problems(Config.defaults().with(java.util.Map.of(
                ConfigKey.A_MAX_DEG_S2, "1.79", ConfigKey.ACTUATOR_SPEED_DEG_S, "30", ConfigKey.ACTUATOR_MIN_DUTY, "0.3"))));
    }

    @Test
    void theDefaultActuatorHoldsTheGentlestAllowedAcceleration() {
        // 0.104 deg/s / (0.2 s * 1.2) = 0.43 <= 0.5, the key's minimum: the sweep's a_max 0.5 is allowed.
        assertEquals(0.434, new org.inversiontable.motion.ActuatorCurve(10, 0.04).gentlestAccelerationDegPerS2(), 1e-3);
        assertEquals(List.of(), ConfigCrossChecks.problems(Config.defaults().with(java.util.Map.of(
                ConfigKey.A_MAX_DEG_S2, "0.5"))));
    }
}
