package org.inversiontable.pi;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * Every motor output is in its safe state before the table runs: ENABLE LOW and the PWM duty 0,
 * the duty read back from the output itself (on a Pi, the sysfs file): a channel left running by
 * a killed process, or an ENABLE held HIGH by something else on the pin, shows here.
 */
public final class OutputsSafeCheck implements SelfTestCheck {
    private final BooleanSupplier enableHigh;
    private final DoubleSupplier dutyReadBack;

    public OutputsSafeCheck(BooleanSupplier enableHigh, DoubleSupplier dutyReadBack) {
        this.enableHigh = enableHigh;
        this.dutyReadBack = dutyReadBack;
    }

    @Override
    public String part() {
        return "motor outputs";
    }

    @Override
    public CheckResult run() {
        if (enableHigh.getAsBoolean()) {
            return CheckResult.failed("ENABLE reads HIGH before the table runs: another program or overlay drives"
                    + " pin_motor_enable; stop it (the H-bridge must be off at start)");
        }
        double duty = dutyReadBack.getAsDouble();
        if (Double.isNaN(duty)) {
            return CheckResult.failed("the motor PWM's duty cannot be read back: check the PWM overlay and that the"
                    + " service user may read /sys/class/pwm (gpio group)");
        }
        if (duty != 0.0) {
            return CheckResult.failed(String.format(java.util.Locale.ROOT,
                    "the motor PWM reads a duty of %.4f, not 0: another program drives the channel", duty));
        }
        return CheckResult.passed("ENABLE LOW, PWM duty 0");
    }
}
