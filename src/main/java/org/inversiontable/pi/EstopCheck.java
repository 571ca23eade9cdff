package org.inversiontable.pi;

import java.util.function.BooleanSupplier;

/**
 * The e-stop's contact is closed at start. An open contact is a pressed button or a broken wire
 * (SPEC §4); either way the table would start latched in ESTOP, so the run refuses and says
 * which, rather than starting a service that cannot move.
 */
public final class EstopCheck implements SelfTestCheck {
    private final BooleanSupplier estopOpen;
    private final int estopPin;

    public EstopCheck(BooleanSupplier estopOpen, int estopPin) {
        this.estopOpen = estopOpen;
        this.estopPin = estopPin;
    }

    @Override
    public String part() {
        return "e-stop";
    }

    @Override
    public CheckResult run() {
        if (estopOpen.getAsBoolean()) {
            return CheckResult.failed("the e-stop contact is open: release the e-stop (turn the red button), or, if it"
                    + " is released, find the broken wire between it and BCM " + estopPin + " (pin_estop)");
        }
        return CheckResult.passed("contact closed (BCM " + estopPin + ")");
    }
}
