package org.inversiontable.safety;

import java.util.function.BooleanSupplier;
import java.util.List;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.TickInputs;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.PanelReading;
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
 * Its parts each have a class of their own: {@link MotorGate} (the only holder of the H-bridge),
 * {@link DriveDetectors} (the faults of §6), {@link InvertedTimeBudget} and {@link AutomaticReturn}
 * (§3), {@link LimpHomeGate} (§6), {@link EnvelopeGuard}, the latches and the {@link ResetRule}
 * (§4); this class wires them in their one order per tick. Only the control thread calls it;
 * other threads reach it through the gate's {@link TroubleReports}.
 */
public final class SafetySupervisor {
    private static final double HOME_BAND_DEG = SafetySettings.HOME_BAND_DEG;
    private static final long INPUT_SETTLE_NANOS = SafetySettings.INPUT_SETTLE_NANOS;

    private final SafetySettings settings;
    private final long startNanos;
    private static final long NO_TICK_YET = Long.MIN_VALUE;
    private long firstTickNanos = NO_TICK_YET;
    private final MotorGate gate;
    private final EstopLatch estop = new EstopLatch();
    private final FaultLatch faults = new FaultLatch();
    private final EnvelopeGuard envelope;
    private final DriveDetectors detectors;
    private final InvertedTimeBudget budget;
    private final AutomaticReturn automaticReturn;
    private final LimpHomeGate limp;
    /** The limits of the session in force (SPEC §13), at or below the configured ones. */
    private double limitAngleDeg;
    private double limitInvertedS;
    private ReturnDuration returnDuration;
    /** Limits waiting for the session that runs to end; null when none wait. */
    private SessionLimits pendingLimits;
    /** SPEC §13: the rest between sessions is not over; DOWN and PRESET may not start one. */
    private boolean sessionStartRefused;
    private long refusalAlarmUntilNanos = Long.MIN_VALUE;
    private final ResetRule resetRule = new ResetRule();
    /** Made once, so that a tick allocates nothing for them. */
    private final BooleanSupplier angleTrustedNow = this::angleTrusted;
    private final DriveDetectors.TripSink latchSink = this::latch;

    private boolean onlyUpward;
    private boolean bootAngleJudged;
    /** No journal at boot: what went before is unknown (SPEC §7). */
    private boolean pastUnknown;
    private int previousButtonsMask = -1;
    private boolean pressSeenSinceBoot;
    private boolean estopReported;
    private boolean faultReported;
    private MotorCommand applied = MotorCommand.OFF;
    /** What this tick took from the off-thread reports: the trace records it so that replay can re-inject it. */
    private boolean estopReportTaken;
    private Trip faultReportTaken;
    private boolean bridgeRefusedGatedCommand;
    /**
     * A drive that moved by itself was seen (SPEC §4): the heartbeat stays stopped until a reset,
     * even when another fault was latched first and keeps its code.
     */
    private boolean motorPowerCut;
    /** What {@link #assess} returns, refilled every tick (SPEC §11): valid until the next tick. */
    private final SafetyView view = new SafetyView();
    /** An assessment has run since boot: until then the gate lets nothing through. */
    private boolean assessed;

    public SafetySupervisor(SafetySettings settings, MotorGate gate, long startNanos) {
        this.settings = settings;
        this.gate = gate;
        this.startNanos = startNanos;
        this.envelope = new EnvelopeGuard(settings.maxAngleDeg(), settings.homeDeg());
        this.detectors = new DriveDetectors(settings, envelope, startNanos);
        this.limitAngleDeg = settings.maxAngleDeg();
        this.limitInvertedS = settings.maxInvertedS();
        // One estimate with the configuration check: the table may still be going down at full
        // speed when the return falls due, and a loaded table lags the planned return.
        this.returnDuration = new ReturnDuration(settings.downLimits(), settings.returnLimits(),
                settings.maxAngleDeg());
        this.budget = new InvertedTimeBudget(settings.maxInvertedS(), settings.homeDeg(),
                this::returnSecondsFrom, startNanos);
        this.automaticReturn = new AutomaticReturn(settings);
        this.limp = new LimpHomeGate(settings);
    }

