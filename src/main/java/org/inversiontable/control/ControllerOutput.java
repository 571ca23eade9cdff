package org.inversiontable.control;

import org.inversiontable.safety.TableEvent;
import org.inversiontable.hardware.MotorCommand;

/**
 * The controller's decision for one tick: its state, the motor command it wants (the
 * supervisor gates it before it reaches the H-bridge), and what the user should hear.
 *
 * @param event       null or a short trace event of the controller's own ({@code preset_stored})
 * @param stuckButton a button is being ignored as stuck (reported, not a motor fault: SPEC §4)
 */
public record ControllerOutput(TableState state, MotorCommand command, TableEvent event, boolean stuckButton) {
}
