package org.inversiontable.scenario;

import java.util.Objects;

/** An action at a simulated time, with the scenario line it came from (a click gives two). */
public record TimedAction(long atNanos, int line, Action action) {
    public TimedAction {
        if (atNanos < 0) {
            throw new IllegalArgumentException("atNanos must be >= 0, got " + atNanos);
        }
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, got " + line);
        }
        Objects.requireNonNull(action, "action");
    }
}