    private double returnSecondsFrom(double angleDeg) {
        return returnDuration.secondsFrom(angleDeg);
    }

    /**
     * The limits of the sessions from now on (SPEC §13: the profile in force and its level). Each
     * is kept at or below the configured one, which stays the cap; while a session runs they wait
     * for it to end, so that a session keeps the limits it started with.
     */
    public void limitSessions(SessionLimits limits) {
        SessionLimits capped = new SessionLimits(Math.min(limits.angleDeg(), settings.maxAngleDeg()),
                Math.min(limits.invertedS(), settings.maxInvertedS()),
                limits.down().atMost(settings.downLimits()), limits.back().atMost(settings.returnLimits()));
        if (budget.sessionActive()) {
            pendingLimits = capped;
        } else {
            apply(capped);
        }
    }

    private void apply(SessionLimits limits) {
        pendingLimits = null;
        limitAngleDeg = limits.angleDeg();
        limitInvertedS = limits.invertedS();
        envelope.limitTo(limitAngleDeg);
        budget.limitTo(limitInvertedS);
        detectors.limitSpeedTo(limits.down().vMaxDegPerS());
        // The return is estimated at the session's own speeds: a profile's slower return takes longer.
        returnDuration = new ReturnDuration(limits.down(), limits.back(), limitAngleDeg);
    }

    /**
     * SPEC §13: while true and no session runs, DOWN and PRESET cannot start one (the rest since the
     * last session is not over); a press of either sounds the alarm pattern for a moment.
     */
    public void refuseSessionStart(boolean refused) {
        sessionStartRefused = refused;
    }

    /** What the last {@link #refuseSessionStart} said: an input of the tick, for the trace and replay. */
    public boolean sessionStartRefused() {
        return sessionStartRefused;
    }

    /** A refused DOWN or PRESET press sounds the alarm pattern this long. */
    static final long REFUSAL_ALARM_NANOS = 3_000_000_000L;

    /** The alarm pattern for a session start that the rest rule refused (SPEC §13). */
    public boolean refusalAlarm(long nowNanos) {
        return nowNanos < refusalAlarmUntilNanos;
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
        budget.restoreFrom(Math.min(invertedS, limitInvertedS), active, returnRan);
        pastUnknown = noJournal;
    }

