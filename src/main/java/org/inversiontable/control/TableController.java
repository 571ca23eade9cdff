package org.inversiontable.control;

import org.inversiontable.safety.TableEvent;
import org.inversiontable.hardware.TickInputs;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.motion.ActuatorCurve;
import org.inversiontable.motion.JerkLimitedProfile;
import org.inversiontable.motion.MotionLimits;
import org.inversiontable.motion.ProfileState;
import org.inversiontable.safety.FaultCode;
import org.inversiontable.safety.SafetySettings;
import org.inversiontable.safety.SafetyView;
import org.inversiontable.safety.SessionLimits;

/**
 * The table's state machine: turns buttons into smooth moves (SPEC §4, §5) and carries out the
 * automatic return and limp home that the supervisor calls for. It only ever asks for a motor
 * command; the {@link org.inversiontable.safety.SafetySupervisor} decides what reaches the
 * H-bridge.
 *
 * <pre>{@code
 * SafetyView view = supervisor.assess(inputs);
 * ControllerOutput wanted = controller.update(inputs, view);
 * supervisor.gate(inputs, view, wanted.command());
 * }</pre>
 *
 * <p>Moves: hold-to-run UP/DOWN, a HOME click (pausing just below horizontal when coming up
 * from inversion), a PRESET click; each runs on the jerk-limited profile, and any button
 * pressed during a move, or a release of the held button, is a controlled stop on the profile.
 */
public final class TableController {
    /** What the current move is for; decides its target and how it ends. */
    private enum Goal { NONE, HOLD_DOWN, HOLD_UP, HOME, PRESET, STOP, RETURN }

    /** A move that reached its target keeps correcting this long at most before the drive rests. */
    private static final long SETTLE_TIMEOUT_NANOS = 2_000_000_000L;
    /** The estimate must stay in the band this long (2.5 of its time constants) to count as settled. */
    private static final long SETTLE_DWELL_NANOS = 500_000_000L;
    /** Settled: the estimate is this close to the target (SPEC §5 asks 0.3 deg on the true angle). */
    private static final double SETTLED_DEG = 0.08;
    /** "At home" by angle when the switch is not there to say it (SPEC §3 uses home + 2 deg). */
    private static final double AT_HOME_BAND_DEG = SafetySettings.HOME_BAND_DEG;
    /** The inputs' debounce has settled by then (the supervisor waits as long for the e-stop). */
    private static final long BOOT_SETTLE_NANOS = SafetySettings.INPUT_SETTLE_NANOS;
    /**
     * Moves toward home aim this far above it at their normal speed, then creep on at
     * {@link #CREEP_SPEED_DEG_S} until the HOME switch opens: the switch ends the move at a speed
     * the self-locking screw stops from smoothly, wherever the switch sits and whatever the bias:
     * the switch opens 0.5 deg above home and the sensor may be 1 deg off (SPEC §3).
     */
    private static final double HOME_APPROACH_DEG = 2.0;
    private static final double CREEP_SPEED_DEG_S = 0.5;
    /**
     * The creep gives up this far below home by the angle: a switch that never opens (stuck
     * closed) must not send the table to the end stop. A working switch opens 0.5 deg above home.
     */
    private static final double CREEP_END_BELOW_HOME_DEG = 0.8;
    /**
     * The profile slows once the table is this far behind it and waits at {@link #PACE_STOP_BEHIND_DEG}:
     * a few times the estimate's noise (0.05 deg), far below the lag of a table that tracks.
     */
    private static final double PACE_SLOW_BEHIND_DEG = 0.05;
    private static final double PACE_STOP_BEHIND_DEG = 0.2;
    /**
     * The rest on the way up is aimed this far below flat_rest_deg: SPEC §5 lets a move settle
     * anywhere within 0.3 deg of its target, and the rest must never lie above 0 on the true
     * angle (SPEC §3). flat_rest_deg at most -1 covers the sensor's 1 deg; aiming one settle
     * tolerance lower puts the settling error on the upright (safe) side of it too.
     */
    private static final double REST_AIM_BELOW_FLAT_DEG = 0.3;
    /** SPEC §5 judges acceleration over windows of this length (s); one value with the actuator model. */
    private static final double ACCELERATION_WINDOW_S = ActuatorCurve.ACCELERATION_WINDOW_S;

