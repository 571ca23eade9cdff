package org.inversiontable.control;

import org.inversiontable.safety.FaultCode;
import org.inversiontable.safety.TableEvent;
import org.inversiontable.hardware.TickInputs;
import org.inversiontable.hardware.MotorCommand;
import org.inversiontable.hardware.PanelReading;
import org.inversiontable.hardware.TableHardware;
import org.inversiontable.hardware.TiltReading;
import org.inversiontable.safety.MotorGate;
import org.inversiontable.safety.SafetySupervisor;
import org.inversiontable.safety.SafetyView;
import org.inversiontable.time.Clock;

/**
 * One control tick, in one direction (STYLE): read every input into a snapshot, let the
 * supervisor assess it, let the controller decide, let the supervisor gate and apply, then show
 * and report. Called every {@link #PERIOD_NANOS} by a real-time runner on the Pi, or by the
 * simulation in simulated time.
 */
public final class ControlLoop {
    /** 100 Hz (SPEC §11). */
    public static final long PERIOD_NANOS = 10_000_000L;

    private final TableHardware hardware;
    private final TableController controller;
    private final SafetySupervisor supervisor;
    private final MotorGate gate;
    private final Clock clock;
    private final Annunciator annunciator = new Annunciator();
    /**
     * This tick's inputs and record, refilled every tick so that a tick allocates nothing (SPEC §11):
     * valid until the next tick, on the control thread only.
     */
    private final TickInputs inputs = TickInputs.reusable();
    private final TickRecord record = new TickRecord();
    /** What the records name as in force (SPEC §13); set between ticks by the process that owns the loop. */
    private String profileShown;
    private int levelShown = -1;

    /**
     * @param gate the supervisor's gate, which alone holds the H-bridge; the loop only registers
     *             the e-stop's event with it
     */
    public ControlLoop(TableHardware hardware, TableController controller, SafetySupervisor supervisor,
            MotorGate gate, Clock clock) {
        this.hardware = hardware;
        this.controller = controller;
        this.supervisor = supervisor;
        this.gate = gate;
        this.clock = clock;
        // The e-stop acts on its input event, before and independently of the next tick (SPEC §11).
        hardware.panel().onEstopOpened(gate::onEstopEvent);
    }

    /**
     * Runs one tick.
     *
     * @return what it saw and did: the loop's own record, valid until the next tick, on this thread
     *         only ({@link TickRecord#copy()} to keep it)
     */
    public TickRecord tick() {
        long now = clock.nanoTime();
        TiltReading tilt = hardware.tilt().read();
        PanelReading panel = hardware.panel().read();
        inputs.refill(now, tilt, panel);

        SafetyView view = supervisor.assess(inputs);
        ControllerOutput wanted = controller.update(inputs, view);
        MotorCommand applied = supervisor.gate(inputs, wanted.command());

        TableEvent event = view.event() != null ? view.event() : wanted.event();
        annunciator.onEvent(event, now);
        TableState state = wanted.state();
        boolean inverted = view.angleDeg() > 0.0 || !view.angleTrusted();
        boolean alarm = (state == TableState.ESTOP || state == TableState.FAULT) && inverted || view.onlyUpward()
                || supervisor.refusalAlarm(now);
        hardware.indicators().set(annunciator.ledOn(state, now), annunciator.buzzerOn(alarm, now));
        if (supervisor.healthy()) {
            hardware.heartbeat().toggle();
        }
        FaultCode fault = view.fault() != null ? view.fault() : wanted.stuckButton() ? FaultCode.BUTTON_STUCK : null;
        record.fill(now, state, view.angleDeg(), applied, view.invertedS(), panel.estopStop(),
                panel.homeSwitchAtHome(), fault, event, hardware.heartbeat().high(), supervisor.limitAngleDeg(),
                supervisor.limitInvertedS(), inputs, supervisor.estopReportTaken(), supervisor.faultReportTaken(),
                supervisor.bridgeRefusedGatedCommand(), profileShown, levelShown, supervisor.sessionStartRefused());
        return record;
    }

    /** The profile and level in force, for the records from the next tick on (SPEC §10, §13). */
    public void showProfile(String profile, int level) {
        profileShown = profile;
        levelShown = level;
    }

    /** The control clock's time now. */
    public long nowNanos() {
        return clock.nanoTime();
    }

    /** Beeps a number (a profile's, when it is selected: SPEC §13), starting now. */
    public void announceNumber(int n) {
        annunciator.beepNumber(n, clock.nanoTime());
    }

    /** The motor's gate: its public side can only cut (the e-stop, the H-bridge's watchdog). */
    public MotorGate gate() {
        return gate;
    }

    public TableController controller() {
        return controller;
    }

    public SafetySupervisor supervisor() {
        return supervisor;
    }
}