    public SafetyView assess(TickInputs in) {
        long now = in.timeNanos();
        PanelReading panel = in.panel();
        TableEvent event = null;

        // Trouble found off the control thread since the last tick (the e-stop's event already
        // cut the motor; a watchdog expiry turned the bridge off): latched here, for the reset rule.
        estopReportTaken = gate.trouble().takeEstop();
        if (estopReportTaken) {
            estop.trip();
        }
        faultReportTaken = gate.trouble().takeFault();
        tripIf(faultReportTaken, now);
        // The panel reads "stop" until its inputs have settled at start-up: that is not a press.
        // The gate refuses to drive on any "stop" reading all the same. The panel's debouncers
        // start at their first read, the first tick, however late that comes after construction.
        if (firstTickNanos == NO_TICK_YET) {
            firstTickNanos = now;
        }
        if (panel.estopStop() && now - firstTickNanos >= INPUT_SETTLE_NANOS) {
            estop.trip();
            gate.cut();
        }
        detectors.detect(in, applied, estop.latched(), angleTrustedNow, latchSink);
        double angle = detectors.acceptedAngleDeg();
        boolean trusted = angleTrusted();

        // Only a press edge counts: a button held through a restart is not a new command (SPEC §7).
        int mask = panel.buttonsMask();
        int pressEdges = previousButtonsMask >= 0 ? mask & ~previousButtonsMask : 0;
        pressSeenSinceBoot |= pressEdges != 0;
        previousButtonsMask = mask;
        limp.observeButtons(mask);
        // The budget counts on the filtered angle: sensor noise around the rest just below
        // horizontal must not count as inverted time (SPEC §3), nor hide a real inversion.
        double budgetAngle = Double.isFinite(envelope.angleDeg()) ? envelope.angleDeg() : detectors.lastTrustedAngleDeg();
        if (!bootAngleJudged && trusted && Double.isFinite(budgetAngle)) {
            bootAngleJudged = true;
            // Booting inverted, with or without a journal: only HOME and UP, with the alarm (SPEC §7).
            onlyUpward = budgetAngle > 0.0;
            if (pastUnknown && budgetAngle > settings.homeDeg() + HOME_BAND_DEG) {
                // No journal and away from home: a session may have run for the whole limit, and
                // an unknown past must never hand out fresh time (SPEC §7).
                budget.restoreFrom(limitInvertedS, true);
            }
        }
        boolean warning = false;
        // Indexed, not for-each: an iterator would be a heap object every tick (SPEC §11).
        List<InvertedTimeBudget.Event> budgetEvents = budget.update(now, budgetAngle,
                panel.homeSwitchAtHome());
        for (int i = 0; i < budgetEvents.size(); i++) {
            warning |= budgetEvents.get(i) != InvertedTimeBudget.Event.RETURN_REQUIRED;
        }
        if (pendingLimits != null && !budget.sessionActive()) {
            apply(pendingLimits);
        }
        if (startRefusedNow() && (pressEdges & (Button.DOWN.bit() | Button.PRESET.bit())) != 0) {
            refusalAlarmUntilNanos = now + REFUSAL_ALARM_NANOS;
        }

        if (estop.latched() && !estopReported) {
            Logger.warn("e-stop: motor power cut; release the e-stop and hold STOP 2 s to reset");
            estopReported = true;
            resetRule.rearm();
            event = TableEvent.ESTOP;
        } else if (faults.latched() && !faultReported) {
            faultReported = true;
            resetRule.rearm();
            limp.onFault(faults.code(), detectors.lastTrustedAngleDeg());
            event = TableEvent.FAULT;
        }

        if (resetRule.update(panel.pressed(Button.STOP), now) && (estop.latched() || faults.latched())) {
            if (resetAllowed(panel)) {
                estop.tryReset(false);
                faults.reset();
                detectors.reset(now);
                motorPowerCut = false;
                limp.reset();
                gate.release();
                estopReported = false;
                faultReported = false;
                event = TableEvent.RESET;
            }
        }

        boolean returnStarted = automaticReturn.update(returnBlockedByALatch(), pressEdges, returnDue(budgetAngle),
                panel.homeSwitchAtHome(), applied, envelope.angleDeg());
        if (event == null && returnStarted) {
            event = TableEvent.AUTO_RETURN;
        } else if (event == null && warning) {
            event = TableEvent.WARNING;
        }
        if (onlyUpward && Double.isFinite(budgetAngle) && budgetAngle <= 0.0) {
            onlyUpward = false;
        }

        FaultCode fault = faults.latched() ? faults.code() : null;
        boolean limpAllowed = fault != null && !estop.latched() && !automaticReturn.active();
        assessed = true;
        view.fill(angle, trusted, estop.latched(), fault, automaticReturn.active(), limpAllowed,
                maxAngleNowDeg(), onlyUpward || returnPending(budgetAngle), budget.invertedS(), event, applied);
        return view;
    }