    /** The configured settings: the caps of every session's limits. */
    private final ControlSettings configured;
    /** The settings of the session in force: the configured ones under a profile's limits (SPEC §13). */
    private ControlSettings settings;
    /** Limits that wait for the move under way to end; null when none wait. */
    private SessionLimits pendingLimits;
    private final ButtonInterpreter buttons;
    private final JerkLimitedProfile profile = new JerkLimitedProfile();
    /** What {@link #update} returns, refilled every tick (SPEC §11): valid until the next tick. */
    private final ControllerOutput decision = new ControllerOutput();
    private final AngleEstimator estimator;
    private final PositionLoop positionLoop;

    private TableState state = TableState.BOOT;
    private Goal goal = Goal.NONE;
    private ProfileState reference;
    /**
     * Where a move's reference starts, and the rest the drive holds at while a move ends: reused
     * so that a tick allocates nothing (SPEC §11); while driving, {@link #reference} is the
     * profile's own state, which each step refills.
     */
    private final ProfileState moveStart = ProfileState.reusable();
    private final ProfileState restingHere = ProfileState.reusable();
    private double targetDeg;
    /** Set while a move toward home must first pause just below horizontal. */
    private boolean restAtFlatPending;
    private long restUntilNanos = Long.MIN_VALUE;
    private long settleDeadlineNanos = Long.MIN_VALUE;
    private long settledSinceNanos = Long.MIN_VALUE;
    private double presetDeg;
    private long previousNanos = Long.MIN_VALUE;
    private long bootStartNanos = Long.MIN_VALUE;
    private boolean creepingHome;
    /** How fast the reference ran on the last tick (1 = in real time; see referencePace). */
    private double referencePace = 1.0;
    private ButtonEvents lastEvents = ButtonEvents.NONE;
    /** Where the table was last known to be, for limp home without a trusted angle. */
    private double lastTrustedAngleDeg = Double.NaN;

    public TableController(ControlSettings settings, ButtonInterpreter buttons) {
        this.configured = settings;
        this.settings = settings;
        this.buttons = buttons;
        this.positionLoop = new PositionLoop(settings.actuatorCurve(), settings.actuatorLagS());
        this.estimator = new AngleEstimator(settings.actuatorCurve(), settings.actuatorLagS());
        this.presetDeg = settings.presetDeg();
    }

    public TableState state() {
        return state;
    }

    public double presetDeg() {
        return presetDeg;
    }

    /** The preset stored before a restart (clamped to the envelope like any preset). */
    public void restorePreset(double storedDeg) {
        presetDeg = settings.clampToEnvelope(storedDeg);
    }

    /**
     * Plans moves within these limits from now on (SPEC §13: the profile in force and its level),
     * each capped at the configured one; a move under way finishes with the limits it started with.
     * The supervisor holds the same limits on the table, whatever is planned here.
     */
    public void limitMoves(SessionLimits limits) {
        pendingLimits = limits;
    }

    private void applyPendingLimits() {
        SessionLimits l = pendingLimits;
        pendingLimits = null;
        settings = configured.under(l.angleDeg(), l.down(), l.back());
        presetDeg = settings.clampToEnvelope(presetDeg);
    }

