package org.inversiontable.hardware.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.IO;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.inversiontable.hardware.Button;

/**
 * The raw levels and read-backs of one table's I/O, undebounced, for the self-test that runs
 * before the control loop (org.inversiontable.pi): nothing here writes an output.
 *
 * <pre>{@code
 * TableProbe probe = table.probe();
 * if (probe.estopOpen()) { ... "release the e-stop" ... }
 * List<Button> held = probe.buttonsHeld();
 * }</pre>
 *
 * <p>Levels follow the wiring of hardware/WIRING.md (pull-ups, contacts to ground): LOW is a
 * closed contact. Read from the self-test's thread only, before the runtime starts.
 */
public final class TableProbe {
    private final Context context;
    private final DigitalInput estop;
    private final DigitalInput homeSwitch;
    private final Map<Button, DigitalInput> buttons;
    private final DigitalInput relayAux;
    private final DigitalOutput enable;
    private final DutyOutput duty;
    private final Mpu6050 imu;

    TableProbe(Context context, DigitalInput estop, DigitalInput homeSwitch, Map<Button, DigitalInput> buttons,
            DigitalInput relayAux, DigitalOutput enable, DutyOutput duty, Mpu6050 imu) {
        this.context = context;
        this.estop = estop;
        this.homeSwitch = homeSwitch;
        this.buttons = Map.copyOf(buttons);
        this.relayAux = relayAux;
        this.enable = enable;
        this.duty = duty;
        this.imu = imu;
    }

    /** The ids of the Pi4J providers that drive this table's I/O, sorted. */
    public List<String> providerIds() {
        TreeSet<String> ids = new TreeSet<>();
        for (IO<?, ?, ?> io : context.registry().all().values()) {
            ids.add(io.provider().id());
        }
        return new ArrayList<>(ids);
    }

    /** The e-stop contact is open (pressed, or its wire broken). */
    public boolean estopOpen() {
        return estop.state() != DigitalState.LOW;
    }

    /** The HOME end-stop is open (the bed at home, or its wire broken). */
    public boolean homeSwitchOpen() {
        return homeSwitch.state() != DigitalState.LOW;
    }

    /** The buttons whose contact is closed now, in {@link Button} order. */
    public List<Button> buttonsHeld() {
        List<Button> held = new ArrayList<>();
        for (Button b : Button.values()) {
            if (buttons.get(b).state() == DigitalState.LOW) {
                held.add(b);
            }
        }
        return held;
    }

    /** Whether {@code relay_aux_pin} is wired (not 0). */
    public boolean relayAuxWired() {
        return relayAux != null;
    }

    /**
     * The relay K2's auxiliary contact is closed (LOW): the relay is in. False when not wired.
     */
    public boolean relayAuxClosed() {
        return relayAux != null && relayAux.state() == DigitalState.LOW;
    }

    /** The H-bridge ENABLE output is HIGH. */
    public boolean motorEnableHigh() {
        return enable.state() == DigitalState.HIGH;
    }

    /** The motor's PWM duty as the output reports it (0..1; NaN when it cannot be read). */
    public double motorDutyReadBack() {
        return duty.readBack();
    }

    /** WHO_AM_I as the IMU answered at start, or -1 when it did not answer. */
    public int imuWhoAmI() {
        return imu.whoAmI();
    }
}
