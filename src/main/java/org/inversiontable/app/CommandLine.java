package org.inversiontable.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one command: positional words and {@code --option VALUE} pairs.
 * <pre>{@code
 * CommandLine line = CommandLine.parse(args, Set.of("--config", "--trace"));
 * Path file = Path.of(line.onlyPositional("FILE"));
 * }</pre>
 */
public final class CommandLine {
    private final List<String> positional;
    private final Map<String, String> options;

    private CommandLine(List<String> positional, Map<String, String> options) {
        this.positional = List.copyOf(positional);
        this.options = Map.copyOf(options);
    }

    /** Every option takes a value; each may appear once; {@code --} ends the options. */
    public static CommandLine parse(List<String> args, Set<String> valueOptions) throws UsageException {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
            } else if (arg.equals("--")) {
                optionsEnded = true;
            } else if (!valueOptions.contains(arg)) {
                throw new UsageException("unknown option " + arg
                        + (valueOptions.isEmpty() ? "" : "; allowed: " + String.join(", ", valueOptions.stream().sorted().toList())));
            } else if (i + 1 >= args.size()) {
                throw new UsageException(arg + " needs a value");
            } else if (options.put(arg, args.get(++i)) != null) {
                throw new UsageException(arg + " is given twice");
            }
        }
        return new CommandLine(positional, options);
    }

    /** The one positional argument; {@code name} says what it is in the message when missing or extra. */
    public String onlyPositional(String name) throws UsageException {
        if (positional.isEmpty()) {
            throw new UsageException("missing " + name);
        }
        if (positional.size() > 1) {
            throw new UsageException("unexpected argument '" + positional.get(1) + "'");
        }
        return positional.get(0);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}
