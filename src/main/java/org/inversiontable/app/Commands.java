package org.inversiontable.app;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inversiontable.config.CheckConfigCommand;
import org.inversiontable.config.ConfigFileParser;
import org.inversiontable.scenario.ScenarioTargetFactory;
import org.inversiontable.session.HistoryCommand;
import org.inversiontable.scenario.SimulatedSession;

/** The registry of commands, in the order the usage text lists them. */
public final class Commands {
    private Commands() {
    }

    /** Every command, wired to the given simulated table and configuration file reader. */
    public static Map<String, Command> standard(ScenarioTargetFactory targets, ConfigLoader configs) {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("scenario", new ScenarioCommand(targets, configs));
        commands.put("check-config", new Simple("check-config FILE",
                "validate a configuration file; exit 0, or 2 with every problem listed",
                (args, out, err) -> new CheckConfigCommand().run(args, out, err)));
        commands.put("history", new Simple("history [--config FILE]",
                "print the recorded sessions with weekly totals",
                (args, out, err) -> new HistoryCommand().run(args, out, err, ZoneId.systemDefault())));
        return Collections.unmodifiableMap(commands);
    }

    /** The commands of the shipped jar: the simulated table and the real configuration reader. */
    public static Map<String, Command> defaults() {
        return standard(SimulatedSession::new, ConfigFileParser::parse);
    }

    @FunctionalInterface
    private interface Runner {
        int run(List<String> args, PrintStream out, PrintStream err);
    }

    /** A command that is a synopsis, a summary and a function. */
    private record Simple(String synopsis, String summary, Runner runner) implements Command {
        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            return runner.run(args, out, err);
        }
    }
}
