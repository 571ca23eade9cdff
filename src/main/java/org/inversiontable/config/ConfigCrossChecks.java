package org.inversiontable.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.inversiontable.motion.ActuatorCurve;
import org.inversiontable.motion.ReturnDuration;

/**
 * Checks between keys that {@link ConfigValues} cannot make one key at a time. Run on every
 * configuration before use (SPEC §6: a configuration that fails validation refuses to start):
 *
 * <pre>{@code
 * List<CrossCheckProblem> problems = ConfigCrossChecks.problems(config);
 * if (!problems.isEmpty()) { ...refuse to start, list them... }
 * }</pre>
 */
public final class ConfigCrossChecks {
    /** BCM pins of I2C bus 1 (SDA, SCL), which the IMU uses. */
    private static final int I2C1_SDA_BCM = 2;
    private static final int I2C1_SCL_BCM = 3;

    private ConfigCrossChecks() {
    }

    /** Every conflict found; empty when the keys fit together. */
    public static List<CrossCheckProblem> problems(Config config) {
        List<CrossCheckProblem> problems = new ArrayList<>();
        returnSpeed(config, problems);
        slowestSpeed(config, problems);
        gentlestAcceleration(config, problems);
        returnFitsTheBudget(config, problems);
        flatRest(config, problems);
        imuAxes(config, problems);
        pinCollisions(config, problems);
        i2cPins(config, problems);
        profiles(config, problems);
        return problems;
    }

    /** The limits of the table that a profile's ceiling runs with in the cross-checks. */
    private static final List<ConfigKey> CEILING_KEYS = List.of(ConfigKey.MAX_ANGLE_DEG, ConfigKey.MAX_INVERTED_S,
            ConfigKey.V_MAX_DEG_S, ConfigKey.V_RETURN_DEG_S);

    // SPEC §13: a profile's ceiling never exceeds the table's configured limits, and it is held to
    // every check the table's own limits are (the return must fit its time, its speeds must be
    // holdable, ...): the supervisor runs a session of this profile with exactly these values.
    private static void profiles(Config table, List<CrossCheckProblem> out) {
        for (ProfileSpec p : table.profiles()) {
            boolean aboveTable = false;
            for (java.util.Map.Entry<ProfileKey, String> e : p.values().entrySet()) {
                if (e.getKey().tableKey().isEmpty()) {
                    continue;
                }
                ConfigKey k = e.getKey().tableKey().get();
                if (Double.parseDouble(e.getValue()) > table.number(k)) {
                    aboveTable = true;
                    out.add(new CrossCheckProblem(List.of(k), "profile." + p.name() + "." + e.getKey().key() + " ("
                            + e.getValue() + ") is above the table's " + k.key() + " (" + table.text(k)
                            + "): a profile only lowers the table's limits; lower it or raise " + k.key(), p.name()));
                }
            }
            if (aboveTable) {
                continue;
            }
            Config ceiling = p.ceiling(table);
            List<CrossCheckProblem> own = new ArrayList<>();
            returnSpeed(ceiling, own);
            slowestSpeed(ceiling, own);
            returnFitsTheBudget(ceiling, own);
            flatRest(ceiling, own);
            for (CrossCheckProblem problem : own) {
                out.add(new CrossCheckProblem(CEILING_KEYS, "profile " + p.name() + " (a key it leaves out is the "
                        + "table's): " + problem.message().replaceAll("\\b(max_angle_deg|max_inverted_s|v_max_deg_s|"
                        + "v_return_deg_s)\\b", "profile." + p.name() + ".$1"), p.name()));
            }
        }
    }

    /**
     * The keys that name a BCM pin: two of them on one pin would wire two signals together. Besides
     * the {@code pin_*} keys, {@code relay_aux_pin}, so that check-config finds what run would refuse.
     */
    public static Set<ConfigKey> pinKeys() {
        Set<ConfigKey> pins = EnumSet.noneOf(ConfigKey.class);
        for (ConfigKey k : ConfigKey.values()) {
            if (k.key().startsWith("pin_")) {
                pins.add(k);
            }
        }
        pins.addAll(NOT_WIRED_WHEN_ZERO);
        return pins;
    }

    /** Pin keys where 0 means "not wired", never BCM 0, so never a collision. */
    private static final Set<ConfigKey> NOT_WIRED_WHEN_ZERO = EnumSet.of(ConfigKey.RELAY_AUX_PIN);

    private static boolean wired(Config c, ConfigKey k) {
        return !(NOT_WIRED_WHEN_ZERO.contains(k) && c.integer(k) == 0);
    }

