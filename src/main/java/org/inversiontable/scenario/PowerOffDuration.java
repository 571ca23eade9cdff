package org.inversiontable.scenario;

import java.math.BigDecimal;
import java.util.List;

/**
 * Reads the DURATION of {@code power-off DURATION} (SPEC §9): a number and a unit in one word,
 * {@code 90s}, {@code 45m}, {@code 36h}, {@code 2d}. Decimals are allowed ({@code 1.5h}) and
 * exact (BigDecimal, as scenario times are); a bare number is refused, because whether
 * {@code power-off 2} meant seconds or days cannot be guessed and the two differ by 86400x.
 */
final class PowerOffDuration {
    /**
     * A little over a year: longer than any break between sessions that a history or progression
     * test needs, short enough that a typo ({@code 2000d}) is caught rather than run.
     */
    static final long MAX_DAYS = 400;
    static final long MAX_NANOS = MAX_DAYS * 86_400L * 1_000_000_000L;
    static final String UNITS = "s (seconds), m (minutes), h (hours), d (days)";
    private static final String EXAMPLES = "e.g. 90s, 45m, 36h, 2d, 1.5h";

    private record Unit(String suffix, long seconds) {
    }

    private static final List<Unit> UNIT_LIST = List.of(new Unit("s", 1), new Unit("m", 60), new Unit("h", 3600),
            new Unit("d", 86_400));

    private PowerOffDuration() {
    }

    /** @param next the word after the duration, if any: "2 d" gets a hint to write it as one word */
    static long nanos(String token, String next) throws LineProblem {
        Unit unit = UNIT_LIST.stream().filter(u -> token.endsWith(u.suffix())).findFirst().orElse(null);
        if (unit == null) {
            boolean spaced = next != null && UNIT_LIST.stream().anyMatch(u -> u.suffix().equals(next));
            throw new LineProblem("power-off duration '" + token + "' has no unit; "
                    + (spaced ? "write the number and its unit as one word (" + token + next + "); " : "")
                    + "allowed units: " + UNITS + ", " + EXAMPLES);
        }
        String number = token.substring(0, token.length() - unit.suffix().length());
        BigDecimal amount;
        try {
            amount = new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw new LineProblem("power-off duration '" + token + "' is not a number followed by a unit; allowed units: "
                    + UNITS + ", " + EXAMPLES);
        }
        if (amount.signum() <= 0) {
            throw new LineProblem("power-off duration '" + token + "' must be more than 0");
        }
        BigDecimal nanos = amount.multiply(BigDecimal.valueOf(unit.seconds())).movePointRight(9);
        if (nanos.compareTo(BigDecimal.valueOf(MAX_NANOS)) > 0) {
            throw new LineProblem("power-off duration '" + token + "' is too long; at most " + MAX_DAYS + "d");
        }
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new LineProblem("power-off duration '" + token + "' is finer than 1 ns; use fewer decimals");
        }
        return nanos.longValueExact();
    }
}
