package org.inversiontable.trace;

import java.util.Map;
import java.util.Objects;

/**
 * One control tick as SPEC §10 writes it. Field names and meanings are a stable contract with
 * outside tools.
 *
 * <p>The outputs ({@code t_s} to {@code profile}) are written at a fixed precision; the raw
 * inputs ({@link Inputs}) and, on the first row after each process start, what the start
 * restored ({@link Boot}) are written losslessly, so that {@code replay} can run the controller
 * again on them and get the same outputs. The field list, in the order written:
 * <pre>
 * t_s angle_true_deg ... profile          the SPEC §10 fields, as before
 * t_ns                                    the tick's time, integer nanoseconds of the controller's clock
 * tilt_status                             fresh | no_new_sample | bus_error
 * tilt_angle_deg, tilt_gravity_g          the sensor's reading, shortest round-trip decimal; null when NaN,
 *                                         "Infinity" / "-Infinity" as strings
 * buttons                                 the pressed buttons' mask (Button.bit()); the e-stop and HOME
 *                                         switch are the fields estop and home_switch
 * report_estop                            the tick took an e-stop event reported off the control thread
 * report_fault                            null, or the fault code reported off the control thread that
 *                                         the tick took (motor_watchdog)
 * estop_cut_in_tick                       an e-stop event cut the motor during the tick, after the reports
 *                                         were taken (the next row's report_estop is that event)
 * rest_refused                            only when true: the rest between sessions (SPEC §13) refused a
 *                                         session start on this tick
 * boot_t_ns, boot_...                     only on the first row after a process start: see {@link Boot}
 * config.KEY                              only there too: every configuration value in force, as text,
 *                                         and every profile's settings as config.profile.NAME.KEY
 * </pre>
 *
 * @param angleMeasDeg NaN when the tick had no valid sample (written as JSON null)
 * @param fault        null or a fault code ({@code imu_stale})
 * @param event        null or a short event ({@code estop}, {@code reset}, {@code auto_return},
 *                     {@code warning}, a fault code)
 * @param heartbeat    the level of the WATCHDOG line after this tick
 * @param limitAngleDeg  the angle limit in force this session (SPEC §3, §13)
 * @param limitInvertedS the inverted-time limit in force this session
 * @param profile      null, or the name of the profile in force (SPEC §13)
 * @param inputs       the raw inputs of the tick; null in rows made without them (such a row cannot be replayed)
 * @param boot         what the process start before this tick restored; null except on its first row
 */
public record TraceRow(double tS, String state, double angleTrueDeg, double angleMeasDeg, double duty,
                       boolean enabled, double invertedS, boolean estop, boolean homeSwitch, String fault,
                       String event, boolean heartbeat, double limitAngleDeg, double limitInvertedS,
                       String profile, Inputs inputs, Boot boot) {

    /** A row of outputs only (tests, tools that draw a trace); it is written without the raw-input fields. */
    public TraceRow(double tS, String state, double angleTrueDeg, double angleMeasDeg, double duty,
                    boolean enabled, double invertedS, boolean estop, boolean homeSwitch, String fault,
                    String event, boolean heartbeat, double limitAngleDeg, double limitInvertedS, String profile) {
        this(tS, state, angleTrueDeg, angleMeasDeg, duty, enabled, invertedS, estop, homeSwitch, fault, event,
                heartbeat, limitAngleDeg, limitInvertedS, profile, null, null);
    }

    /** The same row with another event. */
    public TraceRow withEvent(String newEvent) {
        return new TraceRow(tS, state, angleTrueDeg, angleMeasDeg, duty, enabled, invertedS, estop, homeSwitch, fault,
                newEvent, heartbeat, limitAngleDeg, limitInvertedS, profile, inputs, boot);
    }

    /**
     * The raw inputs of one tick, besides the panel's {@code estop} and {@code home_switch} which
     * the row already has: with them, a tick can be run again bit for bit.
     *
     * @param tNs          the tick's time on the controller's clock (t_s is rounded to the millisecond)
     * @param tiltStatus   {@code fresh}, {@code no_new_sample} or {@code bus_error}
     * @param tiltAngleDeg the reading's angle, NaN when it has none
     * @param tiltGravityG the reading's gravity magnitude, NaN when it has none
     * @param buttons      the pressed buttons, one {@code Button.bit()} each
     * @param reportEstop  an e-stop event reached the supervisor off the control thread and this tick took it
     * @param reportFault  null, or the code of a fault reported off the control thread that this tick took
     * @param estopCutInTick an e-stop event cut the motor during this tick, between the supervisor's
     *                     assessment and the H-bridge write: the tick's output is off, the next tick
     *                     takes the report
     */
    public record Inputs(long tNs, String tiltStatus, double tiltAngleDeg, double tiltGravityG, int buttons,
                         boolean reportEstop, String reportFault, boolean estopCutInTick, boolean restRefused) {
        public Inputs {
            Objects.requireNonNull(tiltStatus, "tiltStatus");
        }

        /** The inputs of a tick that no rest between sessions refused (SPEC §13). */
        public Inputs(long tNs, String tiltStatus, double tiltAngleDeg, double tiltGravityG, int buttons,
                      boolean reportEstop, String reportFault, boolean estopCutInTick) {
            this(tNs, tiltStatus, tiltAngleDeg, tiltGravityG, buttons, reportEstop, reportFault, estopCutInTick, false);
        }
    }

    /**
     * What a process start restored, written on its first row: a power-cycle in a scenario is a
     * process start too. Replay rebuilds the controller from it exactly as the start did.
     *
     * @param tNs            the controller's clock when the process built its controller
     * @param invertedS      the journal's inverted seconds of the session in progress
     * @param sessionActive  a session was in progress
     * @param budgetSpent    the journal could not be trusted: the whole budget counts as spent
     * @param journalProblem null, or why the journal could not be trusted
     * @param returnRan      the automatic return had run in the session
     * @param noJournal      there was no journal at all
     * @param presetDeg      the controller's preset after the start (the stored one, or preset_deg)
     * @param heartbeat      the WATCHDOG line's level before the first tick
     * @param config         every configuration key (as in files) with its value in force, as text
     */
    public record Boot(long tNs, double invertedS, boolean sessionActive, boolean budgetSpent, String journalProblem,
                       boolean returnRan, boolean noJournal, double presetDeg, boolean heartbeat,
                       Map<String, String> config) {
        public Boot {
            // In the order given (the configuration's declaration order), so that boot rows read alike.
            config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
        }
    }
}
