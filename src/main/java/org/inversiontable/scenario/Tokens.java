package org.inversiontable.scenario;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Reads the words of a scenario line: times, numbers, names, key=value pairs. */
final class Tokens {
    /** Large enough for any session, small enough that adding a click's 0.1 s cannot overflow. */
    static final BigDecimal MAX_TIME_S = BigDecimal.valueOf(1_000_000_000L);

    private Tokens() {
    }

    /**
     * Seconds to nanoseconds exactly: BigDecimal, never double, so {@code at 0.3} is 300000000 ns
     * and statements meant for the same tick are not split by binary rounding.
     */
    static long nanos(String token, String what) throws LineProblem {
        BigDecimal seconds = decimal(token, what + " (seconds)");
        if (seconds.signum() < 0) {
            throw new LineProblem("negative time " + token + " for " + what + "; times are seconds from the start, >= 0");
        }
        if (seconds.compareTo(MAX_TIME_S) > 0) {
            throw new LineProblem("time " + token + " for " + what + " is too large; at most " + MAX_TIME_S + " s");
        }
        BigDecimal nanos = seconds.movePointRight(9);
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new LineProblem("time " + token + " for " + what + " is finer than 1 ns; use at most 9 decimals");
        }
        return nanos.longValueExact();
    }

    /** A finite decimal number; BigDecimal's grammar refuses Java's "NaN", "Infinity", "0x1p3", "1d". */
    static double number(String token, String what) throws LineProblem {
        double value = decimal(token, what).doubleValue();
        if (!Double.isFinite(value)) {
            throw new LineProblem("'" + token + "' for " + what + " is too large");
        }
        return value;
    }

    static double number(String token, String what, double min, double max) throws LineProblem {
        double value = number(token, what);
        if (value < min || value > max) {
            throw new LineProblem(what + "=" + token + " is out of range; allowed: a number from "
                    + plain(min) + " to " + plain(max));
        }
        return value;
    }

    static long integer(String token, String what) throws LineProblem {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw new LineProblem("'" + token + "' for " + what + " is not a whole number");
        }
    }

    private static BigDecimal decimal(String token, String what) throws LineProblem {
        try {
            return new BigDecimal(token);
        } catch (NumberFormatException e) {
            throw new LineProblem("'" + token + "' for " + what + " is not a number");
        }
    }

    /** A name from a closed set, spelt exactly as the SPEC spells it. */
    static <E extends Enum<E>> E name(String token, String what, Class<E> type, List<String> spellings)
            throws LineProblem {
        int index = spellings.indexOf(token);
        if (index < 0) {
            throw new LineProblem("unknown " + what + " '" + token + "'; allowed: " + String.join(", ", spellings));
        }
        return type.getEnumConstants()[index];
    }

    static <E extends Enum<E>> List<String> upperNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toList());
    }

    static <E extends Enum<E>> List<String> words(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ScenarioWords::word).collect(Collectors.toList());
    }

    /** {@code key=value} with no spaces around '=' and neither side empty. */
    static String[] pair(String token, String example) throws LineProblem {
        int eq = token.indexOf('=');
        if (eq <= 0 || eq == token.length() - 1 || token.indexOf('=', eq + 1) >= 0) {
            throw new LineProblem("'" + token + "' is not key=value; write each setting as one word with no spaces, e.g. "
                    + example);
        }
        return new String[] {token.substring(0, eq), token.substring(eq + 1)};
    }

    static void expectEnd(List<String> tokens, int from, String form) throws LineProblem {
        if (tokens.size() > from) {
            throw new LineProblem("unexpected '" + tokens.get(from) + "' after " + form);
        }
    }

    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