    // Coming up must be gentler than going down (SPEC §3); a faster return would also let a
    // return move exceed the speed limit the user chose.
    private static void returnSpeed(Config c, List<CrossCheckProblem> out) {
        double vReturn = c.number(ConfigKey.V_RETURN_DEG_S);
        double vMax = c.number(ConfigKey.V_MAX_DEG_S);
        if (vReturn > vMax) {
            out.add(new CrossCheckProblem(List.of(ConfigKey.V_MAX_DEG_S, ConfigKey.V_RETURN_DEG_S),
                    "v_return_deg_s (" + c.text(ConfigKey.V_RETURN_DEG_S) + ") may not exceed v_max_deg_s ("
                            + c.text(ConfigKey.V_MAX_DEG_S) + "); lower v_return_deg_s or raise v_max_deg_s"));
        }
    }

    // SPEC §5: where the actuator cannot move as slowly as a configured limit, refuse it rather
    // than exceed it. One duty step above static friction is the slowest steady motion (the
    // ActuatorCurve the controller's feed-forward uses). With today's key bounds the slowest
    // table (30 deg/s, min duty 0.3) holds 0.43 deg/s, under the 0.5 minimum: a guard for the
    // bounds and the actuator model of the future.
    private static void slowestSpeed(Config c, List<CrossCheckProblem> out) {
        double slowest = new ActuatorCurve(c.number(ConfigKey.ACTUATOR_SPEED_DEG_S),
                c.number(ConfigKey.ACTUATOR_MIN_DUTY)).slowestSteadySpeedDegPerS();
        for (ConfigKey speed : List.of(ConfigKey.V_MAX_DEG_S, ConfigKey.V_RETURN_DEG_S)) {
            if (c.number(speed) < slowest) {
                out.add(new CrossCheckProblem(List.of(speed, ConfigKey.ACTUATOR_SPEED_DEG_S, ConfigKey.ACTUATOR_MIN_DUTY),
                        String.format(Locale.ROOT, "%s (%s) is slower than this table can hold: with "
                                + "actuator_speed_deg_s %s and actuator_min_duty %s the slowest steady speed is "
                                + "%.2f deg/s; raise %s to at least that", speed.key(), c.text(speed),
                                c.text(ConfigKey.ACTUATOR_SPEED_DEG_S), c.text(ConfigKey.ACTUATOR_MIN_DUTY),
                                Math.ceil(slowest * 100.0) / 100.0, speed.key())));
            }
        }
    }

    // SPEC §5 again, for acceleration: every move ends with the drive stopping from at most its
    // slowest steady speed, and the self-locking screw's brake takes that within 20 ms; across
    // the 0.2 s window that is an acceleration no configured limit can be gentler than
    // (ActuatorCurve#gentlestAccelerationDegPerS2, one model for the check and the controller).
    // The default actuator holds the 0.5 minimum (0.43 needed); a fast actuator with a wide dead
    // band (30 deg/s, min duty 0.3: 1.79) does not, so the key's bound stays and this refuses.
    private static void gentlestAcceleration(Config c, List<CrossCheckProblem> out) {
        double gentlest = new ActuatorCurve(c.number(ConfigKey.ACTUATOR_SPEED_DEG_S),
                c.number(ConfigKey.ACTUATOR_MIN_DUTY)).gentlestAccelerationDegPerS2();
        if (c.number(ConfigKey.A_MAX_DEG_S2) < gentlest) {
            out.add(new CrossCheckProblem(List.of(ConfigKey.A_MAX_DEG_S2, ConfigKey.ACTUATOR_SPEED_DEG_S,
                    ConfigKey.ACTUATOR_MIN_DUTY),
                    String.format(Locale.ROOT, "a_max_deg_s2 (%s) is gentler than this table can stop: with "
                            + "actuator_speed_deg_s %s and actuator_min_duty %s the drive stops from its slowest "
                            + "steady speed (%.2f deg/s) by the screw's brake, %.2f deg/s^2 over 0.2 s, which the controller "
                            + "keeps within 1.2 a_max_deg_s2; raise "
                            + "a_max_deg_s2 to at least %.2f", c.text(ConfigKey.A_MAX_DEG_S2),
                            c.text(ConfigKey.ACTUATOR_SPEED_DEG_S), c.text(ConfigKey.ACTUATOR_MIN_DUTY),
                            new ActuatorCurve(c.number(ConfigKey.ACTUATOR_SPEED_DEG_S),
                                    c.number(ConfigKey.ACTUATOR_MIN_DUTY)).slowestSteadySpeedDegPerS(),
                            gentlest * ActuatorCurve.PLANNED_ACCELERATION_MARGIN,
                            Math.ceil(gentlest * 100.0) / 100.0)));
        }
    }

