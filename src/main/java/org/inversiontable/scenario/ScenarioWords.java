package org.inversiontable.scenario;

import java.util.Locale;

/** How enum constants are spelt in scenario files: lower case, '-' for '_' ({@code home-switch}). */
final class ScenarioWords {
    private ScenarioWords() {
    }

    static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Seconds as a scenario file writes them: exact, no trailing zeros ({@code 10.1}). */
    static String seconds(long nanos) {
        return java.math.BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString();
    }
}
