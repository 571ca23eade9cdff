package org.inversiontable.sim;

import java.util.EnumSet;
import java.util.Set;

/**
 * Physics of the simulated inversion table: a DC lead-screw actuator tilting a bed that carries a
 * user, plus the HOME switch and the IMU, with the faults of SPEC §9. It only produces numbers; the
 * Pi4J mock pins and the fake IMU chip are wired to it elsewhere.
 *
 * <pre>{@code
 * SimulatedTable table = new SimulatedTable(TableParameters.defaults(), -65.0, 80.0, seed);
 * for (each 1 ms tick) {
 *     table.step(1_000_000L, command.duty(), command.enabled());
 *     ImuOutput imu = table.imuOutput();          // new sample? connected? angle?
 *     boolean home = table.homeSwitchAtHome();
 * }
 * }</pre>
 *
 * <p>Model (angles in deg, positive toward inversion):
 * <ul>
 *   <li>gravity torque of the user about the pivot: tau = m * g * comOffset * cos(angle);</li>
 *   <li>effective duty: 0 when |duty| <= deadband, else sign(duty) * (|duty| - deadband) / (1 - deadband);</li>
 *   <li>the motor's torque-speed line: omega_ss = noLoadSpeed * sign(dutyEff) * max(0, |dutyEff| -
 *       tauLoad / stallTorque), where tauLoad is the motor torque the load takes, referred to the
 *       pivot. It opposes the motion in both directions: |tau| when the motion raises the load, and
 *       |tau| * T_lower / T_raise (about 0.15, {@link LeadScrew}) when the load assists, because the
 *       self-locking screw still takes torque to lower it. So the speed at a duty never exceeds the
 *       no-load speed at that duty, and the load can never drive the bed by itself;</li>
 *   <li>the speed approaches omega_ss with motorLag while powered, and decays to 0 with brakeLag
 *       while unpowered (disabled or duty in the deadband); both integrated exactly per step;</li>
 *   <li>the mechanical stops clamp the angle and zero the speed;</li>
 *   <li>behind the external watchdog relay ({@code motorPowered} false) nothing drives the motor;
 *       a runaway (a shorted bridge) drives it at full duty in its last direction otherwise.</li>
 * </ul>
 */
public final class SimulatedTable {
    private static final double GRAVITY_M_PER_S2 = 9.80665;
    private static final double NANOS_PER_S = 1e9;

    private final TableParameters params;
    private double userMassKg;
    private final ImuModel imu;

    private long elapsedNanos;
    private double angleDeg;
    private double speedDegPerS;

    private final Set<MotorFault> motorFaults = EnumSet.noneOf(MotorFault.class);
    /** The direction the motor was last driven in (+1 toward inversion, -1, 0 never): a runaway keeps it. */
    private int lastDrivenDirection;
    private HomeSwitchFault homeSwitchFault;
    /**
     * The last step's exp(-dt/lag) and its inputs: nearly every step has the same dt and one of
     * two lags, and exp is the step's dearest operation (SPEC §11: 10,000x real time). The same
     * inputs give the same bits, so the motion is exactly what computing it anew gives.
     */
    private double decayDtS = Double.NaN;
    private double decayLagS = Double.NaN;
    private double decay;

    public SimulatedTable(TableParameters params, double initialAngleDeg, double userMassKg, long seed) {
        if (params == null) {
            throw new IllegalArgumentException("params must not be null");
        }
        if (!Double.isFinite(initialAngleDeg)
                || initialAngleDeg < params.minAngleDeg() || initialAngleDeg > params.maxAngleDeg()) {
            throw new IllegalArgumentException("initialAngleDeg must be within the mechanical range "
                    + params.minAngleDeg() + ".." + params.maxAngleDeg() + ", was " + initialAngleDeg);
        }
        requireMass(userMassKg);
        this.params = params;
        this.userMassKg = userMassKg;
        this.angleDeg = initialAngleDeg;
        this.imu = new ImuModel(params, new NoiseSource(seed), initialAngleDeg);
    }