    /**
     * Gates the controller's command and writes the result to the H-bridge: the one place a motor
     * command can pass. Returns what was applied.
     */
    public MotorCommand gate(TickInputs in, MotorCommand wanted) {
        automaticReturn.endIfHome(wanted.enabled(), envelope.angleDeg() <= settings.homeDeg() + HOME_BAND_DEG);
        MotorCommand allowed = allowed(in, wanted);
        gate.write(allowed, in.timeNanos());
        applied = gate.output();
        bridgeRefusedGatedCommand = allowed.enabled() && !applied.enabled();
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

    /** The angle limit in force (SPEC §3, §13): the trace shows it beside the angle. */
    public double limitAngleDeg() {
        return limitAngleDeg;
    }

    /** The inverted-time limit in force (SPEC §3, §13). */
    public double limitInvertedS() {
        return limitInvertedS;
    }

    /**
     * The last {@link #assess} took an e-stop report from off the control thread (the e-stop's
     * input event). An input of the tick like the sensor's reading: the trace records it, and
     * replay re-injects it before the same tick.
     */
    public boolean estopReportTaken() {
        return estopReportTaken;
    }

    /**
     * The H-bridge refused the last {@link #gate}'s enabled command: an e-stop event, on its own
     * thread, cut the motor after this tick's {@link #assess} had taken the reports (the next tick
     * takes that one). The trace records it, so that replay can cut at the same point of the tick.
     */
    public boolean bridgeRefusedGatedCommand() {
        return bridgeRefusedGatedCommand;
    }

    /** The code of the fault report the last {@link #assess} took from off the control thread, or null. */
    public FaultCode faultReportTaken() {
        return faultReportTaken == null ? null : faultReportTaken.code();
    }

    /**
     * The thread-safe path by which trouble found off the control thread reaches this supervisor
     * ({@link TroubleReports#report}); replay re-injects a recorded report through it.
     */
    public TroubleReports trouble() {
        return gate.trouble();
    }

    public boolean sessionActive() {
        return budget.sessionActive();
    }

    public String faultCause() {
        return faults.latched() ? faults.cause() : null;
    }

    private MotorCommand allowed(TickInputs in, MotorCommand wanted) {
        PanelReading panel = in.panel();
        if (!wanted.enabled() || estop.latched() || panel.estopStop() || !assessed) {
            return MotorCommand.OFF;
        }
        double duty = wanted.duty();
        boolean towardInversion = duty > 0.0;
        if (onlyUpward && towardInversion) {
            return MotorCommand.OFF;
        }
        if (automaticReturn.active()) {
            // Buttons are ignored during the return (the controller drives it).
            if (towardInversion && (automaticReturn.refusesDeeper(envelope.angleDeg()) || envelope.refuses(duty))) {
                return MotorCommand.OFF;
            }
            return wanted;
        }
        if (faults.latched()) {
            return limp.allowed(panel, wanted, faults.code(), angleTrusted(), envelope,
                    detectors.lastTrustedAngleDeg(), in.timeNanos());
        }
        if (!pressSeenSinceBoot || returnPending(envelope.angleDeg())) {
            return MotorCommand.OFF;
        }
        if (towardInversion && startRefusedNow()) {
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

    private boolean resetAllowed(PanelReading panel) {
        if (panel.estopStop()) {
            return false;
        }
        if (!faults.latched()) {
            return true;
        }
        return detectors.causeGone(faults.code(), panel.homeSwitchAtHome());
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
        return automaticReturn.pending(returnDue(angleDeg));
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
        return detectors.imuTrusted() && !(faults.latched() && faults.code().imuFault());
    }

    private boolean untrustedFaultLatched() {
        return faults.latched() && !faults.code().angleAndDriveTrusted();
    }

    /**
     * When the budget is (nearly) spent, no move may go back into inversion; while the rest rule
     * refuses a session, none may leave home.
     */
    private double maxAngleNowDeg() {
        if (startRefusedNow()) {
            return settings.homeDeg();
        }
        return budget.returnRequired() ? settings.flatRestDeg() : limitAngleDeg;
    }

    private boolean startRefusedNow() {
        return sessionStartRefused && !budget.sessionActive();
    }
}
