package org.inversiontable.scenario;

/**
 * One {@code expect} statement (SPEC §9), checked against the trace rows of the run by
 * {@link ScenarioRunner}. Each carries the line it came from so a failure points at the file.
 */
public sealed interface Expectation permits StateAt, AngleAt, MaxAngleAtMost, MaxInvertedAtMost {

    /** The 1-based line of the scenario file. */
    int line();

    /** What is expected, in words and units, for the summary. */
    String describe();

    /** The time a timed expectation looks at; empty for one over the whole run. */
    static java.util.OptionalLong timeOf(Expectation e) {
        return switch (e) {
            case StateAt s -> java.util.OptionalLong.of(s.atNanos());
            case AngleAt a -> java.util.OptionalLong.of(a.atNanos());
            case MaxAngleAtMost m -> java.util.OptionalLong.empty();
            case MaxInvertedAtMost m -> java.util.OptionalLong.empty();
        };
    }

    static void checkLine(int line) {
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, got " + line);
        }
    }

    static void checkTime(long atNanos) {
        if (atNanos < 0) {
            throw new IllegalArgumentException("atNanos must be >= 0, got " + atNanos);
        }
    }

    static void checkFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }
}
