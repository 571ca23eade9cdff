package org.inversiontable.simulator;

import org.inversiontable.hardware.Button;
import org.inversiontable.sim.FaultGroup;

/**
 * The simulated table as a person at the desktop handles it: the hand controller, the e-stop, the
 * fault menu and the user's weight, and what the table shows. The window and the terminal are
 * two faces of it; neither touches the controller or the physics directly.
 *
 * <p>Thread-safe: every method may be called from any thread (the Swing event thread, a
 * terminal's reader). An action takes effect at once on the simulated wires (the e-stop's event
 * reaches the motor gate on the calling thread, as the real input's event does on the Pi).
 */
public interface SimulatorControls {
    /** Presses or releases a button of the hand controller; a press holds until released. */
    void setButton(Button button, boolean pressed);

    /** The big red mushroom: pressed latches the contact open until it is released. */
    void setEstopPressed(boolean pressed);

    void inject(InjectableFault fault);

    /** Lifts every injected fault of the group (SPEC §9 {@code clear}). */
    void clear(FaultGroup group);

    /** The simulated user's weight, 40-150 kg; out of range is refused with IllegalArgumentException. */
    void setUserKg(double kg);

    /** The newest status; never null once the simulator has started. */
    SimulatorStatus status();

    /**
     * What the table's display shows now (SPEC §13), as its panel shows it: 128x64 pixels in the
     * SSD1306's page layout ({@code org.inversiontable.hardware.PixelDisplay}); empty when this
     * table has no display.
     */
    default java.util.Optional<byte[]> displayFrame() {
        return java.util.Optional.empty();
    }
}
