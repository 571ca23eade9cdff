package org.inversiontable.scenario;

import java.util.Objects;
import org.inversiontable.sim.FaultGroup;

/** {@code clear imu|motor|home-switch}: the injected faults of that group stop. */
public record ClearAction(FaultGroup group) implements Action {
    public ClearAction {
        Objects.requireNonNull(group, "group");
    }

    @Override
    public String describe() {
        return "clear " + ScenarioWords.word(group);
    }
}
