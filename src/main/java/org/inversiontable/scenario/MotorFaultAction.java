package org.inversiontable.scenario;

import java.util.Locale;
import java.util.Objects;
import org.inversiontable.sim.MotorFault;

/** {@code fault motor stall|reversed|runaway}. */
public record MotorFaultAction(MotorFault kind) implements Action {
    public MotorFaultAction {
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String describe() {
        return "fault motor " + kind.name().toLowerCase(Locale.ROOT);
    }
}
