package org.inversiontable.safety;

import org.inversiontable.hardware.TickInputs;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.PanelReading;
import org.inversiontable.motion.JerkLimitedProfile;
import org.inversiontable.motion.MotionLimits;
import org.inversiontable.motion.ProfileState;
import org.inversiontable.motion.ReturnDuration;
import org.tinylog.Logger;

/**
 * The narrow waist between the controller and the H-bridge: the only code that writes the motor.
 * It sees every tick's inputs and the controller's wanted command, and owns the hard limits that
 * no button, preset or setting can override (SPEC §3, §4, §6): the e-stop latch, the fault latch
 * and its detectors, the angle envelope, the inverted-time budget with its automatic return,
 * limp home and the reset rule.
 *
 * <pre>{@code
 * SafetyView view = supervisor.assess(inputs);              // detectors, latches, budget
 * MotorCommand wanted = controller.update(inputs, view).command();
 * MotorCommand applied = supervisor.gate(inputs, wanted);    // the only path to the motor
 * }</pre>
 *
 * It depends on the inputs, its settings and its own state, never on the controller's internals.
 */
public final class SafetySupervisor {
    /** Noise and bias allowance on top of the stopping distance of a return that began mid-move. */
    private static final double RETURN_STOP_MARGIN_DEG = 0.5;
    /** Within this of home (deg) the table is "at home" for the session and the return (SPEC §3). */
    private static final double HOME_BAND_DEG = 2.0;
    /** Limp home may use the duty of this many times its speed on an unloaded table (load headroom). */
    private static final double LIMP_SPEED_HEADROOM = 2.0;
    /** A limp-home drive that takes the table this much deeper is going the wrong way: stop it. */
    private static final double LIMP_WRONG_WAY_DEG = 1.0;
    /** A reset of an IMU fault needs this many ticks in a row of accepted samples (0.2 s). */
    private static final int IMU_GOOD_TICKS_FOR_RESET = 20;
    /** After a rejected sample, the motion detectors wait this long (0.5 s) for a clean IMU. */
    private static final int IMU_DOUBT_TICKS = 50;
    /** Inputs are debounced from power-on; readings before this are not yet the contacts' state. */
    private static final long INPUT_SETTLE_NANOS = 100_000_000L;

    private final SafetySettings settings;
    private final long startNanos;
    private final MotorGate gate;
    private final EstopLatch estop = new EstopLatch();
    private final FaultLatch faults = new FaultLatch();
    private final ImuPlausibility imu;
    private final MotionDisagreement motion = new MotionDisagreement();
    private final FrozenSensorDetector frozen = new FrozenSensorDetector();
    private final WrongWayGuard wrongWay = new WrongWayGuard();
    private final UncommandedMotionDetector uncommanded = new UncommandedMotionDetector();
    private final OverspeedDetector overspeed;
    private final HomeSwitchConsistency homeSwitch;
    private final LoopOverrun overrun;
    private final InvertedTimeBudget budget;
    private final EnvelopeGuard envelope;
    private final ResetRule resetRule = new ResetRule();
    private final LimpHomeGuard limp;
    private final double limpDutyCap;
    private final double limpOpenLoopDutyCap;

    private boolean returnActive;
    /** Where the automatic return began; the controlled stop of a move going down may use a little more. */
    private double returnStartAngleDeg = Double.NaN;
    private final double returnStopAllowanceDeg;
    private boolean onlyUpward;
    private boolean bootAngleJudged;
    /** No journal at boot: what went before is unknown (SPEC §7). */
    private boolean pastUnknown;
    private final ReturnResumeRule returnResume = new ReturnResumeRule();
    private int previousButtonsMask = -1;
    private boolean pressSeenSinceBoot;
    private boolean estopReported;
    private boolean faultReported;
    private double lastTrustedAngleDeg = Double.NaN;
    /** Consecutive ticks with an accepted sample: an IMU fault's cause is gone after a run of them. */
    private int goodImuTicks;
    /** Ticks left in which the motion detectors do not judge, after a rejected IMU sample. */
    private int imuDoubtTicks;
    /** The most upright angle limp home has reached since the fault; deeper than this is refused. */
    private double limpBestAngleDeg = Double.NaN;
    private boolean limpBlocked;
    /** Limp home needs UP pressed after the fault: a button held through it does not count. */
    private boolean limpArmed;
    private MotorCommand applied = MotorCommand.OFF;
    /**
     * A drive that moved by itself was seen (SPEC §4): the heartbeat stays stopped until a reset,
     * even when another fault was latched first and keeps its code.
     */
    private boolean motorPowerCut;
    private SafetyView view;

