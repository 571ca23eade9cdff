package org.inversiontable.scenario;

import java.util.Objects;

/** Whether one expectation held, and what the run showed instead. */
public record ExpectationOutcome(Expectation expectation, boolean holds, String observed) {
    public ExpectationOutcome {
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(observed, "observed");
    }

    public int line() {
        return expectation.line();
    }

    public String expected() {
        return expectation.describe();
    }
}
