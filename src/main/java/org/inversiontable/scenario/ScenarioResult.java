package org.inversiontable.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The outcome of every expectation of a run, in file order, and how many ticks the run had. */
public record ScenarioResult(Path file, List<ExpectationOutcome> outcomes, long rowCount) {
    public ScenarioResult {
        Objects.requireNonNull(file, "file");
        outcomes = List.copyOf(outcomes);
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount must be >= 0, got " + rowCount);
        }
    }

    public boolean allHold() {
        return holdCount() == outcomes.size();
    }

    public int holdCount() {
        return (int) outcomes.stream().filter(ExpectationOutcome::holds).count();
    }
}
