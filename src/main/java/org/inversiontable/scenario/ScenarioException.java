package org.inversiontable.scenario;

import java.util.List;

/**
 * A scenario file that cannot run, with every problem found, each as {@code FILE:LINE: problem}.
 * The message is those lines, ready to print as they are.
 */
public final class ScenarioException extends Exception {
    private final List<String> problems;

    public ScenarioException(List<String> problems) {
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
