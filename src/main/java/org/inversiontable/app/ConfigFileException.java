package org.inversiontable.app;

import java.util.List;

/** A configuration file that cannot be used, with every problem, one per line ({@code FILE:LINE: ...}). */
public final class ConfigFileException extends Exception {
    private final List<String> problems;

    public ConfigFileException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
