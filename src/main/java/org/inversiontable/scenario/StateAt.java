package org.inversiontable.scenario;

import java.util.Objects;
import org.inversiontable.control.TableState;

/** {@code expect state NAME at T}: the last row with {@code t_s <= T} has that state. */
public record StateAt(TableState state, long atNanos, int line) implements Expectation {
    public StateAt {
        Objects.requireNonNull(state, "state");
        Expectation.checkTime(atNanos);
        Expectation.checkLine(line);
    }

    @Override
    public String describe() {
        return "state " + state + " at " + ScenarioWords.seconds(atNanos) + " s";
    }
}
