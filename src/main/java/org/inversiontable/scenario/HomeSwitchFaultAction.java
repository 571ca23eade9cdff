package org.inversiontable.scenario;

import java.util.Objects;
import org.inversiontable.sim.HomeSwitchFault;

/** {@code fault home-switch stuck-open|stuck-closed}. */
public record HomeSwitchFaultAction(HomeSwitchFault kind) implements Action {
    public HomeSwitchFaultAction {
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String describe() {
        return "fault home-switch " + ScenarioWords.word(kind);
    }
}