    public ControllerOutput update(TickInputs in, SafetyView view) {
        long now = in.timeNanos();
        if (pendingLimits != null && goal == Goal.NONE) {
            applyPendingLimits();
        }
        double dtS = previousNanos == Long.MIN_VALUE ? 0.0 : (now - previousNanos) / 1e9;
        previousNanos = now;
        ButtonEvents pressed = buttons.update(in.panel().buttonsMask(), now);
        lastEvents = pressed;
        boolean atHome = in.panel().homeSwitchAtHome();

        if (!view.angleTrusted()) {
            estimator.reset();
        } else {
            if (estimator.hasEstimate()) {
                lastTrustedAngleDeg = estimator.angleDeg();
            }
            // The estimate predicts with what the gate really applied last tick, not with the
            // plan: a table that lags the plan, or that the gate held back, shows as such.
            MotorCommand applied = view.appliedLastTick();
            estimator.update(view.angleDeg(), applied,
                    positionLoop.loadDutyAt(applied.duty(), estimator.angleDeg()), dtS);
        }

        if (view.estopLatched()) {
            return enterLatched(TableState.ESTOP);
        }
        if (view.returnActive() && state != TableState.BOOT) {
            // Runs even with a fault latched that leaves the angle and the drive trusted (SPEC §3).
            return autoReturn(view, atHome, now, dtS);
        }
        if (view.fault() != null) {
            return faultOrLimp(pressed, view, atHome, dtS);
        }
        if (state == TableState.ESTOP || state == TableState.FAULT || state == TableState.LIMP_HOME) {
            // The latch is gone, so the supervisor has accepted a reset: rest, never move (SPEC §4).
            return rest(atHome, null);
        }
        if (state == TableState.BOOT) {
            if (bootStartNanos == Long.MIN_VALUE) {
                bootStartNanos = now;
            }
            // Boot ends with a trusted angle and inputs that have settled (the panel reads "at
            // home" and "stop" until its debounce has seen the contacts).
            boolean settled = now - bootStartNanos >= BOOT_SETTLE_NANOS;
            return estimator.hasEstimate() && settled ? rest(atHome, null) : output(MotorCommand.OFF, null);
        }
        if (goal == Goal.RETURN) {
            // The supervisor ended the return (home reached): what the user holds must be released first.
            buttons.disarmHeld();
            return rest(atHome, null);
        }
        return userMove(pressed, view, atHome, now, dtS);
    }

    private ControllerOutput userMove(ButtonEvents pressed, SafetyView view, boolean atHome, long now, double dtS) {
        if (goal == Goal.NONE) {
            return startFromRest(pressed, view, atHome, now, dtS);
        }
        boolean holdToRun = goal == Goal.HOLD_DOWN || goal == Goal.HOLD_UP;
        boolean heldReleased = holdToRun && !pressed.isHolding(goal == Goal.HOLD_DOWN ? Button.DOWN : Button.UP);
        boolean interrupted = goal != Goal.STOP && pressed.anyPressEdge();
        if (heldReleased || interrupted) {
            // Controlled stop (SPEC §4): the interrupting button is spent on the stop, not a new command.
            buttons.disarmHeld();
            goal = Goal.STOP;
        }
        if (goal == Goal.HOLD_DOWN) {
            targetDeg = Math.min(targetDeg, view.maxAngleNowDeg());
        }
        return drive(atHome, now, dtS, view);
    }

