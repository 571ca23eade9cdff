package org.inversiontable.scenario;

/** {@code expect max_angle <= X}: no row's true angle exceeds X over the whole run. */
public record MaxAngleAtMost(double deg, int line) implements Expectation {
    public MaxAngleAtMost {
        Expectation.checkFinite("deg", deg);
        Expectation.checkLine(line);
    }

    @Override
    public String describe() {
        return "max angle <= " + deg + " deg";
    }
}
