package org.inversiontable.pi;

import java.util.List;

/**
 * The Pi4J providers that drive the table are the real ones (SPEC §8, hazard H16): on a Pi,
 * gpiod for the pins and linuxfs for I2C, never the raspberrypi plugin's no-op stand-ins, whose
 * I2C reads 0 and whose PWM does nothing. Logs the board model and the PWM channel in use.
 */
public final class ProviderCheck implements SelfTestCheck {
    private final List<String> providerIds;
    private final List<String> allowedPrefixes;
    private final String board;
    private final String pwm;

    /**
     * @param providerIds     the ids of the providers that drive the table's I/O
     * @param allowedPrefixes the id prefixes accepted ({@code gpiod-}, {@code linuxfs-} on a Pi)
     * @param board           the board model, for the log
     * @param pwm             where the motor's PWM is, for the log
     */
    public ProviderCheck(List<String> providerIds, List<String> allowedPrefixes, String board, String pwm) {
        this.providerIds = List.copyOf(providerIds);
        this.allowedPrefixes = List.copyOf(allowedPrefixes);
        this.board = board;
        this.pwm = pwm;
    }

    @Override
    public String part() {
        return "Pi4J providers";
    }

    @Override
    public CheckResult run() {
        if (providerIds.isEmpty()) {
            return CheckResult.failed("no Pi4J provider drives the table's I/O. Reinstall the package"
                    + " (it carries pi4j-plugin-gpiod and pi4j-plugin-linuxfs 3.0.3)");
        }
        for (String id : providerIds) {
            if (allowedPrefixes.stream().noneMatch(id::startsWith)) {
                return CheckResult.failed("provider '" + id + "' drives the table's I/O, expected only "
                        + String.join(", ", allowedPrefixes.stream().map(p -> p + "*").toList())
                        + ". Install pi4j-plugin-gpiod and pi4j-plugin-linuxfs 3.0.3 (a 'raspberrypi-' provider is a"
                        + " no-op stand-in that drives nothing)");
            }
        }
        return CheckResult.passed(String.join(", ", providerIds) + "; board " + board + "; motor PWM " + pwm);
    }
}
