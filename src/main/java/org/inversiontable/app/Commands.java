package org.inversiontable.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.inversiontable.config.ConfigFileParser;
import org.inversiontable.scenario.ScenarioTargetFactory;
import org.inversiontable.scenario.SimulatedSession;

/**
 * What the commands are built from (the simulated table, the configuration reader, the
 * simulator's state directory), so that tests can give their own; {@link #commands} lists them in
 * the order the usage text shows.
 */
public record Commands(ScenarioTargetFactory targets, ConfigLoader configs,
                       TraceSpaceCheck.UsableSpace traceSpace, Path simulatorStateDir) {

    public Commands(ScenarioTargetFactory targets, ConfigLoader configs, TraceSpaceCheck.UsableSpace traceSpace) {
        this(targets, configs, traceSpace, defaultSimulatorStateDir());
    }

    public static Commands standard(ScenarioTargetFactory targets, ConfigLoader configs) {
        return new Commands(targets, configs, TraceSpaceCheck.UsableSpace.DISK);
    }

    /** The commands of the shipped jar: the simulated table and the real configuration reader. */
    public static Commands defaults() {
        return standard(SimulatedSession::new, ConfigFileParser::parse);
    }

    private static Path defaultSimulatorStateDir() {
        return StateDirectory.of("simulator", System.getenv(), System.getProperty("user.home"));
    }

    /** Every command object by name, each writing to the given streams. */
    Map<String, Object> commands(PrintStream out, PrintStream err) {
        Map<String, Object> commands = new LinkedHashMap<>();
        commands.put("run", new RunCli(out, err));
        commands.put("calibrate", new CalibrateCli(out, err));
        commands.put("simulate", new SimulateCli(new SimulateCommand(configs, simulatorStateDir), out, err));
        commands.put("scenario", new ScenarioCli(new ScenarioCommand(targets, configs, traceSpace), out, err));
        commands.put("replay", new ReplayCli(out, err));
        commands.put("plot", new PlotCli(out, err));
        commands.put("check-config", new CheckConfigCli(out, err));
        commands.put("history", new HistoryCli(out, err));
        commands.put("bench", new BenchCli(out, err));
        return Collections.unmodifiableMap(commands);
    }
}