    /**
     * Advances the simulation by {@code dtNanos} with the H-bridge output held constant.
     *
     * @param duty    signed duty -1..1, positive toward inversion
     * @param enabled the H-bridge enable line; false means unpowered whatever the duty
     */
    public void step(long dtNanos, double duty, boolean enabled) {
        step(dtNanos, duty, enabled, true);
    }

    /**
     * As {@link #step(long, double, boolean)}, behind the external watchdog relay of SPEC §4.
     *
     * @param motorPowered false while the relay has dropped motor power: nothing drives the
     *                     motor then, not even a shorted bridge
     */
    public void step(long dtNanos, double duty, boolean enabled, boolean motorPowered) {
        if (dtNanos <= 0) {
            throw new IllegalArgumentException("dtNanos must be > 0, was " + dtNanos);
        }
        if (!Double.isFinite(duty) || duty < -1.0 || duty > 1.0) {
            throw new IllegalArgumentException("duty must be within -1..1, was " + duty);
        }
        double motorDuty = motorFaults.contains(MotorFault.REVERSED) ? -duty : duty;
        boolean motorOn = enabled && motorPowered;
        boolean shorted = motorFaults.contains(MotorFault.RUNAWAY) && lastDrivenDirection != 0;
        if (motorOn && !shorted && effectiveDuty(motorDuty) != 0.0) {
            lastDrivenDirection = motorDuty > 0.0 ? 1 : -1;
        }
        if (motorPowered && motorFaults.contains(MotorFault.RUNAWAY) && lastDrivenDirection != 0) {
            // The shorted bridge puts the full supply on the motor whatever the controller says.
            motorDuty = lastDrivenDirection;
            motorOn = true;
        }
        advanceMotion(dtNanos / NANOS_PER_S, motorDuty, motorOn);
        elapsedNanos += dtNanos;
        imu.advanceTo(elapsedNanos, angleDeg);
    }

    /**
     * A power cut of {@code dtNanos} (a scenario's {@code power-off}): nothing drives the motor, so
     * the bed coasts to rest and the self-locking screw holds it there. One exact step of the
     * motion's closed form, however long the cut: no integration error, and no millions of idle
     * 1 ms steps for a cut of days. The IMU chip, unpowered, takes no samples; it gives one fresh
     * sample when the power comes back at the end.
     */
    public void powerCut(long dtNanos) {
        if (dtNanos <= 0) {
            throw new IllegalArgumentException("dtNanos must be > 0, was " + dtNanos);
        }
        advanceMotion(dtNanos / NANOS_PER_S, 0.0, false);
        elapsedNanos += dtNanos;
        imu.powerUpAt(elapsedNanos, angleDeg);
    }

    private void advanceMotion(double dtS, double duty, boolean enabled) {
        if (motorFaults.contains(MotorFault.STALL)) {
            speedDegPerS = 0.0;
            return;
        }
        double dutyEff = effectiveDuty(duty);
        boolean powered = enabled && dutyEff != 0.0;
        double targetDegPerS = powered ? poweredSteadySpeedDegPerS(dutyEff) : 0.0;
        double lagS = powered ? params.motorLagS() : params.brakeLagS();
        double decay = decay(dtS, lagS);
        double excess = speedDegPerS - targetDegPerS;
        angleDeg += targetDegPerS * dtS + excess * lagS * (1.0 - decay);
        speedDegPerS = targetDegPerS + excess * decay;
        if (angleDeg <= params.minAngleDeg() || angleDeg >= params.maxAngleDeg()) {
            angleDeg = Math.max(params.minAngleDeg(), Math.min(params.maxAngleDeg(), angleDeg));
            speedDegPerS = 0.0;
        }
    }

    private double decay(double dtS, double lagS) {
        if (dtS != decayDtS || lagS != decayLagS) {
            decay = Math.exp(-dtS / lagS);
            decayDtS = dtS;
            decayLagS = lagS;
        }
        return decay;
    }