    public SafetySupervisor(SafetySettings settings, MotorGate gate, long startNanos) {
        this.settings = settings;
        this.gate = gate;
        this.startNanos = startNanos;
        this.envelope = new EnvelopeGuard(settings.maxAngleDeg(), settings.homeDeg());
        this.imu = new ImuPlausibility(startNanos);
        this.homeSwitch = new HomeSwitchConsistency(settings.homeDeg());
        this.overrun = new LoopOverrun(settings.periodNanos());
        this.overspeed = new OverspeedDetector(settings.downLimits().vMaxDegPerS(), settings.periodNanos());
        MotionLimits back = settings.returnLimits();
        // One estimate with the configuration check: the table may still be going down at full
        // speed when the return falls due, and a loaded table lags the planned return.
        ReturnDuration returnDuration = new ReturnDuration(settings.downLimits(), back, settings.maxAngleDeg());
        ProfileState fullSpeedDown = new ProfileState(0.0, settings.downLimits().vMaxDegPerS(), 0.0);
        this.returnStopAllowanceDeg = JerkLimitedProfile.stoppingDistanceDeg(fullSpeedDown, settings.downLimits())
                + RETURN_STOP_MARGIN_DEG;
        this.budget = new InvertedTimeBudget(settings.maxInvertedS(), settings.homeDeg(),
                returnDuration::secondsFrom, startNanos);
        this.limp = new LimpHomeGuard(settings.homeDeg(), back.vMaxDegPerS() / 2.0);
        double minDuty = settings.actuatorMinDuty();
        this.limpDutyCap = minDuty + (1.0 - minDuty) * LIMP_SPEED_HEADROOM * limp.limpSpeedDegPerS()
                / settings.actuatorSpeedDegPerS();
        // Without a trusted angle nothing can see the speed: the duty that moves an unloaded table
        // at the limp speed. The user's weight only slows a self-locking screw going up, so no
        // user (40-150 kg) goes faster, at any angle; a heavy one goes slower, within the bound.
        this.limpOpenLoopDutyCap = minDuty + (1.0 - minDuty) * limp.limpSpeedDegPerS() / settings.actuatorSpeedDegPerS();
    }

    /**
     * Carries a journaled session over a restart (SPEC §7): its inverted time stays spent, and if
     * the first trusted angle finds the table inverted, only HOME and UP may act (with the alarm
     * on) until it is no longer inverted.
     */
    public void restoreSession(double invertedS, boolean active) {
        restoreSession(invertedS, active, false, false);
    }

    /**
     * The same, with what else the journal says: the automatic return has run in the session (its
     * budget stays spent, SPEC §3), or there was no journal at all (SPEC §7: an unknown past
     * counts as the whole budget once the first trusted angle finds the table away from home).
     */
    public void restoreSession(double invertedS, boolean active, boolean returnRan, boolean noJournal) {
        budget.restoreFrom(Math.min(invertedS, settings.maxInvertedS()), active, returnRan);
        pastUnknown = noJournal;
    }