    private ControllerOutput startFromRest(ButtonEvents pressed, SafetyView view, boolean atHome, long now,
                                            double dtS) {
        double angle = estimator.angleDeg();
        double maxNow = Math.min(settings.maxAngleDeg(), view.maxAngleNowDeg());
        if (pressed.isHolding(Button.UP) && pressed.isPressedEdge(Button.UP) && !atHome) {
            startMove(Goal.HOLD_UP, homeApproachDeg(), false);
        } else if (pressed.isClick(Button.HOME) && !atHome) {
            startMove(Goal.HOME, homeApproachDeg(), angle > 0.0 && settings.restAtFlatS() > 0.0);
        } else if (pressed.homeLongHold() && atHome) {
            // At home HOME does nothing else: held 3 s it asks for the next profile, which the
            // process grants only with no session open (SPEC §13).
            return output(MotorCommand.OFF, TableEvent.PROFILE_SELECTED);
        } else if (view.onlyUpward()) {
            return output(MotorCommand.OFF, null);
        } else if (pressed.isPressedEdge(Button.DOWN) && angle < maxNow - SETTLED_DEG) {
            startMove(Goal.HOLD_DOWN, maxNow, false);
        } else if (pressed.isClick(Button.PRESET)) {
            double target = Math.max(settings.homeDeg(), Math.min(maxNow, presetDeg));
            if (Math.abs(target - angle) > SETTLED_DEG) {
                startMove(Goal.PRESET, target, false);
            }
        } else if (pressed.presetLongHold()) {
            presetDeg = settings.clampToEnvelope(angle);
            return output(MotorCommand.OFF, TableEvent.PRESET_STORED);
        }
        if (goal == Goal.NONE) {
            return output(MotorCommand.OFF, null);
        }
        return output(positionLoop.track(reference, angle, limitsFor(reference, targetDeg), dtS), null);
    }

    private void startMove(Goal newGoal, double finalTargetDeg, boolean pauseAtFlat) {
        goal = newGoal;
        restAtFlatPending = pauseAtFlat;
        targetDeg = pauseAtFlat ? restAimDeg() : finalTargetDeg;
        restUntilNanos = Long.MIN_VALUE;
        settleDeadlineNanos = Long.MIN_VALUE;
        creepingHome = false;
        if (!isDriving()) {
            reference = moveStart.refill(estimator.angleDeg(), 0.0, 0.0);
            positionLoop.stop(false);
        }
        positionLoop.moveStarts();
        if (targetDeg == homeApproachDeg() && estimator.angleDeg() <= homeApproachDeg()) {
            creepingHome = true;
            targetDeg = settings.homeDeg() - CREEP_END_BELOW_HOME_DEG;
        }
        state = newGoal == Goal.RETURN ? TableState.RETURNING : TableState.MOVING;
    }

    private ControllerOutput autoReturn(SafetyView view, boolean atHome, long now, double dtS) {
        if (goal != Goal.RETURN) {
            buttons.disarmHeld();
            startMove(Goal.RETURN, homeApproachDeg(),
                    estimator.angleDeg() > settings.flatRestDeg() && settings.restAtFlatS() > 0.0);
        }
        return drive(atHome, now, dtS, view);
    }

