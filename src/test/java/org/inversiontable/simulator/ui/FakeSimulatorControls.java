package org.inversiontable.simulator.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.inversiontable.control.TableState;
import org.inversiontable.hardware.Button;
import org.inversiontable.sim.FaultGroup;
import org.inversiontable.simulator.InjectableFault;
import org.inversiontable.simulator.SimulatorControls;
import org.inversiontable.simulator.SimulatorStatus;

/**
 * A kinematic stand-in for the real simulation, for the faces' tests and the screenshot: it logs
 * every call in order ({@code "DOWN down"}, {@code "estop on"}, {@code "inject IMU_STALE"}) and
 * moves a table at 5 deg/s while UP or DOWN is held. It is not the controller: no profile, no
 * supervisor, no budget logic beyond counting inverted time.
 */
final class FakeSimulatorControls implements SimulatorControls {
    static final double SPEED_DEG_S = 5.0;
    static final double HOME_DEG = -65.0;

    final List<String> calls = new ArrayList<>();
    double timeS;
    double angleDeg = HOME_DEG;
    double measOffsetDeg = 0.3;
    double invertedS;
    double limitInvertedS = 180;
    double limitAngleDeg = 30;
    double userKg = 80;
    int buttons;
    int injected;
    boolean estop;
    boolean led;
    boolean buzzer;
    boolean measMissing;
    String faultCode;
    String message;
    TableState forcedState;

    @Override
    public synchronized void setButton(Button button, boolean pressed) {
        calls.add(button + (pressed ? " down" : " up"));
        buttons = pressed ? buttons | button.bit() : buttons & ~button.bit();
    }

    @Override
    public synchronized void setEstopPressed(boolean pressed) {
        calls.add(pressed ? "estop on" : "estop off");
        estop = pressed;
    }

    @Override
    public synchronized void inject(InjectableFault fault) {
        calls.add("inject " + fault);
        injected |= 1 << fault.ordinal();
    }

    @Override
    public synchronized void clear(FaultGroup group) {
        calls.add("clear " + group);
        for (InjectableFault f : InjectableFault.values()) {
            if (f.group() == group) {
                injected &= ~(1 << f.ordinal());
            }
        }
    }

    @Override
    public synchronized void setUserKg(double kg) {
        if (kg < 40 || kg > 150) {
            throw new IllegalArgumentException("user_kg must be 40..150, not " + kg);
        }
        calls.add(String.format(Locale.ROOT, "kg %.0f", kg));
        userKg = kg;
    }

    /** Moves the table as the held buttons say, for {@code dtS} seconds. */
    synchronized void advance(double dtS) {
        timeS += dtS;
        int dir = estop ? 0 : Button.DOWN.in(buttons) ? 1 : Button.UP.in(buttons) ? -1 : 0;
        angleDeg = Math.max(HOME_DEG, Math.min(limitAngleDeg, angleDeg + dir * SPEED_DEG_S * dtS));
        if (angleDeg > 0) {
            invertedS += dtS;
        }
    }

    private TableState state() {
        if (forcedState != null) {
            return forcedState;
        }
        if (estop) {
            return TableState.ESTOP;
        }
        if (Button.DOWN.in(buttons) || Button.UP.in(buttons)) {
            return TableState.MOVING;
        }
        return angleDeg <= HOME_DEG + 2 ? TableState.IDLE : TableState.HOLDING;
    }

    @Override
    public synchronized SimulatorStatus status() {
        boolean moving = state() == TableState.MOVING;
        return new SimulatorStatus(timeS, angleDeg, measMissing ? Double.NaN : angleDeg + measOffsetDeg, state(),
                invertedS, limitInvertedS, limitAngleDeg, moving ? (Button.DOWN.in(buttons) ? 0.4 : -0.4) : 0.0,
                moving, !estop, led, buzzer, estop, buttons, faultCode, message, userKg, injected);
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }
}