    public SafetyView assess(TickInputs in) {
        long now = in.timeNanos();
        PanelReading panel = in.panel();
        String event = null;

        // Trouble found off the control thread since the last tick (the e-stop's event already
        // cut the motor; a watchdog expiry turned the bridge off): latched here, for the reset rule.
        if (gate.trouble().takeEstop()) {
            estop.trip();
        }
        tripIf(gate.trouble().takeFault(), now);
        // The panel reads "stop" until its inputs have settled at start-up: that is not a press.
        // The gate refuses to drive on any "stop" reading all the same.
        if (panel.estopStop() && now - startNanos >= INPUT_SETTLE_NANOS) {
            estop.trip();
            gate.cut();
        }
        tripIf(overrun.tickStarted(now), now);
        ImuCheck sample = imu.check(in.tilt(), now);
        if (sample.tripped()) {
            latch(sample.trip(), now);
        }
        double angle = sample.acceptedAngleDeg();
        boolean trusted = angleTrusted();
        goodImuTicks = sample.hasAngle() ? goodImuTicks + 1 : 0;
        if (trusted && Double.isFinite(angle)) {
            lastTrustedAngleDeg = angle;
            envelope.observe(angle);
        }
        // While the IMU is throwing out samples, the ones it lets through are not good enough to
        // judge the drive by: a noisy sensor must show as an IMU fault (limp home open-loop), not
        // as a motion fault (limp home closed-loop on a bad angle).
        imuDoubtTicks = sample.rejected() ? IMU_DOUBT_TICKS : Math.max(0, imuDoubtTicks - 1);
        if (trusted && !estop.latched()) {
            tripIf(frozen.update(applied, angle), now);
            if (imuDoubtTicks > 0) {
                motion.reset();
                wrongWay.reset();
            } else {
                tripIf(motion.update(applied, angle, now), now);
                tripIf(wrongWay.update(applied, angle, envelope.rawNoiseDeg(), now), now);
            }
        }
        // Whatever the command and the e-stop: a drive that moves by itself is not stopped by
        // either (SPEC §4), only by the relay that the heartbeat holds.
        if (trusted && imuDoubtTicks == 0) {
            tripIf(uncommanded.update(applied.enabled(), envelope.angleDeg(), envelope.filteredNoiseDeg(), now), now);
            tripIf(overspeed.update(angle, envelope.rawNoiseDeg(), now), now);
        } else {
            uncommanded.reset();
            overspeed.reset();
        }
        if (!estop.latched()) {
            tripIf(homeSwitch.update(panel.homeSwitchAtHome(), angle, trusted, now), now);
        }

        // Only a press edge counts: a button held through a restart is not a new command (SPEC §7).
        int mask = panel.buttonsMask();
        int pressEdges = previousButtonsMask >= 0 ? mask & ~previousButtonsMask : 0;
        pressSeenSinceBoot |= pressEdges != 0;
        previousButtonsMask = mask;
        limpArmed |= !Button.UP.in(mask);
        // The budget counts on the filtered angle: sensor noise around the rest just below
        // horizontal must not count as inverted time (SPEC §3), nor hide a real inversion.
        double budgetAngle = Double.isFinite(envelope.angleDeg()) ? envelope.angleDeg() : lastTrustedAngleDeg;
        if (!bootAngleJudged && trusted && Double.isFinite(budgetAngle)) {
            bootAngleJudged = true;
            // Booting inverted, with or without a journal: only HOME and UP, with the alarm (SPEC §7).
            onlyUpward = budgetAngle > 0.0;
            if (pastUnknown && budgetAngle > settings.homeDeg() + HOME_BAND_DEG) {
                // No journal and away from home: a session may have run for the whole limit, and
                // an unknown past must never hand out fresh time (SPEC §7).
                budget.restoreFrom(settings.maxInvertedS(), true);
            }
        }
        boolean warning = false;
        for (InvertedTimeBudget.Event e : budget.update(now, budgetAngle, panel.homeSwitchAtHome())) {
            warning |= e != InvertedTimeBudget.Event.RETURN_REQUIRED;
        }

        if (estop.latched() && !estopReported) {
            Logger.warn("e-stop: motor power cut; release the e-stop and hold STOP 2 s to reset");
            estopReported = true;
            resetRule.rearm();
            event = "estop";
        } else if (faults.latched() && !faultReported) {
            faultReported = true;
            resetRule.rearm();
            limpArmed = false;
            event = faults.code().code();
            if (!faults.code().angleAndDriveTrusted()) {
                limp.startOpenLoop(lastTrustedAngleDeg);
            }
        }

        if (resetRule.update(panel.pressed(Button.STOP), now) && (estop.latched() || faults.latched())) {
            if (resetAllowed(panel)) {
                estop.tryReset(false);
                faults.reset();
                motion.reset();
                frozen.reset();
                wrongWay.reset();
                uncommanded.reset();
                overspeed.reset();
                motorPowerCut = false;
                imu.restart(now);
                limp.reset();
                limpBlocked = false;
                limpBestAngleDeg = Double.NaN;
                gate.release();
                estopReported = false;
                faultReported = false;
                event = "reset";
            }
        }

        returnResume.update(returnBlockedByALatch(), pressEdges, returnDue(budgetAngle));
        boolean returnStarted = updateReturn(budgetAngle, panel);
        if (event == null && returnStarted) {
            event = "auto_return";
        } else if (event == null && warning) {
            event = "warning";
        }
        if (onlyUpward && Double.isFinite(budgetAngle) && budgetAngle <= 0.0) {
            onlyUpward = false;
        }

        FaultCode fault = faults.latched() ? faults.code() : null;
        boolean limpAllowed = fault != null && !estop.latched() && !returnActive;
        view = new SafetyView(angle, trusted, estop.latched(), fault, returnActive, limpAllowed,
                maxAngleNowDeg(), onlyUpward || returnPending(budgetAngle), budget.invertedS(), event, applied);
        return view;
    }