    // SPEC §3: the automatic return from the deepest angle allowed must be back at 0 deg by the
    // inverted-time limit, for the heaviest user at the configured return speed; a configuration
    // in which it cannot is a promise the table cannot keep. Checked only when the return speed
    // itself is allowed, or the estimate would be made with a speed that is refused anyway.
    private static void returnFitsTheBudget(Config c, List<CrossCheckProblem> out) {
        if (c.number(ConfigKey.V_RETURN_DEG_S) > c.number(ConfigKey.V_MAX_DEG_S)) {
            return;
        }
        ReturnDuration duration = ConfiguredMotion.returnDuration(c);
        double budgetS = c.number(ConfigKey.MAX_INVERTED_S);
        double neededS = duration.requiredBudgetS();
        if (neededS <= budgetS) {
            return;
        }
        long fewestS = (long) Math.ceil(neededS);
        int deepestDeg = duration.deepestFittingAngleDeg(budgetS);
        String angleAdvice = deepestDeg > 0 ? " or lower max_angle_deg to at most " + deepestDeg
                : " (no max_angle_deg above 0 fits in it)";
        String raise = fewestS <= ConfigKey.MAX_INVERTED_S.max()
                ? "raise max_inverted_s to at least " + fewestS + angleAdvice
                : "lower max_angle_deg to at most " + deepestDeg;
        out.add(new CrossCheckProblem(List.of(ConfigKey.MAX_ANGLE_DEG, ConfigKey.MAX_INVERTED_S),
                String.format(Locale.ROOT, "the automatic return from max_angle_deg (%s) at v_return_deg_s (%s) "
                                + "takes up to %.1f s, which does not fit in max_inverted_s (%s); %s, "
                                + "or raise v_return_deg_s",
                        c.text(ConfigKey.MAX_ANGLE_DEG), c.text(ConfigKey.V_RETURN_DEG_S), neededS,
                        c.text(ConfigKey.MAX_INVERTED_S), raise)));
    }

    // The rest on the way up must lie below the angle limit, or the return would be asked to
    // pause at an angle the limit forbids.
    private static void flatRest(Config c, List<CrossCheckProblem> out) {
        if (c.number(ConfigKey.FLAT_REST_DEG) >= c.number(ConfigKey.MAX_ANGLE_DEG)) {
            out.add(new CrossCheckProblem(List.of(ConfigKey.FLAT_REST_DEG, ConfigKey.MAX_ANGLE_DEG),
                    "flat_rest_deg (" + c.text(ConfigKey.FLAT_REST_DEG) + ") must be below max_angle_deg ("
                            + c.text(ConfigKey.MAX_ANGLE_DEG) + ")"));
        }
    }

    // With both axes the same, the angle computed from gravity is meaningless: the table
    // would be driven on a made-up angle.
    private static void imuAxes(Config c, List<CrossCheckProblem> out) {
        // The sign does not make another axis: x and -x are one line through the chip.
        String along = c.text(ConfigKey.IMU_AXIS_ALONG).replace("-", "");
        if (along.equals(c.text(ConfigKey.IMU_AXIS_NORMAL).replace("-", ""))) {
            out.add(new CrossCheckProblem(List.of(ConfigKey.IMU_AXIS_ALONG, ConfigKey.IMU_AXIS_NORMAL),
                    "imu_axis_along ('" + c.text(ConfigKey.IMU_AXIS_ALONG) + "') and imu_axis_normal ('"
                            + c.text(ConfigKey.IMU_AXIS_NORMAL) + "') are both the chip's " + along
                            + " axis; they must be two different axes"));
        }
    }

    // Two signals on one pin: an output could drive an input (the e-stop!) or short another output.
    private static void pinCollisions(Config c, List<CrossCheckProblem> out) {
        Map<Integer, ConfigKey> firstOnPin = new LinkedHashMap<>();
        for (ConfigKey k : pinKeys()) {
            if (!wired(c, k)) {
                continue;
            }
            int pin = c.integer(k);
            ConfigKey first = firstOnPin.putIfAbsent(pin, k);
            if (first != null) {
                out.add(new CrossCheckProblem(List.of(first, k),
                        k.key() + " and " + first.key() + " are both on BCM pin " + pin
                                + "; every signal needs its own pin"));
            }
        }
    }

    // The IMU on I2C bus 1 uses BCM 2 and 3: a pin key there would silence the angle sensor.
    private static void i2cPins(Config c, List<CrossCheckProblem> out) {
        if (c.integer(ConfigKey.I2C_BUS) != 1) {
            return;
        }
        for (ConfigKey k : pinKeys()) {
            if (!wired(c, k)) {
                continue;
            }
            int pin = c.integer(k);
            if (pin == I2C1_SDA_BCM || pin == I2C1_SCL_BCM) {
                out.add(new CrossCheckProblem(List.of(ConfigKey.I2C_BUS, k),
                        k.key() + " is on BCM pin " + pin + ", which i2c_bus 1 (the IMU) uses as "
                                + (pin == I2C1_SDA_BCM ? "SDA" : "SCL") + "; choose another pin"));
            }
        }
    }
}
