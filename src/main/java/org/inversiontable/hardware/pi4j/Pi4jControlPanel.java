package org.inversiontable.hardware.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.Map;
import org.inversiontable.hardware.Button;
import org.inversiontable.hardware.ControlPanel;
import org.inversiontable.hardware.Debouncer;
import org.inversiontable.hardware.PanelReading;
import org.inversiontable.time.Clock;

/**
 * The e-stop, the HOME end-stop and the buttons, read from Pi4J digital inputs (SPEC §4).
 *
 * <pre>{@code
 * ControlPanel panel = new Pi4jControlPanel(estop, home, buttons, clock, pins.debounceNanos());
 * panel.onEstopOpened(hbridge::inhibit);   // acts on the edge itself (SPEC §11)
 * PanelReading now = panel.read();         // once per tick, debounced
 * }</pre>
 *
 * <p>Electrical convention (pull-ups everywhere): e-stop LOW = contact closed = OK, anything else
 * = stop, so a broken wire stops; HOME LOW = away, anything else = at home, so a broken wire
 * blocks motion toward upright; buttons LOW = pressed. An input whose state is UNKNOWN therefore
 * reads as stop / at home / released: the safe side in every case.
 *
 * <p>{@link #read()} is for the control thread only; the e-stop listener may run on a Pi4J thread.
 */
public final class Pi4jControlPanel implements ControlPanel {
    private static final Button[] BUTTONS = Button.values();

    private final DigitalInput estop;
    private final DigitalInput homeSwitch;
    private final DigitalInput[] buttons = new DigitalInput[BUTTONS.length];
    private final Clock clock;
    private final Debouncer estopStop;
    private final Debouncer homeAtHome;
    private final Debouncer[] buttonPressed = new Debouncer[BUTTONS.length];

    public Pi4jControlPanel(DigitalInput estop, DigitalInput homeSwitch, Map<Button, DigitalInput> buttons,
                            Clock clock, long debounceNanos) {
        if (estop == null || homeSwitch == null || buttons == null || clock == null) {
            throw new IllegalArgumentException("estop, homeSwitch, buttons and clock must not be null");
        }
        this.estop = estop;
        this.homeSwitch = homeSwitch;
        this.clock = clock;
        // Start on the safe side: "stop" and "at home" until the inputs have shown otherwise
        // for the debounce time, and every button held until it has been seen released, so a
        // button held through a restart never reads as a fresh press (SPEC §4, §7).
        this.estopStop = Debouncer.immediateWhenTrue(debounceNanos, true);
        this.homeAtHome = Debouncer.immediateWhenTrue(debounceNanos, true);
        for (Button b : BUTTONS) {
            DigitalInput input = buttons.get(b);
            if (input == null) {
                throw new IllegalArgumentException("buttons has no input for " + b);
            }
            this.buttons[b.ordinal()] = input;
            this.buttonPressed[b.ordinal()] = Debouncer.symmetric(debounceNanos, true);
        }
    }

    @Override
    public PanelReading read() {
        long nowNanos = clock.nanoTime();
        boolean stop = estopStop.update(estop.state() != DigitalState.LOW, nowNanos);
        boolean atHome = homeAtHome.update(homeSwitch.state() != DigitalState.LOW, nowNanos);
        int mask = 0;
        for (int i = 0; i < buttons.length; i++) {
            if (buttonPressed[i].update(buttons[i].state() == DigitalState.LOW, nowNanos)) {
                mask |= BUTTONS[i].bit();
            }
        }
        return PanelReading.of(stop, atHome, mask);
    }

    /**
     * Runs {@code action} synchronously in the input's own event (on gpiod, a Pi4J thread; on the
     * mock, the thread that changes the pin), not at the next tick: the e-stop must cut the motor
     * within a millisecond (SPEC §11). Fires on every change away from LOW.
     */
    @Override
    public void onEstopOpened(Runnable action) {
        if (action == null) {
            throw new IllegalArgumentException("action must not be null");
        }
        estop.addListener(event -> {
            if (event.state() != DigitalState.LOW) {
                action.run();
            }
        });
    }
}