    /**
     * Gates the controller's command and writes the result to the H-bridge: the one place a motor
     * command can pass. Returns what was applied.
     */
    public MotorCommand gate(TickInputs in, MotorCommand wanted) {
        if (returnActive && !wanted.enabled() && envelope.angleDeg() <= settings.homeDeg() + HOME_BAND_DEG) {
            // Home by the angle and the return has come to rest: the HOME switch is not the only
            // way to finish, or a switch that never opens would keep the return alive forever.
            returnActive = false;
        }
        MotorCommand allowed = allowed(in, wanted);
        gate.write(allowed, in.timeNanos());
        applied = gate.output();
        return applied;
    }

    /**
     * The heartbeat may toggle (SPEC §4): not in ESTOP (stop category 0), and not after the drive
     * moved by itself (against the command, while disabled, too fast), so that the external relay
     * drops motor power. After the other faults, a loop overrun that passed included, it goes on
     * so that limp home can drive.
     */
    public boolean healthy() {
        return !estop.latched() && !motorPowerCut;
    }

    public double invertedS() {
        return budget.invertedS();
    }

    public boolean sessionActive() {
        return budget.sessionActive();
    }

    public String faultCause() {
        return faults.latched() ? faults.cause() : null;
    }

    private MotorCommand allowed(TickInputs in, MotorCommand wanted) {
        PanelReading panel = in.panel();
        if (!wanted.enabled() || estop.latched() || panel.estopStop() || view == null) {
            return MotorCommand.OFF;
        }
        double duty = wanted.duty();
        boolean towardInversion = duty > 0.0;
        if (onlyUpward && towardInversion) {
            return MotorCommand.OFF;
        }
        if (returnActive) {
            // Buttons are ignored during the return; whatever the controller asks, never deeper
            // than the controlled stop of a move that was going down when the return fell due
            // (cutting it instead would be a hard stop under a person: only the e-stop does that).
            boolean deeperThanTheStop = envelope.angleDeg() >= returnStartAngleDeg + returnStopAllowanceDeg;
            if (towardInversion && (deeperThanTheStop
                    || envelope.refuses(duty))) {
                return MotorCommand.OFF;
            }
            return wanted;
        }
        if (faults.latched()) {
            return limpHome(in, wanted);
        }
        if (!pressSeenSinceBoot || returnPending(envelope.angleDeg())) {
            return MotorCommand.OFF;
        }
        if (envelope.refuses(duty)) {
            if (duty < 0.0 && envelope.pastHardLimit()) {
                // Past the limit and going deeper while driven toward upright: the drive is
                // reversed. Latch it, or every refused tick would restart the motion detector.
                latch(new Trip(FaultCode.MOTION_WRONG_DIRECTION, String.format(java.util.Locale.ROOT,
                        "past the angle limit at %.1f deg and going deeper while driven toward upright",
                        envelope.angleDeg())), in.timeNanos());
            }
            return MotorCommand.OFF;
        }
        if (!towardInversion && panel.homeSwitchAtHome()) {
            // The end-stop opened: motion toward upright stops here (SPEC §4).
            return MotorCommand.OFF;
        }
        return wanted;
    }

    /** After a fault only limp home may move: UP held, toward upright, at limp speed, bounded. */
    private MotorCommand limpHome(TickInputs in, MotorCommand wanted) {
        PanelReading panel = in.panel();
        boolean upHeld = panel.pressed(Button.UP) && limpArmed;
        boolean switchTrusted = faults.code() != FaultCode.HOME_SWITCH_DISAGREE;
        boolean refuse = !upHeld || wanted.duty() >= 0.0 || switchTrusted && panel.homeSwitchAtHome();
        if (!refuse && !angleTrusted()) {
            // Open loop, whatever the fault that came first (the angle may be lost after a
            // trusted one): always within the travel-time bound.
            if (!limp.started()) {
                limp.startOpenLoop(lastTrustedAngleDeg);
            }
            refuse = !limp.allowOpenLoop(true, in.timeNanos());
        } else {
            limp.allowOpenLoop(false, in.timeNanos());
        }
        if (!refuse && angleTrusted()) {
            double angle = envelope.angleDeg();
            // A reversed or runaway drive under limp home would take the user deeper: never more
            // than a degree past the most upright point limp home has reached since the fault.
            limpBestAngleDeg = Double.isNaN(limpBestAngleDeg) ? angle : Math.min(limpBestAngleDeg, angle);
            limpBlocked |= angle > limpBestAngleDeg + LIMP_WRONG_WAY_DEG;
            refuse = limpBlocked || envelope.refuses(wanted.duty());
        }
        if (refuse) {
            return MotorCommand.OFF;
        }
        // Capped, not refused: a loaded table needs more duty than an empty one for the same speed;
        // closed loop the controller's tracking holds the speed on the angle, open loop the cap does.
        double cap = angleTrusted() ? limpDutyCap : limpOpenLoopDutyCap;
        return MotorCommand.drive(Math.max(wanted.duty(), -cap));
    }


