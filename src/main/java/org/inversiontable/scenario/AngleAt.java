package org.inversiontable.scenario;

/**
 * {@code expect angle X +- TOL at T}: the true angle of the last row with {@code t_s <= T} is
 * within {@code tolDeg} of {@code deg}.
 */
public record AngleAt(double deg, double tolDeg, long atNanos, int line) implements Expectation {
    public AngleAt {
        Expectation.checkFinite("deg", deg);
        Expectation.checkFinite("tolDeg", tolDeg);
        if (tolDeg < 0) {
            throw new IllegalArgumentException("tolDeg must be >= 0, got " + tolDeg);
        }
        Expectation.checkTime(atNanos);
        Expectation.checkLine(line);
    }

    @Override
    public String describe() {
        return "angle " + deg + " +- " + tolDeg + " deg at " + ScenarioWords.seconds(atNanos) + " s";
    }
}
