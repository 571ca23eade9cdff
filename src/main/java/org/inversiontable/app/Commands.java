package org.inversiontable.app;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.inversiontable.scenario.ScenarioTargetFactory;

/** The registry of commands, in the order the usage text lists them. */
public final class Commands {
    private Commands() {
    }

    /** Every command, wired to the given simulated table and configuration file reader. */
    public static Map<String, Command> standard(ScenarioTargetFactory targets, ConfigLoader configs) {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("scenario", new ScenarioCommand(targets, configs));
        return Collections.unmodifiableMap(commands);
    }

    /**
     * The commands of the shipped jar. The simulated table and the configuration file reader
     * are not wired yet: using them reports an internal error (exit 3), not a stack trace.
     */
    public static Map<String, Command> defaults() {
        ScenarioTargetFactory notWiredTargets = (config, start) -> {
            throw new IllegalStateException("not wired: no simulated table factory yet");
        };
        ConfigLoader notWiredConfigs = file -> {
            throw new IllegalStateException("not wired: no configuration file reader yet");
        };
        return standard(notWiredTargets, notWiredConfigs);
    }
}
