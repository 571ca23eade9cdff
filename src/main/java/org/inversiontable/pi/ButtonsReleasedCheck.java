package org.inversiontable.pi;

import java.util.List;
import java.util.function.Supplier;
import org.inversiontable.hardware.Button;

/**
 * Every button of the hand controller reads released at start. A held button would act only
 * after a release (SPEC §4), but one held at start is more often a shorted cable or a stuck key,
 * which the user should hear about before the table is in use.
 */
public final class ButtonsReleasedCheck implements SelfTestCheck {
    private final Supplier<List<Button>> held;

    public ButtonsReleasedCheck(Supplier<List<Button>> held) {
        this.held = held;
    }

    @Override
    public String part() {
        return "buttons";
    }

    @Override
    public CheckResult run() {
        List<Button> now = held.get();
        if (!now.isEmpty()) {
            return CheckResult.failed("a button is held or shorted: " + String.join(", ",
                    now.stream().map(Enum::name).toList()) + ". Let go of the hand controller; if nobody holds it,"
                    + " check its cable for a short to ground");
        }
        return CheckResult.passed("all released");
    }
}