    /** Runs the current move one tick along its profile. */
    private ControllerOutput drive(boolean atHome, long now, double dtS, SafetyView view) {
        double angle = estimator.angleDeg();
        boolean towardUpright = goal == Goal.STOP ? reference.velocityDegPerS() < 0.0 : targetDeg < angle;
        if (atHome && towardUpright && goal != Goal.HOLD_DOWN) {
            // The end-stop opened: motion toward upright ends here, whatever the angle says.
            return endMove(atHome);
        }
        if (restUntilNanos != Long.MIN_VALUE) {
            if (goal == Goal.STOP) {
                // A press during the rest below horizontal ends the move there and then: the
                // table is already still.
                return endMove(atHome);
            }
            if (now < restUntilNanos) {
                return output(MotorCommand.OFF, null);
            }
            restUntilNanos = Long.MIN_VALUE;
            restAtFlatPending = false;
            targetDeg = homeApproachDeg();
            reference = moveStart.refill(angle, 0.0, 0.0);
            positionLoop.stop(false);
        }
        MotionLimits limits = creepingHome && goal != Goal.STOP ? creepLimits() : limitsFor(reference, targetDeg);
        referencePace = goal == Goal.STOP ? 1.0 : referencePace(reference, angle);
        double profileDtS = dtS * referencePace;
        if (goal == Goal.STOP) {
            reference = profile.nextStop(reference, limits, dtS);
        } else if (profileDtS > 0.0) {
            reference = profile.nextToward(reference, targetDeg, limits, profileDtS);
        }
        boolean atTarget = JerkLimitedProfile.isAtRest(reference) && reference.positionDeg() == targetDeg;
        if (atTarget && goal != Goal.STOP && !creepingHome && targetDeg == homeApproachDeg()) {
            // Just above home: creep on until the HOME switch opens (it ends the move above).
            creepingHome = true;
            targetDeg = settings.homeDeg() - CREEP_END_BELOW_HOME_DEG;
            return output(positionLoop.track(reference, angle, limits, dtS), null);
        }
        if (JerkLimitedProfile.isAtRest(reference) && (goal == Goal.STOP || atTarget)) {
            if (settleDeadlineNanos == Long.MIN_VALUE) {
                settleDeadlineNanos = now + SETTLE_TIMEOUT_NANOS;
            }
            if (goal == Goal.STOP || now >= settleDeadlineNanos) {
                // The move ends: first let the actuator's speed run down within the acceleration
                // limit, so that the brake has nothing left to take when the drive is disabled.
                return positionLoop.actuatorStill() ? arrived(atHome, now)
                        : output(positionLoop.track(restingHere.refill(angle, 0.0, 0.0), angle, limits, dtS), null);
            }
            // Settled means the estimate has stayed in the band for a while: at the end of a
            // move it still leans on the prediction and needs a few of its time constants to
            // show where the table really is.
            if (Math.abs(reference.positionDeg() - angle) <= SETTLED_DEG) {
                if (settledSinceNanos == Long.MIN_VALUE) {
                    settledSinceNanos = now;
                }
                if (now - settledSinceNanos >= SETTLE_DWELL_NANOS && positionLoop.actuatorStill()) {
                    return arrived(atHome, now);
                }
                return output(positionLoop.track(restingHere.refill(angle, 0.0, 0.0), angle, limits, dtS), null);
            }
            settledSinceNanos = Long.MIN_VALUE;
        }
        return output(positionLoop.track(reference, angle, limits, dtS), null);
    }

    /**
     * How fast the profile may run on this tick (1 = in real time): it waits for a table that has
     * fallen behind. At the first move in a direction the user's load is not yet learned and a
     * heavy user stalls the screw for a moment; a profile that ran on would leave the table a
     * degree behind, and catching up (with the load learned on that error) would run it past the
     * speed limit (SPEC §5). Waiting keeps the error, and so the catch-up, small.
     */
    private static double referencePace(ProfileState reference, double angleDeg) {
        double behindDeg = Math.signum(reference.velocityDegPerS()) * (reference.positionDeg() - angleDeg);
        return Math.max(0.0, Math.min(1.0, (PACE_STOP_BEHIND_DEG - behindDeg) / (PACE_STOP_BEHIND_DEG - PACE_SLOW_BEHIND_DEG)));
    }

    /**
     * The creep onto the HOME switch ends when the switch opens, by the brake: slow enough that
     * the brake's stop within 20 ms is a change of speed that a_max allows over SPEC §5's 0.2 s.
     */
    private MotionLimits creepLimits() {
        MotionLimits back = settings.returnLimits();
        return back.withVMaxDegPerS(Math.min(CREEP_SPEED_DEG_S, back.aMaxDegPerS2() * ACCELERATION_WINDOW_S));
    }

    private double restAimDeg() {
        return settings.flatRestDeg() - REST_AIM_BELOW_FLAT_DEG;
    }

    private double homeApproachDeg() {
        return settings.homeDeg() + HOME_APPROACH_DEG;
    }

    private MotionLimits limitsFor(ProfileState from, double toDeg) {
        // Anything moving toward upright runs at the gentler return limits (SPEC §3). A reference
        // still moving toward inversion (a return that fell due on the way down, braking to turn
        // round) keeps the limits it moves under: capped at the return speed, the loop would cut
        // the table's speed at once, and the braking profile then leads it ever deeper.
        double v = from.velocityDegPerS();
        boolean upward = goal == Goal.STOP || v != 0.0 ? v < 0.0 : toDeg < from.positionDeg();
        return upward ? settings.returnLimits() : settings.downLimits();
    }

