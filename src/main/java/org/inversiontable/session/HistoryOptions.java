package org.inversiontable.session;

import java.util.List;
import java.util.Optional;

/**
 * The arguments of {@code history [--config FILE] [--json]}, in any order, each at most once.
 *
 * @param config the configuration file as given, if any
 * @param json   one JSON document for tools instead of the table for people
 * @param help   {@code --help} or {@code -h} alone
 */
record HistoryOptions(Optional<String> config, boolean json, boolean help) {
    static final String USAGE = "usage: history [--config FILE] [--json]";

    /** @throws IllegalArgumentException saying which argument is wrong */
    static HistoryOptions parse(List<String> args) {
        if (args.equals(List.of("--help")) || args.equals(List.of("-h"))) {
            return new HistoryOptions(Optional.empty(), false, true);
        }
        Optional<String> config = Optional.empty();
        boolean json = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--json" -> {
                    if (json) {
                        throw new IllegalArgumentException("--json given twice");
                    }
                    json = true;
                }
                case "--config" -> {
                    if (config.isPresent()) {
                        throw new IllegalArgumentException("--config given twice");
                    }
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("--config needs a FILE");
                    }
                    config = Optional.of(args.get(++i));
                }
                default -> throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
        }
        return new HistoryOptions(config, json, false);
    }
}
