package org.inversiontable.control;

import org.inversiontable.safety.TableEvent;
import org.inversiontable.hardware.MotorCommand;

/**
 * The controller's decision for one tick: its state, the motor command it wants (the
 * supervisor gates it before it reaches the H-bridge), and what the user should hear.
 *
 * <p>Not a record, so that the 100 Hz tick allocates nothing (SPEC §11): the controller owns one
 * and refills it in every {@code update}, so the output it returns is valid until the next tick and
 * confined to the control thread.
 *
 * <p>{@code event}: null or a short trace event of the controller's own ({@code preset_stored});
 * {@code stuckButton}: a button is being ignored as stuck (reported, not a motor fault: SPEC §4).
 */
public final class ControllerOutput {
    private TableState state;
    private MotorCommand command;
    private TableEvent event;
    private boolean stuckButton;

    /** Overwrites every value: the controller's output, once a tick, on the control thread. */
    ControllerOutput fill(TableState newState, MotorCommand newCommand, TableEvent newEvent, boolean newStuckButton) {
        this.state = newState;
        this.command = newCommand;
        this.event = newEvent;
        this.stuckButton = newStuckButton;
        return this;
    }

    public TableState state() {
        return state;
    }

    public MotorCommand command() {
        return command;
    }

    public TableEvent event() {
        return event;
    }

    public boolean stuckButton() {
        return stuckButton;
    }

    @Override
    public String toString() {
        return "ControllerOutput[state=" + state + ", command=" + command + ", event=" + event + ", stuckButton="
                + stuckButton + "]";
    }
}