    private boolean resetAllowed(PanelReading panel) {
        if (panel.estopStop()) {
            return false;
        }
        if (!faults.latched()) {
            return true;
        }
        return switch (faults.code()) {
            case IMU_STALE, IMU_OUT_OF_RANGE, IMU_NON_FINITE, IMU_GRAVITY, IMU_JUMP, IMU_FROZEN ->
                    goodImuTicks >= IMU_GOOD_TICKS_FOR_RESET;
            case HOME_SWITCH_DISAGREE -> homeSwitch.agrees(panel.homeSwitchAtHome(), imu.lastAcceptedAngleDeg());
            default -> true;
        };
    }

    /**
     * The automatic return is due when what is left of the budget only just covers the way back
     * (SPEC §3). It runs in every state but ESTOP and the faults that leave the angle or the drive
     * untrusted; after a restart it waits for a press (SPEC §7).
     */
    private boolean updateReturn(double angleDeg, PanelReading panel) {
        boolean blocked = returnBlockedByALatch() || returnResume.awaitsPress();
        if (returnActive && (panel.homeSwitchAtHome() || blocked)) {
            returnActive = false;
        } else if (!returnActive && !blocked && budget.returnRequired() && angleDeg > 0.0) {
            returnActive = true;
            // A controlled stop is owed only to a table that was going deeper when the return fell due.
            returnStartAngleDeg = applied.enabled() && applied.duty() > 0.0 ? envelope.angleDeg() : Double.NEGATIVE_INFINITY;
            return true;
        }
        return false;
    }

    /**
     * ESTOP and the faults that leave the angle or the drive untrusted stop the return (SPEC §3);
     * so does any fault once the angle is lost, whichever came first: limp home is the way up then.
     */
    private boolean returnBlockedByALatch() {
        return estop.latched() || untrustedFaultLatched() || faults.latched() && !angleTrusted();
    }

    /** The budget calls for the return and the table is still inverted. */
    private boolean returnDue(double angleDeg) {
        return budget.returnRequired() && angleDeg > 0.0;
    }

    private boolean returnPending(double angleDeg) {
        return returnResume.pending(returnActive, returnDue(angleDeg));
    }

    private void tripIf(Trip trip, long now) {
        if (trip != null) {
            latch(trip, now);
        }
    }

    /** Latches a fault; the first one is logged with its cause (SPEC §6), later ones add nothing. */
    private void latch(Trip trip, long now) {
        boolean first = faults.trip(trip, now);
        if (first && trip.code().cutsMotorPower()) {
            Logger.error("fault {}: {} (motor power cut by the watchdog relay; the mechanical release is the way up;"
                    + " reset: hold STOP 2 s once the drive is repaired)", trip.code().code(), trip.cause());
        } else if (first) {
            Logger.error("fault {}: {} (motor off; limp home: hold UP; reset: hold STOP 2 s once the cause is gone)",
                    trip.code().code(), trip.cause());
        } else if (trip.code().cutsMotorPower() && !motorPowerCut) {
            Logger.error("fault {} after {}: {} (motor power cut by the watchdog relay)",
                    trip.code().code(), faults.code().code(), trip.cause());
        }
        motorPowerCut |= trip.code().cutsMotorPower();
    }

    /** The IMU's angle is believed: no IMU fault seen by the plausibility checks or latched here. */
    private boolean angleTrusted() {
        return imu.angleTrusted() && !(faults.latched() && faults.code().imuFault());
    }

    private boolean untrustedFaultLatched() {
        return faults.latched() && !faults.code().angleAndDriveTrusted();
    }

    /** When the budget is (nearly) spent, no move may go back into inversion. */
    private double maxAngleNowDeg() {
        return budget.returnRequired() ? settings.flatRestDeg() : settings.maxAngleDeg();
    }
}
