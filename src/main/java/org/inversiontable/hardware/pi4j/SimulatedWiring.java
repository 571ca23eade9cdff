package org.inversiontable.hardware.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import org.inversiontable.hardware.Button;

/**
 * The far side of the wires for the desktop simulator: it sets the contacts and reads the
 * outputs of Pi4J's mock providers in the table's own terms, so nothing outside this package
 * needs to import Pi4J.
 *
 * <pre>{@code
 * SimulatedWiring wires = table.simulatedWiring();
 * wires.idle(false);                         // e-stop closed, buttons released, away from home
 * wires.setButtonPressed(Button.DOWN, true);
 * double duty = wires.dutyOnWires();         // what the H-bridge would do now
 * }</pre>
 *
 * <p>Pi4J's mock inputs start LOW, which by this table's conventions means "all buttons
 * pressed": a simulator calls {@link #idle} first. Changing the e-stop runs its listeners on the
 * calling thread.
 */
public final class SimulatedWiring {
    private final Context ctx;
    /**
     * The I/Os by id, looked up in the context's registry once each: the simulation reads the
     * outputs on every 1 ms physics step, and a registry lookup (a lower-cased id, two hash maps)
     * cost more than the step's physics (SPEC §11: 10,000x real time). The registry holds the
     * same instance for the context's life, and a wiring serves one context.
     */
    private final java.util.Map<String, Object> ios = new java.util.HashMap<>();
    private DigitalOutput motorEnable;
    private DigitalOutput motorDir;
    private DigitalOutput watchdog;
    private Pwm motorPwm;

    SimulatedWiring(Context ctx) {
        this.ctx = ctx;
    }

    /** E-stop contact closed, every button released, the HOME switch as given. */
    public void idle(boolean atHome) {
        setEstopOpen(false);
        setHomeSwitchOpen(atHome);
        for (Button b : Button.values()) {
            setButtonPressed(b, false);
        }
    }

    /** Open = pressed or wire broken (HIGH through the pull-up). */
    public void setEstopOpen(boolean open) {
        input(IoIds.ESTOP).mockState(open ? DigitalState.HIGH : DigitalState.LOW);
    }

    /** Open = the bed is at home and has pushed the normally-closed end-stop open. */
    public void setHomeSwitchOpen(boolean open) {
        input(IoIds.HOME_SWITCH).mockState(open ? DigitalState.HIGH : DigitalState.LOW);
    }

    /**
     * The contactors' read-back (hardware/WIRING.md §4.3): dropped = K1 and K3 both out, LOW through
     * opto U4; otherwise HIGH, as with a contactor in or welded or a broken read-back. Only when
     * {@code relay_aux_pin} is wired.
     */
    public void setContactorsDropped(boolean dropped) {
        input(IoIds.RELAY_AUX).mockState(dropped ? DigitalState.LOW : DigitalState.HIGH);
    }

    public void setButtonPressed(Button button, boolean pressed) {
        input(IoIds.button(button)).mockState(pressed ? DigitalState.LOW : DigitalState.HIGH);
    }

    /**
     * Runs {@code action} on the thread that drives the H-bridge's ENABLE line from HIGH to LOW, at
     * that instant: the bench's measure of e-stop edge to motor disabled (SPEC §11). Only the bench
     * registers it; without it the line behaves exactly as before.
     */
    public void onMotorDisabled(Runnable action) {
        java.util.Objects.requireNonNull(action, "action");
        ctx.registry().get(IoIds.MOTOR_ENABLE, DigitalOutput.class).addListener(event -> {
            if (event.state() == DigitalState.LOW) {
                action.run();
            }
        });
    }

    public boolean motorEnabled() {
        if (motorEnable == null) {
            motorEnable = output(IoIds.MOTOR_ENABLE);
        }
        return motorEnable.state() == DigitalState.HIGH;
    }

    /** Direction line HIGH: toward inversion. */
    public boolean motorTowardInversion() {
        if (motorDir == null) {
            motorDir = output(IoIds.MOTOR_DIR);
        }
        return motorDir.state() == DigitalState.HIGH;
    }

    /** The PWM percent now (0 while the PWM is off). */
    public int pwmPercent() {
        if (motorPwm == null) {
            motorPwm = ctx.registry().get(IoIds.MOTOR_PWM, Pwm.class);
        }
        return motorPwm.isOn() ? motorPwm.getDutyCycle() : 0;
    }

    /** The signed duty the H-bridge applies now: 0 unless enabled, positive toward inversion. */
    public double dutyOnWires() {
        if (!motorEnabled()) {
            return 0.0;
        }
        double magnitude = pwmPercent() / 100.0;
        return motorTowardInversion() ? magnitude : -magnitude;
    }

    public boolean ledOn() {
        return high(IoIds.LED);
    }

    public boolean buzzerOn() {
        return high(IoIds.BUZZER);
    }

    public boolean watchdogHigh() {
        if (watchdog == null) {
            watchdog = output(IoIds.WATCHDOG);
        }
        return watchdog.state() == DigitalState.HIGH;
    }

    private MockDigitalInput input(String id) {
        return io(id, MockDigitalInput.class);
    }

    private DigitalOutput output(String id) {
        return io(id, DigitalOutput.class);
    }

    private <T extends com.pi4j.io.IO<?, ?, ?>> T io(String id, Class<T> type) {
        Object known = ios.get(id);
        if (known == null) {
            known = ctx.registry().get(id, type);
            ios.put(id, known);
        }
        return type.cast(known);
    }

    private boolean high(String id) {
        return output(id).state() == DigitalState.HIGH;
    }
}