    private ControllerOutput arrived(boolean atHome, long now) {
        settleDeadlineNanos = Long.MIN_VALUE;
        settledSinceNanos = Long.MIN_VALUE;
        if (restAtFlatPending) {
            restUntilNanos = now + (long) (settings.restAtFlatS() * 1e9);
            return output(MotorCommand.OFF, TableEvent.FLAT_REST);
        }
        return endMove(atHome);
    }

    /** A move that ended by itself: a button still held must be released before it acts again. */
    private ControllerOutput endMove(boolean atHome) {
        buttons.disarmHeld();
        return rest(atHome, null);
    }

    private ControllerOutput rest(boolean atHome, TableEvent event) {
        goal = Goal.NONE;
        restAtFlatPending = false;
        restUntilNanos = Long.MIN_VALUE;
        reference = null;
        boolean home = atHome || estimator.angleDeg() <= settings.homeDeg() + AT_HOME_BAND_DEG;
        state = home ? TableState.IDLE : TableState.HOLDING;
        return output(MotorCommand.OFF, event);
    }

    private ControllerOutput enterLatched(TableState latchedState) {
        if (state != latchedState) {
            buttons.disarmHeld();
        }
        goal = Goal.NONE;
        reference = null;
        state = latchedState;
        return output(MotorCommand.OFF, null);
    }

    /** After a fault: motor off, except limp home while UP is held (SPEC §6). */
    private ControllerOutput faultOrLimp(ButtonEvents pressed, SafetyView view, boolean atHome, double dtS) {
        if (state != TableState.FAULT && state != TableState.LIMP_HOME) {
            if (view.fault() == FaultCode.MOTION_STALL || view.fault() == FaultCode.MOTION_WRONG_DIRECTION) {
                // What the load loop learned while the drive misbehaved is not the user's weight.
                positionLoop.forgetThisMove();
            }
            // The tick a fault is found only stops: limp home needs a press of its own.
            return enterLatched(TableState.FAULT);
        }
        if (view.fault() == FaultCode.HOME_SWITCH_DISAGREE) {
            // The switch is the suspect: judge "at home" by the angle alone.
            atHome = estimator.angleDeg() <= settings.homeDeg() + AT_HOME_BAND_DEG;
        }
        if (!view.limpAllowed() || atHome && view.angleTrusted() || !pressed.isHolding(Button.UP)) {
            reference = null;
            state = TableState.FAULT;
            return output(MotorCommand.OFF, null);
        }
        state = TableState.LIMP_HOME;
        double limpSpeed = SafetySettings.limpSpeedDegPerS(settings.returnLimits());
        if (!view.angleTrusted()) {
            reference = null;
            return output(positionLoop.openLoopTowardUpright(limpSpeed, lastTrustedAngleDeg), null);
        }
        double angle = estimator.angleDeg();
        if (reference == null) {
            reference = moveStart.refill(angle, 0.0, 0.0);
            positionLoop.stop(false);
        }
        MotionLimits limp = new MotionLimits(limpSpeed, settings.returnLimits().aMaxDegPerS2(),
                settings.returnLimits().jMaxDegPerS3());
        referencePace = referencePace(reference, angle);
        double paceDtS = dtS * referencePace;
        if (paceDtS > 0.0) {
            reference = profile.nextToward(reference, settings.homeDeg(), limp, paceDtS);
        }
        return output(positionLoop.track(reference, angle, limp, dtS), null);
    }

    private boolean isDriving() {
        return reference != null;
    }

    private ControllerOutput output(MotorCommand command, TableEvent event) {
        TableEvent shown = event == null && lastEvents.anyStuckReported() ? TableEvent.BUTTON_STUCK : event;
        return decision.fill(state, command, shown, lastEvents.stuck() != 0);
    }
}