    private double effectiveDuty(double duty) {
        double magnitude = Math.abs(duty);
        if (magnitude <= params.deadbandDuty()) {
            return 0.0;
        }
        return Math.signum(duty) * (magnitude - params.deadbandDuty()) / (1.0 - params.deadbandDuty());
    }

    private double poweredSteadySpeedDegPerS(double dutyEff) {
        double gravityNm = gravityTorqueNm();
        boolean loadAssists = Math.signum(gravityNm) == Math.signum(dutyEff);
        double loadNm = Math.abs(gravityNm) * (loadAssists ? params.lowerToRaiseTorqueRatio() : 1.0);
        // The load only takes some of the motor's torque: short of the torque it needs, the
        // motor stalls (the screw holds), it never turns backwards.
        double drive = Math.max(0.0, Math.abs(dutyEff) - loadNm / params.stallTorqueNm());
        return Math.signum(dutyEff) * params.noLoadSpeedDegPerS() * drive;
    }

    /** Torque of the user's weight about the pivot; positive pulls toward inversion. */
    public double gravityTorqueNm() {
        return userMassKg * GRAVITY_M_PER_S2 * params.comOffsetM() * Math.cos(Math.toRadians(angleDeg));
    }

    public void inject(MotorFault fault) {
        motorFaults.add(requireNonNull(fault, "fault"));
    }

    /** A later HOME-switch fault replaces an earlier one. */
    public void inject(HomeSwitchFault fault) {
        homeSwitchFault = requireNonNull(fault, "fault");
    }

    /**
     * Injects an IMU fault. {@code param} is the extra noise sigma in deg for NOISE, the offset in
     * deg of the next single sample for SPIKE, and is ignored otherwise.
     */
    public void injectImu(ImuFault fault, double param) {
        imu.inject(requireNonNull(fault, "fault"), param);
    }

    public void clear(FaultGroup group) {
        switch (requireNonNull(group, "group")) {
            case IMU -> imu.clear();
            case MOTOR -> motorFaults.clear();
            case HOME_SWITCH -> homeSwitchFault = null;
        }
    }

    public double angleTrueDeg() {
        return angleDeg;
    }

    public double speedDegPerS() {
        return speedDegPerS;
    }

    public boolean homeSwitchAtHome() {
        if (homeSwitchFault != null) {
            return homeSwitchFault == HomeSwitchFault.STUCK_OPEN;
        }
        return angleDeg <= params.homeDeg() + params.homeSwitchBandDeg();
    }

    /**
     * Another person on the table from now on (the desktop simulator's weight control): the load
     * changes at once, as when someone shifts onto the bed; nothing else of the plant does.
     */
    public void setUserMassKg(double kg) {
        requireMass(kg);
        this.userMassKg = kg;
    }

    private static void requireMass(double kg) {
        if (!Double.isFinite(kg) || kg < 0.0 || kg > 300.0) {
            throw new IllegalArgumentException("userMassKg must be within 0..300, was " + kg);
        }
    }

    public double userMassKg() {
        return userMassKg;
    }

    /** Simulated time since construction: the sum of every step's dt. */
    public long elapsedNanos() {
        return elapsedNanos;
    }

    /**
     * How many samples the IMU has produced, and whether it answers: what a caller looks at on
     * every step to know whether {@link #imuOutput()} has anything new, without making one.
     */
    public long imuSequence() {
        return imu.sequence();
    }

    public boolean imuConnected() {
        return imu.connected();
    }

    /**
     * The newest sample's values, as {@link #imuOutput()} has them while connected: read one by
     * one, so the simulation shows every sample to the chip without making a record of it.
     */
    public double imuAngleDeg() {
        return imu.angleDeg();
    }

    public double imuGravityG() {
        return imu.gravityG();
    }

    public double imuRateDegPerS() {
        return imu.rateDegPerS();
    }

    public double imuAlongG() {
        return imu.alongG();
    }

    /** The IMU as of the end of the last step; right after construction the sample at time 0 is new. */
    public ImuOutput imuOutput() {
        return imu.output();
    }

    public TableParameters parameters() {
        return params;
    }

    private static <T> T requireNonNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
