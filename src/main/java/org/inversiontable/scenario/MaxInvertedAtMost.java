package org.inversiontable.scenario;

/** {@code expect max_inverted_s <= X}: no row's {@code inverted_s} exceeds X over the whole run. */
public record MaxInvertedAtMost(double seconds, int line) implements Expectation {
    public MaxInvertedAtMost {
        Expectation.checkFinite("seconds", seconds);
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must be >= 0, got " + seconds);
        }
        Expectation.checkLine(line);
    }

    @Override
    public String describe() {
        return "max inverted time <= " + seconds + " s";
    }
}
